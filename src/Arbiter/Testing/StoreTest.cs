namespace Arbiter.Testing;

/// <summary>One entry of a store file's <c>tests:</c>: extra tuples and the assertions to run against them.</summary>
public sealed record StoreTest
{
    /// <summary>The test name.</summary>
    public required string Name { get; init; }

    /// <summary>The test description, if any.</summary>
    public string? Description { get; init; }

    /// <summary>Tuples added for this test only (<c>tuples:</c> and <c>tuple_file:</c>), on top of the store's tuples.</summary>
    public IReadOnlyList<RelationshipTuple> Tuples { get; init; } = [];

    /// <summary>
    /// Attribute values for this test only (<c>attributes:</c> and <c>attribute_file:</c>), merged over the store's:
    /// a value given here overrides the store's value of the same attribute of the same entity.
    /// </summary>
    public IReadOnlyList<StoreAttributes> Attributes { get; init; } = [];

    /// <summary>The <c>check:</c> entries.</summary>
    public IReadOnlyList<StoreCheck> Checks { get; init; } = [];

    /// <summary>The <c>list_objects:</c> entries.</summary>
    public IReadOnlyList<StoreListObjects> ListObjects { get; init; } = [];

    /// <summary>The <c>list_users:</c> entries.</summary>
    public IReadOnlyList<StoreListUsers> ListUsers { get; init; } = [];
}
