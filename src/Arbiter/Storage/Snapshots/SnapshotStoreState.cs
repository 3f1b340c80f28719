using System.Runtime.CompilerServices;

namespace Arbiter.Storage;

/// <summary>
/// A snapshot read in one forward pass as an <see cref="IStoreState"/>, for loading an engine: the tuples first, then the
/// attribute entries, whose enumeration ends by checking the counts and the content hash (so a loader that reads both
/// to the end has read a verified snapshot, or got an exception).
/// </summary>
internal sealed class SnapshotStoreState(SnapshotReader reader) : IStoreState
{
    public StoreInfo Store { get; } = new(reader.StoreId, reader.StoreName, reader.CreatedAt);

    public long Revision => reader.Revision;

    public StoredModel? Model => reader.Model;

    public IAsyncEnumerable<RelationshipTuple> ReadTuplesAsync(CancellationToken cancellationToken = default) => reader.ReadTuplesAsync(cancellationToken);

    public async IAsyncEnumerable<EntityAttributes> ReadAttributesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entry in reader.ReadAttributesAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return entry;
        }
        await reader.FinishAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
