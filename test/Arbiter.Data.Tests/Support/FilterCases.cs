using Arbiter.Filtering;

namespace Arbiter.Data.Tests.Support;

/// <summary>Hand-built filters over <see cref="Document"/>s, one or more per node kind, by name.</summary>
public static class FilterCases
{
    public static readonly IReadOnlyDictionary<string, Filter> All = new Dictionary<string, Filter>
    {
        ["true"] = Filter.True,
        ["false"] = Filter.False,
        ["ids"] = Ids("doc01", "doc05", "doc40", "missing"),
        ["no ids"] = Ids(),
        ["ids or eng with approval"] = Filter.Or(Ids("doc01", "doc02"), Filter.And(Eq("department", "eng"), Eq("has_approval", true))),
        ["not ids"] = Filter.Not(Ids("doc01", "doc02")),
        ["department == eng"] = Eq("department", "eng"),
        ["department != eng"] = new CompareFilter("department", CompareOperator.NotEqual, "eng"),
        ["not department == eng"] = Filter.Not(Eq("department", "eng")),
        ["department < f"] = new CompareFilter("department", CompareOperator.Less, "f"),
        ["department >= eng"] = new CompareFilter("department", CompareOperator.GreaterOrEqual, "eng"),
        ["has department"] = new PresentFilter("department"),
        ["no department"] = Filter.Not(new PresentFilter("department")),
        ["no level"] = Filter.Not(new PresentFilter("level")),
        ["status in open, draft"] = new InFilter("status", ["open", "draft"]),
        ["status not in open, draft"] = Filter.Not(new InFilter("status", ["open", "draft"])),
        ["status in nothing"] = new InFilter("status", []),
        ["level > 3"] = new CompareFilter("level", CompareOperator.Greater, 3L),
        ["level <= 3.5"] = new CompareFilter("level", CompareOperator.LessOrEqual, 3.5),
        ["level == 4"] = Eq("level", 4L),
        ["level != 4"] = new CompareFilter("level", CompareOperator.NotEqual, 4L),
        ["level < 5 (ulong)"] = new CompareFilter("level", CompareOperator.Less, 5UL),
        ["level > 1e12"] = new CompareFilter("level", CompareOperator.Greater, 1_000_000_000_000L),
        ["level in 1, 2.0, 2.5"] = new InFilter("level", [1L, 2.0, 2.5]),
        ["score >= 10"] = new CompareFilter("score", CompareOperator.GreaterOrEqual, 10L),
        ["score < 7.25"] = new CompareFilter("score", CompareOperator.Less, 7.25),
        ["created < noon"] = new CompareFilter("created", CompareOperator.Less, Documents.Noon),
        ["created >= noon+02:00"] = new CompareFilter("created", CompareOperator.GreaterOrEqual, Documents.Noon.ToOffset(TimeSpan.FromHours(2))),
        ["created == noon-3h"] = Eq("created", Documents.Noon.AddHours(-3)),
        ["department starts with eng"] = Match("department", StringMatch.StartsWith, "eng"),
        ["department starts with Eng"] = Match("department", StringMatch.StartsWith, "Eng"),
        ["department starts with emoji"] = Match("department", StringMatch.StartsWith, "😀"),
        ["department ends with eng"] = Match("department", StringMatch.EndsWith, "eng"),
        ["department ends with NG"] = Match("department", StringMatch.EndsWith, "NG"),
        ["department ends with empty"] = Match("department", StringMatch.EndsWith, ""),
        ["department contains ng-"] = Match("department", StringMatch.Contains, "ng-"),
        ["department contains é"] = Match("department", StringMatch.Contains, "é"),
        ["not department contains g"] = Filter.Not(Match("department", StringMatch.Contains, "g")),
        ["department == 5 (wrong kind)"] = Eq("department", 5L),
        ["level == '4' (wrong kind)"] = Eq("level", "4"),
        ["level != '4' (wrong kind)"] = new CompareFilter("level", CompareOperator.NotEqual, "4"),
        ["has_approval > false (no order)"] = new CompareFilter("has_approval", CompareOperator.Greater, false),
        ["not (secret and level > 2)"] = Filter.Not(Filter.And(Eq("classification", "secret"), new CompareFilter("level", CompareOperator.Greater, 2L))),
        ["mixed"] = Filter.Or(
            Ids("doc03", "doc44"),
            Filter.And(new InFilter("classification", ["public", "internal"]), Filter.Not(Eq("status", "closed")), new PresentFilter("created")),
            Filter.And(Match("department", StringMatch.EndsWith, "eng"), new CompareFilter("score", CompareOperator.Greater, 12.5), Filter.Not(Eq("has_approval", true)))),
    };

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in All.Keys)
        {
            data.Add(name);
        }
        return data;
    }

    public static SqlMapping SqlMapping() => new SqlMapping("id")
        .Column("department", "department")
        .Column("classification", "classification")
        .Column("status", "status")
        .Column("has_approval", "has_approval")
        .Column("created", "created_ticks", static t => ((DateTimeOffset)t).UtcTicks)
        .Column("level", "level")
        .Column("score", "score");

    /// <summary>The document as the attribute dictionary a store would hold.</summary>
    public static IReadOnlyDictionary<string, object?> Attributes(Document d) => new Dictionary<string, object?>
    {
        ["department"] = d.Department,
        ["classification"] = d.Classification,
        ["status"] = d.Status,
        ["has_approval"] = d.HasApproval,
        ["created"] = d.Created,
        ["level"] = d.Level,
        ["score"] = d.Score,
    };

    public static IdInFilter Ids(params string[] ids) => new(new HashSet<string>(ids, StringComparer.Ordinal));

    public static CompareFilter Eq(string attribute, object value) => new(attribute, CompareOperator.Equal, value);

    public static StringMatchFilter Match(string attribute, StringMatch match, string value) => new(attribute, match, value);
}
