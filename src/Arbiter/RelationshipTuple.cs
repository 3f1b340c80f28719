using System.Diagnostics.CodeAnalysis;

namespace Arbiter;

/// <summary>
/// A relationship: <c>object#relation@subject</c>, e.g. <c>document:1#viewer@user:anne</c>,
/// optionally with a condition that must hold for the relationship to count.
/// </summary>
/// <param name="Object">The object (resource).</param>
/// <param name="Relation">The relation.</param>
/// <param name="Subject">The subject: <c>type:id</c>, <c>type:*</c> or <c>type:id#relation</c>.</param>
/// <param name="Condition">The condition and its context, or <see langword="null"/>.</param>
public sealed record RelationshipTuple(ObjectRef Object, string Relation, SubjectRef Subject, TupleCondition? Condition = null)
{
    /// <summary>Creates a tuple from OpenFGA's three strings: object, relation and user.</summary>
    /// <exception cref="TupleFormatException">A part is malformed.</exception>
    public static RelationshipTuple Create(string @object, string relation, string subject, TupleCondition? condition = null)
    {
        var obj = ObjectRef.Parse(@object);
        if (!Identifiers.IsValidRelationName(relation ?? string.Empty, out var error))
        {
            throw new TupleFormatException($"{@object}#{relation}@{subject}", $"invalid tuple '{@object}#{relation}@{subject}': {error}");
        }
        return new RelationshipTuple(obj, relation!, SubjectRef.Parse(subject), condition);
    }

    /// <summary>Parses <c>object#relation@subject</c>.</summary>
    /// <exception cref="TupleFormatException">The text is malformed; the message names it and says why.</exception>
    public static RelationshipTuple Parse(string text)
    {
        if (!TryParse(text, out var result, out var error))
        {
            throw new TupleFormatException(text, error);
        }
        return result;
    }

    /// <summary>Parses <c>object#relation@subject</c>, returning <see langword="false"/> with the reason when the text is invalid.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out RelationshipTuple? result, [NotNullWhen(false)] out string? error)
    {
        result = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "a tuple must be 'type:id#relation@subject' but is empty";
            return false;
        }
        // Object ids and relations never contain '#', relations never contain '@': split on the first of each.
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        var at = hash < 0 ? -1 : text.IndexOf('@', hash);
        if (hash < 0 || at < 0)
        {
            error = $"a tuple must be 'type:id#relation@subject' but '{text}' has no {(hash < 0 ? "'#'" : "'@'")}";
            return false;
        }
        if (!ObjectRef.TryParse(text[..hash], out var obj, out error))
        {
            error = $"invalid tuple '{text}': {error}";
            return false;
        }
        var relation = text[(hash + 1)..at];
        if (!Identifiers.IsValidRelationName(relation, out error))
        {
            error = $"invalid tuple '{text}': {error}";
            return false;
        }
        if (!SubjectRef.TryParse(text[(at + 1)..], out var subject, out error))
        {
            error = $"invalid tuple '{text}': {error}";
            return false;
        }
        result = new RelationshipTuple(obj, relation, subject);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Object}#{Relation}@{Subject}" + (Condition is null ? string.Empty : $" (with {Condition.Name})");
}

/// <summary>A condition on a tuple: its name and the tuple's own context values.</summary>
/// <param name="Name">The condition name, defined in the model.</param>
/// <param name="Context">Values for some of the condition's parameters; they win over the request's context.</param>
public sealed record TupleCondition(string Name, IReadOnlyDictionary<string, object?>? Context = null);
