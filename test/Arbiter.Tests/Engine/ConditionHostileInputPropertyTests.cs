using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Arbiter.Model;
using Arbiter.Parsing;
using Arbiter.Tests.Conditions;
using FsCheck;
using FsCheck.Fluent;

namespace Arbiter.Tests.Engine;

/// <summary>
/// Hostile conditions and contexts through the engine (issue 3, "Bad input"): random and hostile request contexts,
/// tuple contexts and condition expressions reach <see cref="AuthorizationEngine.CheckAsync"/> through conditional
/// tuples on direct, userset, wildcard and tuple-to-userset paths. Every check returns a <see cref="Decision"/> or throws
/// an <see cref="ArbiterException"/>, within a bound; a decision with an error is never an allow; an erring or
/// unsatisfied condition on the only path is never an allow; and exclusions and removed tuples never turn a deny into
/// an allow. Each case is driven by one integer seed, which FsCheck prints on failure.
/// </summary>
public class ConditionHostileInputPropertyTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(150);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan HangBound = TimeSpan.FromSeconds(30);

    private const string Model = """
        model
          schema 1.1
        type user
        type group
          relations
            define member: [user, user with c_int, user with c_str, user with c_dbl]
        type folder
          relations
            define viewer: [user, user with c_list, user with c_ip, user with c_deep]
        type document
          relations
            define parent: [folder, folder with c_map, folder with c_time]
            define blocked: [user, user with c_int, user with c_re]
            define viewer: [user with c_int, user with c_str, user with c_list, user with c_map, user with c_time, user with c_ip, user with c_dbl, user with c_div, user with c_ovf, user with c_deep, user with c_re, user with c_cost, group#member, group#member with c_int, user:* with c_dbl] or viewer from parent
            define can_view: viewer but not blocked
        condition c_int(x: int) {
          x < 100
        }
        condition c_str(s: string, pattern: string) {
          s.matches(pattern)
        }
        condition c_list(l: list<string>, s: string) {
          s in l
        }
        condition c_map(m: map<string>, k: string) {
          k in m && m[k] == 'yes'
        }
        condition c_time(current_time: timestamp, grant_time: timestamp, grant_duration: duration) {
          current_time < grant_time + grant_duration
        }
        condition c_ip(user_ip: ipaddress, cidr: string) {
          user_ip.in_cidr(cidr)
        }
        condition c_dbl(d: double) {
          d < 1.5
        }
        condition c_div(x: int) {
          x / 0 == 1 || 1 / 0 == x
        }
        condition c_ovf(x: int) {
          x * 9223372036854775807 > 0 && x + 9223372036854775807 > 0
        }
        condition c_deep(x: int) {
          DEEP
        }
        condition c_re(s: string) {
          s.matches('(a+)+$') || s.matches('^(a|aa)*b$')
        }
        condition c_cost(l: list<string>) {
          l.all(a, l.exists(b, a == b)) && l.map(a, a + a).size() >= 0
        }
        """;

    /// <summary>The conditions of <see cref="Model"/> that a direct <c>document#viewer@user</c> tuple may carry.</summary>
    private static readonly string[] ViewerConditions = ["c_int", "c_str", "c_list", "c_map", "c_time", "c_ip", "c_dbl", "c_div", "c_ovf", "c_deep", "c_re", "c_cost"];

    /// <summary>Conditions that fail to evaluate (or overflow) whatever their parameters, or are false for x = 0.</summary>
    private static readonly string[] AlwaysFailing = ["c_div"];

    private static readonly string[] ParameterNames = ["x", "s", "pattern", "l", "m", "k", "current_time", "grant_time", "grant_duration", "user_ip", "cidr", "d"];

    private static readonly Lazy<AuthorizationModel> ParsedModel = new(() => EngineFixtures.Parse(Model.Replace("DEEP", DeepExpression(), StringComparison.Ordinal)));

    private static Arbitrary<int> Seeds() => Arb.From(Gen.Choose(0, int.MaxValue));

    /// <summary>An expression 40 levels deep (within the default nesting limit of 100): lists, parentheses, negations.</summary>
    private static string DeepExpression()
    {
        var lists = new StringBuilder("size(").Append('[', 20).Append("x").Append(']', 20).Append(") == 1");
        var parens = new StringBuilder().Append('(', 20).Append("x + 1").Append(')', 20).Append(" > 0");
        return $"{lists} && !!!!({parens})";
    }

    private static AuthorizationEngine NewEngine() => AuthorizationEngine.Create(ParsedModel.Value);

    // ---------------------------------------------------------------- hostile values

    private static readonly string[] Patterns =
    [
        "(a+)+$", "^(a|aa)*b$", "(a*)*b", "(x+x+)+y", "^(([a-z])+.)+[A-Z]([a-z])+$", "a{1000}", "(a|a?)+$", "(.*a){20}",
        "(a)\\1", "(?=a)", "(?<=a)b", "(?>a)", "[", "(", "\\", "", ".*", "^$", "\\p{L}+", "[\\u0000-\\uFFFF]*", new string('(', 500) + new string(')', 500),
        new string('a', 1100), "a{100}{100}{100}",
    ];

    private static readonly string[] Strings =
    [
        "", "a", "abc", "yes", "10.0.0.1", "::1", "10.0.0.0/8", "::/0", "0.0.0.0/0", "not an ip", "10.0.0.0/33", "1h", "1.5h", "-1h",
        "999999999999h", "2024-05-01T10:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "10000-01-01T00:00:00Z",
        "2024-02-30T00:00:00Z", "100", "-9223372036854775808", "9223372036854775808", "1e308", "NaN", "Infinity", "true",
        "\u00e9\u4e2d\ud83d\ude00", "\ud800", "\udfff", "\0", "\u202e", "a\nb", "' || true || '", "x < 100", "${x}",
    ];

    /// <summary>A random .NET value, often of the wrong type, sometimes past a context limit.</summary>
    internal static object? Value(Random random, int depth = 0)
    {
        // Below the top level only small values (and at most two more levels): a long list of huge strings would test the
        // machine's memory, not the engine. Huge strings, long lists, deep nesting and cycles are generated at the top.
        var choice = depth == 0 ? random.Next(26) : depth > 2 ? random.Next(11) : random.Next(20) switch { 11 => 20, 12 => 22, var c => c };
        if (depth > 0 && choice == 11)
        {
            choice = 7;
        }
        switch (choice)
        {
            case 0: return null;
            case 1: return random.Next(5) switch { 0 => long.MaxValue, 1 => long.MinValue, 2 => 0L, 3 => -1L, _ => (long)random.Next(-200, 200) };
            case 2: return random.Next(4) switch { 0 => int.MaxValue, 1 => int.MinValue, _ => random.Next(-200, 200) };
            case 3: return random.Next(3) switch { 0 => ulong.MaxValue, 1 => (ulong)long.MaxValue + 1, _ => 5UL };
            case 4: return random.Next(7) switch { 0 => double.NaN, 1 => double.PositiveInfinity, 2 => double.NegativeInfinity, 3 => -0.0, 4 => double.MaxValue, 5 => double.Epsilon, _ => random.NextDouble() * 3 };
            case 5: return random.Next(3) switch { 0 => decimal.MaxValue, 1 => 1.5m, _ => float.NaN };
            case 6: return random.Next(2) == 0;
            case 7:
            case 8:
            case 9: return Strings[random.Next(Strings.Length)];
            case 10: return Patterns[random.Next(Patterns.Length)];
            case 11: return HugeString(random);
            case 12: return random.Next(3) switch { 0 => DateTimeOffset.MaxValue, 1 => DateTimeOffset.MinValue, _ => new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero) };
            case 13: return random.Next(3) switch { 0 => TimeSpan.MaxValue, 1 => TimeSpan.MinValue, _ => TimeSpan.FromHours(1) };
            case 14: return random.Next(4) switch { 0 => new object(), 1 => Guid.Empty, 2 => new byte[] { 0xff, 0 }, _ => DateTime.MinValue };
            case 15: return JsonValue(random);
            case 16:
            case 17: return "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!";
            case 18:
            case 19: return (long)random.Next(-5, 150);
            case 20:
            case 21: return Enumerable.Range(0, ListLength(random, depth)).Select(_ => Value(random, depth + 1)).ToList();
            case 22:
            case 23:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (var i = ListLength(random, depth) - 1; i >= 0; i--)
                {
                    map[Key(random, i)] = Value(random, depth + 1);
                }
                return map;
            case 24: return Nested(random.Next(5, 40), random.Next(2) == 0);
            default:
                // A list that contains itself: only a depth limit stops a walk over it.
                var cycle = new List<object?> { "a" };
                cycle.Add(cycle);
                return cycle;
        }
    }

    private static int ListLength(Random random, int depth = 0) => random.Next(depth == 0 ? 10 : 20) switch { 0 => random.Next(900, 1_200), 1 => random.Next(20, 200), _ => random.Next(0, 4) };

    private static string Key(Random random, int i) => random.Next(i == 0 ? 6 : 5) switch
    {
        0 => "yes",
        1 => "\ud800" + i.ToString(CultureInfo.InvariantCulture),
        5 => new string('k', random.Next(60_000, 70_000)),
        _ => "k" + i.ToString(CultureInfo.InvariantCulture),
    };

    private static string HugeString(Random random)
    {
        var length = random.Next(4) switch { 0 => 65_536, 1 => 65_537, 2 => random.Next(100_000, 1_100_000), _ => random.Next(1_000, 65_000) };
        return random.Next(3) switch
        {
            0 => new string('a', length - 1) + "!",
            1 => new string('a', length),
            _ => string.Concat(Enumerable.Repeat("\ud83d\ude00", length / 2)),
        };
    }

    private static object Nested(int depth, bool map)
    {
        object value = "leaf";
        for (var i = 0; i < depth; i++)
        {
            value = map ? new Dictionary<string, object?>(StringComparer.Ordinal) { ["yes"] = value } : new List<object?> { value };
        }
        return value;
    }

    private static JsonElement JsonValue(Random random)
    {
        var text = random.Next(8) switch
        {
            0 => "9223372036854775808",
            1 => "1e400",
            2 => "-0",
            3 => "\"2024-05-01T10:00:00Z\"",
            4 => "[\"a\", 1, null, {\"k\": [true]}]",
            // A lone surrogate escape inside JSON (see JsonStringWithALoneSurrogate_IsAValidationError).
            5 => "{\"yes\": \"yes\", \"k\": \"\\ud800\"}",
            6 => new string('[', 60) + new string(']', 60),
            _ => "12.0",
        };
        using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 200 });
        return document.RootElement.Clone();
    }

    /// <summary>A context: some well-typed values, some hostile, missing keys and extra keys.</summary>
    private static Dictionary<string, object?>? Context(Random random)
    {
        if (random.Next(12) == 0)
        {
            return null;
        }
        var context = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var name in ParameterNames)
        {
            switch (random.Next(4))
            {
                case 0: break; // missing
                case 1: context[name] = Value(random); break;
                default: context[name] = WellTyped(name, random); break;
            }
        }
        for (var i = random.Next(3) == 0 ? random.Next(1, 5) : 0; i > 0; i--)
        {
            context[Key(random, i)] = Value(random); // extra keys
        }
        return context;
    }

    /// <summary>A value of the parameter's declared type, often at an edge of its range.</summary>
    private static object? WellTyped(string name, Random random) => name switch
    {
        "x" => random.Next(3) switch { 0 => long.MaxValue, 1 => long.MinValue, _ => (long)random.Next(-5, 150) },
        "s" => random.Next(3) == 0 ? HugeString(random) : Strings[random.Next(Strings.Length)],
        "pattern" => Patterns[random.Next(Patterns.Length)],
        "l" => Enumerable.Range(0, ListLength(random)).Select(i => (object?)("e" + i.ToString(CultureInfo.InvariantCulture))).ToList(),
        "m" => new Dictionary<string, object?>(StringComparer.Ordinal) { ["yes"] = "yes", ["no"] = "no" },
        "k" => random.Next(2) == 0 ? "yes" : "no",
        "current_time" or "grant_time" => random.Next(3) switch { 0 => "9999-12-31T23:59:59Z", 1 => "0001-01-01T00:00:00Z", _ => "2024-05-01T10:00:00Z" },
        "grant_duration" => random.Next(3) switch { 0 => "2562047h", 1 => "-2562047h", _ => "1h" },
        "user_ip" => random.Next(2) == 0 ? "10.1.2.3" : "2001:db8::1",
        "cidr" => random.Next(3) switch { 0 => "10.0.0.0/8", 1 => "::/0", _ => "bogus/99" },
        _ => random.Next(3) switch { 0 => double.NaN, 1 => double.NegativeInfinity, _ => random.NextDouble() * 3 },
    };

    // ---------------------------------------------------------------- tuples

    private static RelationshipTuple Conditional(string text, string condition, IReadOnlyDictionary<string, object?>? context) =>
        RelationshipTuple.Parse(text) with { Condition = new TupleCondition(condition, context) };

    /// <summary>Random tuples over every path that reaches <c>document:1#viewer</c> for <c>user:anne</c>.</summary>
    private static List<RelationshipTuple> Tuples(Random random)
    {
        var tuples = new List<RelationshipTuple>();
        TupleCondition? Maybe(params string[] conditions) =>
            random.Next(4) == 0 ? null : new TupleCondition(conditions[random.Next(conditions.Length)], random.Next(2) == 0 ? null : Context(random));
        for (var i = random.Next(0, 3); i > 0; i--)
        {
            tuples.Add(RelationshipTuple.Parse("document:1#viewer@user:anne") with { Condition = new TupleCondition(ViewerConditions[random.Next(ViewerConditions.Length)], random.Next(2) == 0 ? null : Context(random)) });
        }
        if (random.Next(2) == 0)
        {
            tuples.Add(RelationshipTuple.Parse("document:1#viewer@group:eng#member") with { Condition = Maybe("c_int") });
            tuples.Add(RelationshipTuple.Parse("group:eng#member@user:anne") with { Condition = Maybe("c_int", "c_str", "c_dbl") });
        }
        if (random.Next(2) == 0)
        {
            tuples.Add(RelationshipTuple.Parse("document:1#parent@folder:a") with { Condition = Maybe("c_map", "c_time") });
            tuples.Add(RelationshipTuple.Parse("folder:a#viewer@user:anne") with { Condition = Maybe("c_list", "c_ip", "c_deep") });
        }
        if (random.Next(3) == 0)
        {
            tuples.Add(Conditional("document:1#viewer@user:*", "c_dbl", random.Next(2) == 0 ? null : Context(random)));
        }
        if (random.Next(2) == 0)
        {
            tuples.Add(RelationshipTuple.Parse("document:1#blocked@user:anne") with { Condition = Maybe("c_int", "c_re") });
        }
        return tuples;
    }

    /// <summary>Writes each tuple on its own: a write is either applied or refused with an <see cref="ArbiterException"/>.</summary>
    private static List<RelationshipTuple> WriteEach(AuthorizationEngine engine, IEnumerable<RelationshipTuple> tuples)
    {
        var written = new List<RelationshipTuple>();
        foreach (var tuple in tuples)
        {
            var outcome = Run(() => engine.Write([tuple]));
            if (outcome.Exception is null)
            {
                written.Add(tuple);
            }
            else
            {
                outcome.Exception.ShouldBeAssignableTo<ArbiterException>($"write of {Describe(tuple)}: {outcome.Exception}");
            }
        }
        return written;
    }

    // ---------------------------------------------------------------- checking

    private readonly record struct Outcome<T>(T? Value, Exception? Exception, TimeSpan Elapsed);

    /// <summary>Runs an action on its own thread, so that a hang fails the test instead of hanging it.</summary>
    private static Outcome<T> Run<T>(Func<T> action)
    {
        var task = Task.Run(() =>
        {
            var watch = Stopwatch.StartNew();
            try
            {
                var value = action();
                return new Outcome<T>(value, null, watch.Elapsed);
            }
#pragma warning disable CA1031 // the property is precisely that no other exception escapes
            catch (Exception e)
#pragma warning restore CA1031
            {
                return new Outcome<T>(default, e, watch.Elapsed);
            }
        });
        task.Wait(HangBound).ShouldBeTrue("the engine hung");
        return task.Result;
    }

    internal static Decision? CheckSafely(AuthorizationEngine engine, CheckRequest request, string what)
    {
        var outcome = Run(() =>
        {
            var pending = engine.CheckAsync(request);
            return pending.IsCompleted ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        });
        outcome.Elapsed.ShouldBeLessThan(Bound, what);
        if (outcome.Exception is not null)
        {
            outcome.Exception.ShouldBeAssignableTo<ArbiterException>($"{what}: {outcome.Exception}");
            return null;
        }
        var decision = outcome.Value!;
        if (decision.Error is not null)
        {
            decision.Allowed.ShouldBeFalse($"{what}: allowed with error {decision.Error}");
            decision.Error.Message.ShouldNotBeNullOrEmpty(what);
        }
        return decision;
    }

    private static string Describe(RelationshipTuple tuple) =>
        tuple.Condition is null ? tuple.ToString() : $"{tuple} with {tuple.Condition.Name}({DescribeContext(tuple.Condition.Context)})";

    private static string DescribeContext(IReadOnlyDictionary<string, object?>? context) =>
        context is null ? "null" : string.Join(", ", context.Select(p => $"{Truncate(p.Key)}={Truncate(p.Value?.ToString() ?? "null")}"));

    private static string Truncate(string text) => text.Length > 40 ? text[..40] + $"...({text.Length})" : text;

    // ---------------------------------------------------------------- properties

    [Fact]
    public void HostileContextsAndTuples_NeverCrashHangOrAllowByError() =>
        Check.One(Config, Prop.ForAll(Seeds(), seed =>
        {
            var random = new Random(seed);
            var engine = NewEngine();
            var written = WriteEach(engine, Tuples(random));
            var contextual = random.Next(4) == 0 ? Tuples(random) : [];
            foreach (var relation in new[] { "viewer", "can_view", "blocked" })
            {
                var request = CheckRequest.Create("user:anne", relation, "document:1") with
                {
                    Context = Context(random),
                    ContextualTuples = contextual,
                    Explain = random.Next(3) == 0,
                    ExplainValues = random.Next(2) == 0,
                };
                CheckSafely(engine, request, $"seed {seed}, {relation}, tuples [{string.Join("; ", written.Select(Describe))}], context {DescribeContext(request.Context)}");
            }
        }));

    [Fact]
    public void ErringOrUnsatisfiedCondition_OnTheOnlyPath_IsNeverAnAllow() =>
        Check.One(Config, Prop.ForAll(Seeds(), seed =>
        {
            var random = new Random(seed);
            var engine = NewEngine();
            var path = random.Next(3);
            var condition = path switch { 0 => AlwaysFailing[random.Next(AlwaysFailing.Length)], 1 => "c_int", _ => "c_map" };
            // Parameters are either missing from both contexts, or given values for which the condition errs or is false.
            var context = random.Next(2) == 0
                ? null
                : new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["x"] = random.Next(3) switch { 0 => long.MaxValue, 1 => 100L, _ => 5L }, // c_div errs for every x
                    ["zz"] = Value(random),
                };
            if (context is not null && condition == "c_int" && (long)context["x"]! == 5L)
            {
                context["x"] = 100L;
            }
            List<RelationshipTuple> tuples = path switch
            {
                0 => [Conditional("document:1#viewer@user:anne", condition, null)],
                1 => [Conditional("document:1#viewer@group:eng#member", condition, null), RelationshipTuple.Parse("group:eng#member@user:anne")],
                _ => [Conditional("document:1#parent@folder:a", condition, null), RelationshipTuple.Parse("folder:a#viewer@user:anne")],
            };
            engine.Write(tuples);
            foreach (var relation in new[] { "viewer", "can_view" })
            {
                var what = $"seed {seed}, {relation}, {condition} on path {path}, context {DescribeContext(context)}";
                var decision = CheckSafely(engine, CheckRequest.Create("user:anne", relation, "document:1") with { Context = context }, what);
                if (decision is not null)
                {
                    decision.Allowed.ShouldBeFalse(what);
                    var errs = context is null || condition == "c_div";
                    if (errs)
                    {
                        decision.Error.ShouldNotBeNull(what);
                    }
                }
            }
        }));

    [Fact]
    public void ExclusionsAndRemovedTuples_NeverTurnADenyIntoAnAllow() =>
        Check.One(Config, Prop.ForAll(Seeds(), seed =>
        {
            var random = new Random(seed);
            var engine = NewEngine();
            var written = WriteEach(engine, Tuples(random));
            var context = Context(random);
            var what = $"seed {seed}, tuples [{string.Join("; ", written.Select(Describe))}], context {DescribeContext(context)}";
            var viewer = CheckSafely(engine, CheckRequest.Create("user:anne", "viewer", "document:1") with { Context = context }, what);
            var canView = CheckSafely(engine, CheckRequest.Create("user:anne", "can_view", "document:1") with { Context = context }, what);
            if (viewer is null || canView is null)
            {
                return;
            }
            // can_view = viewer but not blocked: never allowed where viewer is not.
            if (!viewer.Allowed)
            {
                canView.Allowed.ShouldBeFalse(what);
            }
            // viewer is monotone in the tuples: deleting one never turns its deny into an allow.
            if (!viewer.Allowed && written.Count > 0)
            {
                var removed = written[random.Next(written.Count)];
                engine.Write([], [removed]);
                var after = CheckSafely(engine, CheckRequest.Create("user:anne", "viewer", "document:1") with { Context = context }, what);
                (after?.Allowed ?? false).ShouldBeFalse($"{what}, after removing {Describe(removed)}");
            }
        }));

    [Fact]
    public void RandomAndHostileConditionExpressions_NeverCrashHangOrAllowByError() =>
        Check.One(Config, Prop.ForAll(Seeds(), seed =>
        {
            var random = new Random(seed);
            var body = random.Next(4) switch
            {
                0 => CelFuzz.Hostile(random),
                1 => $"dyn({CelFuzz.Failing[random.Next(CelFuzz.Failing.Length)]}) == true",
                _ => $"dyn({CelFuzz.Expression(random, random.Next(1, 6))}) == true",
            };
            var dsl = $$"""
                model
                  schema 1.1
                type user
                type group
                  relations
                    define member: [user with c]
                type document
                  relations
                    define viewer: [user with c, group#member]
                condition c(x: int, u: uint, d: double, s: string, b: bool, l: list<int>, m: map<int>, t: timestamp, any: any) {
                  {{body}}
                }
                """;
            var parsed = Run(() => ModelParser.Parse(dsl));
            parsed.Exception.ShouldBeNull($"seed {seed}: {body}");
            parsed.Elapsed.ShouldBeLessThan(Bound, body);
            if (!parsed.Value!.Success)
            {
                parsed.Value.Diagnostics.ShouldNotBeEmpty(body);
                return;
            }
            var engine = AuthorizationEngine.Create(parsed.Value.Model!);
            var tupleContext = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var name in new[] { "x", "u", "d", "s", "b", "l", "m", "t", "any" })
            {
                if (random.Next(3) == 0)
                {
                    tupleContext[name] = Value(random);
                }
            }
            var written = WriteEach(engine, [Conditional("document:1#viewer@user:anne", "c", tupleContext), Conditional("group:g#member@user:anne", "c", null), RelationshipTuple.Parse("document:2#viewer@group:g#member")]);
            var requestContext = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var name in new[] { "x", "u", "d", "s", "b", "l", "m", "t", "any", "extra" })
            {
                if (random.Next(4) != 0)
                {
                    requestContext[name] = Value(random);
                }
            }
            foreach (var document in new[] { "document:1", "document:2" })
            {
                CheckSafely(engine, CheckRequest.Create("user:anne", "viewer", document) with { Context = requestContext, Explain = random.Next(2) == 0 },
                    $"seed {seed}, {document}: condition {Truncate(body)}, tuples [{string.Join("; ", written.Select(Describe))}], context {DescribeContext(requestContext)}");
            }
        }));

    /// <summary>
    /// Regression: a <see cref="JsonElement"/> context value holding a string with a lone surrogate escape (<c>"\ud800"</c>,
    /// valid JSON) made <see cref="JsonElement.GetString"/> throw <see cref="InvalidOperationException"/> out of
    /// <see cref="AuthorizationEngine.Write"/> and <see cref="AuthorizationEngine.CheckAsync"/>; it is a validation error now.
    /// </summary>
    [Fact]
    public void JsonStringWithALoneSurrogate_IsAValidationError()
    {
        using var json = JsonDocument.Parse("{\"k\": \"\\ud800\"}");
        var context = new Dictionary<string, object?>(StringComparer.Ordinal) { ["x"] = json.RootElement.Clone() };
        var engine = NewEngine();

        engine.Write([Conditional("document:1#viewer@user:anne", "c_int", null)]);
        var outcome = Run(() => engine.CheckAsync(CheckRequest.Create("user:anne", "viewer", "document:1") with { Context = context }).Sync());
        (outcome.Exception is null or ArbiterException).ShouldBeTrue(outcome.Exception?.ToString());
        (outcome.Value?.Allowed ?? false).ShouldBeFalse();

        Should.Throw<ArbiterException>(() => engine.Write([Conditional("document:2#viewer@user:anne", "c_map", context)]));
    }
}
