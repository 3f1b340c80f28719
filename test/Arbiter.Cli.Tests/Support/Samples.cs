namespace Arbiter.Cli.Tests.Support;

/// <summary>The sample files the docs use.</summary>
internal static class Samples
{
    public static string DocumentsStore => RepoPaths.Of("samples/documents/store.fga.yaml");

    public static string DocumentsModel => RepoPaths.Of("samples/documents/model.fga");

    /// <summary>The number of assertions in the documents store file.</summary>
    public const int DocumentsAssertions = 24;
}
