using YamlDotNet.RepresentationModel;

namespace Arbiter.Testing;

/// <summary>Reads the <c>list_objects</c> and <c>list_users</c> entries of a store file's tests.</summary>
internal sealed partial class StoreFileReader
{
    private static readonly HashSet<string> ListObjectsKeys = new(StringComparer.Ordinal) { "user", "type", "context", "subject_attributes", "assertions" };
    private static readonly HashSet<string> ListUsersKeys = new(StringComparer.Ordinal) { "object", "user_filter", "context", "object_attributes", "assertions" };
    private static readonly HashSet<string> UserFilterKeys = new(StringComparer.Ordinal) { "type", "relation" };
    private static readonly HashSet<string> ListUsersAssertionKeys = new(StringComparer.Ordinal) { "users", "error" };

    private StoreListObjects? ReadListObjects(YamlNode node, string what)
    {
        if (_reader.Map(node, what, ListObjectsKeys) is not { } map)
        {
            return null;
        }
        var user = _reader.RequiredString(map, "user", what) is { } u && map.TryGet("user", out var userNode) ? ParseSubject(u, userNode) : null;
        var type = _reader.RequiredString(map, "type", what);
        var expectedErrors = new Dictionary<string, string>(StringComparer.Ordinal);
        var assertions = ReadListAssertions(map, what, (relation, value, relationWhat) =>
        {
            if (value is not YamlMappingNode)
            {
                return StringList(value, relationWhat);
            }
            // Arbiter extension: `relation: {error: TEXT}` expects the listing to fail with an error containing TEXT.
            if (_reader.Map(value, relationWhat, ErrorAssertionKeys) is { } errorMap && _reader.RequiredString(errorMap, "error", relationWhat) is { } text)
            {
                expectedErrors[relation] = text;
            }
            return [];
        });
        var context = _reader.Context(map, "context", what);
        var subjectAttributes = AttributeValues(map, "subject_attributes", what);
        if (user is null || type is null)
        {
            return null;
        }
        return new StoreListObjects
        {
            User = user.Value,
            Type = type,
            Assertions = assertions,
            ExpectedErrors = expectedErrors,
            Context = context,
            SubjectAttributes = subjectAttributes,
            Span = YamlReader.SpanOf(node),
        };
    }

    private StoreListUsers? ReadListUsers(YamlNode node, string what)
    {
        if (_reader.Map(node, what, ListUsersKeys) is not { } map)
        {
            return null;
        }
        var @object = _reader.RequiredString(map, "object", what) is { } o && map.TryGet("object", out var objectNode) ? ParseObject(o, objectNode) : null;
        var filters = new List<StoreUserFilter>();
        if (!map.TryGet("user_filter", out var filterNode))
        {
            _reader.Report("missing-key", $"{what} needs 'user_filter'", node);
        }
        foreach (var item in _reader.Sequence(filterNode, $"'user_filter' of {what}"))
        {
            if (_reader.Map(item, $"a 'user_filter' entry of {what}", UserFilterKeys) is { } filter
                && _reader.RequiredString(filter, "type", "a 'user_filter' entry") is { } type)
            {
                filters.Add(new StoreUserFilter(type, _reader.OptionalString(filter, "relation", "a 'user_filter' relation")));
            }
        }
        var expectedErrors = new Dictionary<string, string>(StringComparer.Ordinal);
        var assertions = ReadListAssertions(map, what, (relation, value, relationWhat) =>
        {
            if (_reader.Map(value, relationWhat, ListUsersAssertionKeys) is not { } users)
            {
                return [];
            }
            var hasUsers = users.TryGet("users", out var list);
            var hasError = users.TryGet("error", out _);
            if (hasUsers == hasError)
            {
                _reader.Report("missing-key", hasUsers
                    ? $"{relationWhat} has both 'users' and 'error': use one of them"
                    : $"{relationWhat} needs 'users' (or 'error')", value);
                return [];
            }
            // Arbiter extension: `relation: {error: TEXT}` expects the listing to fail with an error containing TEXT.
            if (hasError && _reader.RequiredString(users, "error", relationWhat) is { } text)
            {
                expectedErrors[relation] = text;
            }
            return hasUsers ? StringList(list, $"'users' of {relationWhat}") : [];
        });
        var context = _reader.Context(map, "context", what);
        var objectAttributes = AttributeValues(map, "object_attributes", what);
        if (@object is null)
        {
            return null;
        }
        return new StoreListUsers
        {
            Object = @object.Value,
            UserFilter = filters,
            Assertions = assertions,
            ExpectedErrors = expectedErrors,
            Context = context,
            ObjectAttributes = objectAttributes,
            Span = YamlReader.SpanOf(node),
        };
    }

    private List<KeyValuePair<string, IReadOnlyList<string>>> ReadListAssertions(
        YamlMap map, string what, Func<string, YamlNode, string, IReadOnlyList<string>> readValue)
    {
        var assertions = new List<KeyValuePair<string, IReadOnlyList<string>>>();
        if (!map.TryGet("assertions", out var node))
        {
            _reader.Report("missing-key", $"{what} needs 'assertions'", map.Node);
        }
        else if (_reader.Map(node, $"'assertions' of {what}", allowed: null) is { } assertionMap)
        {
            foreach (var (relation, value) in assertionMap.Entries)
            {
                assertions.Add(new(relation, readValue(relation, value, $"the assertion '{relation}' of {what}")));
            }
        }
        return assertions;
    }

    private List<string> StringList(YamlNode? node, string what)
    {
        var list = new List<string>();
        foreach (var item in _reader.Sequence(node, what))
        {
            if (_reader.TryString(item, $"an entry of {what}", out var value))
            {
                list.Add(value);
            }
        }
        return list;
    }
}
