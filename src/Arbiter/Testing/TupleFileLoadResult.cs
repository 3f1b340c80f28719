using Arbiter.Model;

namespace Arbiter.Testing;

/// <summary>The result of reading a tuple file: the tuples, or every problem found.</summary>
public sealed record TupleFileLoadResult
{
    /// <summary>The tuples, in file order; empty when <see cref="Diagnostics"/> has errors.</summary>
    public IReadOnlyList<RelationshipTuple> Tuples { get; init; } = [];

    /// <summary>Every problem found, each naming the file and, when known, line and column.</summary>
    public IReadOnlyList<ModelDiagnostic> Diagnostics { get; init; } = [];

    /// <summary><see langword="true"/> when the file was read without problems.</summary>
    public bool Success => Diagnostics.Count == 0;
}
