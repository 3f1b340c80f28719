namespace Arbiter.Conditions;

/// <summary>
/// Name resolution shared by the checker and the compiler: a chain <c>a.b.c</c> names the longest declared variable
/// (<c>a.b.c</c>, else <c>a.b</c> with field <c>c</c>, ...), unless its root is an iteration variable in scope.
/// </summary>
internal static class CelNames
{
    /// <summary>The dotted name of an identifier or a chain of selections on one, or <see langword="null"/>.</summary>
    public static string? QualifiedName(CelExpr expr) => expr switch
    {
        CelIdentExpr ident => ident.Name,
        CelSelectExpr { TestOnly: false } select when QualifiedName(select.Operand) is { } prefix => prefix + "." + select.Field,
        _ => null,
    };

    public static string RootName(CelExpr expr) => expr switch
    {
        CelSelectExpr select => RootName(select.Operand),
        CelIdentExpr ident => ident.Name,
        _ => string.Empty,
    };
}
