using Arbiter.Tests.Engine.Conditions;

namespace Arbiter.Tests.Engine.Attributes;

/// <summary>A model with type attributes, attribute rules (alone, in unions, intersections, exclusions and through a parent) and a tuple condition reading attributes.</summary>
internal static class AttributeFixtures
{
    public const string Model = """
        model
          schema 1.1
        type user
          attributes
            department: string
            clearance: int
            tags: list<string>
            region: string
        type group
          relations
            define member: [user]
        type folder
          attributes
            department: string
          relations
            define viewer: user where same_department
        type document
          attributes
            department: string
            classification: int
            status: string
          relations
            define parent: [folder]
            define owner: [user]
            define reader: [user with in_region, group#member]
            define viewer: [user] or owner or user where same_department or viewer from parent
            define blocked: user where is_contractor
            define can_view: viewer but not blocked
            define can_edit: owner and (user where cleared)
            define can_publish: user where open_and_flagged
        condition same_department() {
          subject.department == object.department
        }
        condition is_contractor() {
          has(subject.tags) && "contractor" in subject.tags
        }
        condition cleared() {
          subject.clearance >= object.classification
        }
        condition in_region(region: string) {
          subject.region == region
        }
        condition open_and_flagged() {
          object.status != "archived" && context.flag == true
        }
        """;

    public static AuthorizationEngine NewEngine(AuthorizationEngineOptions? options = null) => EngineFixtures.Engine(Model, options);

    public static Dictionary<string, object?> Values(params (string Key, object? Value)[] values) => ConditionFixtures.Context(values);

    public static AuthorizationEngine WithAttributes(this AuthorizationEngine engine, string entity, params (string Key, object? Value)[] values)
    {
        engine.WriteAttributes([new EntityAttributes(ObjectRef.Parse(entity), Values(values))]);
        return engine;
    }

    public static Decision Decide(this AuthorizationEngine engine, string subject, string relation, string obj,
        IReadOnlyDictionary<string, object?>? subjectAttributes = null, IReadOnlyDictionary<string, object?>? objectAttributes = null,
        IReadOnlyDictionary<string, object?>? context = null, bool explain = false, bool values = false) =>
        engine.CheckAsync(CheckRequest.Create(subject, relation, obj) with
        {
            SubjectAttributes = subjectAttributes,
            ObjectAttributes = objectAttributes,
            Context = context,
            Explain = explain,
            ExplainValues = values,
        }).Sync();
}
