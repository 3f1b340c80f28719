namespace Arbiter.Cli.Commands;

/// <summary>The kinds of files <c>arbiter test</c> runs.</summary>
internal enum TestFileKind
{
    /// <summary>The file does not exist.</summary>
    Missing,

    /// <summary>An OpenFGA store file (<c>fga model test</c>).</summary>
    OpenFgaStore,

    /// <summary>An Arbiter policy test file.</summary>
    ArbiterPolicy,
}
