using System.Text.RegularExpressions;

namespace Arbiter.Cli.Commands;

/// <summary>Tells an OpenFGA store file from an Arbiter policy test file.</summary>
internal static partial class TestFileKinds
{
    /// <summary>
    /// <c>*.fga.yaml</c> / <c>*.fga.yml</c>, or any YAML file with a top-level <c>model:</c> or <c>model_file:</c> key, is an OpenFGA
    /// store file; anything else is taken as an Arbiter policy test file.
    /// </summary>
    public static TestFileKind Detect(string path)
    {
        if (!File.Exists(path))
        {
            return TestFileKind.Missing;
        }
        if (TestCommand.IsStoreFileName(path))
        {
            return TestFileKind.OpenFgaStore;
        }
        try
        {
            foreach (var line in File.ReadLines(path))
            {
                if (StoreKey().IsMatch(line))
                {
                    return TestFileKind.OpenFgaStore;
                }
            }
        }
        catch (IOException)
        {
            return TestFileKind.OpenFgaStore; // the store loader reports why it cannot be read
        }
        return TestFileKind.ArbiterPolicy;
    }

    [GeneratedRegex("^(model|model_file)\\s*:")]
    private static partial Regex StoreKey();
}
