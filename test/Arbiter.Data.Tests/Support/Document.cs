namespace Arbiter.Data.Tests.Support;

/// <summary>The entity the data tests filter.</summary>
public sealed class Document
{
    public string Id { get; set; } = "";

    public string? Department { get; set; }

    public string? Classification { get; set; }

    public string? Status { get; set; }

    public bool HasApproval { get; set; }

    public DateTimeOffset? Created { get; set; }

    public int? Level { get; set; }

    public double? Score { get; set; }

    public override string ToString() => Id;
}
