using Arbiter.Data.Tests.Support;
using Arbiter.Filtering;
using static Arbiter.Data.Tests.Support.FilterCases;

namespace Arbiter.Data.Tests.Filtering;

/// <summary>IsSatisfiedBy over attribute dictionaries and plain C# objects: every node kind, missing attributes, wrong kinds.</summary>
public sealed class InMemoryFilterTests
{
    // (a literal null would be ambiguous with IsSatisfiedBy<string>(resource, mapping))
    private static readonly IReadOnlyDictionary<string, object?>? NoAttributes = null;

    private static readonly IReadOnlyDictionary<string, object?> Eng = new Dictionary<string, object?>
    {
        ["department"] = "eng",
        ["level"] = 4,
        ["score"] = 2.5m,
        ["has_approval"] = true,
        ["created"] = new DateTimeOffset(2026, 3, 1, 14, 0, 0, TimeSpan.FromHours(2)),
        ["ttl"] = TimeSpan.FromMinutes(90),
        ["nothing"] = null,
    };

    [Fact]
    public void Constants_AreWhatTheySay()
    {
        Filter.True.IsSatisfiedBy("a", NoAttributes).ShouldBeTrue();
        Filter.False.IsSatisfiedBy("a", Eng).ShouldBeFalse();
    }

    [Fact]
    public void IdIn_MatchesTheIdOrdinally()
    {
        var filter = Ids("doc1", "Doc2");

        filter.IsSatisfiedBy("doc1", NoAttributes).ShouldBeTrue();
        filter.IsSatisfiedBy("Doc2", Eng).ShouldBeTrue();
        filter.IsSatisfiedBy("doc2", Eng).ShouldBeFalse();
        filter.IsSatisfiedBy("doc1 ", Eng).ShouldBeFalse();
    }

    [Fact]
    public void AndOrNot_CombineTwoValued()
    {
        var eng = Eq("department", "eng");
        var missing = Eq("owner", "anne");

        Filter.And(eng, Ids("a")).IsSatisfiedBy("a", Eng).ShouldBeTrue();
        Filter.And(eng, Ids("a")).IsSatisfiedBy("b", Eng).ShouldBeFalse();
        Filter.Or(missing, Ids("b")).IsSatisfiedBy("b", Eng).ShouldBeTrue();
        Filter.Or(missing, Ids("b")).IsSatisfiedBy("a", Eng).ShouldBeFalse();
        // a comparison on a missing attribute is false, so its negation is true (never "unknown")
        Filter.Not(missing).IsSatisfiedBy("a", Eng).ShouldBeTrue();
        Filter.Not(eng).IsSatisfiedBy("a", Eng).ShouldBeFalse();
    }

    [Theory]
    [InlineData("department", true)]
    [InlineData("has_approval", true)]
    [InlineData("nothing", false)]
    [InlineData("absent", false)]
    public void Present_IsTrueForAnyNonNullValue(string attribute, bool expected)
    {
        new PresentFilter(attribute).IsSatisfiedBy("a", Eng).ShouldBe(expected);
        new PresentFilter(attribute).IsSatisfiedBy("a", NoAttributes).ShouldBeFalse();
    }

    public static TheoryData<string, CompareOperator, object, bool> Comparisons() => new()
    {
        // numbers compare by value, whatever their CLR types (level is an int, score a decimal)
        { "level", CompareOperator.Equal, 4L, true },
        { "level", CompareOperator.Equal, 4.0, true },
        { "level", CompareOperator.Equal, 4UL, true },
        { "level", CompareOperator.NotEqual, 4L, false },
        { "level", CompareOperator.Less, 4.5, true },
        { "level", CompareOperator.Greater, 3L, true },
        { "level", CompareOperator.GreaterOrEqual, 18446744073709551615UL, false },
        { "level", CompareOperator.Less, double.NaN, false },
        { "level", CompareOperator.NotEqual, double.NaN, true },
        { "score", CompareOperator.Equal, 2.5, true },
        { "score", CompareOperator.LessOrEqual, 2L, false },
        { "score", CompareOperator.Greater, 2L, true },
        // strings compare ordinally
        { "department", CompareOperator.Equal, "eng", true },
        { "department", CompareOperator.Equal, "ENG", false },
        { "department", CompareOperator.Greater, "ENG", true },
        { "department", CompareOperator.Less, "f", true },
        { "department", CompareOperator.Less, "éa", true },
        // booleans: equality only
        { "has_approval", CompareOperator.Equal, true, true },
        { "has_approval", CompareOperator.NotEqual, false, true },
        { "has_approval", CompareOperator.Greater, false, false },
        // timestamps compare as instants, whatever the offset
        { "created", CompareOperator.Equal, new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero), true },
        { "created", CompareOperator.Less, new DateTimeOffset(2026, 3, 1, 13, 0, 0, TimeSpan.FromHours(1)), false },
        { "created", CompareOperator.Greater, new DateTimeOffset(2026, 3, 1, 11, 59, 59, TimeSpan.Zero), true },
        { "ttl", CompareOperator.Greater, TimeSpan.FromHours(1), true },
        { "ttl", CompareOperator.Equal, TimeSpan.FromMinutes(90), true },
        // another kind never satisfies, not even !=
        { "department", CompareOperator.Equal, 4L, false },
        { "department", CompareOperator.NotEqual, 4L, false },
        { "level", CompareOperator.Equal, "4", false },
        { "level", CompareOperator.NotEqual, "4", false },
        { "has_approval", CompareOperator.Equal, 1L, false },
        { "created", CompareOperator.Less, TimeSpan.Zero, false },
        { "ttl", CompareOperator.NotEqual, 5400.0, false },
        // no value never satisfies
        { "nothing", CompareOperator.NotEqual, "x", false },
        { "absent", CompareOperator.NotEqual, 1L, false },
    };

    [Theory]
    [MemberData(nameof(Comparisons))]
    public void Compare_ComparesByKind(string attribute, CompareOperator op, object value, bool expected) =>
        new CompareFilter(attribute, op, value).IsSatisfiedBy("a", Eng).ShouldBe(expected);

    [Fact]
    public void Compare_DateTime_IsUtcAndUnspecifiedMeansUtc()
    {
        var noon = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var filter = Eq("created", noon);

        filter.IsSatisfiedBy("a", new Dictionary<string, object?> { ["created"] = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc) }).ShouldBeTrue();
        filter.IsSatisfiedBy("a", new Dictionary<string, object?> { ["created"] = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Unspecified) }).ShouldBeTrue();
        filter.IsSatisfiedBy("a", new Dictionary<string, object?> { ["created"] = noon.LocalDateTime }).ShouldBeTrue();
    }

    [Theory]
    [InlineData(new object[] { "eng", "sales" }, true)]
    [InlineData(new object[] { "ENG", "sales" }, false)]
    [InlineData(new object[] { 4L, "x" }, false)]
    [InlineData(new object[0], false)]
    public void In_IsEqualityToAnyValueOfTheSameKind(object[] values, bool expected) =>
        new InFilter("department", values).IsSatisfiedBy("a", Eng).ShouldBe(expected);

    [Fact]
    public void In_NumbersByValue() => new InFilter("level", [1L, 4.0]).IsSatisfiedBy("a", Eng).ShouldBeTrue();

    [Theory]
    [InlineData(StringMatch.StartsWith, "en", true)]
    [InlineData(StringMatch.StartsWith, "En", false)]
    [InlineData(StringMatch.StartsWith, "", true)]
    [InlineData(StringMatch.EndsWith, "ng", true)]
    [InlineData(StringMatch.EndsWith, "NG", false)]
    [InlineData(StringMatch.Contains, "n", true)]
    [InlineData(StringMatch.Contains, "x", false)]
    public void StringMatch_IsOrdinal(StringMatch match, string value, bool expected)
    {
        Match("department", match, value).IsSatisfiedBy("a", Eng).ShouldBe(expected);
        Match("level", match, value).IsSatisfiedBy("a", Eng).ShouldBeFalse();
        Match("nothing", match, value).IsSatisfiedBy("a", Eng).ShouldBeFalse();
    }

    [Theory]
    [InlineData(true, true, true)]
    [InlineData(false, true, false)]
    [InlineData(true, false, false)]
    [InlineData(false, false, true)]
    [InlineData(null, true, false)]
    [InlineData(null, false, false)]
    public void Residual_HoldsWhenItEvaluatesToWhatItExpects_AndAnErrorIsNotSatisfied(bool? result, bool expected, bool satisfied)
    {
        var filter = new ResidualFilter("object.name.matches('^a')", expected) { Evaluate = _ => result };

        filter.IsSatisfiedBy("a", Eng).ShouldBe(satisfied);
    }

    [Fact]
    public void Residual_OnAnObject_ReadsItsAttributesThroughTheMapping()
    {
        IReadOnlyDictionary<string, object?>? seen = null;
        var filter = new ResidualFilter("object.department.size() > 2", Expected: true)
        {
            Evaluate = attributes =>
            {
                seen = attributes;
                return attributes.TryGetValue("department", out var d) && d is string s ? s.Length > 2 : null;
            },
        };

        filter.IsSatisfiedBy(new Document { Id = "a", Department = "eng" }).ShouldBeTrue();
        seen!["has_approval"].ShouldBe(false);
        seen.ContainsKey("owner").ShouldBeFalse();
        filter.IsSatisfiedBy(new Document { Id = "a", Department = "x" }).ShouldBeFalse();
        filter.IsSatisfiedBy(new Document { Id = "a" }).ShouldBeFalse();
    }

    [Fact]
    public void Objects_AndDictionaries_Agree()
    {
        var documents = Support.Documents.Seed();
        foreach (var (name, filter) in All)
        {
            foreach (var document in documents)
            {
                filter.IsSatisfiedBy(document).ShouldBe(filter.IsSatisfiedBy(document.Id, Attributes(document)), $"{name} on {document.Id}");
            }
        }
    }

    [Fact]
    public void Objects_PinnedExamples()
    {
        Documents(Match("department", StringMatch.StartsWith, "eng")).ShouldBe(["doc00", "doc04", "doc09", "doc13", "doc18", "doc22", "doc27", "doc31", "doc36", "doc40", "doc45"]);
        Documents(Match("department", StringMatch.EndsWith, "NG")).ShouldBe(["doc02", "doc11", "doc20", "doc29", "doc38", "doc47"]);
        Documents(Filter.Not(new PresentFilter("level"))).ShouldBe(["doc00", "doc06", "doc12", "doc18", "doc24", "doc30", "doc36", "doc42"]);
        Documents(new CompareFilter("level", CompareOperator.Greater, 8.5)).ShouldBe(["doc09", "doc19", "doc29", "doc39"]);

        static List<string> Documents(Filter filter) => [.. Support.Documents.Seed().Where(d => filter.IsSatisfiedBy(d)).Select(d => d.Id)];
    }
}
