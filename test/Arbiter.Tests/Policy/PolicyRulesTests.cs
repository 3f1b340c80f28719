using Arbiter.Model;
using Arbiter.Policy;

namespace Arbiter.Tests.Policy;

/// <summary>The compiled shape of <c>rules:</c>, user and resource sets, attributes and their values (issue 3 part 4).</summary>
public class PolicyRulesTests
{
    internal const string Reports = """
        resources:
          report:
            actions: [read, write, delete]
            attributes:
              department: string
              hasApproval: bool
              classification: int
              status: string
        userAttributes:
          department: string
          location: string
          clearance: int
        userSets:
          in_england: subject.location == "England"
          cleared:
            description: users with clearance 3 or more
            when: subject.clearance >= 3
        resourceSets:
          approved_reports:
            resource: report
            when: object.hasApproval
        roles:
          viewer: {grants: {report: [read]}}
          editor: {includes: viewer, grants: {report: [write]}}
        rules:
          - description: a department reads its own reports
            resource: report
            allow: [read]
            when: subject.department == object.department
          - resource: report
            allow: [read]
            userSet: in_england
            resourceSet: approved_reports
          - resource: report
            allow: [write]
            roles: [viewer]
            when: subject.clearance >= object.classification
          - resource: report
            deny: [write, delete]
            when: object.status == "archived"
          - resource: report
            deny: ["*"]
            userSet: [cleared]
            when: context.ip_blocked
        users:
          alice: {roles: viewer, attributes: {department: sales, location: England, clearance: 2}}
          bob: {attributes: {department: it}}
        instances:
          report:q1: {attributes: {department: sales, hasApproval: true, classification: 1, status: open}}
        tests:
          - user: alice
            resource: report:q1
            userAttributes: {location: France}
            resourceAttributes: {status: archived}
            context: {ip_blocked: false}
            allow: [read]
            deny: [write]
        """;

    private static readonly PolicyDocument Policy = PolicyDocument.Parse(Reports, "reports.yaml");

    [Fact]
    public void Compile_ActionsAreGrantsOrAllowRulesButNotDenyRules()
    {
        ModelText.Relation(Policy.Model, "report", "read").ShouldBe(
            "(viewer or user where rule_report_1_allow or (user where userset_in_england and user where resourceset_approved_reports))"
            + " but not (user where userset_cleared and user where rule_report_5_deny)");
        ModelText.Relation(Policy.Model, "report", "write").ShouldBe(
            "(editor or (viewer and user where rule_report_3_allow))"
            + " but not (user where rule_report_4_deny or (user where userset_cleared and user where rule_report_5_deny))");
        ModelText.Relation(Policy.Model, "report", "delete").ShouldBe(
            "[user] but not (user where rule_report_4_deny or (user where userset_cleared and user where rule_report_5_deny))");
        ModelText.RelationNames(Policy.Model, "tenant").ShouldBe(["viewer", "editor"], "no tenants: no tenant_member");
    }

    [Fact]
    public void Compile_EachUsedSetAndEachWhenIsAParameterlessCondition()
    {
        Policy.Model.Conditions.Select(c => (c.Name, c.Expression)).ShouldBe(
        [
            ("userset_in_england", "subject.location == \"England\""),
            ("userset_cleared", "subject.clearance >= 3"),
            ("resourceset_approved_reports", "object.hasApproval"),
            ("rule_report_1_allow", "subject.department == object.department"),
            ("rule_report_3_allow", "subject.clearance >= object.classification"),
            ("rule_report_4_deny", "object.status == \"archived\""),
            ("rule_report_5_deny", "context.ip_blocked"),
        ]);
        Policy.Model.Conditions.ShouldAllBe(c => c.Parameters.Count == 0);
    }

    [Fact]
    public void Compile_ConditionsPointIntoTheYaml()
    {
        var conditions = Policy.Model.Conditions.ToDictionary(c => c.Name);

        Where(conditions["userset_in_england"].ExpressionSpan).ShouldBe((14, 15)); // in_england: subject.location...
        Where(conditions["userset_cleared"].ExpressionSpan).ShouldBe((17, 11));
        Where(conditions["resourceset_approved_reports"].ExpressionSpan).ShouldBe((21, 11));
        Where(conditions["rule_report_1_allow"].ExpressionSpan).ShouldBe((29, 11));
        Where(conditions["userset_cleared"].Span).ShouldBe((15, 3), "the condition itself is the set's name");
    }

    [Fact]
    public void Compile_ExpressionSpanOfQuotedAndBlockScalars_IsWhereTheTextStarts()
    {
        var policy = PolicyDocument.Parse("""
            resources:
              doc: {actions: [read, write, delete]}
            rules:
              - {resource: doc, allow: [read], when: "context.a == 1"}
              - resource: doc
                allow: [write]
                when: |
                  context.a == 1 &&
                    context.b == 2
              - {resource: doc, allow: [delete], when: 'context.a == 1'}
            """);

        var spans = policy.Model.Conditions.Select(c => Where(c.ExpressionSpan)).ToArray();

        spans.ShouldBe([(4, 43), (8, 7), (10, 45)]);
    }

    [Fact]
    public void Compile_AttributesAreDeclaredOnTheirTypes()
    {
        var user = Policy.Model.Types.Single(t => t.Name == "user");
        user.Attributes.Select(a => $"{a.Name}: {a.Type}").ShouldBe(["department: string", "location: string", "clearance: int"]);
        Policy.Model.Types.Single(t => t.Name == "report").Attributes.Select(a => $"{a.Name}: {a.Type}")
            .ShouldBe(["department: string", "hasApproval: bool", "classification: int", "status: string"]);
        Policy.Resources["report"].Attributes.Count.ShouldBe(4);
        Policy.UserAttributes.Count.ShouldBe(3);
    }

    [Fact]
    public void Compile_UsersAndInstancesGiveTypedAttributeValues()
    {
        var values = Policy.Attributes.ToDictionary(a => a.Entity.ToString(), a => a.Values);

        values.Keys.ShouldBe(["report:q1", "user:alice", "user:bob"]);
        values["user:alice"].ShouldBe(new Dictionary<string, object?> { ["department"] = "sales", ["location"] = "England", ["clearance"] = 2L });
        values["report:q1"]["hasApproval"].ShouldBe(true);
        values["report:q1"]["classification"].ShouldBe(1L);
        Policy.Tuples.ShouldNotContain(t => t.Relation == "attributes");
    }

    [Fact]
    public void Compile_TestsCarryJustInTimeValuesAndContext()
    {
        Policy.Tests.Count.ShouldBe(2);
        Policy.Tests.ShouldAllBe(t => t.UserAttributes!["location"]!.Equals("France"));
        Policy.Tests[0].ResourceAttributes!["status"].ShouldBe("archived");
        Policy.Tests[0].Context!["ip_blocked"].ShouldBe(false);
    }

    [Fact]
    public void Compile_ContextValuesTakeTheirKindFromYaml()
    {
        var policy = PolicyDocument.Parse("""
            resources:
              doc: {actions: [read]}
            tests:
              - user: anne
                resource: doc:1
                context: {n: 3, x: 1.5, b: true, s: "3", w: word, l: [1, a], m: {k: 2}, z: ~}
                deny: [read]
            """);

        var context = policy.Tests.Single().Context!;

        context["n"].ShouldBe(3L);
        context["x"].ShouldBe(1.5);
        context["b"].ShouldBe(true);
        context["s"].ShouldBe("3");
        context["w"].ShouldBe("word");
        context["l"].ShouldBe(new object?[] { 1L, "a" });
        ((IReadOnlyDictionary<string, object?>)context["m"]!)["k"].ShouldBe(2L);
        context["z"].ShouldBeNull();
    }

    [Fact]
    public void Compile_UnusedSetsAreLeftOut()
    {
        var policy = PolicyDocument.Parse("""
            resources:
              doc: {actions: [read]}
            userSets:
              everyone: 'true'
            resourceSets:
              all_docs: {resource: doc, when: 'true'}
            """);

        policy.Model.Conditions.ShouldBeEmpty();
        ModelText.Relation(policy.Model, "doc", "read").ShouldBe("[user]");
    }

    [Fact]
    public void Compile_RuleWithoutConditionOrRoles_IsForEveryUser()
    {
        var policy = PolicyDocument.Parse("""
            resources:
              doc: {actions: [read, delete]}
            rules:
              - {resource: doc, allow: read}
              - {resource: doc, deny: delete}
            """);

        ModelText.Relation(policy.Model, "doc", "read").ShouldBe("user where rule_doc_1_allow");
        ModelText.Relation(policy.Model, "doc", "delete").ShouldBe("[user] but not user where rule_doc_2_deny");
        policy.Model.Conditions.ShouldAllBe(c => c.Expression == "true");
    }

    [Fact]
    public void Compile_RoleOnlyRule_IsAPlainGrant()
    {
        var policy = PolicyDocument.Parse("""
            resources:
              doc: {actions: [read, write]}
            roles:
              viewer: {grants: {doc: read}}
              guest: {grants: {doc: read}}
            rules:
              - {resource: doc, allow: write, roles: viewer}
              - {resource: doc, deny: read, roles: [guest, viewer], when: context.locked}
            """);

        ModelText.Relation(policy.Model, "doc", "write").ShouldBe("viewer");
        ModelText.Relation(policy.Model, "doc", "read").ShouldBe("(viewer or guest) but not ((guest or viewer) and user where rule_doc_2_deny)");
    }

    [Fact]
    public void Compile_WithTenants_AllowRulesNeedAMemberOfTheResourcesTenant()
    {
        var policy = PolicyDocument.Parse("""
            resources:
              doc: {actions: [read, write, delete]}
            roles:
              viewer: {grants: {doc: read}}
              editor: {includes: viewer, grants: {doc: write}}
              auditor: {}
            rules:
              - {resource: doc, allow: read, when: context.open}
              - {resource: doc, allow: write, roles: viewer, when: context.open}
              - {resource: doc, deny: delete, when: context.open}
            tenants: [acme, globex]
            users:
              anne: {tenants: {acme: [], globex: viewer}}
            """);

        ModelText.Relation(policy.Model, "doc", "read").ShouldBe("viewer or (user where rule_doc_1_allow and tenant_member from tenant)");
        ModelText.Relation(policy.Model, "doc", "write").ShouldBe("editor or (viewer and user where rule_doc_2_allow)");
        ModelText.Relation(policy.Model, "doc", "delete").ShouldBe("[user] but not user where rule_doc_3_deny");
        ModelText.Relation(policy.Model, "tenant", PolicyDocument.TenantMemberRelation).ShouldBe("[user] or viewer or auditor");
        policy.Tuples.Select(t => t.ToString()).ShouldBe(["tenant:acme#tenant_member@user:anne", "tenant:globex#viewer@user:anne"]);
    }

    [Fact]
    public void Compile_LongTypeName_GivesAShortRuleName()
    {
        var type = new string('t', 45);
        var policy = PolicyDocument.Parse($"resources:\n  {type}: {{actions: [read]}}\nrules:\n  - {{resource: {type}, allow: read, when: context.ok}}\n");

        policy.Model.Conditions.Single().Name.ShouldBe("rule_1_allow");
    }

    private static (int, int) Where(SourceSpan? span) => (span!.Value.Line, span.Value.Column);
}
