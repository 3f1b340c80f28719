namespace Arbiter.Storage;

/// <summary>
/// A consistent view of one store at one revision (see <see cref="IStoreReader.OpenStateAsync"/>). Its enumerations
/// may be read once each, in any order, while it is open.
/// </summary>
public interface IStoreState : IAsyncDisposable
{
    /// <summary>The store.</summary>
    StoreInfo Store { get; }

    /// <summary>The revision this view shows.</summary>
    long Revision { get; }

    /// <summary>The newest model version at that revision, or <see langword="null"/> when the store has none.</summary>
    StoredModel? Model { get; }

    /// <summary>Every stored tuple, in <see cref="TupleKey"/> order.</summary>
    IAsyncEnumerable<RelationshipTuple> ReadTuplesAsync(CancellationToken cancellationToken = default);

    /// <summary>Every entity with stored attribute values, ordered by type and id.</summary>
    IAsyncEnumerable<EntityAttributes> ReadAttributesAsync(CancellationToken cancellationToken = default);
}

/// <summary>A whole store state to import into an empty store (<see cref="IStoreWriter.ImportAsync"/>).</summary>
public sealed record StoreImport
{
    /// <summary>The revision the store takes; 0 or more.</summary>
    public required long Revision { get; init; }

    /// <summary>The model version to store with its id, or <see langword="null"/> for none.</summary>
    public StoredModel? Model { get; init; }

    /// <summary>The tuples (no two with the same key).</summary>
    public required IAsyncEnumerable<RelationshipTuple> Tuples { get; init; }

    /// <summary>The entities' attribute values (no entity twice).</summary>
    public required IAsyncEnumerable<EntityAttributes> Attributes { get; init; }
}
