namespace Arbiter.Storage;

/// <summary>Settings of <see cref="StoreSnapshot.ExportAsync(IStoreReader, string, Stream, SnapshotExportOptions?, CancellationToken)"/>.</summary>
public sealed class SnapshotExportOptions
{
    /// <summary>The clock of the snapshot's <c>createdAt</c>.</summary>
    /// <value>Defaults to <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Whether to write one tuple and one attribute entry per line (easy to read, diff and grep; about 5 bytes more per
    /// entry) rather than the whole document on one line. Both verify the same: the hash ignores white space.
    /// </summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool Indented { get; init; } = true;
}
