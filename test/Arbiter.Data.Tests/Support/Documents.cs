namespace Arbiter.Data.Tests.Support;

/// <summary>Seed rows: every column null somewhere, case and Unicode variants, numbers and times on both sides of the test values.</summary>
public static class Documents
{
    public static readonly DateTimeOffset Noon = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<Document> Seed()
    {
        string?[] departments = ["eng", "Eng", "ENG", "sales", "eng-ops", "ops-eng", "éng", "😀eng", null];
        string?[] classifications = ["public", "internal", "secret", null];
        string?[] statuses = ["open", "draft", "closed", null];
        var rows = new List<Document>();
        for (var i = 0; i < 48; i++)
        {
            rows.Add(new Document
            {
                Id = "doc" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture),
                Department = departments[i % departments.Length],
                Classification = classifications[i % classifications.Length],
                Status = statuses[i / 3 % statuses.Length],
                HasApproval = i % 5 == 0,
                Created = i % 7 == 0 ? null : Noon.AddHours(i - 24).ToOffset(TimeSpan.FromHours(i % 3)),
                Level = i % 6 == 0 ? null : i % 10,
                Score = i % 8 == 0 ? null : i * 0.5,
            });
        }
        return rows;
    }
}
