namespace Arbiter.Conformance.Tests.OpenFga;

/// <summary>What a list request answered: the items (objects or subjects as text), an error code, or an unexpected exception.</summary>
internal readonly record struct ListOutcome(IReadOnlyList<string> Items, int Code, string? Message, string? Stopped = null, Exception? Thrown = null)
{
    public static ListOutcome Error(ArbiterErrorCode code, string? message) => new([], (int)code, message);

    public static ListOutcome Failed(Exception e) => new([], 0, e.Message, Thrown: e);

    public override string ToString() =>
        Thrown is not null ? $"{Thrown.GetType().Name} ({Thrown.Message})"
        : Code != 0 ? $"error {Code} ({Message})"
        : Format(Items) + (Stopped is null ? string.Empty : $" stopped: {Stopped}");

    public static string Format(IEnumerable<string> items) => "[" + string.Join(", ", items.Order(StringComparer.Ordinal)) + "]";
}
