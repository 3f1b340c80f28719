using Arbiter.Model;

namespace Arbiter.Parsing;

/// <summary>
/// Reads OpenFGA's modeling language (the DSL, schema 1.1) into an <see cref="AuthorizationModel"/>: syntax first,
/// then semantic validation (<see cref="ModelValidator"/>). Problems are returned, never thrown.
/// </summary>
public static class ModelParser
{
    /// <summary>Parses and validates DSL text.</summary>
    /// <param name="dsl">The model text.</param>
    /// <param name="sourceName">A file or source name to put on every problem, when known.</param>
    /// <returns>The model, or every problem found with line:column.</returns>
    public static ModelParseResult Parse(string dsl, string? sourceName = null) =>
        Parse(dsl, sourceName is null ? ModelParseOptions.Default : ModelParseOptions.Default with { SourceName = sourceName });

    /// <summary>Parses and validates DSL text with the given options.</summary>
    /// <param name="dsl">The model text.</param>
    /// <param name="options">The size limit and source name.</param>
    /// <returns>The model, or every problem found with line:column.</returns>
    public static ModelParseResult Parse(string dsl, ModelParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(dsl);
        ArgumentNullException.ThrowIfNull(options);
        if (dsl.Length > options.MaxLength)
        {
            return Failure(options, [TooLarge(dsl.Length, options.MaxLength)]);
        }
        var syntax = DslParser.Parse(dsl);
        if (syntax.Diagnostics.Count > 0)
        {
            return Failure(options, syntax.Diagnostics);
        }
        if (syntax.IsModule)
        {
            return Failure(options,
            [
                new ModelDiagnostic(DiagnosticCodes.SchemaVersionRequired,
                    "schema version required: this is a module of a modular model; Arbiter reads single-file models that begin with 'model' and 'schema 1.1'",
                    syntax.Model.Span, string.Empty),
            ]);
        }
        var problems = ModelValidator.Validate(syntax.Model);
        return problems.Count > 0 ? Failure(options, problems) : new ModelParseResult(syntax.Model, []);
    }

    internal static ModelDiagnostic TooLarge(int length, int max) =>
        new(DiagnosticCodes.InputTooLarge, $"the model text has {length} characters, more than the limit of {max}", SourceSpan.OnLine(1, 1, 1));

    internal static ModelParseResult Failure(ModelParseOptions options, IReadOnlyList<ModelDiagnostic> diagnostics) =>
        new(null, options.SourceName is null ? diagnostics : diagnostics.Select(d => d with { Source = options.SourceName }).ToList());
}
