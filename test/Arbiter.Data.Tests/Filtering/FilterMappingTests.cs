using Arbiter.Filtering;
using static Arbiter.Data.Tests.Support.FilterCases;

namespace Arbiter.Data.Tests.Filtering;

/// <summary>FilterMapping: conventions, explicit members, id types, and the errors for what a type lacks.</summary>
public sealed class FilterMappingTests
{
    public sealed class Record
    {
        public string Id { get; set; } = "";

        public bool HasApproval { get; set; }

        public string? Dept { get; set; }

        public Owner? Owner { get; set; }

        public int Level;
    }

    public sealed record Owner(string Name);

    public sealed record Keyed(string Key, string? Name, string? name);

    public sealed record IntKeyed(int Id, string? Department);

    public sealed record LongKeyed(long Id);

    public sealed record GuidKeyed(Guid Id);

    public sealed record DateKeyed(DateTime Id);

    [Theory]
    [InlineData("has_approval")]
    [InlineData("hasApproval")]
    [InlineData("HasApproval")]
    [InlineData("HASAPPROVAL")]
    public void Convention_FindsTheMemberIgnoringCaseAndSnakeCase(string attribute)
    {
        var filter = Filter.And(Ids("r1"), Eq(attribute, true));

        filter.IsSatisfiedBy(new Record { Id = "r1", HasApproval = true }).ShouldBeTrue();
        filter.IsSatisfiedBy(new Record { Id = "r1", HasApproval = false }).ShouldBeFalse();
        filter.ToExpression<Record>().Compile()(new Record { Id = "r1", HasApproval = true }).ShouldBeTrue();
    }

    [Fact]
    public void Convention_ReadsPublicFields() =>
        new CompareFilter("level", CompareOperator.Greater, 2L).IsSatisfiedBy(new Record { Level = 3 }).ShouldBeTrue();

    [Fact]
    public void Explicit_IdAndAttributes_IncludingPaths()
    {
        var mapping = new FilterMapping<Keyed>().Id(k => k.Key).Attribute("department", k => k.Name);
        var filter = Filter.Or(Ids("k1"), Eq("department", "eng"));

        filter.IsSatisfiedBy(new Keyed("k1", null, null), mapping).ShouldBeTrue();
        filter.IsSatisfiedBy(new Keyed("k2", "eng", null), mapping).ShouldBeTrue();
        filter.IsSatisfiedBy(new Keyed("k2", "ops", "eng"), mapping).ShouldBeFalse();

        var owner = new FilterMapping<Record>().Attribute("owner", r => r.Owner!.Name);
        Eq("owner", "anne").IsSatisfiedBy(new Record { Owner = new Owner("anne") }, owner).ShouldBeTrue();
        Eq("owner", "anne").IsSatisfiedBy(new Record(), owner).ShouldBeFalse();
        Filter.Not(new PresentFilter("owner")).IsSatisfiedBy(new Record(), owner).ShouldBeTrue();
    }

    [Fact]
    public void Convention_PrefersTheExactName_AndRefusesAmbiguity()
    {
        Eq("name", "x").IsSatisfiedBy(new Keyed("k", "y", "x"), new FilterMapping<Keyed>().Id(k => k.Key)).ShouldBeTrue();

        var error = Should.Throw<InvalidOperationException>(() => Eq("NAME", "x").IsSatisfiedBy(new Keyed("k", "y", "x")));
        error.Message.ShouldBe("The attribute 'NAME' matches several members of Keyed (Name, name); map it with FilterMapping<Keyed>.Attribute(\"NAME\", ...).");
    }

    [Fact]
    public void MissingAttribute_ThrowsNamingTheAttributeAndTheType()
    {
        const string message = "The filter reads the attribute 'owner_email', and Record has no member for it; map one with FilterMapping<Record>.Attribute(\"owner_email\", ...).";

        Should.Throw<InvalidOperationException>(() => Eq("owner_email", "a@b").IsSatisfiedBy(new Record())).Message.ShouldBe(message);
        Should.Throw<InvalidOperationException>(() => Eq("owner_email", "a@b").ToExpression<Record>()).Message.ShouldBe(message);
    }

    [Fact]
    public void MissingId_ThrowsNamingTheType()
    {
        Should.Throw<InvalidOperationException>(() => Ids("k").IsSatisfiedBy(new Keyed("k", null, null)))
            .Message.ShouldBe("The filter matches resource ids, and Keyed has no member 'Id'; map it with FilterMapping<Keyed>.Id(...).");
        Should.Throw<InvalidOperationException>(() => Ids("k").ToExpression<DateKeyed>())
            .Message.ShouldBe("The id member of DateKeyed is a DateTime; ids must be string, int, long or Guid: map another with FilterMapping<DateKeyed>.Id(...).");
        Should.Throw<ArgumentException>(() => new FilterMapping<DateKeyed>().Id(d => d.Id));
    }

    [Fact]
    public void IntegerIds_OnlyCanonicalTextMatches_InMemoryAndInTheExpression()
    {
        var filter = Ids("7", "007", "+8", "x", "-3", "99999999999");
        int[] ids = [7, 8, -3, 0];
        var compiled = filter.ToExpression<IntKeyed>().Compile();

        ids.Where(i => filter.IsSatisfiedBy(new IntKeyed(i, null))).ShouldBe([7, -3]);
        ids.Where(i => compiled(new IntKeyed(i, null))).ShouldBe([7, -3]);
        long[] longs = [7, 99999999999, 8];
        longs.Where(i => filter.IsSatisfiedBy(new LongKeyed(i))).ShouldBe([7, 99999999999]);
        longs.Where(i => filter.ToExpression<LongKeyed>().Compile()(new LongKeyed(i))).ShouldBe([7, 99999999999]);
    }

    [Fact]
    public void GuidIds_MatchLowerOrUpperCaseText()
    {
        var a = Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
        var b = Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3302");
        var c = Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3303");
        var filter = Ids(a.ToString(), b.ToString().ToUpperInvariant(), "3F2504e0-4f89-11d3-9a0c-0305e82c3303", "{" + c + "}");
        Guid[] guids = [a, b, c];

        guids.Where(g => filter.IsSatisfiedBy(new GuidKeyed(g))).ShouldBe([a, b]);
        guids.Where(g => filter.ToExpression<GuidKeyed>().Compile()(new GuidKeyed(g))).ShouldBe([a, b]);
    }

    [Fact]
    public void Expression_WrongKinds_AreFalse_AndNullableMembersAreGuarded()
    {
        var expression = Filter.Or(Eq("id", "4"), Eq("department", 4L)).ToExpression<IntKeyed>();
        expression.Body.ToString().ShouldBe("(False OrElse False)");

        var guarded = Filter.Not(Eq("department", "eng")).ToExpression<IntKeyed>();
        guarded.Compile()(new IntKeyed(1, null)).ShouldBeTrue();
        guarded.Body.ToString().ShouldStartWith("Not(((resource.Department != null) AndAlso (resource.Department == Convert(");
    }
}
