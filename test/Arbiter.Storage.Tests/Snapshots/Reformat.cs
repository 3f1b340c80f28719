using System.Text.Json;

namespace Arbiter.Storage.Tests.Snapshots;

/// <summary>Re-writes JSON with or without indentation (as a formatter would), keeping member order.</summary>
internal static class Reformat
{
    public static byte[] Write(JsonElement element, bool indented)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            element.WriteTo(writer);
        }
        return stream.ToArray();
    }
}
