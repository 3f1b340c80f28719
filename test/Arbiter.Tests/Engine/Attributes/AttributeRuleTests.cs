using Shouldly;
using Xunit;
using static Arbiter.Tests.Engine.Attributes.AttributeFixtures;

namespace Arbiter.Tests.Engine.Attributes;

/// <summary>Attribute rules (<c>user where c</c>) and conditions reading <c>subject.x</c>, <c>object.x</c> and <c>context.x</c>.</summary>
public sealed class AttributeRuleTests
{
    [Fact]
    public void A_rule_grants_from_stored_attributes_without_any_tuple()
    {
        var engine = NewEngine()
            .WithAttributes("user:anne", ("department", "eng"))
            .WithAttributes("user:bob", ("department", "sales"))
            .WithAttributes("document:1", ("department", "eng"));
        engine.TupleCount.ShouldBe(0);
        engine.Decide("user:anne", "viewer", "document:1").Allowed.ShouldBeTrue();
        engine.Decide("user:bob", "viewer", "document:1").Allowed.ShouldBeFalse();
        engine.Decide("user:bob", "viewer", "document:1").Error.ShouldBeNull();
    }

    [Fact]
    public void Request_attributes_override_stored_ones_for_that_request_only()
    {
        var engine = NewEngine()
            .WithAttributes("user:bob", ("department", "sales"), ("clearance", 1L))
            .WithAttributes("document:1", ("department", "eng"));
        engine.Decide("user:bob", "viewer", "document:1", subjectAttributes: Values(("department", "eng"))).Allowed.ShouldBeTrue();
        engine.Decide("user:bob", "viewer", "document:1", objectAttributes: Values(("department", "sales"))).Allowed.ShouldBeTrue();
        engine.Decide("user:bob", "viewer", "document:1").Allowed.ShouldBeFalse();
        engine.ReadAttributes(ObjectRef.Parse("user:bob"))["department"].ShouldBe("sales");
    }

    [Fact]
    public void A_rule_holds_for_subjects_and_objects_the_store_has_never_seen_when_the_request_gives_their_attributes()
    {
        var engine = NewEngine();
        engine.Decide("user:new", "viewer", "document:draft",
            subjectAttributes: Values(("department", "eng")), objectAttributes: Values(("department", "eng"))).Allowed.ShouldBeTrue();
        engine.Decide("user:new", "viewer", "document:draft",
            subjectAttributes: Values(("department", "eng")), objectAttributes: Values(("department", "ops"))).Allowed.ShouldBeFalse();
    }

    [Fact]
    public void A_tuple_still_grants_without_attributes_and_a_missing_attribute_is_an_error_never_an_allow()
    {
        var engine = NewEngine().With("document:1#owner@user:anne").WithAttributes("document:1", ("department", "eng"));
        engine.Decide("user:anne", "viewer", "document:1").Allowed.ShouldBeTrue();

        var decision = engine.Decide("user:carl", "viewer", "document:1");
        decision.Allowed.ShouldBeFalse();
        decision.Error.ShouldNotBeNull();
        decision.Error.Code.ShouldBe(ArbiterErrorCode.ValidationError);
        decision.Error.Message.ShouldContain("subject.department");
        decision.Error.Message.ShouldContain("has no value");
    }

    [Fact]
    public void A_deny_rule_in_but_not_wins_over_a_tuple()
    {
        var engine = NewEngine()
            .With("document:1#viewer@user:anne", "document:1#viewer@user:bob")
            .WithAttributes("user:anne", ("department", "eng"), ("tags", new[] { "contractor" }))
            .WithAttributes("user:bob", ("department", "eng"));
        engine.Decide("user:anne", "viewer", "document:1").Allowed.ShouldBeTrue();
        engine.Decide("user:anne", "can_view", "document:1").Allowed.ShouldBeFalse();
        engine.Decide("user:bob", "can_view", "document:1").Allowed.ShouldBeTrue(); // has() keeps a user without tags out of the deny
        engine.Decide("user:bob", "can_view", "document:1", subjectAttributes: Values(("tags", new List<object?> { "contractor" }))).Allowed.ShouldBeFalse();
    }

    [Fact]
    public void A_rule_in_an_intersection_compares_a_subject_attribute_with_an_object_attribute()
    {
        var engine = NewEngine()
            .With("document:1#owner@user:anne", "document:1#owner@user:bob")
            .WithAttributes("user:anne", ("clearance", 3L))
            .WithAttributes("user:bob", ("clearance", 1L))
            .WithAttributes("document:1", ("classification", 2L));
        engine.Decide("user:anne", "can_edit", "document:1").Allowed.ShouldBeTrue();
        engine.Decide("user:bob", "can_edit", "document:1").Allowed.ShouldBeFalse();
        engine.Decide("user:carl", "can_edit", "document:1", subjectAttributes: Values(("clearance", 9L))).Allowed.ShouldBeFalse(); // not an owner
    }

    [Fact]
    public void A_rule_on_a_parent_reads_the_parents_attributes()
    {
        var engine = NewEngine()
            .With("document:1#parent@folder:eng")
            .WithAttributes("folder:eng", ("department", "eng"))
            .WithAttributes("document:1", ("department", "legal"))
            .WithAttributes("user:anne", ("department", "eng"));
        // not through document:1's own department (legal), but through its folder's (eng)
        engine.Decide("user:anne", "viewer", "document:1").Allowed.ShouldBeTrue();
        engine.Decide("user:anne", "viewer", "folder:eng").Allowed.ShouldBeTrue();
        // the request's object attributes are the document's, not the folder's
        engine.Decide("user:anne", "viewer", "document:1", objectAttributes: Values(("department", "hr"))).Allowed.ShouldBeTrue();
    }

    [Fact]
    public void A_tuple_condition_reads_the_subjects_attributes_and_its_own_parameters()
    {
        var engine = NewEngine().WithAttributes("user:anne", ("region", "eu"));
        engine.Write([Conditions.ConditionFixtures.Tuple("document:1#reader@user:anne", "in_region", Values(("region", "eu")))]);
        engine.Decide("user:anne", "reader", "document:1").Allowed.ShouldBeTrue();
        engine.Decide("user:anne", "reader", "document:1", subjectAttributes: Values(("region", "us"))).Allowed.ShouldBeFalse();
    }

    [Fact]
    public void A_rule_reads_the_request_context_through_context()
    {
        var engine = NewEngine().WithAttributes("document:1", ("status", "open"));
        engine.Decide("user:anne", "can_publish", "document:1", context: Values(("flag", true))).Allowed.ShouldBeTrue();
        engine.Decide("user:anne", "can_publish", "document:1", context: Values(("flag", false))).Allowed.ShouldBeFalse();
        engine.Decide("user:anne", "can_publish", "document:1", objectAttributes: Values(("status", "archived")), context: Values(("flag", true))).Allowed.ShouldBeFalse();
        var missing = engine.Decide("user:anne", "can_publish", "document:1");
        missing.Allowed.ShouldBeFalse();
        missing.Error.ShouldNotBeNull();
        missing.Error.Message.ShouldContain("flag");
    }

    [Fact]
    public void Only_plain_subjects_of_the_rules_type_match_a_rule()
    {
        var engine = NewEngine().With("group:eng#member@user:anne").WithAttributes("document:1", ("department", "eng"));
        engine.Decide("group:eng#member", "viewer", "document:1").Allowed.ShouldBeFalse();
        engine.Decide("user:*", "viewer", "document:1").Allowed.ShouldBeFalse();
    }

    [Fact]
    public void List_actions_includes_what_rules_grant()
    {
        var engine = NewEngine()
            .WithAttributes("user:anne", ("department", "eng"), ("clearance", 1L))
            .WithAttributes("document:1", ("department", "eng"), ("status", "open"), ("classification", 0L));
        var actions = engine.ListActionsAsync(new ListActionsRequest(SubjectRef.Parse("user:anne"), ObjectRef.Parse("document:1")) { Context = Values(("flag", true)) }).Sync();
        actions.ShouldBe(["viewer", "can_view", "can_publish"]);
    }

    [Fact]
    public void A_batch_gives_each_request_its_own_object_attributes()
    {
        var engine = NewEngine().WithAttributes("user:anne", ("department", "eng"));
        var requests = new[]
        {
            CheckRequest.Create("user:anne", "viewer", "document:1") with { ObjectAttributes = Values(("department", "eng")) },
            CheckRequest.Create("user:anne", "viewer", "document:1") with { ObjectAttributes = Values(("department", "ops")) },
            CheckRequest.Create("user:anne", "can_view", "document:1") with { ObjectAttributes = Values(("department", "eng")) },
            CheckRequest.Create("user:anne", "viewer", "document:1"),
        };
        var batch = engine.BatchCheckAsync(requests).Sync();
        batch.Select(d => d.Allowed).ShouldBe([true, false, true, false]);
        for (var i = 0; i < requests.Length; i++)
        {
            batch[i].Allowed.ShouldBe(engine.CheckAsync(requests[i]).Sync().Allowed, $"request {i}");
        }
    }

    [Fact]
    public void Explaining_a_rule_shows_its_inputs_redacted_unless_values_are_asked_for()
    {
        var engine = NewEngine().WithAttributes("user:anne", ("department", "eng")).WithAttributes("document:1", ("department", "eng"));
        var redacted = engine.Decide("user:anne", "viewer", "document:1", explain: true);
        var rule = Find(redacted.Explanation!, "rule");
        rule.Result.ShouldBeTrue();
        rule.Condition!.Name.ShouldBe("same_department");
        rule.Condition.Inputs.Select(i => (i.Name, i.Source, i.Value)).ShouldBe([("subject.department", "subject", "***"), ("object.department", "object", "***")]);

        var shown = engine.Decide("user:anne", "viewer", "document:1", explain: true, values: true);
        Find(shown.Explanation!, "rule").Condition!.Inputs.Select(i => i.Value).ShouldBe(["\"eng\"", "\"eng\""]);
    }

    private static Explanation Find(Explanation node, string kind) =>
        node.Kind == kind ? node : node.Children.Select(c => TryFind(c, kind)).FirstOrDefault(e => e is not null) ?? throw new ShouldAssertException($"no {kind} node");

    private static Explanation? TryFind(Explanation node, string kind) =>
        node.Kind == kind ? node : node.Children.Select(c => TryFind(c, kind)).FirstOrDefault(e => e is not null);
}
