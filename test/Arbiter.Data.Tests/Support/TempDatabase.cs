using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Arbiter.Data.Tests.Support;

/// <summary>A SQLite database file in a temporary directory, seeded with documents; deleted on dispose.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "arbiter-data-" + Guid.NewGuid().ToString("N"));

    public TempDatabase(IEnumerable<Document> documents)
    {
        System.IO.Directory.CreateDirectory(directory);
        Path = System.IO.Path.Combine(directory, "documents.db");
        using var db = Context();
        db.Database.EnsureCreated();
        db.Documents.AddRange(documents);
        db.SaveChanges();
        Documents = [.. db.Documents.AsNoTracking().OrderBy(d => d.Id)];
    }

    public string Path { get; }

    /// <summary>Every row, as read back.</summary>
    public IReadOnlyList<Document> Documents { get; }

    public DocumentsDb Context() => new(Path);

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}
