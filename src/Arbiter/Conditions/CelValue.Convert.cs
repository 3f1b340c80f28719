namespace Arbiter.Conditions;

public readonly partial struct CelValue
{
    /// <summary>
    /// Converts a .NET or JSON value (<see cref="System.Text.Json.JsonElement"/>) to a CEL value of <paramref name="type"/>,
    /// as OpenFGA converts condition context values: numbers to the declared numeric type when they fit (a JSON
    /// <c>10</c> or <c>10.0</c> for an <c>int</c>), RFC 3339 strings or <see cref="DateTimeOffset"/> to timestamps,
    /// strings such as <c>"1h30m"</c> or <see cref="TimeSpan"/> to durations, address strings to <c>ipaddress</c>,
    /// enumerables to lists and string-keyed dictionaries to maps, element by element; <c>dyn</c> (OpenFGA's
    /// <c>any</c>) takes the value's own type.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="type">The declared type.</param>
    /// <param name="result">The CEL value when the conversion succeeds.</param>
    /// <param name="error">Why it failed (the expected and found types), otherwise <see langword="null"/>.</param>
    /// <param name="options">The limits on list and map sizes; <see cref="CelOptions.Default"/> when omitted.</param>
    public static bool TryConvert(object? value, CelType type, out CelValue result, out string? error, CelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        return CelConversion.TryConvert(value, type, options ?? CelOptions.Default, out result, out error);
    }
}
