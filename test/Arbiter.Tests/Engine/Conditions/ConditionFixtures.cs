namespace Arbiter.Tests.Engine.Conditions;

/// <summary>A model with conditional type restrictions on every path (direct, userset, tuple-to-userset) and helpers.</summary>
internal static class ConditionFixtures
{
    public const string Model = """
        model
          schema 1.1
        type user
        type group
          relations
            define member: [user, user with x_less_than]
        type folder
          relations
            define viewer: [user]
        type document
          relations
            define parent: [folder, folder with x_less_than]
            define owner: [user]
            define blocked: [user with x_less_than]
            define viewer: [user with x_less_than, user with ip_in_range, group#member, group#member with x_less_than, user:* with x_less_than] or owner or viewer from parent
            define editor: [user with x_less_than] and owner
            define can_view: owner but not blocked
        condition x_less_than(x: int) {
          x < 100
        }
        condition ip_in_range(user_ip: ipaddress, cidr: string) {
          user_ip.in_cidr(cidr)
        }
        """;

    public static AuthorizationEngine NewEngine(AuthorizationEngineOptions? options = null) => EngineFixtures.Engine(Model, options);

    public static RelationshipTuple Tuple(string text, string condition, IReadOnlyDictionary<string, object?>? context = null)
    {
        var t = RelationshipTuple.Parse(text);
        return t with { Condition = new TupleCondition(condition, context) };
    }

    public static AuthorizationEngine With(this AuthorizationEngine engine, params RelationshipTuple[] tuples)
    {
        engine.Write(tuples);
        return engine;
    }

    public static Dictionary<string, object?> Context(params (string Key, object? Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

    public static Decision Check(this AuthorizationEngine engine, string subject, string relation, string obj, IReadOnlyDictionary<string, object?>? context,
        bool explain = false, bool values = false, params RelationshipTuple[] contextual) =>
        engine.CheckAsync(CheckRequest.Create(subject, relation, obj) with
        {
            Context = context,
            Explain = explain,
            ExplainValues = values,
            ContextualTuples = contextual,
        }).Sync();
}
