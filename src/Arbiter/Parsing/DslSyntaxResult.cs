using Arbiter.Model;

namespace Arbiter.Parsing;

/// <summary>What the DSL parser read: the model (possibly partial when there are errors), the syntax problems, and whether the text is a module.</summary>
internal sealed record DslSyntaxResult(AuthorizationModel Model, IReadOnlyList<ModelDiagnostic> Diagnostics, bool IsModule);
