using Arbiter.Model;
using FsCheck;
using FsCheck.Fluent;

namespace Arbiter.Tests.Parsing;

/// <summary>
/// FsCheck generators of valid models: every relation has an entry point, type restrictions and operands are
/// distinct, conditions are used and listed in the printer's order (by name, parameters by name). Models may use the
/// Arbiter extensions: type attributes and attribute rules over a condition named <c>rule</c>.
/// </summary>
internal static class ModelGenerators
{
    private static readonly string[] TypeNames = ["document", "folder", "team", "org", "a/b", "_.x_/y", "acme.doc", "asset-category", "model", "schema", "type", "relation", "module", "extend", "list", "map"];

    /// <summary>Expressions that type-check, with the parameters they need (conditions are compiled at model load).</summary>
    private static readonly (string Expression, (string Name, string Type)[] Parameters)[] Expressions =
    [
        ("x < 10", [("x", "int")]),
        ("x == \"}\" && y != '{'", [("x", "string"), ("y", "string")]),
        ("{\"k\": 1}.size() > 0", []),
        ("request_ip.in_cidr(cidr) // trailing } comment\n  && x > 0", [("request_ip", "ipaddress"), ("cidr", "string"), ("x", "double")]),
        ("current_time < grant_time + grant_duration", [("current_time", "timestamp"), ("grant_time", "timestamp"), ("grant_duration", "duration")]),
    ];

    private static readonly ConditionParameterType[] ParameterTypes =
    [
        new("int"), new("uint"), new("bool"), new("string"), new("double"), new("duration"), new("timestamp"), new("ipaddress"),
        new("list", [new ConditionParameterType("string")]), new("map", [new ConditionParameterType("int")]),
    ];

    private static readonly ConditionParameterType[] AttributeTypes =
        [.. ParameterTypes, new("any"), new("list", [new ConditionParameterType("any")])];

    private static readonly string[] AttributeNames = ["department", "level", "tags", "since", "ip", "_hidden", "x_1", "where", "type"];

    public static Arbitrary<AuthorizationModel> ValidModels() => Arb.From(Gen.Sized(size => ModelOfSize(Math.Clamp(size, 1, 30))));

    private static Gen<AuthorizationModel> ModelOfSize(int size) =>
        from typeCount in Gen.Choose(0, Math.Min(6, 1 + size / 4))
        from conditionCount in Gen.Choose(0, typeCount == 0 ? 0 : 2)
        from seed in Gen.Choose(0, int.MaxValue)
        select Build(typeCount, conditionCount, size, new Random(seed));

    private static AuthorizationModel Build(int typeCount, int conditionCount, int size, Random random)
    {
        var conditions = Enumerable.Range(0, conditionCount).Select(i => BuildCondition("cond" + i, random)).ToList();
        // The rule condition sorts after cond0, cond1: the printer's order. The first type uses it, so it is used.
        var rule = typeCount > 0 && random.Next(2) == 0 ? BuildCondition("rule", random, allowNoParameters: true) : null;
        var names = TypeNames.OrderBy(_ => random.Next()).Take(typeCount).ToList();
        var types = new List<TypeDefinition> { new("user", []) { Attributes = BuildAttributes(random) } };
        for (var t = 0; t < names.Count; t++)
        {
            types.Add(BuildType(names[t], types, t == 0 ? conditions : [], rule is null ? null : t == 0 ? "first" : "any", size, random));
        }
        return new AuthorizationModel { Types = types, Conditions = rule is null ? conditions : [.. conditions, rule] };
    }

    private static List<AttributeDefinition> BuildAttributes(Random random) =>
        AttributeNames.OrderBy(_ => random.Next()).Take(random.Next(0, 4))
            .Select(name => new AttributeDefinition(name, AttributeTypes[random.Next(AttributeTypes.Length)]))
            .ToList();

    private static ConditionDefinition BuildCondition(string name, Random random, bool allowNoParameters = false)
    {
        var (expression, needed) = Expressions[random.Next(Expressions.Length)];
        var parameters = needed.Select(p => new ConditionParameter(p.Name, new ConditionParameterType(p.Type)))
            .Concat(Enumerable.Range(0, random.Next(needed.Length == 0 && !allowNoParameters ? 1 : 0, 3))
                .Select(i => new ConditionParameter("p" + i, ParameterTypes[random.Next(ParameterTypes.Length)])))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        return new ConditionDefinition(name, expression, parameters);
    }

    /// <param name="rule">Whether rules over the condition <c>rule</c> may be used: <c>first</c> (and must be), <c>any</c>, or <see langword="null"/> (not).</param>
    private static TypeDefinition BuildType(string name, List<TypeDefinition> earlier, List<ConditionDefinition> conditions, string? rule, int size, Random random)
    {
        var relations = new List<RelationDefinition>();
        var withRelations = earlier.Where(t => t.Relations.Count > 0).ToList();
        // r0: direct, with every condition used once, and a userset of an earlier type.
        var direct = new List<RelationReference> { new("user") };
        if (random.Next(2) == 0)
        {
            direct.Add(new RelationReference("user", Wildcard: true));
        }
        direct.AddRange(conditions.Select(c => new RelationReference("user", Condition: c.Name)));
        if (withRelations.Count > 0 && random.Next(2) == 0)
        {
            direct.Add(new RelationReference(withRelations[random.Next(withRelations.Count)].Name, "r0"));
        }
        relations.Add(new RelationDefinition("r0", new DirectUserset(), direct));
        if (rule == "first")
        {
            relations.Add(new RelationDefinition("ruled", new AttributeRuleUserset("user", "rule"), []));
        }
        string? parentType = null;
        if (withRelations.Count > 0)
        {
            parentType = withRelations[random.Next(withRelations.Count)].Name;
            relations.Add(new RelationDefinition("parent", new DirectUserset(), [new RelationReference(parentType)]));
        }
        var count = random.Next(0, 2 + size / 5);
        for (var i = 1; i <= count; i++)
        {
            var leaves = relations.Select(r => (Userset)new ComputedUserset(r.Name)).ToList();
            if (parentType is not null)
            {
                leaves.Add(new TupleToUserset("parent", "r0"));
            }
            if (rule is not null)
            {
                leaves.Add(new AttributeRuleUserset(earlier[random.Next(earlier.Count)].Name, "rule"));
            }
            var pool = new Queue<Userset>(leaves.OrderBy(_ => random.Next()));
            var withDirect = random.Next(3) == 0;
            var rewrite = BuildRewrite(pool, random, depth: 0, allowDirect: withDirect);
            var types = withDirect && Uses<DirectUserset>(rewrite) ? [new RelationReference("user")] : new List<RelationReference>();
            relations.Add(new RelationDefinition("r" + i, rewrite, types));
        }
        return new TypeDefinition(name, relations) { Attributes = BuildAttributes(random) };
    }

    private static Userset BuildRewrite(Queue<Userset> pool, Random random, int depth, bool allowDirect)
    {
        if (pool.Count < 2 || depth > 2 || random.Next(3) == 0)
        {
            return allowDirect && random.Next(2) == 0 ? new DirectUserset() : pool.Count > 0 ? pool.Dequeue() : new DirectUserset();
        }
        var kind = random.Next(3);
        var first = BuildRewrite(pool, random, depth + 1, allowDirect);
        if (kind == 2 || pool.Count == 0)
        {
            return pool.Count == 0 ? first : new DifferenceUserset(first, BuildRewrite(pool, random, depth + 1, allowDirect: false));
        }
        var children = new List<Userset> { first };
        var more = random.Next(1, 3);
        for (var i = 0; i < more && pool.Count > 0; i++)
        {
            children.Add(BuildRewrite(pool, random, depth + 1, allowDirect: false));
        }
        if (children.Count == 1)
        {
            return first;
        }
        return kind == 0 ? new UnionUserset(children) : new IntersectionUserset(children);
    }

    private static bool Uses<T>(Userset userset) => userset switch
    {
        T => true,
        UnionUserset u => u.Children.Any(Uses<T>),
        IntersectionUserset i => i.Children.Any(Uses<T>),
        DifferenceUserset d => Uses<T>(d.Base) || Uses<T>(d.Subtract),
        _ => false,
    };
}
