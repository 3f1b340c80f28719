using System.CommandLine;

namespace Arbiter.Cli.Commands;

/// <summary><c>arbiter check USER RELATION OBJECT</c>: exit 0 when allowed, 1 when denied.</summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context) => CheckLike.Create(context, "check",
        "Check whether USER has RELATION to OBJECT. Exit code 0 when allowed, 1 when denied, 2 for bad input.\n" +
        "Example: arbiter check user:anne viewer document:1 --store-file samples/documents/store.fga.yaml",
        explain: false);
}
