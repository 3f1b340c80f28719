namespace Arbiter.Conditions;

/// <summary>Expands the macros at parse time: <c>has(e.f)</c> and the comprehensions on a receiver.</summary>
internal static class CelMacros
{
    public static CelExpr ExpandGlobal(CelParser parser, CelToken name, CelExpr[] args)
    {
        if (name.Text == "has" && args.Length == 1)
        {
            if (args[0] is not CelSelectExpr select || select.TestOnly)
            {
                throw parser.MacroError(name, "invalid argument to has() macro: expected a field selection such as has(m.f)");
            }
            return new CelSelectExpr(select.Start, select.End, select.Operand, select.Field, testOnly: true);
        }
        return new CelCallExpr(name.Start, name.End, name.Text!, null, args);
    }

    public static CelExpr ExpandReceiver(CelParser parser, CelToken name, CelExpr target, CelExpr[] args)
    {
        CelMacro? macro = (name.Text, args.Length) switch
        {
            ("all", 2) => CelMacro.All,
            ("exists", 2) => CelMacro.Exists,
            ("exists_one", 2) => CelMacro.ExistsOne,
            ("map", 2 or 3) => CelMacro.Map,
            ("filter", 2) => CelMacro.Filter,
            _ => null,
        };
        if (macro is not { } kind)
        {
            return new CelCallExpr(name.Start, name.End, name.Text!, target, args);
        }
        if (args[0] is not CelIdentExpr variable)
        {
            throw parser.MacroError(name, $"the first argument of {name.Text}() must be a simple name, as in {name.Text}(x, ...)");
        }
        return args.Length == 3
            ? new CelComprehensionExpr(name.Start, name.End, kind, variable.Name, target, args[2], args[1])
            : new CelComprehensionExpr(name.Start, name.End, kind, variable.Name, target, args[1], null);
    }
}
