namespace Arbiter.Testing;

/// <summary>
/// Loads OpenFGA store test files (<c>.fga.yaml</c>, the files <c>fga model test</c> runs): the model (inline or
/// <c>model_file</c>, DSL or JSON), the tuples (inline, <c>tuple_file</c>, <c>tuple_files</c>: YAML, JSON, JSON lines or CSV)
/// and the tests. Every problem is reported with file:line:column; nothing is half-loaded.
/// </summary>
public static class StoreFileLoader
{
    /// <summary>Loads a store file; relative <c>model_file</c> and <c>tuple_file</c> paths are resolved against its folder.</summary>
    public static StoreFileLoadResult Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return Failed(path, "file-not-found", "store file not found");
        }
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Failed(path, "file-unreadable", $"cannot read store file {path}: {ex.Message}");
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? System.IO.Directory.GetCurrentDirectory();
        return Parse(text, path, directory);
    }

    /// <summary>Parses store file text.</summary>
    /// <param name="yaml">The file's text.</param>
    /// <param name="sourceName">The name diagnostics give as the file, usually its path.</param>
    /// <param name="baseDirectory">The folder relative <c>model_file</c> and <c>tuple_file</c> paths start from; the current folder when <see langword="null"/>.</param>
    public static StoreFileLoadResult Parse(string yaml, string? sourceName = null, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        return new StoreFileReader(yaml, sourceName, baseDirectory ?? System.IO.Directory.GetCurrentDirectory()).Read();
    }

    private static StoreFileLoadResult Failed(string source, string code, string message) =>
        new() { Diagnostics = [new Model.ModelDiagnostic(code, message) { Source = source }] };
}
