namespace Arbiter.Storage;

/// <summary>What a snapshot holds (see <see cref="StoreSnapshot"/>): returned by export, verification and import.</summary>
public sealed record SnapshotInfo
{
    /// <summary>The snapshot format version (<see cref="StoreSnapshot.FormatVersion"/>).</summary>
    public required int FormatVersion { get; init; }

    /// <summary>The id of the store it was exported from.</summary>
    public required string StoreId { get; init; }

    /// <summary>The display name of the store it was exported from.</summary>
    public required string StoreName { get; init; }

    /// <summary>The store revision the snapshot shows.</summary>
    public required long Revision { get; init; }

    /// <summary>When the snapshot was written.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The id of the model version in the snapshot, or <see langword="null"/> when the store had no model.</summary>
    public string? ModelId { get; init; }

    /// <summary>The number of tuples.</summary>
    public required long TupleCount { get; init; }

    /// <summary>The number of entities with attribute values.</summary>
    public required long AttributeCount { get; init; }

    /// <summary>The content hash: <c>sha256:</c> and 64 lowercase hex digits.</summary>
    public required string Hash { get; init; }
}
