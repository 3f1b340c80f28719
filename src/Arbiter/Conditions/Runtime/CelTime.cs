using System.Globalization;

namespace Arbiter.Conditions;

/// <summary>
/// Timestamps (seconds and nanoseconds since the Unix epoch, 0001-01-01 to 9999-12-31 UTC) and durations (signed 64-bit
/// nanoseconds): RFC 3339 parsing and printing, arithmetic with range checks, and the calendar accessors in a time zone.
/// </summary>
internal static partial class CelTime
{
    public const long MinSeconds = -62135596800;
    public const long MaxSeconds = 253402300799;
    private const long NanosPerSecond = 1_000_000_000;

    public static CelValue MakeTimestamp(long seconds, long nanos)
    {
        seconds += Math.DivRem(nanos, NanosPerSecond, out var rest);
        if (rest < 0)
        {
            rest += NanosPerSecond;
            seconds--;
        }
        return seconds is < MinSeconds or > MaxSeconds ? CelValue.Error(CelError.TimestampRange) : CelValue.Timestamp(seconds, (int)rest);
    }

    public static CelValue AddToTimestamp(in CelValue timestamp, long durationNanos)
    {
        var seconds = Math.DivRem(durationNanos, NanosPerSecond, out var nanos);
        return MakeTimestamp(timestamp.Seconds + seconds, timestamp.Nanos + nanos);
    }

    public static CelValue Difference(in CelValue a, in CelValue b)
    {
        var nanos = ((Int128)(a.Seconds - b.Seconds) * NanosPerSecond) + (a.Nanos - b.Nanos);
        return nanos < long.MinValue || nanos > long.MaxValue ? CelValue.Error(CelError.DurationRange) : CelValue.Duration((long)nanos);
    }

    /// <summary>Parses RFC 3339: <c>2009-02-13T23:31:30Z</c>, <c>2009-02-13T23:31:30.123456789+01:00</c>.</summary>
    public static CelValue ParseTimestamp(string text)
    {
        var s = text.AsSpan();
        if (s.Length < 20 || s[4] != '-' || s[7] != '-' || s[10] is not ('T' or 't') || s[13] != ':' || s[16] != ':'
            || !Digits(s[..4], out var year) || !Digits(s.Slice(5, 2), out var month) || !Digits(s.Slice(8, 2), out var day)
            || !Digits(s.Slice(11, 2), out var hour) || !Digits(s.Slice(14, 2), out var minute) || !Digits(s.Slice(17, 2), out var second))
        {
            return CelValue.Error($"timestamp '{text}' is not RFC 3339 (such as 2009-02-13T23:31:30Z)");
        }
        var i = 19;
        long nanos = 0;
        if (i < s.Length && s[i] == '.')
        {
            var start = ++i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }
            var fraction = s[start..i];
            if (fraction.Length is 0 or > 9)
            {
                return CelValue.Error($"timestamp '{text}' has an invalid fraction of a second");
            }
            nanos = long.Parse(fraction, CultureInfo.InvariantCulture) * Pow10(9 - fraction.Length);
        }
        long offset;
        if (i < s.Length && s[i] is 'Z' or 'z' && i + 1 == s.Length)
        {
            offset = 0;
        }
        else if (i + 6 == s.Length && s[i] is '+' or '-' && s[i + 3] == ':'
            && Digits(s.Slice(i + 1, 2), out var oh) && Digits(s.Slice(i + 4, 2), out var om) && oh < 24 && om < 60)
        {
            offset = (s[i] == '-' ? -1 : 1) * ((oh * 3600) + (om * 60));
        }
        else
        {
            return CelValue.Error($"timestamp '{text}' has no valid time zone offset (Z or +hh:mm)");
        }
        if (month is < 1 or > 12 || day < 1 || day > DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return CelValue.Error($"timestamp '{text}' is not a valid date and time");
        }
        if (year == 0)
        {
            return CelValue.Error(CelError.TimestampRange);
        }
        var seconds = (DaysFromCivil(year, month, day) * 86400) + (hour * 3600) + (minute * 60) + second - offset;
        return MakeTimestamp(seconds, nanos);
    }

    public static string FormatTimestamp(in CelValue timestamp)
    {
        var days = Math.DivRem(timestamp.Seconds, 86400, out var secondOfDay);
        if (secondOfDay < 0)
        {
            secondOfDay += 86400;
            days--;
        }
        var (year, month, day) = CivilFromDays(days);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{year:D4}-{month:D2}-{day:D2}T{secondOfDay / 3600:D2}:{secondOfDay / 60 % 60:D2}:{secondOfDay % 60:D2}");
        return text + Fraction(timestamp.Nanos) + "Z";
    }

    private static string Fraction(long nanos) =>
        nanos == 0 ? string.Empty : "." + nanos.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0');

    private static bool Digits(ReadOnlySpan<char> s, out int value) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static long Pow10(int n)
    {
        long result = 1;
        for (var i = 0; i < n; i++)
        {
            result *= 10;
        }
        return result;
    }

    public static int DaysInMonth(long year, int month) => month switch
    {
        2 => (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    /// <summary>Days since 1970-01-01 of a proleptic Gregorian date.</summary>
    public static long DaysFromCivil(long year, int month, int day)
    {
        year -= month <= 2 ? 1 : 0;
        var era = (year >= 0 ? year : year - 399) / 400;
        var yearOfEra = year - (era * 400);
        var dayOfYear = ((153 * (month + (month > 2 ? -3 : 9))) + 2) / 5 + day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146097) + dayOfEra - 719468;
    }

    public static (long Year, int Month, int Day) CivilFromDays(long days)
    {
        days += 719468;
        var era = (days >= 0 ? days : days - 146096) / 146097;
        var dayOfEra = days - (era * 146097);
        var yearOfEra = (dayOfEra - (dayOfEra / 1460) + (dayOfEra / 36524) - (dayOfEra / 146096)) / 365;
        var dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
        var mp = ((5 * dayOfYear) + 2) / 153;
        var day = (int)(dayOfYear - (((153 * mp) + 2) / 5) + 1);
        var month = (int)(mp < 10 ? mp + 3 : mp - 9);
        return (yearOfEra + (era * 400) + (month <= 2 ? 1 : 0), month, day);
    }
}
