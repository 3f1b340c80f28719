using System.Data;
using Npgsql;

namespace Arbiter.Storage.PostgreSql;

public sealed partial class PostgreSqlStore
{
    /// <inheritdoc />
    /// <remarks>
    /// Holds a connection and a <c>REPEATABLE READ READ ONLY</c> transaction until disposed; tuples and attributes stream
    /// in key order without being buffered.
    /// </remarks>
    public async ValueTask<IStoreState> OpenStateAsync(string storeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storeId);
        NpgsqlConnection? connection = null;
        NpgsqlTransaction? transaction = null;
        try
        {
            connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
            await using (var readOnly = Command("SET TRANSACTION READ ONLY", connection, transaction))
            {
                await readOnly.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            StoreInfo store;
            long revision;
            await using (var command = Command($"SELECT id, name, created_at, revision FROM {_s}.stores WHERE id = @id", connection, transaction))
            {
                command.Parameters.AddWithValue("id", storeId);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    throw StoreNotFound(storeId);
                }
                store = ReadStore(reader);
                revision = reader.GetInt64(3);
            }
            var model = await ReadModelAsync(connection, transaction, storeId, null, cancellationToken).ConfigureAwait(false);
            var state = new PostgreSqlStoreState(connection, transaction, _s, Description, store, revision, model);
            (connection, transaction) = (null, null);
            return state;
        }
        catch (Exception ex) when (PostgreSqlErrors.IsDatabaseFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            throw PostgreSqlErrors.Wrap(ex, $"open the state of store '{storeId}'", Description);
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
            }
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Reads a tuple from a row of the tuple columns (for <see cref="PostgreSqlStoreState"/>).</summary>
    internal static RelationshipTuple ReadTupleRow(NpgsqlDataReader reader) => ReadTuple(reader);
}
