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

    /// <summary>A database of <paramref name="count"/> documents <c>doc0</c>, <c>doc1</c>, ... (department <c>eng</c> for doc5, doc15, ...), inserted in bulk.</summary>
    public TempDatabase(int count)
    {
        System.IO.Directory.CreateDirectory(directory);
        Path = System.IO.Path.Combine(directory, "documents.db");
        using (var db = Context())
        {
            db.Database.EnsureCreated();
        }
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO documents (id, department, has_approval) VALUES ($id, $department, 0)";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var department = insert.Parameters.Add("$department", SqliteType.Text);
        var rows = new List<Document>(count);
        for (var i = 0; i < count; i++)
        {
            var document = new Document { Id = "doc" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), Department = i % 10 == 5 ? "eng" : null };
            id.Value = document.Id;
            department.Value = (object?)document.Department ?? DBNull.Value;
            insert.ExecuteNonQuery();
            rows.Add(document);
        }
        transaction.Commit();
        Documents = rows;
    }

    public string Path { get; }

    /// <summary>Every row, as read back.</summary>
    public IReadOnlyList<Document> Documents { get; }

    public DocumentsDb Context(bool oneJsonParameter = true) => new(Path, oneJsonParameter);

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
