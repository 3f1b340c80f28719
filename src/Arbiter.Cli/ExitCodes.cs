namespace Arbiter.Cli;

/// <summary>The exit codes of <c>arbiter</c>, documented in docs/cli.md.</summary>
internal static class ExitCodes
{
    /// <summary>Success; for <c>check</c> and <c>explain</c>: allowed.</summary>
    public const int Ok = 0;

    /// <summary><c>check</c> / <c>explain</c>: denied; <c>test</c>: an assertion failed; <c>list-objects</c> / <c>list-subjects</c>: the listing failed during evaluation (the resolution depth exceeded).</summary>
    public const int Failed = 1;

    /// <summary>Bad input: bad arguments, a missing or malformed file, a malformed model or tuple, an unknown type or relation.</summary>
    public const int BadInput = 2;

    /// <summary>An unexpected error (a bug): a short message, no stack trace.</summary>
    public const int Unexpected = 3;

    /// <summary>The store's database failed (unreachable, locked, corrupt).</summary>
    public const int StorageError = 4;
}
