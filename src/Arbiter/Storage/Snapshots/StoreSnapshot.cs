namespace Arbiter.Storage;

/// <summary>
/// Snapshots: a store's whole state at one revision (model version, tuples, attribute values) in one JSON file, to back it
/// up, move it to another store of any kind (<see cref="ImportAsync(IStoreWriter, string, Stream, CancellationToken)"/>),
/// or let a process decide locally (<see cref="AuthorizationEngine.FromSnapshotAsync(Stream, AuthorizationEngineOptions?, CancellationToken)"/>)
/// and then follow the store's change feed from the snapshot's revision on.
/// </summary>
/// <remarks>
/// <para>
/// The file (UTF-8) is one JSON object whose members come in this order:
/// <c>format</c> (<c>"arbiter-snapshot"</c>), <c>formatVersion</c> (<see cref="FormatVersion"/>), <c>store</c>
/// (<c>{"id","name"}</c>), <c>revision</c>, <c>createdAt</c> (RFC 3339), <c>model</c> (<see langword="null"/> or
/// <c>{"createdAt","definition","id","revision"}</c> with the OpenFGA JSON model as <c>definition</c>), <c>tuples</c>
/// (<c>{"condition":{"context":{…},"name":…},"object":"document:1","relation":"viewer","user":"user:anne"}</c>, condition
/// optional, sorted by <see cref="TupleKey.Compare"/>, no key twice), <c>attributes</c> (<c>{"entity":"user:anne","values":{…}}</c>,
/// sorted by entity type then id, no entity twice), <c>counts</c> (<c>{"attributes":m,"tuples":n}</c>) and <c>hash</c>.
/// Values are in <see cref="StoredValues"/>' JSON form. Readers refuse unknown members, so a new member means a new format version.
/// </para>
/// <para>
/// <c>hash</c> is <c>sha256:</c> and the lowercase hex SHA-256 of the content: for every member before it, in file order,
/// the UTF-8 line <c>name SP value LF</c>, where an array member gives one line per entry (<c>tuples {…}</c>) and the
/// value is in canonical JSON: no white space, object members sorted by name (ordinal), strings escaped as
/// <see cref="System.Text.Json.Utf8JsonWriter"/> escapes them with the relaxed encoder, numbers as written. So re-indenting
/// the file keeps it valid while any change of content, order or count fails the check. The hash detects damage and
/// careless edits; it is not a signature (anyone can compute it), so keep snapshots where only trusted writers reach them.
/// </para>
/// <para>
/// Reading streams the file with a buffer as large as the largest single entry: memory does not grow with the number of
/// tuples. Every failure is an <see cref="ArbiterException"/> with <see cref="ArbiterErrorCode.SnapshotInvalid"/> whose
/// message says what is wrong and where (line, column or entry number).
/// </para>
/// </remarks>
public static partial class StoreSnapshot
{
    /// <summary>The value of a snapshot's <c>format</c> member.</summary>
    public const string FormatName = "arbiter-snapshot";

    /// <summary>The snapshot format version this library writes and reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>
    /// Reads a whole snapshot and checks its format, version, structure, entries (well-formed, sorted, none twice), counts
    /// and content hash, without keeping it in memory.
    /// </summary>
    /// <param name="source">The snapshot, read from its current position to its end.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>What the snapshot holds.</returns>
    /// <exception cref="ArbiterException"><see cref="ArbiterErrorCode.SnapshotInvalid"/>, saying what is wrong and where.</exception>
    public static Task<SnapshotInfo> VerifyAsync(Stream source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return SnapshotReader.VerifyAsync(source, cancellationToken);
    }

    /// <summary>Reads and checks the snapshot file at <paramref name="path"/> (see <see cref="VerifyAsync(Stream, CancellationToken)"/>).</summary>
    /// <exception cref="ArbiterException"><see cref="ArbiterErrorCode.SnapshotInvalid"/>, saying what is wrong and where.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static async Task<SnapshotInfo> VerifyAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var file = OpenRead(path);
        await using (file.ConfigureAwait(false))
        {
            return await SnapshotReader.VerifyAsync(file, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Opens a snapshot file for reading.</summary>
    internal static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
}
