namespace Arbiter.Cli.Tests.Support;

/// <summary>Paths inside the repository (samples, docs), found by walking up to <c>Arbiter.slnx</c>.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Arbiter.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Arbiter.slnx not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string Of(string relative) => Path.Combine(Root, relative);
}
