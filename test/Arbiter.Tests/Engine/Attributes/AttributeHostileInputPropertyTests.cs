using FsCheck;
using FsCheck.Fluent;
using Shouldly;
using Xunit;

namespace Arbiter.Tests.Engine.Attributes;

/// <summary>
/// Hostile attribute values (issue 3, "Bad input"), stored and passed with requests, against rules and tuple conditions
/// that compare, match, divide and overflow: every write either succeeds or throws an <see cref="ArbiterException"/> and
/// changes nothing; every check returns a decision or throws an <see cref="ArbiterException"/>, within a bound; a decision
/// with an error is never an allow; and a deny rule that holds or fails is never an allow.
/// </summary>
public sealed class AttributeHostileInputPropertyTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(120);

    private const string Model = """
        model
          schema 1.1
        type user
          attributes
            n: int
            s: string
            d: double
            l: list<string>
            m: map<int>
            t: timestamp
            u: duration
            ip: ipaddress
            a: any
        type document
          attributes
            n: int
            s: string
            l: list<string>
            t: timestamp
          relations
            define owner: [user]
            define viewer: [user with tuple_cond] or owner or user where r_cmp or user where r_re or user where r_math or user where r_time
            define blocked: user where r_deny
            define can_view: viewer but not blocked
        condition tuple_cond(x: int) {
          subject.n + x > object.n
        }
        condition r_cmp() {
          subject.s == object.s && subject.n >= object.n && object.s in subject.l
        }
        condition r_re() {
          subject.s.matches('(a+)+$') || object.s.matches(subject.s)
        }
        condition r_math() {
          subject.n / object.n > 1 || subject.n * 9223372036854775807 > 0 || subject.d / 0.0 > 1.0 || subject.m['k'] > 0
        }
        condition r_time() {
          subject.t + subject.u > object.t && subject.ip.in_cidr('10.0.0.0/8') && subject.a == object.s
        }
        condition r_deny() {
          subject.n < 0 || subject.s == 'contractor' || size(subject.l) > 2
        }
        """;

    private static readonly Lazy<Arbiter.Model.AuthorizationModel> Parsed = new(() => EngineFixtures.Parse(Model));
    private static readonly string[] UserAttributes = ["n", "s", "d", "l", "m", "t", "u", "ip", "a", "zz"];
    private static readonly string[] DocumentAttributes = ["n", "s", "l", "t", "zz"];

    private static Arbitrary<int> Seeds() => Arb.From(Gen.Choose(0, int.MaxValue));

    private static Dictionary<string, object?> Values(Random random, string[] names)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (random.Next(3) != 0)
            {
                values[name] = name switch
                {
                    "zz" when random.Next(4) != 0 => null, // an undeclared attribute, now and then
                    _ when random.Next(3) == 0 => Plausible(random, name),
                    _ => ConditionHostileInputPropertyTests.Value(random),
                };
            }
        }
        values.Remove("zz", out var zz);
        if (zz is not null)
        {
            values["zz"] = zz;
        }
        return values;
    }

    /// <summary>A value of the declared type, so rules get to run as well as to refuse.</summary>
    private static object? Plausible(Random random, string name) => name switch
    {
        "n" => (long)random.Next(-3, 3),
        "s" => random.Next(3) switch { 0 => "contractor", 1 => "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", _ => "(a|aa)*b" },
        "d" => random.NextDouble(),
        "l" => new[] { "contractor", "x", "y" }.Take(random.Next(4)).ToArray(),
        "m" => new Dictionary<string, object?> { ["k"] = (long)random.Next(-1, 2) },
        "t" => "2024-05-01T10:00:00Z",
        "u" => random.Next(2) == 0 ? "1h" : "-87600h",
        "ip" => "10.1.2.3",
        _ => "contractor",
    };

    [Fact]
    public void HostileAttributeValues_NeverCrashHangOrAllowByError() =>
        Check.One(Config, Prop.ForAll(Seeds(), seed =>
        {
            var random = new Random(seed);
            var engine = AuthorizationEngine.Create(Parsed.Value);
            engine.Write([RelationshipTuple.Parse("document:1#owner@user:owner")]);
            engine.Write([Conditions.ConditionFixtures.Tuple("document:1#viewer@user:anne", "tuple_cond", new Dictionary<string, object?> { ["x"] = 1L })]);
            var what = $"seed {seed}";
            TryWrite(engine, "user:anne", Values(random, UserAttributes), what);
            TryWrite(engine, "document:1", Values(random, DocumentAttributes), what);
            foreach (var user in new[] { "user:anne", "user:owner", "user:new" })
            {
                foreach (var relation in new[] { "viewer", "can_view", "blocked" })
                {
                    var request = CheckRequest.Create(user, relation, random.Next(4) == 0 ? "document:unknown" : "document:1") with
                    {
                        SubjectAttributes = random.Next(2) == 0 ? Values(random, UserAttributes) : null,
                        ObjectAttributes = random.Next(3) == 0 ? Values(random, DocumentAttributes) : null,
                        Explain = random.Next(4) == 0,
                    };
                    var decision = ConditionHostileInputPropertyTests.CheckSafely(engine, request, what);
                    if (decision is null || relation != "can_view" || !decision.Allowed)
                    {
                        continue;
                    }
                    // allowed to view: then the deny rule held false, without an error, for the same inputs
                    var blocked = ConditionHostileInputPropertyTests.CheckSafely(engine, request with { Relation = "blocked" }, what);
                    blocked.ShouldNotBeNull(what);
                    blocked.Allowed.ShouldBeFalse(what);
                    blocked.Error.ShouldBeNull(what);
                }
            }
        }));

    private static void TryWrite(AuthorizationEngine engine, string entity, Dictionary<string, object?> values, string what)
    {
        var revision = engine.Revision;
        var before = engine.ReadAttributes(ObjectRef.Parse(entity));
        try
        {
            engine.WriteAttributes([new EntityAttributes(ObjectRef.Parse(entity), values)]).ShouldBe(revision + 1, what);
        }
        catch (ArbiterException)
        {
            engine.Revision.ShouldBe(revision, what);
            engine.ReadAttributes(ObjectRef.Parse(entity)).ShouldBe(before, what);
        }
    }
}
