using System.Text.Json.Nodes;
using Arbiter.Cli.Output;
using Arbiter.Storage;

namespace Arbiter.Cli.Store;

/// <summary>How the store commands print tuples and changes.</summary>
internal static class StoreJson
{
    /// <summary><c>object#relation@user</c>, with <c> [condition {context}]</c> when the tuple has a condition.</summary>
    public static string Text(RelationshipTuple tuple) =>
        $"{tuple.Object}#{tuple.Relation}@{tuple.Subject}" + (tuple.Condition is { } c
            ? $" [{c.Name}{(c.Context is { Count: > 0 } context ? " " + StoredValues.ToJson(context) : string.Empty)}]"
            : string.Empty);

    /// <summary>OpenFGA's tuple shape: <c>{user, relation, object, condition?}</c>.</summary>
    public static JsonNode Tuple(RelationshipTuple tuple)
    {
        var node = new JsonObject
        {
            ["user"] = tuple.Subject.ToString(),
            ["relation"] = tuple.Relation,
            ["object"] = tuple.Object.ToString(),
        };
        if (tuple.Condition is { } c)
        {
            node["condition"] = new JsonObject { ["name"] = c.Name, ["context"] = JsonOutput.Object(c.Context) };
        }
        return node;
    }
}
