using Arbiter.Model;

namespace Arbiter.Testing;

/// <summary>
/// Loads attribute files (an Arbiter extension, named by <c>attribute_file</c> / <c>attribute_files</c> in a store file):
/// a YAML or JSON list of <c>{entity, values}</c> entries, every problem with file:line:column.
/// </summary>
internal static class AttributeFileLoader
{
    public static (IReadOnlyList<StoreAttributes> Entries, IReadOnlyList<ModelDiagnostic> Diagnostics) Load(string path)
    {
        if (!File.Exists(path))
        {
            return Failed(path, "file-not-found", "attribute file not found");
        }
        var extension = Path.GetExtension(path).TrimStart('.').ToLowerInvariant();
        if (extension is not ("yaml" or "yml" or "json"))
        {
            return Failed(path, "unsupported-format", $"unsupported attribute file format '{Path.GetExtension(path)}': use .yaml, .yml or .json");
        }
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Failed(path, "file-unreadable", $"cannot read attribute file {path}: {ex.Message}");
        }
        var reader = new YamlReader(path);
        var root = reader.LoadRoot(text);
        var entries = root is null ? [] : YamlAttributeReader.ReadList(reader, root, "the attribute file");
        if (root is not null && reader.Diagnostics.Count == 0 && entries.Count == 0)
        {
            reader.Report("empty-file", "the attribute file has no entries", root);
        }
        return reader.Diagnostics.Count == 0 ? (entries, []) : ([], reader.Diagnostics);
    }

    private static (IReadOnlyList<StoreAttributes>, IReadOnlyList<ModelDiagnostic>) Failed(string source, string code, string message) =>
        ([], [new ModelDiagnostic(code, message) { Source = source }]);
}
