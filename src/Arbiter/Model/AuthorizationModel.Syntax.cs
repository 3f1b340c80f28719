using Arbiter.Parsing;

namespace Arbiter.Model;

public sealed partial record AuthorizationModel
{
    /// <summary>Reads and validates a model written in OpenFGA's modeling language (the DSL).</summary>
    /// <param name="dsl">The model text.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ModelValidationException">The text has problems; every one is listed with line:column.</exception>
    public static AuthorizationModel FromDsl(string dsl) => ModelParser.Parse(dsl).GetModelOrThrow();

    /// <summary>Reads and validates a model in OpenFGA's JSON format.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ModelValidationException">The JSON has problems; every one is listed.</exception>
    public static AuthorizationModel FromJson(string json) => ModelJson.Parse(json).GetModelOrThrow();

    /// <summary>Writes the model in OpenFGA's modeling language, in canonical layout.</summary>
    /// <returns>The DSL text.</returns>
    /// <exception cref="ModelValidationException">A relation cannot be expressed in the DSL.</exception>
    public string ToDsl() => ModelPrinter.ToDsl(this);

    /// <summary>Writes the model in OpenFGA's JSON format, indented.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => ModelJson.Write(this);
}
