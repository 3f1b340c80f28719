using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Arbiter.Storage.Sqlite;

/// <summary>
/// A consistent view of one store: a deferred read transaction on a connection of its own, begun with a first read, so
/// that everything read through it comes from one WAL snapshot. Rows are streamed, never buffered.
/// </summary>
internal sealed class SqliteStoreState : IStoreState
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly long _storeKey;
    private readonly string _description;
    private int _disposed;

    internal SqliteStoreState(SqliteConnection connection, SqliteTransaction transaction, long storeKey, StoreInfo store, long revision, StoredModel? model, string description)
    {
        _connection = connection;
        _transaction = transaction;
        _storeKey = storeKey;
        Store = store;
        Revision = revision;
        Model = model;
        _description = description;
    }

    /// <inheritdoc />
    public StoreInfo Store { get; }

    /// <inheritdoc />
    public long Revision { get; }

    /// <inheritdoc />
    public StoredModel? Model { get; }

    /// <inheritdoc />
    public async IAsyncEnumerable<RelationshipTuple> ReadTuplesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        // the primary key order: one scan of the clustered (WITHOUT ROWID) table
        using var cursor = Cursor();
        var count = 0;
        while (true)
        {
            RelationshipTuple? tuple;
            try
            {
                tuple = cursor.Next();
            }
            catch (SqliteException ex)
            {
                throw SqliteErrors.Map(ex, $"read the tuples of store '{Store.Id}'", _description);
            }
            catch (JsonException ex)
            {
                throw SqliteErrors.BadValues("tuples", Store.Id, _description, ex);
            }
            if (tuple is null)
            {
                break;
            }
            if ((++count & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await Task.Yield();
            }
            yield return tuple;
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<EntityAttributes> ReadAttributesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var select = Select("SELECT entity_type, entity_id, \"values\" FROM attributes WHERE store = $store ORDER BY entity_type, entity_id");
        using var reader = Execute(select, "attributes");
        var count = 0;
        while (true)
        {
            EntityAttributes entry;
            try
            {
                if (!reader.Read())
                {
                    break;
                }
                entry = new EntityAttributes(new ObjectRef(reader.GetString(0), reader.GetString(1)), SqliteRows.Values(reader.GetString(2)));
            }
            catch (SqliteException ex)
            {
                throw SqliteErrors.Map(ex, $"read the attributes of store '{Store.Id}'", _description);
            }
            catch (JsonException ex)
            {
                throw SqliteErrors.BadValues("attributes", Store.Id, _description, ex);
            }
            if ((++count & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await Task.Yield();
            }
            yield return entry;
        }
    }

    /// <summary>Ends the read transaction and returns the connection to the pool.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _transaction.DisposeAsync().ConfigureAwait(false);
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private TupleCursor Cursor()
    {
        try
        {
            return new TupleCursor(_connection, $"SELECT {SqliteRows.TupleColumns} FROM tuples WHERE store = ?1 ORDER BY {SqliteRows.TupleOrder}", _storeKey);
        }
        catch (SqliteException ex)
        {
            throw SqliteErrors.Map(ex, $"read the tuples of store '{Store.Id}'", _description);
        }
    }

    private SqliteCommand Select(string sql)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$store", _storeKey);
        return command;
    }

    private SqliteDataReader Execute(SqliteCommand command, string what)
    {
        try
        {
            return command.ExecuteReader();
        }
        catch (SqliteException ex)
        {
            throw SqliteErrors.Map(ex, $"read the {what} of store '{Store.Id}'", _description);
        }
    }
}
