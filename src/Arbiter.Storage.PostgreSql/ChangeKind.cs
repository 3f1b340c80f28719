namespace Arbiter.Storage.PostgreSql;

/// <summary>The kinds of rows in the <c>changes</c> table (one row per operation of a write).</summary>
internal static class ChangeKind
{
    /// <summary>A tuple was added; the row holds its key and condition.</summary>
    public const short TupleWritten = 1;

    /// <summary>A tuple was deleted; the row holds its key and the condition it had.</summary>
    public const short TupleDeleted = 2;

    /// <summary>An entity's attributes were replaced; <c>object_type</c>/<c>object_id</c> name it, <c>payload</c> holds the values.</summary>
    public const short AttributesSet = 3;

    /// <summary>An entity's attributes were removed.</summary>
    public const short AttributesCleared = 4;

    /// <summary>A model version was written; <c>object_id</c> holds its id.</summary>
    public const short ModelWritten = 5;
}
