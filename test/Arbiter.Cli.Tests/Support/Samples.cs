namespace Arbiter.Cli.Tests.Support;

/// <summary>The sample files the docs use.</summary>
internal static class Samples
{
    public static string DocumentsStore => RepoPaths.Of("samples/documents/store.fga.yaml");

    public static string DocumentsModel => RepoPaths.Of("samples/documents/model.fga");

    public static string ConditionsStore => RepoPaths.Of("samples/conditions/store.fga.yaml");

    public static string AbacStore => RepoPaths.Of("samples/abac/store.fga.yaml");

    public static string AbacModel => RepoPaths.Of("samples/abac/model.fga");

    /// <summary>The number of assertions in the ABAC store file.</summary>
    public const int AbacAssertions = 38;

    /// <summary>The number of assertions in the conditions store file.</summary>
    public const int ConditionsAssertions = 19;

    /// <summary>The number of assertions in the documents store file.</summary>
    public const int DocumentsAssertions = 37;
}
