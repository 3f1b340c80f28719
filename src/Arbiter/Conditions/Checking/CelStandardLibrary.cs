namespace Arbiter.Conditions;

/// <summary>The signatures the checker knows: CEL's standard functions and operators, the string extensions
/// <c>lowerAscii</c>/<c>upperAscii</c>, and OpenFGA's <c>ipaddress</c> with <c>in_cidr</c>.</summary>
internal static class CelStandardLibrary
{
    private static readonly CelType A = CelType.Parameter("A");
    private static readonly CelType B = CelType.Parameter("B");
    private static readonly CelType ListA = CelType.List(A);
    private static readonly CelType MapAB = CelType.Map(A, B);

    /// <summary>The accessors of timestamps (and some of durations), with an optional time zone argument.</summary>
    public static readonly HashSet<string> TimestampAccessors = new(StringComparer.Ordinal)
    {
        "getFullYear", "getMonth", "getDate", "getDayOfMonth", "getDayOfWeek", "getDayOfYear",
        "getHours", "getMinutes", "getSeconds", "getMilliseconds",
    };

    public static readonly IReadOnlyDictionary<string, CelOverload[]> Functions = Build();

    private static CelOverload G(CelType result, params CelType[] parameters) => new(false, parameters, result);

    private static CelOverload R(CelType result, params CelType[] parameters) => new(true, parameters, result);

    private static Dictionary<string, CelOverload[]> Build()
    {
        CelType b = CelType.Bool, i = CelType.Int, u = CelType.Uint, d = CelType.Double, s = CelType.String, y = CelType.Bytes;
        CelType t = CelType.Timestamp, du = CelType.Duration, ip = CelType.IpAddress;
        var ordered = new[] { b, i, u, d, s, y, t, du };
        CelOverload[] Ordering()
        {
            var list = ordered.Select(x => G(b, x, x)).ToList();
            foreach (var (x, z) in new[] { (i, u), (i, d), (u, i), (u, d), (d, i), (d, u) })
            {
                list.Add(G(b, x, z));
            }
            return [.. list];
        }
        var functions = new Dictionary<string, CelOverload[]>(StringComparer.Ordinal)
        {
            [CelOperators.LogicalNot] = [G(b, b)],
            [CelOperators.Negate] = [G(i, i), G(d, d)],
            [CelOperators.Equal] = [G(b, A, A)],
            [CelOperators.NotEqual] = [G(b, A, A)],
            [CelOperators.Less] = Ordering(),
            [CelOperators.LessEquals] = Ordering(),
            [CelOperators.Greater] = Ordering(),
            [CelOperators.GreaterEquals] = Ordering(),
            [CelOperators.In] = [G(b, A, ListA), G(b, A, MapAB)],
            [CelOperators.Add] = [G(i, i, i), G(u, u, u), G(d, d, d), G(s, s, s), G(y, y, y), G(ListA, ListA, ListA), G(t, t, du), G(t, du, t), G(du, du, du)],
            [CelOperators.Subtract] = [G(i, i, i), G(u, u, u), G(d, d, d), G(du, t, t), G(t, t, du), G(du, du, du)],
            [CelOperators.Multiply] = [G(i, i, i), G(u, u, u), G(d, d, d)],
            [CelOperators.Divide] = [G(i, i, i), G(u, u, u), G(d, d, d)],
            [CelOperators.Modulo] = [G(i, i, i), G(u, u, u)],
            [CelOperators.Index] = [G(A, ListA, i), G(B, MapAB, A)],
            ["size"] = [G(i, s), G(i, y), G(i, ListA), G(i, MapAB), R(i, s), R(i, y), R(i, ListA), R(i, MapAB)],
            ["contains"] = [R(b, s, s)],
            ["startsWith"] = [R(b, s, s)],
            ["endsWith"] = [R(b, s, s)],
            ["matches"] = [R(b, s, s), G(b, s, s)],
            ["lowerAscii"] = [R(s, s)],
            ["upperAscii"] = [R(s, s)],
            ["int"] = [G(i, i), G(i, u), G(i, d), G(i, s), G(i, t)],
            ["uint"] = [G(u, u), G(u, i), G(u, d), G(u, s)],
            ["double"] = [G(d, d), G(d, i), G(d, u), G(d, s)],
            ["string"] = [G(s, s), G(s, i), G(s, u), G(s, d), G(s, y), G(s, b), G(s, t), G(s, du), G(s, ip)],
            ["bytes"] = [G(y, y), G(y, s)],
            ["bool"] = [G(b, b), G(b, s)],
            ["timestamp"] = [G(t, t), G(t, s), G(t, i)],
            ["duration"] = [G(du, du), G(du, s)],
            ["ipaddress"] = [G(ip, s)],
            ["in_cidr"] = [R(b, ip, s)],
        };
        foreach (var accessor in TimestampAccessors)
        {
            var overloads = new List<CelOverload> { R(i, t), R(i, t, s) };
            if (accessor is "getHours" or "getMinutes" or "getSeconds" or "getMilliseconds")
            {
                overloads.Add(R(i, du));
            }
            functions[accessor] = [.. overloads];
        }
        return functions;
    }
}
