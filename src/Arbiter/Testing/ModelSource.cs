using Arbiter.Model;
using Arbiter.Parsing;

namespace Arbiter.Testing;

/// <summary>Reads a model from OpenFGA DSL (<c>.fga</c>) or JSON (<c>.json</c>) and validates it, with every problem as file:line:column.</summary>
internal static class ModelSource
{
    /// <summary><see langword="true"/> when the path names a JSON model (by extension); otherwise it is DSL.</summary>
    public static bool IsJsonPath(string path) => path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    public static ModelLoadResult LoadFile(string path)
    {
        if (!File.Exists(path))
        {
            return Failed(path, "file-not-found", "model file not found");
        }
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Failed(path, "file-unreadable", $"cannot read model file {path}: {ex.Message}");
        }
        return Parse(text, IsJsonPath(path), path);
    }

    public static ModelLoadResult Parse(string text, bool json, string? sourceName)
    {
        var parsed = json ? ModelJson.Parse(text) : ModelParser.Parse(text, sourceName);
        var diagnostics = new List<ModelDiagnostic>(parsed.Diagnostics);
        // The DSL parser validates; a JSON model is only read, so it is validated here.
        if (json && parsed.Success && parsed.Model is { } model)
        {
            diagnostics.AddRange(ModelValidator.Validate(model));
        }
        var located = diagnostics.Select(d => d.Source is null ? d with { Source = sourceName } : d).ToList();
        return new ModelLoadResult(located.Count == 0 ? parsed.Model : null, located);
    }

    private static ModelLoadResult Failed(string source, string code, string message) =>
        new(null, [new ModelDiagnostic(code, message) { Source = source }]);
}
