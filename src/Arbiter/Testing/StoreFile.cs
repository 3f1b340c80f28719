using Arbiter.Model;

namespace Arbiter.Testing;

/// <summary>
/// An OpenFGA store test file (<c>.fga.yaml</c>, as run by <c>fga model test</c>), loaded and checked:
/// a model, the tuples every test starts from, and the tests.
/// </summary>
public sealed record StoreFile
{
    /// <summary>The store name (<c>name:</c>), or the file name when the file has none.</summary>
    public required string Name { get; init; }

    /// <summary>The path the file was loaded from, or the source name given to the parser.</summary>
    public string? Source { get; init; }

    /// <summary>The authorization model (<c>model:</c> or <c>model_file:</c>).</summary>
    public required AuthorizationModel Model { get; init; }

    /// <summary>The tuples written before every test (<c>tuples:</c>, <c>tuple_file:</c> and <c>tuple_files:</c>), in file order without duplicates.</summary>
    public IReadOnlyList<RelationshipTuple> Tuples { get; init; } = [];

    /// <summary>
    /// The attribute values written before every test (<c>attributes:</c>, <c>attribute_file:</c> and <c>attribute_files:</c>,
    /// an Arbiter extension), in file order. Entries for the same entity are merged, later values overriding earlier ones.
    /// </summary>
    public IReadOnlyList<StoreAttributes> Attributes { get; init; } = [];

    /// <summary>The tests, in file order.</summary>
    public IReadOnlyList<StoreTest> Tests { get; init; } = [];
}
