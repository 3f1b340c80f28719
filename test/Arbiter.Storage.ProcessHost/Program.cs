using System.Diagnostics;
using System.Globalization;
using Arbiter;
using Arbiter.Storage;
using Arbiter.Storage.PostgreSql;
using Arbiter.Storage.Sqlite;

// Usage:
//   engine LOCATION STORE        an engine over the store; stdin lines:
//                                  check USER RELATION OBJECT [ATLEAST]  -> "allowed REVISION" | "denied REVISION" | "error MESSAGE"
//                                  write OBJECT#RELATION@USER            -> "written REVISION"
//                                  until USER RELATION OBJECT TIMEOUT_MS -> "visible ELAPSED_MS" | "timeout" (polls the local index)
//                                  revision                              -> "revision REVISION"
//   write-batch LOCATION STORE COUNT PREFIX
//                                one write of COUNT tuples document:PREFIX-i#viewer@user:u (straight to the store);
//                                prints "writing" before the write and "committed REVISION" after it.
// LOCATION is sqlite:PATH or postgres:CONNECTION-STRING (schema from $ARBITER_PG_SCHEMA, default arbiter).
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: engine LOCATION STORE | write-batch LOCATION STORE COUNT PREFIX");
    return 2;
}
await using var store = Open(args[1]);
switch (args[0])
{
    case "engine":
        await using (var engine = await AuthorizationEngine.OpenAsync(store, args[2]))
        {
            Console.WriteLine("ready " + engine.Revision.ToString(CultureInfo.InvariantCulture));
            while (Console.ReadLine() is { } line)
            {
                Console.WriteLine(await AnswerAsync(engine, line.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
            }
        }
        return 0;
    case "write-batch":
        var count = int.Parse(args[3], CultureInfo.InvariantCulture);
        var tuples = new RelationshipTuple[count];
        for (var i = 0; i < count; i++)
        {
            tuples[i] = RelationshipTuple.Parse($"document:{args[4]}-{i}#viewer@user:u{i % 100}");
        }
        Console.WriteLine("writing");
        var result = await store.WriteAsync(args[2], new StoreWrite { Writes = tuples });
        Console.WriteLine("committed " + result.Revision.ToString(CultureInfo.InvariantCulture));
        return 0;
    default:
        Console.Error.WriteLine("unknown command " + args[0]);
        return 2;
}

static IStore Open(string location) => location.StartsWith("sqlite:", StringComparison.Ordinal)
    ? SqliteStore.OpenAsync(new SqliteStoreOptions { Path = location["sqlite:".Length..] }).AsTask().GetAwaiter().GetResult()
    : new PostgreSqlStore(new PostgreSqlStoreOptions
    {
        ConnectionString = location["postgres:".Length..],
        Schema = Environment.GetEnvironmentVariable("ARBITER_PG_SCHEMA") is { Length: > 0 } schema ? schema : "arbiter",
    });

static async Task<string> AnswerAsync(AuthorizationEngine engine, string[] words)
{
    try
    {
        switch (words)
        {
            case ["check", var user, var relation, var obj, ..]:
                var request = CheckRequest.Create(user, relation, obj) with
                {
                    Consistency = words.Length > 4 ? Consistency.AtLeast(long.Parse(words[4], CultureInfo.InvariantCulture)) : null,
                };
                var decision = await engine.CheckAsync(request);
                return (decision.Allowed ? "allowed " : "denied ") + decision.Revision.ToString(CultureInfo.InvariantCulture);
            case ["write", var tuple]:
                var written = await engine.WriteAsync(new StoreWrite { Writes = [RelationshipTuple.Parse(tuple)] });
                return "written " + written.Revision.ToString(CultureInfo.InvariantCulture);
            case ["until", var user, var relation, var obj, var timeout]:
                var watch = Stopwatch.StartNew();
                var limit = TimeSpan.FromMilliseconds(int.Parse(timeout, CultureInfo.InvariantCulture));
                var check = CheckRequest.Create(user, relation, obj);
                while (watch.Elapsed < limit)
                {
                    if ((await engine.CheckAsync(check)).Allowed)
                    {
                        return "visible " + watch.Elapsed.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture);
                    }
                    await Task.Delay(1);
                }
                return "timeout";
            case ["revision"]:
                return "revision " + engine.Revision.ToString(CultureInfo.InvariantCulture);
            default:
                return "error unknown command";
        }
    }
    catch (ArbiterException ex)
    {
        return "error " + ex.Message.ReplaceLineEndings(" ");
    }
}
