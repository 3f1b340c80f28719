using System.CommandLine;

namespace Arbiter.Cli.Commands;

/// <summary><c>arbiter explain USER RELATION OBJECT</c>: the check with its explanation tree.</summary>
internal static class ExplainCommand
{
    public static Command Create(CliContext context) => CheckLike.Create(context, "explain",
        "Check whether USER has RELATION to OBJECT and show why: the rewrite branches and tuples that decided it.\n" +
        "Exit code 0 when allowed, 1 when denied, 2 for bad input.\n" +
        "Example: arbiter explain user:anne viewer document:1 --store-file samples/documents/store.fga.yaml",
        explain: true);
}
