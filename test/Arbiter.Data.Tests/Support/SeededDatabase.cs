namespace Arbiter.Data.Tests.Support;

/// <summary>The seeded database, shared by the tests of a class.</summary>
public sealed class SeededDatabase : IDisposable
{
    public TempDatabase Database { get; } = new(Documents.Seed());

    public void Dispose() => Database.Dispose();
}
