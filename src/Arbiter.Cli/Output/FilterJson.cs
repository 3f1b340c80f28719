using System.Text.Json.Nodes;
using Arbiter.Filtering;

namespace Arbiter.Cli.Output;

/// <summary>A filter as JSON: one object per node, named by its kind (<c>{"or": [...]}</c>, <c>{"compare": {...}}</c>).</summary>
internal static class FilterJson
{
    public static JsonNode ToJson(Filter filter) => filter switch
    {
        ConstantFilter c => JsonValue.Create(c.Value),
        IdInFilter i => new JsonObject { ["id_in"] = JsonOutput.Strings(i.Ids.Order(StringComparer.Ordinal)) },
        AndFilter a => new JsonObject { ["and"] = new JsonArray(a.Operands.Select(o => (JsonNode?)ToJson(o)).ToArray()) },
        OrFilter o => new JsonObject { ["or"] = new JsonArray(o.Operands.Select(x => (JsonNode?)ToJson(x)).ToArray()) },
        NotFilter n => new JsonObject { ["not"] = ToJson(n.Operand) },
        PresentFilter p => new JsonObject { ["present"] = p.Attribute },
        CompareFilter c => new JsonObject
        {
            ["compare"] = new JsonObject { ["attribute"] = c.Attribute, ["operator"] = CompareFilter.Symbol(c.Operator), ["value"] = JsonOutput.FromValue(c.Value) },
        },
        InFilter i => new JsonObject
        {
            ["in"] = new JsonObject { ["attribute"] = i.Attribute, ["values"] = new JsonArray(i.Values.Select(JsonOutput.FromValue).ToArray()) },
        },
        StringMatchFilter s => new JsonObject
        {
            ["match"] = new JsonObject { ["attribute"] = s.Attribute, ["kind"] = s.Match.ToString(), ["value"] = s.Value },
        },
        ResidualFilter r => new JsonObject { ["residual"] = new JsonObject { ["expression"] = r.Expression, ["expected"] = r.Expected } },
        _ => JsonValue.Create(filter.ToString())!,
    };
}
