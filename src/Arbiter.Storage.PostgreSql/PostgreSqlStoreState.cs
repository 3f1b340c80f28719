using System.Runtime.CompilerServices;
using Npgsql;

namespace Arbiter.Storage.PostgreSql;

/// <summary>
/// A view of one store inside a <c>REPEATABLE READ READ ONLY</c> transaction on a connection of its own: the revision,
/// the model, the tuples and the attributes all come from one snapshot. Tuples and attributes stream from the server.
/// </summary>
internal sealed class PostgreSqlStoreState : IStoreState
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly string _s;
    private readonly string _description;
    private int _tuplesRead;
    private int _attributesRead;

    public PostgreSqlStoreState(NpgsqlConnection connection, NpgsqlTransaction transaction, string quotedSchema, string description,
        StoreInfo store, long revision, StoredModel? model)
    {
        _connection = connection;
        _transaction = transaction;
        _s = quotedSchema;
        _description = description;
        Store = store;
        Revision = revision;
        Model = model;
    }

    public StoreInfo Store { get; }

    public long Revision { get; }

    public StoredModel? Model { get; }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _transaction.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    public IAsyncEnumerable<RelationshipTuple> ReadTuplesAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _tuplesRead, 1) != 0)
        {
            throw new InvalidOperationException("the tuples of a store state can be read once");
        }
        return ReadAsync(
            $"SELECT object_type, object_id, relation, subject_type, subject_id, subject_relation, condition_name, condition_context FROM {_s}.tuples WHERE store = @store"
            + " ORDER BY object_type, object_id, relation, subject_type, subject_id, subject_relation",
            static reader => PostgreSqlStore.ReadTupleRow(reader), "read the tuples", cancellationToken);
    }

    public IAsyncEnumerable<EntityAttributes> ReadAttributesAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _attributesRead, 1) != 0)
        {
            throw new InvalidOperationException("the attributes of a store state can be read once");
        }
        return ReadAsync(
            $"SELECT entity_type, entity_id, attribute_values FROM {_s}.attributes WHERE store = @store ORDER BY entity_type, entity_id",
            static reader => new EntityAttributes(new ObjectRef(reader.GetString(0), reader.GetString(1)), StoredValues.FromJson(reader.GetString(2))),
            "read the attributes", cancellationToken);
    }

    private async IAsyncEnumerable<T> ReadAsync<T>(string sql, Func<NpgsqlDataReader, T> read, string what, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, _connection, _transaction);
        command.Parameters.AddWithValue("store", Store.Id);
        NpgsqlDataReader reader;
        try
        {
            reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (PostgreSqlErrors.IsDatabaseFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            throw PostgreSqlErrors.Wrap(ex, $"{what} of store '{Store.Id}'", _description);
        }
        await using (reader.ConfigureAwait(false))
        {
            while (true)
            {
                try
                {
                    if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        yield break;
                    }
                }
                catch (Exception ex) when (PostgreSqlErrors.IsDatabaseFailure(ex) && !cancellationToken.IsCancellationRequested)
                {
                    throw PostgreSqlErrors.Wrap(ex, $"{what} of store '{Store.Id}'", _description);
                }
                yield return read(reader);
            }
        }
    }
}
