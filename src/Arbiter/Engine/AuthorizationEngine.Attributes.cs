using System.Collections.Frozen;
using Arbiter.Conditions;
using Arbiter.Engine;

namespace Arbiter;

public sealed partial class AuthorizationEngine
{
    /// <summary>
    /// Stores attribute values of entities atomically and returns the new revision. Each entry replaces all of that
    /// entity's values; <paramref name="clear"/> removes all values of the listed entities (an entity without values is
    /// fine). Values are checked against the current model: every name must be an attribute the entity's type declares and
    /// every value must convert to the declared type. On any error nothing is written.
    /// </summary>
    /// <param name="set">The entities and their new values.</param>
    /// <param name="clear">Entities whose values are removed.</param>
    /// <returns>The new revision (the current one, unchanged, when both lists are empty).</returns>
    /// <exception cref="ArbiterException">
    /// An entity's type is not in the model (<see cref="ArbiterErrorCode.TypeNotFound"/>); an entity is malformed or
    /// listed twice, an attribute is not declared, a value does not convert or exceeds the context size limits, or the
    /// write has more than <see cref="AuthorizationEngineOptions.MaxTuplesPerWrite"/> entities
    /// (<see cref="ArbiterErrorCode.ValidationError"/>). The message names the entity and the attribute.
    /// </exception>
    public long WriteAttributes(IReadOnlyList<EntityAttributes> set, IReadOnlyList<ObjectRef>? clear = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        ThrowIfBound();
        clear ??= [];
        var total = (long)set.Count + clear.Count;
        if (total > _options.MaxTuplesPerWrite)
        {
            throw new ArbiterException(ArbiterErrorCode.ValidationError,
                $"an attribute write may carry at most {_options.MaxTuplesPerWrite} entities but this one has {total}");
        }
        lock (_writeLock)
        {
            var state = State;
            if (total == 0)
            {
                return state.Index.Revision;
            }
            var seen = new HashSet<(string, string)>();
            var validated = new List<(CompiledType Type, string Id, StoredAttributes Values)>(set.Count);
            foreach (var entry in set)
            {
                validated.Add(ValidateAttributes(state, entry, seen));
            }
            var cleared = new List<int>(clear.Count);
            foreach (var entity in clear)
            {
                var type = ValidateEntity(state, entity, seen);
                var id = _tables.Entities.Find(type.TypeId, entity.Id);
                if (id >= 0)
                {
                    cleared.Add(id);
                }
            }

            var entities = _tables.Entities;
            var stored = new List<KeyValuePair<int, StoredAttributes>>(validated.Count);
            entities.BeginWrite(validated.Count);
            try
            {
                foreach (var (type, id, values) in validated)
                {
                    stored.Add(KeyValuePair.Create(entities.GetOrAdd(type.TypeId, id), values));
                }
            }
            finally
            {
                entities.EndWrite();
            }
            var revision = state.Index.Revision + 1;
            Publish(new EngineState(state.Model, state.Index.WithRevision(revision), state.Attributes.With(stored, cleared), state.ReverseIfBuilt?.WithRevision(revision)));
            return revision;
        }
    }

    /// <summary>Checks one entity's attribute values against the model and makes the private copy that is stored.</summary>
    private (CompiledType Type, string Id, StoredAttributes Values) ValidateAttributes(EngineState state, EntityAttributes? entry, HashSet<(string, string)> seen)
    {
        if (entry is null || entry.Values is null)
        {
            throw new ArbiterException(ArbiterErrorCode.ValidationError, "an attribute entry or its values is null");
        }
        var type = ValidateEntity(state, entry.Entity, seen);
        if (!_options.ContextLimits.TryValidate(entry.Values, out var limit))
        {
            throw new ArbiterException(ArbiterErrorCode.ValidationError, $"invalid attributes of '{entry.Entity}': {limit}");
        }
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, raw) in entry.Values)
        {
            if (!type.AttributeIndex.TryGetValue(name ?? string.Empty, out var index))
            {
                throw new ArbiterException(ArbiterErrorCode.ValidationError, $"invalid attributes of '{entry.Entity}': {NotDeclared(type, name)}");
            }
            if (!CelValue.TryConvert(raw, type.AttributeTypes[index], out _, out var error, _options.Cel))
            {
                throw new ArbiterException(ArbiterErrorCode.ValidationError,
                    $"invalid attributes of '{entry.Entity}': the value of '{name}' does not convert to {type.AttributeTypes[index]}: {error}");
            }
            copy[name!] = StoredAttributes.Copy(raw);
        }
        return (type, entry.Entity.Id, new StoredAttributes(copy.ToFrozenDictionary(StringComparer.Ordinal)));
    }

    /// <summary>The stored attribute values of an entity (an empty dictionary when it has none).</summary>
    /// <param name="entity">The entity.</param>
    public IReadOnlyDictionary<string, object?> ReadAttributes(ObjectRef entity)
    {
        var state = State;
        if (string.IsNullOrEmpty(entity.Type) || string.IsNullOrEmpty(entity.Id) || !_tables.Types.TryGetId(entity.Type, out var typeId))
        {
            return FrozenDictionary<string, object?>.Empty;
        }
        return state.Attributes.Get(_tables.Entities.Find(typeId, entity.Id))?.Values ?? FrozenDictionary<string, object?>.Empty;
    }

    /// <summary>The number of entities with stored attribute values.</summary>
    public int AttributeEntityCount => State.Attributes.Count;

    private static CompiledType ValidateEntity(EngineState state, ObjectRef entity, HashSet<(string, string)> seen)
    {
        if (string.IsNullOrEmpty(entity.Type) || string.IsNullOrEmpty(entity.Id) || entity.Id == SubjectRef.WildcardId)
        {
            throw new ArbiterException(ArbiterErrorCode.ValidationError, $"invalid entity '{entity}': an entity with attributes is 'type:id'");
        }
        var type = state.Model.FindType(entity.Type)
            ?? throw new ArbiterException(ArbiterErrorCode.TypeNotFound, $"invalid entity '{entity}': the type '{entity.Type}' is not defined in the model");
        if (!seen.Add((entity.Type, entity.Id)))
        {
            throw new ArbiterException(ArbiterErrorCode.ValidationError, $"invalid entity '{entity}': it appears more than once in this write");
        }
        return type;
    }

    private static string NotDeclared(CompiledType type, string? name) =>
        $"the type '{type.Name}' declares no attribute '{name}'"
        + (type.AttributeNames.Length == 0 ? " (it declares no attributes)" : $" (declared: {string.Join(", ", type.AttributeNames)})");

    /// <summary>
    /// The subject's attribute values for one request (stored, overridden by the request's), or <see langword="null"/>
    /// when no condition can read them; refuses request values for a subject that is not an entity.
    /// </summary>
    private CelValue[]? SubjectAttributes(EngineState state, SubjectRef subject, int userType, int userEntity, int userRelation,
        IReadOnlyDictionary<string, object?>? given)
    {
        if (given is { Count: > 0 } && userRelation != SubjectKind.Plain)
        {
            throw new ArbiterException(ArbiterErrorCode.ValidationError, $"invalid subject attributes: the subject '{subject}' is not an entity ('type:id')");
        }
        return userRelation == SubjectKind.Plain && (state.Model.HasAttributes || given is { Count: > 0 })
            ? RequestAttributes(state, state.Model.TypeById(userType)!, userEntity, given, "subject")
            : null;
    }

    /// <summary>
    /// The attribute values an entity has for one request: its stored values, each overridden by the request's value of
    /// the same attribute. Refuses (a validation error naming the attribute) a request value that is not declared or does not convert.
    /// </summary>
    private CelValue[]? RequestAttributes(EngineState state, CompiledType type, int entity, IReadOnlyDictionary<string, object?>? given, string role)
    {
        var stored = state.Attributes.Get(entity)?.For(type, _options.Cel);
        if (given is null || given.Count == 0)
        {
            return stored;
        }
        if (!_options.ContextLimits.TryValidate(given, out var limit))
        {
            throw new ArbiterException(ArbiterErrorCode.ValidationError, $"invalid {role} attributes: {limit}");
        }
        var values = stored is null ? new CelValue[type.AttributeNames.Length] : (CelValue[])stored.Clone();
        foreach (var (name, raw) in given)
        {
            if (!type.AttributeIndex.TryGetValue(name ?? string.Empty, out var index))
            {
                throw new ArbiterException(ArbiterErrorCode.ValidationError, $"invalid {role} attributes: {NotDeclared(type, name)}");
            }
            if (!CelValue.TryConvert(raw, type.AttributeTypes[index], out values[index], out var error, _options.Cel))
            {
                throw new ArbiterException(ArbiterErrorCode.ValidationError,
                    $"invalid {role} attributes: the value of '{name}' does not convert to {type.AttributeTypes[index]}: {error}");
            }
        }
        return values;
    }
}
