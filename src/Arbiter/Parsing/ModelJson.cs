using Arbiter.Model;

namespace Arbiter.Parsing;

/// <summary>
/// OpenFGA's JSON model format (<c>schema_version</c>, <c>type_definitions</c>, <c>conditions</c>), read and written by
/// hand with System.Text.Json (AOT-compatible).
/// </summary>
public static class ModelJson
{
    /// <summary>Reads and validates a model in OpenFGA's JSON format.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The model, or every problem found; JSON problems name the JSON path (or line:column for malformed JSON).</returns>
    public static ModelParseResult Parse(string json) => Parse(json, ModelParseOptions.Default);

    /// <summary>Reads and validates a model in OpenFGA's JSON format with the given options.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="options">The size limit and source name.</param>
    /// <returns>The model, or every problem found.</returns>
    public static ModelParseResult Parse(string json, ModelParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(options);
        if (json.Length > options.MaxLength)
        {
            return ModelParser.Failure(options, [ModelParser.TooLarge(json.Length, options.MaxLength)]);
        }
        var (model, problems) = JsonModelReader.Read(json);
        if (problems.Count > 0 || model is null)
        {
            return ModelParser.Failure(options, problems);
        }
        problems = ModelValidator.Validate(model);
        return problems.Count > 0 ? ModelParser.Failure(options, problems) : new ModelParseResult(model, []);
    }

    /// <summary>Writes a model in OpenFGA's JSON format.</summary>
    /// <param name="model">The model.</param>
    /// <param name="indented">Whether to indent the JSON (two spaces).</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ModelValidationException">The model uses a rewrite that the format cannot express.</exception>
    public static string Write(AuthorizationModel model, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(model);
        return JsonModelWriter.Write(model, indented);
    }
}
