using YamlDotNet.RepresentationModel;

namespace Arbiter.Testing;

/// <summary>Reads OpenFGA tuple keys (<c>{user, relation, object, condition: {name, context}}</c>) from YAML nodes.</summary>
internal static class YamlTupleReader
{
    private static readonly HashSet<string> TupleKeys = new(StringComparer.Ordinal) { "user", "relation", "object", "condition" };
    private static readonly HashSet<string> ConditionKeys = new(StringComparer.Ordinal) { "name", "context" };

    public static List<RelationshipTuple> ReadList(YamlReader reader, YamlNode? node, string what)
    {
        var tuples = new List<RelationshipTuple>();
        foreach (var item in reader.Sequence(node, what))
        {
            if (Read(reader, item, "a tuple in " + what) is { } tuple)
            {
                tuples.Add(tuple);
            }
        }
        return tuples;
    }

    public static RelationshipTuple? Read(YamlReader reader, YamlNode node, string what)
    {
        if (reader.Map(node, what, TupleKeys) is not { } map)
        {
            return null;
        }
        var user = reader.RequiredString(map, "user", what);
        var relation = reader.RequiredString(map, "relation", what);
        var @object = reader.RequiredString(map, "object", what);
        TupleCondition? condition = null;
        if (map.TryGet("condition", out var conditionNode) && !YamlReader.IsNull(conditionNode))
        {
            if (reader.Map(conditionNode, "a tuple condition", ConditionKeys) is { } conditionMap
                && reader.RequiredString(conditionMap, "name", "a tuple condition") is { } name)
            {
                condition = new TupleCondition(name, reader.Context(conditionMap, "context", "a tuple condition"));
            }
        }
        if (user is null || relation is null || @object is null)
        {
            return null;
        }
        try
        {
            return RelationshipTuple.Create(@object, relation, user, condition);
        }
        catch (TupleFormatException ex)
        {
            reader.Report("invalid-tuple", ex.Message, node);
            return null;
        }
    }
}
