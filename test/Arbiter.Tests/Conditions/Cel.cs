using Arbiter.Conditions;
using Arbiter.Model;

namespace Arbiter.Tests.Conditions;

/// <summary>Helpers: compile and evaluate with a few typed variables.</summary>
internal static class Cel
{
    public static CelResult Eval(string expression, params (string Name, CelType Type, CelValue Value)[] variables) =>
        Eval(expression, CelOptions.Default, variables);

    public static CelResult Eval(string expression, CelOptions options, params (string Name, CelType Type, CelValue Value)[] variables)
    {
        var compiled = Compile(expression, options, variables.Select(v => (v.Name, v.Type)).ToArray());
        var activation = compiled.CreateActivation();
        foreach (var (name, _, value) in variables)
        {
            activation.Set(name, value);
        }
        return compiled.Evaluate(activation);
    }

    public static CompiledCelExpression Compile(string expression, params (string Name, CelType Type)[] variables) =>
        Compile(expression, CelOptions.Default, variables);

    public static CompiledCelExpression Compile(string expression, CelOptions options, params (string Name, CelType Type)[] variables)
    {
        var result = CelExpression.Compile(expression, Declare(variables), options);
        result.Diagnostics.ShouldBeEmpty(string.Join("\n", result.Diagnostics));
        return result.Expression!;
    }

    public static IReadOnlyList<ModelDiagnostic> Errors(string expression, params (string Name, CelType Type)[] variables) =>
        Errors(expression, CelOptions.Default, variables);

    public static IReadOnlyList<ModelDiagnostic> Errors(string expression, CelOptions options, params (string Name, CelType Type)[] variables)
    {
        var result = CelExpression.Compile(expression, Declare(variables), options);
        result.Succeeded.ShouldBeFalse($"'{expression}' compiled");
        result.Diagnostics.ShouldNotBeEmpty();
        return result.Diagnostics;
    }

    private static CelDeclarations Declare((string Name, CelType Type)[] variables)
    {
        var declarations = new CelDeclarations();
        foreach (var (name, type) in variables)
        {
            declarations.Add(name, type);
        }
        return declarations;
    }

    /// <summary>The parsed tree printed with explicit parentheses, to test precedence.</summary>
    public static string Parenthesize(string expression)
    {
        var diagnostics = new List<ModelDiagnostic>();
        var root = CelParser.Parse(new CelSource(expression, null), CelOptions.Default, diagnostics);
        diagnostics.ShouldBeEmpty(string.Join("\n", diagnostics));
        return Print(root!);
    }

    private static string Print(CelExpr expr) => expr switch
    {
        CelConstantExpr c => c.Value.ToString(),
        CelIdentExpr i => i.Name,
        CelSelectExpr { TestOnly: true } s => $"has({Print(s.Operand)}.{s.Field})",
        CelSelectExpr s => $"{Print(s.Operand)}.{s.Field}",
        CelCallExpr { Function: CelOperators.Conditional } c => $"({Print(c.Args[0])} ? {Print(c.Args[1])} : {Print(c.Args[2])})",
        CelCallExpr { Function: CelOperators.Index } c => $"{Print(c.Args[0])}[{Print(c.Args[1])}]",
        CelCallExpr { Target: null, Args.Length: 1 } c when c.Function.StartsWith('!') || c.Function.StartsWith('-') => $"({c.Function[0]}{Print(c.Args[0])})",
        CelCallExpr { Target: null, Args.Length: 2 } c when c.Function.StartsWith('_') || c.Function == CelOperators.In =>
            $"({Print(c.Args[0])} {CelOperators.Display(c.Function).Trim('_')} {Print(c.Args[1])})",
        CelCallExpr c => (c.Target is null ? string.Empty : Print(c.Target) + ".") + c.Function + "(" + string.Join(", ", c.Args.Select(Print)) + ")",
        CelListExpr l => "[" + string.Join(", ", l.Elements.Select(Print)) + "]",
        CelMapExpr m => "{" + string.Join(", ", m.Keys.Zip(m.Values).Select(p => Print(p.First) + ": " + Print(p.Second))) + "}",
        CelComprehensionExpr c => $"{Print(c.Range)}.{c.Macro}({c.Variable}{(c.Filter is null ? string.Empty : ", " + Print(c.Filter))}, {Print(c.Body)})",
        _ => "?",
    };
}
