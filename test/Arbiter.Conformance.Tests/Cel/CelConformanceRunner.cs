using Arbiter.Conditions;

namespace Arbiter.Conformance.Tests.Cel;

/// <summary>Runs one conformance test: compile (checked unless the test disables it), bind, evaluate, compare.</summary>
internal static class CelConformanceRunner
{
    /// <summary>Runs the test; gives <see langword="null"/> when it passes, else what went wrong.</summary>
    public static string? Run(CelConformanceCase test)
    {
        try
        {
            return RunCore(test);
        }
        catch (NotSupportedException e)
        {
            return $"{test.Id}: the runner cannot express this test ({e.Message})";
        }
    }

    private static string? RunCore(CelConformanceCase test)
    {
        var declarations = new CelDeclarations();
        foreach (var env in test.Test.Messages("type_env"))
        {
            var name = env.String("name")!;
            if (env.Message("ident") is { } ident && declarations.SlotOf(name) < 0 && !IsReserved(name))
            {
                declarations.Add(name, CelConformanceValues.ToType(ident.Message("type")!));
            }
        }
        var bindings = test.Test.Messages("bindings")
            .Where(b => !IsReserved(b.String("key")!))
            .Select(b => (Name: b.String("key")!, Value: CelConformanceValues.ToValue(b.Message("value")!.Message("value")!)))
            .ToList();
        foreach (var (name, _) in bindings)
        {
            if (declarations.SlotOf(name) < 0)
            {
                declarations.Add(name, CelType.Dyn);
            }
        }
        var compiled = CelExpression.CompileCore(test.Expression, declarations, CelOptions.Default, origin: null, typeCheck: !test.DisableCheck);
        if (compiled.Expression is null)
        {
            return $"{test.Id}: `{test.Expression}` did not compile: {string.Join("; ", compiled.Diagnostics)}";
        }
        var activation = compiled.Expression.CreateActivation();
        foreach (var (name, value) in bindings)
        {
            activation.Set(name, value);
        }
        var result = compiled.Expression.Evaluate(activation);
        if (test.Test.Has("eval_error"))
        {
            return result.IsError ? null : $"{test.Id}: `{test.Expression}` gave {result} instead of an error";
        }
        if (test.Test.Message("value") is { } expectedMessage)
        {
            var expected = expectedMessage.String("type_value") is null ? CelConformanceValues.ToValue(expectedMessage) : default;
            return CelConformanceValues.Same(expected, result.Value, expectedMessage)
                ? null
                : $"{test.Id}: `{test.Expression}` gave {result} instead of {(expectedMessage.String("type_value") ?? expected.ToString())}";
        }
        // A test without an expected result expects true.
        return result.IsTrue ? null : $"{test.Id}: `{test.Expression}` gave {result} instead of true";
    }

    /// <summary>
    /// true, false and null cannot be declared as variables in Arbiter (CEL reserves them); the tests that try
    /// (basic/reserved_const) check that the literals win, which holds without the declaration.
    /// </summary>
    private static bool IsReserved(string name) => name is "true" or "false" or "null";
}
