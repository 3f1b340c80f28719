using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace Arbiter.Storage;

/// <summary>
/// The identity of a stored tuple: object, relation and subject (its condition is payload). The subject relation is
/// the empty string for a plain subject or a wildcard. Providers order tuples by <see cref="Compare"/>, which is
/// code point order (the byte order of UTF-8, what SQLite's <c>BINARY</c> and PostgreSQL's <c>COLLATE "C"</c> give).
/// </summary>
/// <param name="ObjectType">The object's type.</param>
/// <param name="ObjectId">The object's id.</param>
/// <param name="Relation">The relation.</param>
/// <param name="SubjectType">The subject's type.</param>
/// <param name="SubjectId">The subject's id (<c>*</c> for a wildcard).</param>
/// <param name="SubjectRelation">The subject's relation for a userset, else empty.</param>
public readonly record struct TupleKey(string ObjectType, string ObjectId, string Relation, string SubjectType, string SubjectId, string SubjectRelation)
    : IComparable<TupleKey>
{
    /// <summary>The key of a tuple.</summary>
    public static TupleKey Of(RelationshipTuple tuple)
    {
        ArgumentNullException.ThrowIfNull(tuple);
        return new(tuple.Object.Type, tuple.Object.Id, tuple.Relation, tuple.Subject.Type, tuple.Subject.Id, tuple.Subject.Relation ?? string.Empty);
    }

    /// <summary>The tuple with this key and <paramref name="condition"/>.</summary>
    public RelationshipTuple ToTuple(TupleCondition? condition = null) =>
        new(new ObjectRef(ObjectType, ObjectId), Relation,
            new SubjectRef(SubjectType, SubjectId, SubjectRelation.Length == 0 ? null : SubjectRelation), condition);

    /// <summary>Compares two keys part by part in code point order.</summary>
    public static int Compare(TupleKey a, TupleKey b)
    {
        var c = CompareCodePoints(a.ObjectType, b.ObjectType);
        if (c == 0) { c = CompareCodePoints(a.ObjectId, b.ObjectId); }
        if (c == 0) { c = CompareCodePoints(a.Relation, b.Relation); }
        if (c == 0) { c = CompareCodePoints(a.SubjectType, b.SubjectType); }
        if (c == 0) { c = CompareCodePoints(a.SubjectId, b.SubjectId); }
        if (c == 0) { c = CompareCodePoints(a.SubjectRelation, b.SubjectRelation); }
        return c;
    }

    /// <inheritdoc />
    public int CompareTo(TupleKey other) => Compare(this, other);

    /// <summary>Compares two strings by Unicode code point (UTF-16 ordinal order differs only around surrogates).</summary>
    public static int CompareCodePoints(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            var x = a[i];
            var y = b[i];
            if (x != y)
            {
                // surrogates (U+D800–U+DFFF) stand for code points above U+FFFF: they sort after every other UTF-16 unit
                var sx = char.IsSurrogate(x) ? x + 0x10000 : x;
                var sy = char.IsSurrogate(y) ? y + 0x10000 : y;
                return sx.CompareTo(sy);
            }
        }
        return a.Length.CompareTo(b.Length);
    }

    /// <summary>An opaque continuation token that resumes a read after this key.</summary>
    public string ToToken()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var part in (ReadOnlySpan<string>)[ObjectType, ObjectId, Relation, SubjectType, SubjectId, SubjectRelation])
            {
                writer.WriteStringValue(part);
            }
            writer.WriteEndArray();
        }
        return Base64Url.EncodeToString(buffer.WrittenSpan);
    }

    /// <summary>Reads a token made by <see cref="ToToken"/>; <see langword="false"/> when it is not one.</summary>
    public static bool TryParseToken(string? token, [NotNullWhen(true)] out TupleKey? key)
    {
        key = null;
        if (string.IsNullOrEmpty(token) || token.Length > 8192)
        {
            return false;
        }
        try
        {
            using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(token));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() != 6
                || root.EnumerateArray().Any(static p => p.ValueKind != JsonValueKind.String))
            {
                return false;
            }
            var parts = root.EnumerateArray().Select(static p => p.GetString()!).ToArray();
            key = new TupleKey(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or DecoderFallbackException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{ObjectType}:{ObjectId}#{Relation}@{SubjectType}:{SubjectId}" + (SubjectRelation.Length == 0 ? string.Empty : "#" + SubjectRelation);
}
