using System.Diagnostics.CodeAnalysis;
using Npgsql;

namespace Arbiter.Storage.PostgreSql;

/// <summary>Turns driver failures into <see cref="ArbiterStorageException"/>s without passwords, tuples or values in the message.</summary>
internal static class PostgreSqlErrors
{
    /// <summary>Whether <paramref name="exception"/> is a failure of the database or the connection (not a caller's bug).</summary>
    public static bool IsDatabaseFailure(Exception exception) => exception is NpgsqlException or TimeoutException;

    /// <summary>The storage exception for a driver failure while doing <paramref name="what"/>.</summary>
    public static ArbiterStorageException Wrap(Exception exception, string what, string description)
    {
        var transient = IsTransient(exception);
        var reason = exception switch
        {
            PostgresException pg => $"PostgreSQL error {pg.SqlState}",
            NpgsqlException { InnerException: TimeoutException } or TimeoutException => "timed out",
            NpgsqlException { InnerException: System.Net.Sockets.SocketException or IOException } => "connection failed",
            _ => "connection or protocol failure",
        };
        return new ArbiterStorageException($"cannot {what} on {description}: {reason}{(transient ? " (transient: retry later)" : string.Empty)}", transient, exception);
    }

    /// <summary>Throws <see cref="Wrap"/>.</summary>
    [DoesNotReturn]
    public static void Throw(Exception exception, string what, string description) => throw Wrap(exception, what, description);

    /// <summary>Whether retrying later may succeed.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        PostgresException pg => pg.SqlState switch
        {
            "40001" or "40P01" => true, // serialization failure, deadlock
            "57P01" or "57P02" or "57P03" => true, // admin shutdown, crash shutdown, cannot connect now
            "53300" or "53400" or "53000" or "53100" or "53200" => true, // too many connections, resources
            "55P03" or "57014" => true, // lock not available, statement timeout / canceled
            _ => pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.IsTransient,
        },
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is TimeoutException or System.Net.Sockets.SocketException or IOException,
        TimeoutException => true,
        _ => false,
    };
}
