using System.Globalization;

namespace Arbiter.Conditions;

internal static partial class CelTime
{
    /// <summary>Parses a duration as Go and CEL write it: <c>100s</c>, <c>-1.5h</c>, <c>1h30m</c>, <c>250ms</c>, <c>10us</c>, <c>5ns</c>.</summary>
    public static CelValue ParseDuration(string text)
    {
        var s = text.AsSpan();
        var negative = false;
        if (s.Length > 0 && s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            s = s[1..];
        }
        if (s.SequenceEqual("0"))
        {
            return CelValue.Duration(0);
        }
        if (s.IsEmpty)
        {
            return InvalidDuration(text);
        }
        Int128 total = 0;
        while (!s.IsEmpty)
        {
            var i = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }
            var whole = s[..i];
            var fraction = ReadOnlySpan<char>.Empty;
            if (i < s.Length && s[i] == '.')
            {
                var start = ++i;
                while (i < s.Length && char.IsAsciiDigit(s[i]))
                {
                    i++;
                }
                fraction = s[start..i];
            }
            if (whole.IsEmpty && fraction.IsEmpty)
            {
                return InvalidDuration(text);
            }
            var unitStart = i;
            while (i < s.Length && !char.IsAsciiDigit(s[i]) && s[i] != '.')
            {
                i++;
            }
            long unit = s[unitStart..i] switch
            {
                "ns" => 1,
                "us" or "\u00b5s" or "\u03bcs" => 1_000,
                "ms" => 1_000_000,
                "s" => NanosPerSecond,
                "m" => 60 * NanosPerSecond,
                "h" => 3600 * NanosPerSecond,
                _ => 0,
            };
            if (unit == 0 || whole.Length > 20)
            {
                return InvalidDuration(text);
            }
            Int128 value = whole.IsEmpty ? 0 : Int128.Parse(whole, CultureInfo.InvariantCulture);
            value *= unit;
            if (!fraction.IsEmpty)
            {
                var digits = fraction[..Math.Min(fraction.Length, 18)];
                value += Int128.Parse(digits, CultureInfo.InvariantCulture) * unit / Pow10(digits.Length);
            }
            total += value;
            if (total > (Int128)long.MaxValue + 1)
            {
                return CelValue.Error(CelError.DurationRange);
            }
            s = s[i..];
        }
        if (negative)
        {
            total = -total;
        }
        return total < long.MinValue || total > long.MaxValue ? CelValue.Error(CelError.DurationRange) : CelValue.Duration((long)total);
    }

    private static CelValue InvalidDuration(string text) =>
        CelValue.Error($"duration '{text}' is not valid (such as 100s, 1.5h, 2m30s, 250ms)");

    /// <summary>Seconds with the fraction CEL prints: <c>1000000s</c>, <c>-1.5s</c>.</summary>
    public static string FormatDuration(long nanos)
    {
        var seconds = Math.DivRem(nanos, NanosPerSecond, out var fraction);
        var sign = nanos < 0 && seconds == 0 ? "-" : string.Empty;
        return sign + seconds.ToString(CultureInfo.InvariantCulture) + Fraction(Math.Abs(fraction)) + "s";
    }

    public static CelValue DurationPart(in CelValue duration, string part) => part switch
    {
        "getHours" => CelValue.FromInt(duration.IntValue / (3600 * NanosPerSecond)),
        "getMinutes" => CelValue.FromInt(duration.IntValue / (60 * NanosPerSecond)),
        "getSeconds" => CelValue.FromInt(duration.IntValue / NanosPerSecond),
        "getMilliseconds" => CelValue.FromInt(duration.IntValue % NanosPerSecond / 1_000_000),
        _ => CelRuntime.NoSuchOverload(part, duration),
    };
}
