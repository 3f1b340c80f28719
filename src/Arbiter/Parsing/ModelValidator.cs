using System.Runtime.CompilerServices;
using Arbiter.Model;

namespace Arbiter.Parsing;

/// <summary>
/// Semantic validation of an <see cref="AuthorizationModel"/> from any syntax (DSL, JSON, YAML, C#): the checks of
/// OpenFGA's language tools, with line:column when the model carries source spans.
/// </summary>
public static class ModelValidator
{
    /// <summary>
    /// Finds every semantic problem of the model: reserved and invalid names, duplicates, undefined types, relations and
    /// conditions, invalid tuple-to-userset definitions, relations that can never be satisfied, unused conditions and an
    /// unsupported schema version; and for Arbiter's extensions, invalid or duplicate attribute names, unsupported
    /// attribute types, and attribute rules naming an undefined type or condition. Later checks run only when the earlier ones found nothing, so one mistake does not
    /// cascade into many.
    /// </summary>
    /// <param name="model">The model to check.</param>
    /// <returns>The problems found; empty when the model is valid.</returns>
    public static IReadOnlyList<ModelDiagnostic> Validate(AuthorizationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var validation = new ModelValidation(model);
        try
        {
            validation.Run();
        }
        catch (InsufficientExecutionStackException)
        {
            validation.Diagnostics.Add(new ModelDiagnostic(DiagnosticCodes.NestingTooDeep, "the model's relation definitions are nested too deeply to validate"));
        }
        return validation.Diagnostics;
    }

    internal static void EnsureStack() => RuntimeHelpers.EnsureSufficientExecutionStack();
}
