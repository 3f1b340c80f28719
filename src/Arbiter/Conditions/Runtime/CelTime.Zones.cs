using System.Globalization;

namespace Arbiter.Conditions;

internal static partial class CelTime
{
    /// <summary>A calendar field of a timestamp in a time zone: <c>UTC</c>, an IANA name or a fixed offset (<c>+05:30</c>, <c>-02:00</c>).</summary>
    public static CelValue TimestampPart(in CelValue timestamp, string part, string? zone)
    {
        long offset = 0;
        if (zone is not null && !TryOffset(timestamp.Seconds, zone, out offset))
        {
            return CelValue.Error($"unknown time zone '{zone}'");
        }
        var local = timestamp.Seconds + offset;
        var days = Math.DivRem(local, 86400, out var secondOfDay);
        if (secondOfDay < 0)
        {
            secondOfDay += 86400;
            days--;
        }
        var (year, month, day) = CivilFromDays(days);
        return CelValue.FromInt(part switch
        {
            "getFullYear" => year,
            "getMonth" => month - 1,
            "getDate" => day,
            "getDayOfMonth" => day - 1,
            "getDayOfYear" => days - DaysFromCivil(year, 1, 1),
            "getDayOfWeek" => ((days % 7) + 11) % 7,
            "getHours" => secondOfDay / 3600,
            "getMinutes" => secondOfDay / 60 % 60,
            "getSeconds" => secondOfDay % 60,
            _ => timestamp.Nanos / 1_000_000,
        });
    }

    private static bool TryOffset(long seconds, string zone, out long offset)
    {
        offset = 0;
        if (zone is "UTC" or "Z")
        {
            return true;
        }
        var s = zone.AsSpan();
        var sign = 1;
        if (s.Length > 0 && s[0] is '+' or '-')
        {
            sign = s[0] == '-' ? -1 : 1;
            s = s[1..];
        }
        if (s.Length == 5 && s[2] == ':' && char.IsAsciiDigit(s[0]))
        {
            if (!int.TryParse(s[..2], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
                || !int.TryParse(s[3..], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || hours > 23 || minutes > 59)
            {
                return false;
            }
            offset = sign * ((hours * 3600L) + (minutes * 60L));
            return true;
        }
        if (zone.Length > 64)
        {
            return false;
        }
        try
        {
            var info = TimeZoneInfo.FindSystemTimeZoneById(zone);
            var instant = DateTime.UnixEpoch.AddSeconds(Math.Clamp(seconds, MinSeconds, MaxSeconds));
            offset = (long)info.GetUtcOffset(instant).TotalSeconds;
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return false;
        }
    }
}
