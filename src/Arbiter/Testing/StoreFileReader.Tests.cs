using YamlDotNet.RepresentationModel;

namespace Arbiter.Testing;

/// <summary>Reads the <c>tests:</c> of a store file: tuples and check entries (list entries: <c>StoreFileReader.Lists.cs</c>).</summary>
internal sealed partial class StoreFileReader
{
    private static readonly HashSet<string> TestKeys = new(StringComparer.Ordinal)
    {
        "name", "description", "tuples", "tuple_file", "attributes", "attribute_file", "check", "list_objects", "list_users",
    };

    private static readonly HashSet<string> CheckKeys = new(StringComparer.Ordinal) { "user", "users", "object", "objects", "context", "subject_attributes", "object_attributes", "assertions" };
    private static readonly HashSet<string> ErrorAssertionKeys = new(StringComparer.Ordinal) { "error" };

    private List<StoreTest> ReadTests(YamlNode? node)
    {
        var tests = new List<StoreTest>();
        var items = _reader.Sequence(node, "'tests'");
        for (var i = 0; i < items.Count; i++)
        {
            if (_reader.Map(items[i], "a test", TestKeys) is not { } map)
            {
                continue;
            }
            var name = _reader.OptionalString(map, "name", "a test's 'name'") ?? $"test {i + 1}";
            var tuples = YamlTupleReader.ReadList(_reader, map.TryGet("tuples", out var t) ? t : null, $"'tuples' of test '{name}'");
            if (map.TryGet("tuple_file", out var tupleFile) && !YamlReader.IsNull(tupleFile))
            {
                tuples.AddRange(ReadTupleFile(tupleFile, $"'tuple_file' of test '{name}'"));
            }
            tests.Add(new StoreTest
            {
                Name = name,
                Description = _reader.OptionalString(map, "description", "a test's 'description'"),
                Tuples = tuples.Distinct().ToList(),
                Attributes = ReadAttributes(map, $"'attributes' of test '{name}'", $"'attribute_file' of test '{name}'"),
                Checks = ReadEach(map, "check", name, ReadCheck),
                ListObjects = ReadEach(map, "list_objects", name, ReadListObjects),
                ListUsers = ReadEach(map, "list_users", name, ReadListUsers),
            });
        }
        return tests;
    }

    private List<T> ReadEach<T>(YamlMap test, string key, string testName, Func<YamlNode, string, T?> read)
        where T : class
    {
        var what = $"a '{key}' entry of test '{testName}'";
        var list = new List<T>();
        foreach (var item in _reader.Sequence(test.TryGet(key, out var node) ? node : null, $"'{key}' of test '{testName}'"))
        {
            if (read(item, what) is { } entry)
            {
                list.Add(entry);
            }
        }
        return list;
    }

    private StoreCheck? ReadCheck(YamlNode node, string what)
    {
        if (_reader.Map(node, what, CheckKeys) is not { } map)
        {
            return null;
        }
        var users = OneOrMany(map, "user", "users", what, ParseSubject);
        var objects = OneOrMany(map, "object", "objects", what, ParseObject);
        var assertions = new List<KeyValuePair<string, bool>>();
        var expectedErrors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!map.TryGet("assertions", out var assertionsNode))
        {
            _reader.Report("missing-key", $"{what} needs 'assertions'", node);
        }
        else if (_reader.Map(assertionsNode, $"'assertions' of {what}", allowed: null) is { } assertionMap)
        {
            foreach (var (relation, value) in assertionMap.Entries)
            {
                var assertionWhat = $"the assertion '{relation}' of {what}";
                if (value is YamlMappingNode)
                {
                    // Arbiter extension: `relation: {error: TEXT}` expects the check to fail with an error containing TEXT.
                    if (_reader.Map(value, assertionWhat, ErrorAssertionKeys) is { } errorMap
                        && _reader.RequiredString(errorMap, "error", assertionWhat) is { } text)
                    {
                        assertions.Add(new(relation, false));
                        expectedErrors[relation] = text;
                    }
                }
                else if (_reader.TryBool(value, assertionWhat, out var expected))
                {
                    assertions.Add(new(relation, expected));
                }
            }
        }
        var context = _reader.Context(map, "context", what);
        var subjectAttributes = AttributeValues(map, "subject_attributes", what);
        var objectAttributes = AttributeValues(map, "object_attributes", what);
        if (users is null || objects is null)
        {
            return null;
        }
        return new StoreCheck
        {
            Users = users,
            Objects = objects,
            Assertions = assertions,
            ExpectedErrors = expectedErrors,
            Context = context,
            SubjectAttributes = subjectAttributes,
            ObjectAttributes = objectAttributes,
            Span = YamlReader.SpanOf(node),
        };
    }

    /// <summary>Reads <c>subject_attributes:</c> or <c>object_attributes:</c>: a mapping of attribute names to values.</summary>
    private IReadOnlyDictionary<string, object?>? AttributeValues(YamlMap map, string key, string what)
    {
        if (!map.TryGet(key, out var node) || YamlReader.IsNull(node))
        {
            return null;
        }
        return _reader.Map(node, $"'{key}' of {what}", allowed: null) is null ? null : (IReadOnlyDictionary<string, object?>?)YamlReader.ToValue(node);
    }

    /// <summary>Reads <c>user</c> or <c>users</c> (exactly one of the two), parsing each entry.</summary>
    private List<T>? OneOrMany<T>(YamlMap map, string one, string many, string what, Func<string, YamlNode, T?> parse)
        where T : struct
    {
        var hasOne = map.TryGet(one, out var oneNode);
        var hasMany = map.TryGet(many, out var manyNode);
        if (hasOne == hasMany)
        {
            _reader.Report("missing-key", hasOne
                ? $"{what} has both '{one}' and '{many}': use one of them"
                : $"{what} needs '{one}' or '{many}'", map.Node);
            return null;
        }
        var nodes = hasOne ? [oneNode!] : _reader.Sequence(manyNode, $"'{many}' of {what}");
        var values = new List<T>();
        var ok = true;
        foreach (var node in nodes)
        {
            if (_reader.TryString(node, hasOne ? $"'{one}' of {what}" : $"an entry of '{many}' of {what}", out var text) && parse(text, node) is { } value)
            {
                values.Add(value);
            }
            else
            {
                ok = false;
            }
        }
        if (ok && values.Count == 0)
        {
            _reader.Report("invalid-value", $"'{many}' of {what} is empty", manyNode);
            ok = false;
        }
        return ok ? values : null;
    }

    private SubjectRef? ParseSubject(string text, YamlNode node)
    {
        if (SubjectRef.TryParse(text, out var subject, out var error))
        {
            return subject;
        }
        _reader.Report("invalid-user", error, node);
        return null;
    }

    private ObjectRef? ParseObject(string text, YamlNode node)
    {
        if (ObjectRef.TryParse(text, out var @object, out var error))
        {
            return @object;
        }
        _reader.Report("invalid-object", error, node);
        return null;
    }
}
