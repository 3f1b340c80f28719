using System.Globalization;

namespace Arbiter.Cli.Input;

/// <summary>Durations on the command line: a whole number and a unit, <c>7d</c>, <c>12h</c>, <c>30m</c> or <c>45s</c>.</summary>
internal static class Durations
{
    /// <summary>Reads a duration given to <paramref name="option"/>.</summary>
    /// <exception cref="CliInputException">The text is not a duration.</exception>
    public static TimeSpan Parse(string text, string option)
    {
        if (text.Length >= 2 && long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            var unit = text[^1] switch { 'd' => TimeSpan.TicksPerDay, 'h' => TimeSpan.TicksPerHour, 'm' => TimeSpan.TicksPerMinute, 's' => TimeSpan.TicksPerSecond, _ => 0 };
            if (unit > 0 && n <= TimeSpan.MaxValue.Ticks / unit)
            {
                return TimeSpan.FromTicks(n * unit);
            }
        }
        throw new CliInputException($"invalid {option} '{text}': give a whole number and a unit, e.g. 7d, 12h, 30m or 45s");
    }
}
