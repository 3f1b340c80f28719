using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Arbiter.Data.Tests.Support;

/// <summary>An EF Core context over a SQLite file: table <c>documents</c> with snake_case columns.</summary>
public sealed class DocumentsDb(string path, bool oneJsonParameter = true) : DbContext
{
    public DbSet<Document> Documents => Set<Document>();

    public string ConnectionString { get; } = $"Data Source={path};Pooling=False";

    protected override void OnConfiguring(DbContextOptionsBuilder options) =>
        // One JSON parameter for a captured collection (json_each), whatever its size: EF Core 10's default sends one
        // parameter per element, which SQLite refuses past 32,766.
        options.UseSqlite(ConnectionString, sqlite =>
        {
            if (oneJsonParameter)
            {
                sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter);
            }
        });

    protected override void OnModelCreating(ModelBuilder model)
    {
        var document = model.Entity<Document>();
        document.ToTable("documents");
        document.HasKey(d => d.Id);
        document.Property(d => d.Id).HasColumnName("id");
        document.Property(d => d.Department).HasColumnName("department");
        document.Property(d => d.Classification).HasColumnName("classification");
        document.Property(d => d.Status).HasColumnName("status");
        document.Property(d => d.HasApproval).HasColumnName("has_approval");
        // SQLite cannot order DateTimeOffset text: store UTC ticks, which order as the instants do.
        document.Property(d => d.Created).HasColumnName("created_ticks")
            .HasConversion(new ValueConverter<DateTimeOffset, long>(t => t.UtcTicks, ticks => new DateTimeOffset(ticks, TimeSpan.Zero)));
        document.Property(d => d.Level).HasColumnName("level");
        document.Property(d => d.Score).HasColumnName("score");
    }
}
