using Arbiter.Model;

namespace Arbiter.Testing;

/// <summary>A model read from a file or text, or the problems that stopped it.</summary>
internal sealed record ModelLoadResult(AuthorizationModel? Model, IReadOnlyList<ModelDiagnostic> Diagnostics)
{
    public bool Success => Model is not null && Diagnostics.Count == 0;
}
