using Arbiter.Model;

namespace Arbiter.Parsing;

/// <summary>
/// The result of reading a model: the model when the text has no problems, and every problem found otherwise.
/// </summary>
/// <param name="Model">The model; <see langword="null"/> when there are problems.</param>
/// <param name="Diagnostics">Every problem found, each with line:column when known; empty on success.</param>
public sealed record ModelParseResult(AuthorizationModel? Model, IReadOnlyList<ModelDiagnostic> Diagnostics)
{
    /// <summary><see langword="true"/> when the model was read without problems.</summary>
    public bool Success => Diagnostics.Count == 0 && Model is not null;

    /// <summary>Returns the model, or throws <see cref="ModelValidationException"/> listing every problem.</summary>
    /// <exception cref="ModelValidationException">The text has problems.</exception>
    public AuthorizationModel GetModelOrThrow() =>
        Success ? Model! : throw new ModelValidationException(Diagnostics);
}
