using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace Arbiter.Storage.Sqlite;

/// <summary>Turns SQLite's errors into <see cref="ArbiterStorageException"/>s that name the operation and the file.</summary>
internal static class SqliteErrors
{
    // primary result codes (https://sqlite.org/rescode.html)
    private const int Busy = 5, Locked = 6, NoMem = 7, ReadOnly = 8, Interrupt = 9, IoErr = 10, Corrupt = 11,
        Full = 13, CantOpen = 14, Protocol = 15, Constraint = 19, NotADb = 26;

    /// <summary>
    /// The storage exception for <paramref name="exception"/>. Transient: busy or locked after the busy timeout, I/O
    /// errors, disk full, out of memory. Not transient: corrupt, not a database, read-only, cannot open, constraint
    /// violations (a bug). The message holds SQLite's own text, which names tables and columns but never values.
    /// </summary>
    internal static ArbiterStorageException Map(SqliteException exception, string operation, string description)
    {
        var code = exception.SqliteErrorCode & 0xFF;
        var (reason, transient) = code switch
        {
            Busy or Locked => ("the database is locked by another writer and the busy timeout passed", true),
            IoErr => ("a disk I/O error occurred", true),
            Full => ("the disk is full", true),
            NoMem => ("SQLite ran out of memory", true),
            Protocol => ("a locking protocol error occurred", true),
            Interrupt => ("the operation was interrupted", true),
            Corrupt => ("the database file is corrupt", false),
            NotADb => ("the file is not a SQLite database (or is encrypted with another key)", false),
            ReadOnly => ("the database is read-only", false),
            CantOpen => ("the file cannot be opened (check that its directory exists and is writable)", false),
            Constraint => ("a database constraint was violated", false),
            _ => ("SQLite failed", false),
        };
        return new ArbiterStorageException($"cannot {operation} in {description}: {reason} ({exception.Message})", transient, exception);
    }

    /// <summary>Throws <see cref="Map"/>'s exception.</summary>
    [DoesNotReturn]
    internal static void Throw(SqliteException exception, string operation, string description) =>
        throw Map(exception, operation, description);

    /// <summary>The exception for stored JSON values that no longer read.</summary>
    internal static ArbiterStorageException BadValues(string what, string storeId, string description, Exception inner) =>
        new($"cannot read the {what} of store '{storeId}' in {description}: the stored JSON is malformed", isTransient: false, inner);
}
