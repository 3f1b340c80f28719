namespace Arbiter.Filtering;

/// <summary>How filter values compare in memory: by kind, numbers by value, strings ordinally, times as UTC instants.</summary>
internal static class FilterValues
{
    /// <summary>The kind of a CLR type (nullable types by their underlying type).</summary>
    public static FilterValueKind KindOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return FilterValueKind.String;
        }
        if (type == typeof(bool))
        {
            return FilterValueKind.Bool;
        }
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
        {
            return FilterValueKind.Timestamp;
        }
        if (type == typeof(TimeSpan))
        {
            return FilterValueKind.Duration;
        }
        if (type.IsEnum)
        {
            return FilterValueKind.Other;
        }
        return Type.GetTypeCode(type) switch
        {
            TypeCode.SByte or TypeCode.Byte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32
                or TypeCode.Int64 or TypeCode.UInt64 or TypeCode.Single or TypeCode.Double or TypeCode.Decimal => FilterValueKind.Number,
            _ => FilterValueKind.Other,
        };
    }

    /// <summary>Whether <paramref name="actual"/> (a resource's value) compared with <paramref name="expected"/> (the filter's) by <paramref name="op"/> holds.</summary>
    public static bool Compare(object? actual, CompareOperator op, object expected)
    {
        if (actual is null)
        {
            return false;
        }
        var kind = KindOf(expected.GetType());
        if (kind == FilterValueKind.Other || KindOf(actual.GetType()) != kind)
        {
            return false;
        }
        if (kind == FilterValueKind.Bool)
        {
            return op switch
            {
                CompareOperator.Equal => (bool)actual == (bool)expected,
                CompareOperator.NotEqual => (bool)actual != (bool)expected,
                _ => false,
            };
        }
        if (kind == FilterValueKind.Number && (IsFloating(actual) || IsFloating(expected)))
        {
            // IEEE semantics: NaN satisfies only !=.
            var a = Convert.ToDouble(actual, System.Globalization.CultureInfo.InvariantCulture);
            var e = Convert.ToDouble(expected, System.Globalization.CultureInfo.InvariantCulture);
            return op switch
            {
                CompareOperator.Equal => a == e,
                CompareOperator.NotEqual => a != e,
                CompareOperator.Less => a < e,
                CompareOperator.LessOrEqual => a <= e,
                CompareOperator.Greater => a > e,
                _ => a >= e,
            };
        }
        var order = kind switch
        {
            FilterValueKind.String => string.CompareOrdinal((string)actual, (string)expected),
            FilterValueKind.Timestamp => UtcTicks(actual).CompareTo(UtcTicks(expected)),
            FilterValueKind.Duration => ((TimeSpan)actual).CompareTo((TimeSpan)expected),
            _ => CompareExact(actual, expected),
        };
        return op switch
        {
            CompareOperator.Equal => order == 0,
            CompareOperator.NotEqual => order != 0,
            CompareOperator.Less => order < 0,
            CompareOperator.LessOrEqual => order <= 0,
            CompareOperator.Greater => order > 0,
            _ => order >= 0,
        };
    }

    /// <summary>Whether the string <paramref name="actual"/> matches <paramref name="value"/> (ordinal).</summary>
    public static bool Match(object? actual, StringMatch match, string value) => actual is string s && match switch
    {
        StringMatch.StartsWith => s.StartsWith(value, StringComparison.Ordinal),
        StringMatch.EndsWith => s.EndsWith(value, StringComparison.Ordinal),
        _ => s.Contains(value, StringComparison.Ordinal),
    };

    /// <summary>A timestamp as UTC ticks: <see cref="DateTime"/> of unspecified kind is taken as UTC.</summary>
    public static long UtcTicks(object value) => value switch
    {
        DateTimeOffset t => t.UtcTicks,
        DateTime { Kind: DateTimeKind.Local } t => t.ToUniversalTime().Ticks,
        DateTime t => t.Ticks,
        _ => throw new ArgumentException("Not a timestamp.", nameof(value)),
    };

    private static bool IsFloating(object value) => value is double or float;

    /// <summary>Integral and decimal values compared exactly.</summary>
    private static int CompareExact(object actual, object expected)
    {
        if (actual is decimal || expected is decimal)
        {
            return ToDecimal(actual).CompareTo(ToDecimal(expected));
        }
        return FilterNumbers.ToInt128(actual).CompareTo(FilterNumbers.ToInt128(expected));
    }

    private static decimal ToDecimal(object value) => value switch
    {
        decimal d => d,
        _ => (decimal)FilterNumbers.ToInt128(value),
    };
}
