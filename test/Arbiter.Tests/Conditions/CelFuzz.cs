using System.Text;
using Arbiter.Conditions;

namespace Arbiter.Tests.Conditions;

/// <summary>Random and hostile CEL expressions and activations for the property tests.</summary>
internal static class CelFuzz
{
    public static readonly (string Name, CelType Type)[] Variables =
    [
        ("x", CelType.Int),
        ("u", CelType.Uint),
        ("d", CelType.Double),
        ("s", CelType.String),
        ("b", CelType.Bool),
        ("l", CelType.List(CelType.Int)),
        ("m", CelType.Map(CelType.String, CelType.Int)),
        ("t", CelType.Timestamp),
        ("any", CelType.Dyn),
    ];

    /// <summary>Expressions that evaluate to an error whatever the variables.</summary>
    public static readonly string[] Failing =
    [
        "1 / 0", "1 % 0", "9223372036854775807 + 1", "-9223372036854775808 - 1", "0u - 1u", "4611686018427387904 * 4",
        "{'a': 1}['b']", "[1, 2][5]", "int('x')", "uint(-1)", "int(1e300)", "timestamp('0000-01-01T00:00:00Z')",
        "duration('999999999999h')", "dyn('a') < 1", "string(b'\\xff')", "'a'.matches(dyn('(a)\\\\1'))", "dyn([1]) + 1",
        "{'a': 1}.b", "dyn(1).f", "[0].all(i, 1 / i > 0)", "[1, 2].map(i, i / 0)", "timestamp('9999-12-31T23:59:59Z') + duration('1s')",
    ];

    private static readonly string[] Atoms =
    [
        "x", "u", "d", "s", "b", "l", "m", "t", "any", "1", "0", "-1", "2u", "0.0", "-0.5", "1e308", "'a'", "''", "true", "false",
        "null", "b'\\x00'", "[1, 2, 3]", "{'a': 1}", "[]", "{}", "0.0/0.0", "9223372036854775807", "-9223372036854775808",
        "18446744073709551615u", "timestamp('2024-01-01T00:00:00Z')", "duration('1h')", "dyn(x)", "l[0]", "m.a", "has(m.a)",
        "size(s)", "s.matches('(a+)+$')", "s.matches('^(a|aa)*b')", "l.all(i, i > 0)", "l.exists(i, i == x)", "l.map(i, i * i)",
        "l.filter(i, i % 2 == 0)", "l.exists_one(i, i == 0)", "t.getHours('Europe/Paris')", "int(s)", "string(x)", "x in l",
        "'a' in m", "type(any)",
    ];

    private static readonly string[] Binary = ["+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "in", "&&", "||"];

    private static readonly string[] Junk = ["(", ")", "[", "]", "{", "}", ",", ".", ":", "?", "!", "-", "'", "\"", "`", "\\", "r'", "b\"", "0x", "1u", "1e", "//", "\n", "\u00e9", "\ud83d", "\0"];

    public static string Expression(Random random, int depth)
    {
        if (depth <= 0 || random.Next(4) == 0)
        {
            return random.Next(6) == 0 ? Failing[random.Next(Failing.Length)] : Atoms[random.Next(Atoms.Length)];
        }
        var a = Expression(random, depth - 1);
        var b = Expression(random, depth - 1);
        return random.Next(12) switch
        {
            0 => $"!({a})",
            1 => $"-({a})",
            2 => $"({a}) ? ({b}) : ({Expression(random, depth - 1)})",
            3 => $"[{a}, {b}]",
            4 => $"{{'k': {a}}}",
            5 => $"[{a}].exists(v, v == {b})",
            6 => $"size({a})",
            7 => $"dyn({a})",
            _ => $"({a}) {Binary[random.Next(Binary.Length)]} ({b})",
        };
    }

    /// <summary>Text that is mostly not CEL: junk tokens, deep nesting, long runs.</summary>
    public static string Hostile(Random random)
    {
        switch (random.Next(6))
        {
            case 0:
                return new string('(', random.Next(1, 3000)) + "1" + new string(')', random.Next(0, 3000));
            case 1:
                return string.Concat(Enumerable.Repeat(random.Next(2) == 0 ? "!" : "-", random.Next(1, 5000))) + "x";
            case 2:
                return "'" + new string('a', random.Next(0, 20_000)) + "'";
            case 3:
                return string.Join(random.Next(2) == 0 ? " + " : " || ", Enumerable.Repeat("x", random.Next(1, 3000)));
            default:
                var builder = new StringBuilder();
                for (var i = random.Next(1, 60); i > 0; i--)
                {
                    builder.Append(random.Next(3) == 0 ? Junk[random.Next(Junk.Length)] : Atoms[random.Next(Atoms.Length)]).Append(random.Next(2) == 0 ? " " : string.Empty);
                }
                return builder.ToString();
        }
    }

    public static CelActivation Activation(CompiledCelExpression compiled, Random random)
    {
        var activation = compiled.CreateActivation();
        CelValue Int() => CelValue.FromInt(random.Next(5) switch { 0 => long.MaxValue, 1 => long.MinValue, 2 => 0, _ => random.Next(-100, 100) });
        foreach (var (name, _) in Variables)
        {
            if (random.Next(8) == 0)
            {
                continue; // left unset: unknown
            }
            activation.Set(name, name switch
            {
                "x" => Int(),
                "u" => CelValue.FromUInt(random.Next(2) == 0 ? ulong.MaxValue : (ulong)random.Next(100)),
                "d" => CelValue.FromDouble(random.Next(4) switch { 0 => double.NaN, 1 => double.PositiveInfinity, 2 => -0.0, _ => random.NextDouble() }),
                "s" => CelValue.FromString(random.Next(3) == 0 ? new string('a', random.Next(0, 100_000)) + "!" : "abc"),
                "b" => CelValue.FromBool(random.Next(2) == 0),
                "l" => CelValue.FromList(Enumerable.Range(0, random.Next(0, 3) == 0 ? random.Next(0, 2000) : 3).Select(_ => Int())),
                "m" => random.Next(2) == 0 ? CelValue.FromMap([new(CelValue.FromString("a"), Int())]) : CelValue.FromMap([]),
                "t" => CelValue.FromTimestamp(random.Next(2) == 0 ? DateTimeOffset.MaxValue : DateTimeOffset.UnixEpoch),
                _ => random.Next(3) switch { 0 => CelValue.FromString("z"), 1 => Int(), _ => CelValue.Null },
            });
        }
        return activation;
    }

    public static CelDeclarations Declarations()
    {
        var declarations = new CelDeclarations();
        foreach (var (name, type) in Variables)
        {
            declarations.Add(name, type);
        }
        return declarations;
    }
}
