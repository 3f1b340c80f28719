using Arbiter.Model;

namespace Arbiter.Conditions;

/// <summary>
/// Compiles CEL expressions: parse, type-check against declarations, and compile to a delegate once; evaluate many
/// times with <see cref="CompiledCelExpression.Evaluate"/>.
/// </summary>
public static class CelExpression
{
    /// <summary>Compiles <paramref name="expression"/>; every problem is a diagnostic with its line:column.</summary>
    /// <param name="expression">The CEL text.</param>
    /// <param name="declarations">The variables and their types.</param>
    /// <param name="options">Limits; <see cref="CelOptions.Default"/> when omitted.</param>
    /// <param name="origin">Where the expression starts in a larger text (a model file): positions in diagnostics are
    /// then relative to that text; otherwise to the expression (line 1, column 1 is its first character).</param>
    public static CelCompileResult Compile(string expression, CelDeclarations declarations, CelOptions? options = null, SourceSpan? origin = null)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(declarations);
        return CompileCore(expression, declarations, options ?? CelOptions.Default, origin, typeCheck: true);
    }

    /// <summary>Compiles with or without type checking; unchecked expressions report type problems at evaluation.</summary>
    internal static CelCompileResult CompileCore(string expression, CelDeclarations declarations, CelOptions options, SourceSpan? origin, bool typeCheck)
    {
        options.Validate();
        var diagnostics = new List<ModelDiagnostic>();
        var source = new CelSource(expression, origin);
        var root = CelParser.Parse(source, options, diagnostics);
        if (root is null)
        {
            return new CelCompileResult(null, diagnostics);
        }
        if (typeCheck)
        {
            new CelChecker(source, declarations, options, diagnostics).Check(root);
            if (diagnostics.Count > 0)
            {
                return new CelCompileResult(null, diagnostics);
            }
        }
        var evaluator = CelCompiler.Compile(root, declarations, options);
        return new CelCompileResult(new CompiledCelExpression(expression, declarations, options, root.Type, evaluator) { Root = typeCheck ? root : null }, diagnostics);
    }
}
