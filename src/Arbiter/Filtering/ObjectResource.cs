using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Arbiter.Filtering;

/// <summary>A plain C# object as a resource, read through a <see cref="FilterMapping{T}"/>.</summary>
internal sealed class ObjectResource<[DynamicallyAccessedMembers(FilterExtensions.Members)] T>(T resource, FilterMapping<T> mapping)
    : IFilterResource, IReadOnlyDictionary<string, object?>
{
    public IReadOnlyDictionary<string, object?> Attributes => this;

    public bool IdIn(IReadOnlySet<string> ids) => FilterIds.Contains(ids, mapping.IdMember.Read(resource));

    public object? Get(string attribute) => mapping.Member(attribute).Read(resource);

    // The dictionary view, for residual conditions: an attribute the type lacks is absent (no exception).
    public IEnumerable<string> Keys => mapping.AttributeNames;

    public IEnumerable<object?> Values => Keys.Select(k => this[k]);

    public int Count => Keys.Count();

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => mapping.TryMember(key) is not null;

    public bool TryGetValue(string key, out object? value)
    {
        var member = mapping.TryMember(key);
        value = member?.Read(resource);
        return member is not null;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() =>
        Keys.Select(k => new KeyValuePair<string, object?>(k, this[k])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
