using System.Security.Cryptography;
using System.Text;
using Arbiter.Engine;

namespace Arbiter.Storage;

/// <summary>Checks every provider makes before it writes, shared so that all providers refuse the same writes with the same messages.</summary>
public static class StoreWrites
{
    /// <summary>The default largest number of operations in one write.</summary>
    public const int DefaultMaxOperations = 100_000;

    /// <summary>
    /// Checks a write's shape: no null entries, well-formed tuples and entities, no tuple written or deleted twice or both
    /// written and deleted, no entity twice among the attribute entries, storable values, a valid idempotency key, and at
    /// most <paramref name="maxOperations"/> operations. Throws naming the first offending tuple or entity.
    /// </summary>
    /// <exception cref="ArbiterException"><see cref="ArbiterErrorCode.InvalidTuple"/> or <see cref="ArbiterErrorCode.ValidationError"/>.</exception>
    public static void Validate(StoreWrite write, int maxOperations = DefaultMaxOperations)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (write.Writes is null || write.Deletes is null || write.SetAttributes is null || write.ClearAttributes is null || write.Preconditions is null)
        {
            throw new ArbiterException(ArbiterErrorCode.ValidationError, "a write's lists must not be null");
        }
        if (write.OperationCount > maxOperations)
        {
            throw new ArbiterException(ArbiterErrorCode.ValidationError,
                $"a write may carry at most {maxOperations} operations (tuples, attribute entries and preconditions) but this one has {write.OperationCount}");
        }
        if (write.IdempotencyKey is { } key && (key.Length is 0 or > 128))
        {
            throw new ArbiterException(ArbiterErrorCode.ValidationError, $"an idempotency key has 1 to 128 characters but this one has {key.Length}");
        }
        var written = new HashSet<TupleKey>();
        foreach (var tuple in write.Writes)
        {
            CheckTuple(tuple, "to write");
            if (tuple.Condition is { } condition)
            {
                if (string.IsNullOrEmpty(condition.Name) || !Identifiers.IsValidRelationName(condition.Name, out _))
                {
                    throw new ArbiterException(ArbiterErrorCode.InvalidTuple, TupleValidator.Describe(tuple, $"the condition name '{condition.Name}' is not valid"));
                }
                if (condition.Context is { } context && !StoredValues.CanStore(context, out var error))
                {
                    throw new ArbiterException(ArbiterErrorCode.InvalidTuple, TupleValidator.Describe(tuple, "its condition context cannot be stored: " + error));
                }
            }
            if (!written.Add(TupleKey.Of(tuple)))
            {
                throw new ArbiterException(ArbiterErrorCode.InvalidTuple, TupleValidator.Describe(tuple, "it is written more than once in this write"));
            }
        }
        var deleted = new HashSet<TupleKey>();
        foreach (var tuple in write.Deletes)
        {
            CheckTuple(tuple, "to delete");
            var tupleKey = TupleKey.Of(tuple);
            if (!deleted.Add(tupleKey))
            {
                throw new ArbiterException(ArbiterErrorCode.InvalidTuple, TupleValidator.Describe(tuple, "it is deleted more than once in this write"));
            }
            if (written.Contains(tupleKey))
            {
                throw new ArbiterException(ArbiterErrorCode.InvalidTuple, TupleValidator.Describe(tuple, "it is both written and deleted in this write"));
            }
        }
        foreach (var precondition in write.Preconditions)
        {
            if (precondition is null)
            {
                throw new ArbiterException(ArbiterErrorCode.ValidationError, "a precondition is null");
            }
            CheckTuple(precondition.Tuple, "in a precondition");
        }
        var entities = new HashSet<ObjectRef>();
        foreach (var entry in write.SetAttributes)
        {
            if (entry?.Values is null)
            {
                throw new ArbiterException(ArbiterErrorCode.ValidationError, "an attribute entry or its values is null");
            }
            CheckEntity(entry.Entity, entities);
            if (!StoredValues.CanStore(entry.Values, out var error))
            {
                throw new ArbiterException(ArbiterErrorCode.ValidationError, $"invalid attributes of '{entry.Entity}': {error}");
            }
        }
        foreach (var entity in write.ClearAttributes)
        {
            CheckEntity(entity, entities);
        }
    }

    /// <summary>
    /// A fingerprint of the write's content (SHA-256, hex), the same for equal writes: what an idempotency key is bound to.
    /// Order within each list counts.
    /// </summary>
    public static string Fingerprint(StoreWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var text = new StringBuilder();
        text.Append(write.OnDuplicate).Append('|').Append(write.OnMissing).Append('\n');
        foreach (var t in write.Writes)
        {
            AppendTuple(text.Append("w "), t, withCondition: true);
        }
        foreach (var t in write.Deletes)
        {
            AppendTuple(text.Append("d "), t, withCondition: false);
        }
        foreach (var p in write.Preconditions)
        {
            AppendTuple(text.Append(p.Kind == PreconditionKind.MustExist ? "e " : "n "), p.Tuple, withCondition: false);
        }
        foreach (var a in write.SetAttributes)
        {
            text.Append("a ").Append(a.Entity.ToString()).Append(' ').Append(StoredValues.ToJson(a.Values)).Append('\n');
        }
        foreach (var c in write.ClearAttributes)
        {
            text.Append("c ").Append(c.ToString()).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The message of a failed existence rule or precondition, naming the tuple.</summary>
    public static string PreconditionMessage(RelationshipTuple tuple, PreconditionKind violated) => violated == PreconditionKind.MustNotExist
        ? $"cannot write tuple '{TupleKey.Of(tuple)}': it already exists"
        : $"cannot delete tuple '{TupleKey.Of(tuple)}': it does not exist";

    /// <summary>The message of a failed explicit <see cref="Precondition"/>, naming the tuple.</summary>
    public static string ExplicitPreconditionMessage(Precondition precondition) => precondition.Kind == PreconditionKind.MustExist
        ? $"precondition failed: tuple '{TupleKey.Of(precondition.Tuple)}' must exist but does not"
        : $"precondition failed: tuple '{TupleKey.Of(precondition.Tuple)}' must not exist but does";

    private static void AppendTuple(StringBuilder text, RelationshipTuple t, bool withCondition)
    {
        text.Append(TupleKey.Of(t).ToString());
        if (withCondition && t.Condition is { } c)
        {
            text.Append(' ').Append(c.Name).Append(' ').Append(c.Context is null ? "{}" : StoredValues.ToJson(c.Context));
        }
        text.Append('\n');
    }

    private static void CheckTuple(RelationshipTuple? tuple, string role)
    {
        if (tuple is null)
        {
            throw new ArbiterException(ArbiterErrorCode.InvalidTuple, $"a tuple {role} is null");
        }
        if (!TupleValidator.IsWellFormed(tuple, out var problem))
        {
            throw new ArbiterException(ArbiterErrorCode.InvalidTuple, TupleValidator.Describe(tuple, problem));
        }
    }

    private static void CheckEntity(ObjectRef entity, HashSet<ObjectRef> seen)
    {
        if (string.IsNullOrEmpty(entity.Type) || string.IsNullOrEmpty(entity.Id) || entity.Id == SubjectRef.WildcardId
            || !Identifiers.IsValidTypeName(entity.Type, out _) || !Identifiers.IsValidObjectId(entity.Id, out _))
        {
            throw new ArbiterException(ArbiterErrorCode.ValidationError, $"invalid entity '{entity}': an entity with attributes is 'type:id'");
        }
        if (!seen.Add(entity))
        {
            throw new ArbiterException(ArbiterErrorCode.ValidationError, $"invalid entity '{entity}': it appears more than once in this write");
        }
    }
}
