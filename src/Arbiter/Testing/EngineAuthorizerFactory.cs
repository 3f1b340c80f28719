using Arbiter.Model;

namespace Arbiter.Testing;

/// <summary>Makes an in-memory engine over a model with some tuples and attribute values written: the default evaluator of test files and the CLI.</summary>
internal static class EngineAuthorizerFactory
{
    /// <exception cref="ArbiterException">A tuple does not fit the model.</exception>
    public static AuthorizationEngine Create(AuthorizationModel model, IReadOnlyList<RelationshipTuple> tuples) => Create(model, tuples, []);

    /// <summary>
    /// Makes the engine and writes the tuples, then the attribute entries: entries for the same entity are merged in order,
    /// a later value overriding an earlier value of the same attribute.
    /// </summary>
    /// <exception cref="ArbiterException">A tuple does not fit the model, or an attribute entry does not (the message names the entry).</exception>
    public static AuthorizationEngine Create(AuthorizationModel model, IReadOnlyList<RelationshipTuple> tuples, IReadOnlyList<StoreAttributes> attributes)
    {
        var engine = AuthorizationEngine.Create(model);
        // A tuple is identified by object, relation and subject: the first of several with the same key is kept.
        var unique = tuples.DistinctBy(static t => (t.Object, t.Relation, t.Subject)).ToList();
        if (unique.Count > 0)
        {
            engine.Write(unique, null);
        }
        WriteAttributes(engine, model, attributes);
        return engine;
    }

    /// <summary>Writes attribute entries, merged per entity in order (a later value of an attribute overrides an earlier one).</summary>
    /// <exception cref="ArbiterException">An entry does not fit the model; the message names it with its file and line.</exception>
    public static void WriteAttributes(AuthorizationEngine engine, AuthorizationModel model, IReadOnlyList<StoreAttributes> attributes)
    {
        if (attributes.Count == 0)
        {
            return;
        }
        var merged = new Dictionary<ObjectRef, Dictionary<string, object?>>();
        foreach (var entry in attributes)
        {
            if (!merged.TryGetValue(entry.Entity, out var values))
            {
                merged[entry.Entity] = values = new Dictionary<string, object?>(StringComparer.Ordinal);
            }
            foreach (var (name, value) in entry.Values)
            {
                values[name] = value;
            }
        }
        try
        {
            engine.WriteAttributes(merged.Select(static e => new EntityAttributes(e.Key, e.Value)).ToList());
        }
        catch (ArbiterException ex)
        {
            // Name the entry in the file: the first one an engine refuses on its own (with that refusal's message).
            throw FindCulprit(model, attributes) is ({ } entry, { } refusal)
                ? new ArbiterException(refusal.Code, $"the attributes entry {entry} does not fit the model: {refusal.Message}")
                : new ArbiterException(ex.Code, $"the attributes do not fit the model: {ex.Message}");
        }
    }

    private static (StoreAttributes? Entry, ArbiterException? Refusal) FindCulprit(AuthorizationModel model, IReadOnlyList<StoreAttributes> attributes)
    {
        var scratch = AuthorizationEngine.Create(model);
        foreach (var entry in attributes)
        {
            try
            {
                scratch.WriteAttributes([new EntityAttributes(entry.Entity, entry.Values)]);
            }
            catch (ArbiterException ex)
            {
                return (entry, ex);
            }
        }
        return (null, null);
    }
}
