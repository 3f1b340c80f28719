namespace Arbiter.Filtering;

/// <summary>The type of an id column, so that the id set's parameter holds values of that type.</summary>
public enum SqlIdType
{
    /// <summary>Text ids, as the filter has them.</summary>
    Text,

    /// <summary>Integer ids: an id that is not the canonical text of a 64-bit integer (<c>"007"</c>, <c>"x"</c>) matches nothing.</summary>
    Integer,

    /// <summary>
    /// UUID ids (the 36-character form, all lower or all upper case): PostgreSQL <c>uuid</c>; on SQLite upper-case text,
    /// as EF Core stores a <see cref="Guid"/>.
    /// </summary>
    Uuid,
}
