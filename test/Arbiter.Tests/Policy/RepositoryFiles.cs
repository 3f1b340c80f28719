namespace Arbiter.Tests.Policy;

/// <summary>Finds files of the repository (docs, examples) from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Docs => Path.Combine(Root, "docs");

    public static IEnumerable<string> Examples(string folder, string pattern) =>
        System.IO.Directory.EnumerateFiles(Path.Combine(Docs, "examples", folder), pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Arbiter.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("cannot find the repository root (Arbiter.slnx) above " + AppContext.BaseDirectory);
    }
}
