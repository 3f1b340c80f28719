using Arbiter.Model;

namespace Arbiter.Testing;

/// <summary>The result of loading a store file: the file, or every problem found with file:line:column.</summary>
public sealed record StoreFileLoadResult
{
    /// <summary>The loaded file; <see langword="null"/> when <see cref="Diagnostics"/> has errors.</summary>
    public StoreFile? File { get; init; }

    /// <summary>Every problem found, each naming its source file and, when known, line and column.</summary>
    public IReadOnlyList<ModelDiagnostic> Diagnostics { get; init; } = [];

    /// <summary><see langword="true"/> when the file loaded without problems.</summary>
    public bool Success => File is not null && Diagnostics.Count == 0;
}
