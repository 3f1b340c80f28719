using System.Globalization;
using System.Text;

namespace Arbiter.Conditions;

/// <summary>Prints doubles as CEL does (Go's <c>%g</c>: shortest round-trip digits, exponent form below 1e-4 and from 1e6).</summary>
internal static class CelFormat
{
    public static string FormatDouble(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == 0)
        {
            return double.IsNegative(value) ? "-0" : "0";
        }
        // Shortest round-trip digits and the decimal exponent of the first digit.
        var (digits, exponent) = Decompose(value.ToString("R", CultureInfo.InvariantCulture));
        var negative = value < 0;
        var builder = new StringBuilder();
        if (negative)
        {
            builder.Append('-');
        }
        // Go: %e when exp < -4 || exp >= 6 (shortest precision); else %f.
        if (exponent < -4 || exponent >= 6)
        {
            builder.Append(digits[0]);
            if (digits.Length > 1)
            {
                builder.Append('.').Append(digits, 1, digits.Length - 1);
            }
            builder.Append('e').Append(exponent < 0 ? '-' : '+');
            builder.Append(Math.Abs(exponent).ToString("D2", CultureInfo.InvariantCulture));
            return builder.ToString();
        }
        if (exponent < 0)
        {
            builder.Append("0.").Append('0', -exponent - 1).Append(digits);
        }
        else if (exponent + 1 >= digits.Length)
        {
            builder.Append(digits).Append('0', exponent + 1 - digits.Length);
        }
        else
        {
            builder.Append(digits, 0, exponent + 1).Append('.').Append(digits, exponent + 1, digits.Length - exponent - 1);
        }
        return builder.ToString();
    }

    /// <summary>Splits .NET's round-trip text into significant digits and the exponent of the first digit.</summary>
    private static (string Digits, int Exponent) Decompose(string text)
    {
        if (text[0] == '-')
        {
            text = text[1..];
        }
        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }
        var point = text.IndexOf('.', StringComparison.Ordinal);
        var integerPart = point >= 0 ? text[..point] : text;
        var all = point >= 0 ? integerPart + text[(point + 1)..] : integerPart;
        var leading = 0;
        while (leading < all.Length - 1 && all[leading] == '0')
        {
            leading++;
        }
        var digits = all[leading..].TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }
        return (digits, exponent + integerPart.Length - 1 - leading);
    }
}
