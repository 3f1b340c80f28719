namespace Arbiter.Conditions;

/// <summary>Strings as sequences of code points (UTF-16 underneath).</summary>
internal static class CelStrings
{
    public static long CodePointCount(string value)
    {
        var count = value.Length;
        foreach (var c in value)
        {
            if (char.IsLowSurrogate(c))
            {
                count--;
            }
        }
        return count;
    }

    /// <summary>Orders by code point, which differs from UTF-16 order for characters above U+FFFF.</summary>
    public static int CompareCodePoints(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            var x = a[i];
            var y = b[i];
            if (x == y)
            {
                continue;
            }
            var xs = char.IsSurrogate(x);
            var ys = char.IsSurrogate(y);
            if (xs == ys)
            {
                return x.CompareTo(y);
            }
            // A surrogate starts a code point above U+FFFF, which sorts after every BMP character.
            return xs ? 1 : -1;
        }
        return a.Length.CompareTo(b.Length);
    }
}
