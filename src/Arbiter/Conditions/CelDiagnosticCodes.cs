namespace Arbiter.Conditions;

/// <summary>The <see cref="Model.ModelDiagnostic.Code"/> values of CEL compile errors.</summary>
public static class CelDiagnosticCodes
{
    /// <summary>The expression is not valid CEL syntax.</summary>
    public const string SyntaxError = "cel-syntax-error";

    /// <summary>The expression is well formed but does not type-check (unknown name, no matching overload...).</summary>
    public const string TypeError = "cel-type-error";

    /// <summary>The expression exceeds a limit of <see cref="CelOptions"/> (length, nesting).</summary>
    public const string LimitExceeded = "cel-limit-exceeded";
}
