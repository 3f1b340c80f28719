using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace Arbiter.Conditions;

/// <summary>
/// Regular expressions with RE2 semantics on .NET's non-backtracking engine (linear time, plus a timeout): patterns using
/// what RE2 lacks (backreferences, lookaround, atomic groups, conditionals) are rejected; RE2's <c>(?P&lt;name&gt;...)</c>
/// is accepted, and <c>$</c> means the end of the text as in RE2.
/// </summary>
internal static class CelRegex
{
    private const int CacheLimit = 256;
    private static readonly ConcurrentDictionary<(string Pattern, TimeSpan Timeout), Regex> Cache = new();

    public static Regex? Get(string pattern, CelOptions options, out string? error)
    {
        if (Cache.TryGetValue((pattern, options.RegexTimeout), out var cached))
        {
            error = null;
            return cached;
        }
        var regex = Compile(pattern, options, out error);
        if (regex is not null)
        {
            if (Cache.Count >= CacheLimit)
            {
                Cache.Clear();
            }
            Cache.TryAdd((pattern, options.RegexTimeout), regex);
        }
        return regex;
    }

    public static Regex? Compile(string pattern, CelOptions options, out string? error)
    {
        if (pattern.Length > options.MaxRegexLength)
        {
            error = $"regular expression longer than the limit of {options.MaxRegexLength} characters";
            return null;
        }
        var translated = Translate(pattern, out error);
        if (translated is null)
        {
            return null;
        }
        try
        {
            return new Regex(translated, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, options.RegexTimeout);
        }
        catch (NotSupportedException)
        {
            error = $"invalid regular expression '{pattern}': a construct RE2 does not support";
            return null;
        }
        catch (ArgumentException e)
        {
            error = $"invalid regular expression '{pattern}': {e.Message}";
            return null;
        }
    }

    /// <summary>Rewrites RE2 syntax to .NET's and rejects what RE2 does not have.</summary>
    private static string? Translate(string pattern, out string? error)
    {
        error = null;
        var result = new StringBuilder(pattern.Length + 8);
        var inClass = false;
        var multiline = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[i + 1];
                if (!inClass && (char.IsAsciiDigit(next) && next != '0' || next == 'k'))
                {
                    error = $"invalid regular expression '{pattern}': backreferences are not supported (RE2 syntax)";
                    return null;
                }
                result.Append(c).Append(next);
                i++;
                continue;
            }
            if (inClass)
            {
                if (c == ']')
                {
                    inClass = false;
                }
                result.Append(c);
                continue;
            }
            switch (c)
            {
                case '[':
                    inClass = true;
                    result.Append(c);
                    if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                    {
                        result.Append('^');
                        i++;
                    }
                    if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                    {
                        result.Append("\\]");
                        i++;
                    }
                    break;
                case '(' when i + 1 < pattern.Length && pattern[i + 1] == '?':
                    var rest = pattern.AsSpan(i + 2);
                    if (rest.StartsWith("P<"))
                    {
                        result.Append("(?<");
                        i += 3;
                        break;
                    }
                    if (rest.StartsWith("=") || rest.StartsWith("!") || rest.StartsWith("<=") || rest.StartsWith("<!")
                        || rest.StartsWith(">") || rest.StartsWith("("))
                    {
                        error = $"invalid regular expression '{pattern}': lookaround, atomic groups and conditionals are not supported (RE2 syntax)";
                        return null;
                    }
                    var flagsEnd = rest.IndexOfAny(':', ')');
                    if (flagsEnd >= 0 && rest[..flagsEnd].Contains('m'))
                    {
                        multiline = true;
                    }
                    result.Append(c);
                    break;
                case '$' when !multiline:
                    result.Append("\\z");
                    break;
                default:
                    result.Append(c);
                    break;
            }
        }
        return result.ToString();
    }
}
