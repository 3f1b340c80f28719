namespace Arbiter.Storage;

public static partial class StoreSnapshot
{
    /// <summary>
    /// Imports a snapshot into an existing, empty store of any kind: first reads and checks the whole snapshot (as
    /// <see cref="VerifyAsync(Stream, CancellationToken)"/>), then reads it again into <see cref="IStoreWriter.ImportAsync"/>.
    /// Afterwards the store is at the snapshot's revision with its model version (same id), tuples and attributes, and its
    /// change feed starts after that revision. When anything fails nothing is imported.
    /// </summary>
    /// <param name="store">The store provider.</param>
    /// <param name="storeId">The store to fill; it must exist (create it first, e.g. with the snapshot's <see cref="SnapshotInfo.StoreId"/> and <see cref="SnapshotInfo.StoreName"/> from <see cref="VerifyAsync(Stream, CancellationToken)"/>) and be empty.</param>
    /// <param name="source">
    /// The snapshot, from its current position. It is read twice, so a stream that cannot seek is first copied to a
    /// temporary file (deleted afterwards).
    /// </param>
    /// <param name="cancellationToken">Cancels the import; nothing is imported then.</param>
    /// <returns>What was imported.</returns>
    /// <exception cref="ArbiterException">
    /// <see cref="ArbiterErrorCode.SnapshotInvalid"/> (the message says what is wrong and where), <see cref="ArbiterErrorCode.StoreNotEmpty"/>
    /// or <see cref="ArbiterErrorCode.StoreNotFound"/>.
    /// </exception>
    public static async Task<SnapshotInfo> ImportAsync(IStoreWriter store, string storeId, Stream source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(storeId);
        ArgumentNullException.ThrowIfNull(source);
        if (!source.CanRead)
        {
            throw new ArgumentException("the snapshot stream is not readable", nameof(source));
        }
        await CheckEmptyAsync(store, storeId, cancellationToken).ConfigureAwait(false);
        if (!source.CanSeek)
        {
            var copy = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1 << 16,
                FileOptions.Asynchronous | FileOptions.DeleteOnClose);
            await using (copy.ConfigureAwait(false))
            {
                await source.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
                copy.Position = 0;
                return await ImportSeekableAsync(store, storeId, copy, cancellationToken).ConfigureAwait(false);
            }
        }
        return await ImportSeekableAsync(store, storeId, source, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Imports the snapshot file at <paramref name="path"/> into an existing, empty store (see <see cref="ImportAsync(IStoreWriter, string, Stream, CancellationToken)"/>).</summary>
    /// <inheritdoc cref="ImportAsync(IStoreWriter, string, Stream, CancellationToken)"/>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static async Task<SnapshotInfo> ImportAsync(IStoreWriter store, string storeId, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(storeId);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var file = OpenRead(path);
        await using (file.ConfigureAwait(false))
        {
            return await ImportAsync(store, storeId, file, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<SnapshotInfo> ImportSeekableAsync(IStoreWriter store, string storeId, Stream source, CancellationToken cancellationToken)
    {
        using var reader = await SnapshotReader.OpenAsync(source, cancellationToken).ConfigureAwait(false);
        var info = await reader.DrainAsync(cancellationToken).ConfigureAwait(false);
        await store.ImportAsync(storeId, new StoreImport
        {
            Revision = info.Revision,
            Model = reader.Model,
            Tuples = reader.ReplayTuplesAsync(cancellationToken),
            Attributes = reader.ReplayAttributesAsync(cancellationToken),
        }, cancellationToken).ConfigureAwait(false);
        return info;
    }

    /// <summary>Refuses early, before reading a large file, when the provider can also tell that the store is missing or has data.</summary>
    private static async Task CheckEmptyAsync(IStoreWriter store, string storeId, CancellationToken cancellationToken)
    {
        if (store is not IStoreReader reader)
        {
            return;
        }
        if (await reader.GetStoreAsync(storeId, cancellationToken).ConfigureAwait(false) is null)
        {
            throw StoreQueries.NotFound(storeId);
        }
        if (await reader.ReadRevisionAsync(storeId, cancellationToken).ConfigureAwait(false) != 0
            || await reader.ReadModelAsync(storeId, cancellationToken: cancellationToken).ConfigureAwait(false) is not null)
        {
            throw new ArbiterException(ArbiterErrorCode.StoreNotEmpty, $"store '{storeId}' is not empty: a snapshot is imported only into an empty store");
        }
    }
}
