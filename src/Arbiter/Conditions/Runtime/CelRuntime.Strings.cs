using System.Text.RegularExpressions;

namespace Arbiter.Conditions;

internal static partial class CelRuntime
{
    public static CelValue Contains(CelValue a, CelValue b) =>
        a.Kind == CelValueKind.String && b.Kind == CelValueKind.String
            ? CelValue.FromBool(a.StringValue.Contains(b.StringValue, StringComparison.Ordinal))
            : StringFailure("contains", a, b);

    public static CelValue StartsWith(CelValue a, CelValue b) =>
        a.Kind == CelValueKind.String && b.Kind == CelValueKind.String
            ? CelValue.FromBool(a.StringValue.StartsWith(b.StringValue, StringComparison.Ordinal))
            : StringFailure("startsWith", a, b);

    public static CelValue EndsWith(CelValue a, CelValue b) =>
        a.Kind == CelValueKind.String && b.Kind == CelValueKind.String
            ? CelValue.FromBool(a.StringValue.EndsWith(b.StringValue, StringComparison.Ordinal))
            : StringFailure("endsWith", a, b);

    public static CelValue LowerAscii(CelValue a) =>
        a.Kind == CelValueKind.String ? CelValue.FromString(MapAscii(a.StringValue, upper: false)) : a.IsErrorOrUnknown ? a : NoSuchOverload("lowerAscii", a);

    public static CelValue UpperAscii(CelValue a) =>
        a.Kind == CelValueKind.String ? CelValue.FromString(MapAscii(a.StringValue, upper: true)) : a.IsErrorOrUnknown ? a : NoSuchOverload("upperAscii", a);

    private static string MapAscii(string value, bool upper) => string.Create(value.Length, (value, upper), static (span, state) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            var c = state.value[i];
            span[i] = state.upper
                ? (c is >= 'a' and <= 'z' ? (char)(c - 32) : c)
                : (c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
        }
    });

    /// <summary><c>s.matches(re)</c> with a pattern known only at runtime.</summary>
    public static CelValue Matches(CelValue a, CelValue pattern, ref CelEvalState state)
    {
        if (a.Kind != CelValueKind.String || pattern.Kind != CelValueKind.String)
        {
            return StringFailure("matches", a, pattern);
        }
        var regex = CelRegex.Get(pattern.StringValue, state.Options, out var error);
        return regex is null ? CelValue.Error(error!) : MatchesCompiled(a, regex);
    }

    /// <summary><c>s.matches(re)</c> with a pattern compiled ahead of time.</summary>
    public static CelValue MatchesCompiled(CelValue a, Regex regex)
    {
        if (a.Kind != CelValueKind.String)
        {
            return a.IsErrorOrUnknown ? a : NoSuchOverload("matches", a, CelValue.FromString(regex.ToString()));
        }
        try
        {
            return CelValue.FromBool(regex.IsMatch(a.StringValue));
        }
        catch (RegexMatchTimeoutException)
        {
            return CelValue.Error("regular expression match timed out");
        }
    }

    private static CelValue StringFailure(string function, in CelValue a, in CelValue b) =>
        TryPropagate(a, b, out var propagated) ? propagated : NoSuchOverload(function, a, b);
}
