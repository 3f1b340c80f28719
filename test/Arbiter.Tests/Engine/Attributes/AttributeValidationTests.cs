using Arbiter.Model;
using Arbiter.Parsing;
using Shouldly;
using Xunit;
using static Arbiter.Tests.Engine.Attributes.AttributeFixtures;

namespace Arbiter.Tests.Engine.Attributes;

/// <summary>Bad attribute reads in conditions are model errors with line:column; bad attribute values are refused and change nothing.</summary>
public sealed class AttributeValidationTests
{
    private const string Header = """
        model
          schema 1.1
        type user
          attributes
            department: string
            clearance: int
        type group
          relations
            define member: [user]

        """;

    private static ModelDiagnostic SingleProblem(string model)
    {
        var result = ModelParser.Parse(model);
        result.Diagnostics.Count.ShouldBe(1, string.Join("\n", result.Diagnostics));
        return result.Diagnostics[0];
    }

    /// <summary>The model text from the diagnostic's line:column on.</summary>
    private static string At(string model, ModelDiagnostic problem)
    {
        problem.Span.ShouldNotBeNull();
        return model.Split('\n')[problem.Span.Value.Line - 1][(problem.Span.Value.Column - 1)..];
    }

    [Fact]
    public void Reading_an_attribute_the_type_does_not_declare_is_an_error_at_its_line_and_column()
    {
        var model = Header + """
            type document
              attributes
                department: string
              relations
                define viewer: user where same_department
            condition same_department() {
              subject.departmnet == object.department
            }
            """;
        var problem = SingleProblem(model);
        problem.Message.ShouldBe("condition 'same_department' (used on document#viewer: user where same_department): type 'user' declares no attribute 'departmnet' (declared: department, clearance)");
        (problem.Span!.Value.Line, problem.Span.Value.Column).ShouldBe((16, 11));
        At(model, problem).ShouldStartWith("departmnet ==");
    }

    [Fact]
    public void The_object_attribute_is_checked_against_each_type_the_condition_is_used_on()
    {
        var model = Header + """
            type folder
              attributes
                department: string
              relations
                define viewer: user where same_department
            type document
              relations
                define viewer: user where same_department
            condition same_department() {
              subject.department == object.department
            }
            """;
        var problem = SingleProblem(model);
        problem.Message.ShouldContain("type 'document' declares no attribute 'department' (it declares no attributes)");
        problem.Message.ShouldContain("used on document#viewer");
        (problem.Span!.Value.Line, problem.Span.Value.Column).ShouldBe((19, 32));
        At(model, problem).ShouldBe("department");
    }

    [Fact]
    public void Comparing_attributes_of_different_types_is_a_type_error_naming_both()
    {
        var problem = SingleProblem(Header + """
            type document
              attributes
                department: string
              relations
                define viewer: user where cleared
            condition cleared() {
              subject.clearance == object.department
            }
            """);
        problem.Message.ShouldContain("int");
        problem.Message.ShouldContain("string");
        problem.Span!.Value.Line.ShouldBe(16);
    }

    [Fact]
    public void Subject_attributes_cannot_be_read_where_the_subjects_type_is_not_fixed()
    {
        var problem = SingleProblem(Header + """
            type document
              relations
                define viewer: [group#member with eng]
            condition eng() {
              subject.department == "eng"
            }
            """);
        problem.Message.ShouldContain("cannot read 'subject.department'");
        problem.Message.ShouldContain("group#member");
    }

    [Fact]
    public void The_subject_is_not_a_value_by_itself()
    {
        var problem = SingleProblem(Header + """
            type document
              relations
                define viewer: user where odd
            condition odd() {
              subject == "x"
            }
            """);
        problem.Message.ShouldContain("'subject' is not a value");
    }

    [Fact]
    public void A_parameter_named_subject_hides_the_attributes_as_in_openfga()
    {
        var result = ModelParser.Parse(Header + """
            type document
              relations
                define viewer: [user with named]
            condition named(subject: map<string>) {
              subject.department == "eng"
            }
            """);
        result.Success.ShouldBeTrue(string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void Writing_undeclared_or_mistyped_values_is_refused_and_changes_nothing()
    {
        var engine = NewEngine().WithAttributes("user:anne", ("department", "eng"));
        var revision = engine.Revision;

        var undeclared = Should.Throw<ArbiterException>(() => engine.WriteAttributes([
            new EntityAttributes(ObjectRef.Parse("user:bob"), Values(("department", "ops"))),
            new EntityAttributes(ObjectRef.Parse("user:anne"), Values(("departmnet", "ops"))),
        ]));
        undeclared.Code.ShouldBe(ArbiterErrorCode.ValidationError);
        undeclared.Message.ShouldBe("invalid attributes of 'user:anne': the type 'user' declares no attribute 'departmnet' (declared: department, clearance, tags, region)");

        var mistyped = Should.Throw<ArbiterException>(() => engine.WriteAttributes([new EntityAttributes(ObjectRef.Parse("user:anne"), Values(("clearance", "high")))]));
        mistyped.Message.ShouldStartWith("invalid attributes of 'user:anne': the value of 'clearance' does not convert to int");

        Should.Throw<ArbiterException>(() => engine.WriteAttributes([new EntityAttributes(ObjectRef.Parse("robot:r2"), Values())]))
            .Code.ShouldBe(ArbiterErrorCode.TypeNotFound);
        Should.Throw<ArbiterException>(() => engine.WriteAttributes([
            new EntityAttributes(ObjectRef.Parse("user:bob"), Values()),
            new EntityAttributes(ObjectRef.Parse("user:bob"), Values()),
        ])).Message.ShouldContain("more than once");

        engine.Revision.ShouldBe(revision);
        engine.ReadAttributes(ObjectRef.Parse("user:anne")).ShouldBe(Values(("department", "eng")));
        engine.ReadAttributes(ObjectRef.Parse("user:bob")).ShouldBeEmpty();
    }

    [Fact]
    public void Request_attributes_that_are_undeclared_or_mistyped_are_a_validation_error_naming_the_attribute()
    {
        var engine = NewEngine();
        Should.Throw<ArbiterException>(() => engine.Decide("user:anne", "viewer", "document:1", subjectAttributes: Values(("dept", "eng"))))
            .Message.ShouldBe("invalid subject attributes: the type 'user' declares no attribute 'dept' (declared: department, clearance, tags, region)");
        Should.Throw<ArbiterException>(() => engine.Decide("user:anne", "viewer", "document:1", objectAttributes: Values(("classification", "top"))))
            .Message.ShouldStartWith("invalid object attributes: the value of 'classification' does not convert to int");
        Should.Throw<ArbiterException>(() => engine.Decide("group:eng#member", "viewer", "document:1", subjectAttributes: Values(("department", "eng"))))
            .Message.ShouldContain("is not an entity");
    }

    [Fact]
    public void Each_write_is_a_new_revision_replaces_all_values_and_keeps_its_own_copy()
    {
        var engine = NewEngine();
        var tags = new List<object?> { "a" };
        var first = engine.WriteAttributes([new EntityAttributes(ObjectRef.Parse("user:anne"), Values(("department", "eng"), ("tags", tags)))]);
        tags.Add("contractor");
        engine.Decide("user:anne", "blocked", "document:1").Allowed.ShouldBeFalse();

        var second = engine.WriteAttributes([new EntityAttributes(ObjectRef.Parse("user:anne"), Values(("clearance", 2L)))]);
        second.ShouldBe(first + 1);
        engine.ReadAttributes(ObjectRef.Parse("user:anne")).Keys.ShouldBe(["clearance"]);

        engine.WriteAttributes([], [ObjectRef.Parse("user:anne"), ObjectRef.Parse("user:nobody")]).ShouldBe(second + 1);
        engine.ReadAttributes(ObjectRef.Parse("user:anne")).ShouldBeEmpty();
        engine.AttributeEntityCount.ShouldBe(0);
    }

    [Fact]
    public void A_stored_value_the_new_model_types_differently_fails_its_condition_instead_of_allowing()
    {
        var engine = NewEngine()
            .WithAttributes("user:anne", ("department", "eng"))
            .WithAttributes("document:1", ("department", "eng"));
        engine.Decide("user:anne", "viewer", "document:1").Allowed.ShouldBeTrue();

        engine.SetModel(EngineFixtures.Parse(AttributeFixtures.Model.Replace("    department: string\n    clearance: int", "    department: int\n    clearance: int", StringComparison.Ordinal)
            .Replace("subject.department == object.department", "string(subject.department) == object.department", StringComparison.Ordinal)));
        var decision = engine.Decide("user:anne", "viewer", "document:1");
        decision.Allowed.ShouldBeFalse();
        decision.Error.ShouldNotBeNull();
        decision.Error.Message.ShouldContain("does not convert to int");
    }
}
