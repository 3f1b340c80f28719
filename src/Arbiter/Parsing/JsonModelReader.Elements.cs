using System.Text.Json;
using Arbiter.Model;

namespace Arbiter.Parsing;

internal sealed partial class JsonModelReader
{
    private static readonly Dictionary<string, string> ParameterTypeNames = new(StringComparer.Ordinal)
    {
        ["TYPE_NAME_ANY"] = "any",
        ["TYPE_NAME_BOOL"] = "bool",
        ["TYPE_NAME_STRING"] = "string",
        ["TYPE_NAME_INT"] = "int",
        ["TYPE_NAME_UINT"] = "uint",
        ["TYPE_NAME_DOUBLE"] = "double",
        ["TYPE_NAME_DURATION"] = "duration",
        ["TYPE_NAME_TIMESTAMP"] = "timestamp",
        ["TYPE_NAME_MAP"] = "map",
        ["TYPE_NAME_LIST"] = "list",
        ["TYPE_NAME_IPADDRESS"] = "ipaddress",
    };

    private Userset? ReadUserset(JsonElement element, string path)
    {
        if (!ExpectKind(element, JsonValueKind.Object, path, allowNull: false))
        {
            return null;
        }
        Userset? result = null;
        var found = 0;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }
            var childPath = path + "." + property.Name;
            Userset? userset;
            switch (property.Name)
            {
                case "this":
                    userset = ExpectKind(property.Value, JsonValueKind.Object, childPath, allowNull: false) ? new DirectUserset() : null;
                    break;
                case "computedUserset" or "computed_userset":
                    userset = RequiredRelation(property.Value, childPath) is { } relation ? new ComputedUserset(relation) : null;
                    break;
                case "tupleToUserset" or "tuple_to_userset":
                    userset = ReadTupleToUserset(property.Value, childPath);
                    break;
                case "union":
                    userset = ReadChildren(property.Value, childPath) is { } union ? new UnionUserset(union) : null;
                    break;
                case "intersection":
                    userset = ReadChildren(property.Value, childPath) is { } intersection ? new IntersectionUserset(intersection) : null;
                    break;
                case "difference":
                    userset = ReadDifference(property.Value, childPath);
                    break;
                case "attributeRule" or "attribute_rule":
                    userset = ReadAttributeRule(property.Value, childPath);
                    break;
                default:
                    continue;
            }
            found++;
            result = userset;
        }
        if (found != 1)
        {
            Error(path, $"expected exactly one of this, computedUserset, tupleToUserset, union, intersection, difference or attributeRule, found {found}");
            return null;
        }
        return result;
    }

    private TupleToUserset? ReadTupleToUserset(JsonElement element, string path)
    {
        if (!ExpectKind(element, JsonValueKind.Object, path, allowNull: false))
        {
            return null;
        }
        var tupleset = RequiredRelation(Property(element, "tupleset"), path + ".tupleset");
        var computedElement = Property(element, "computedUserset");
        var computedPath = path + ".computedUserset";
        if (computedElement.ValueKind == JsonValueKind.Undefined)
        {
            computedElement = Property(element, "computed_userset");
            computedPath = path + ".computed_userset";
        }
        var computed = RequiredRelation(computedElement, computedPath);
        return tupleset is null || computed is null ? null : new TupleToUserset(tupleset, computed);
    }

    private List<Userset>? ReadChildren(JsonElement element, string path)
    {
        if (!ExpectKind(element, JsonValueKind.Object, path, allowNull: false))
        {
            return null;
        }
        var child = Property(element, "child");
        if (!ExpectKind(child, JsonValueKind.Array, path + ".child", allowNull: false))
        {
            return null;
        }
        var children = new List<Userset>();
        var index = 0;
        var ok = true;
        foreach (var item in child.EnumerateArray())
        {
            if (ReadUserset(item, $"{path}.child[{index++}]") is { } userset)
            {
                children.Add(userset);
            }
            else
            {
                ok = false;
            }
        }
        if (index == 0)
        {
            Error(path + ".child", "expected at least one child");
            return null;
        }
        return ok ? children : null;
    }

    private DifferenceUserset? ReadDifference(JsonElement element, string path)
    {
        if (!ExpectKind(element, JsonValueKind.Object, path, allowNull: false))
        {
            return null;
        }
        var @base = ReadUserset(Property(element, "base"), path + ".base");
        var subtract = ReadUserset(Property(element, "subtract"), path + ".subtract");
        return @base is null || subtract is null ? null : new DifferenceUserset(@base, subtract);
    }

    private AttributeRuleUserset? ReadAttributeRule(JsonElement element, string path)
    {
        if (!ExpectKind(element, JsonValueKind.Object, path, allowNull: false))
        {
            return null;
        }
        var subjectType = RequiredString(element, "subject_type", path);
        var condition = RequiredString(element, "condition", path);
        return subjectType is null || condition is null ? null : new AttributeRuleUserset(subjectType, condition);
    }

    private string? RequiredRelation(JsonElement element, string path) =>
        ExpectKind(element, JsonValueKind.Object, path, allowNull: false) ? RequiredString(element, "relation", path) : null;

    private ConditionDefinition? ReadCondition(JsonProperty property, string path)
    {
        var element = property.Value;
        if (!ExpectKind(element, JsonValueKind.Object, path, allowNull: false))
        {
            return null;
        }
        var nested = OptionalString(Property(element, "name"), path + ".name");
        if (!string.IsNullOrEmpty(nested) && !string.Equals(nested, property.Name, StringComparison.Ordinal))
        {
            _diagnostics.Add(new ModelDiagnostic(DiagnosticCodes.DifferentNestedConditionName,
                $"condition key is `{property.Name}` but nested name property is {nested}", null, nested));
        }
        var expression = RequiredString(element, "expression", path);
        var metadata = Property(element, "metadata");
        NoteModule(SourceFile(metadata), OptionalString(Property(metadata, "module"), path + ".metadata.module"));
        var parameters = new List<ConditionParameter>();
        var parametersElement = Property(element, "parameters");
        if (ExpectKind(parametersElement, JsonValueKind.Object, path + ".parameters", allowNull: true) && parametersElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var parameter in parametersElement.EnumerateObject())
            {
                if (ReadParameterType(parameter.Value, path + ".parameters." + parameter.Name) is { } type)
                {
                    parameters.Add(new ConditionParameter(parameter.Name, type));
                }
            }
        }
        return expression is null ? null : new ConditionDefinition(property.Name, expression, parameters);
    }

    private ConditionParameterType? ReadParameterType(JsonElement element, string path)
    {
        if (!ExpectKind(element, JsonValueKind.Object, path, allowNull: false))
        {
            return null;
        }
        var typeName = RequiredString(element, "type_name", path);
        if (typeName is null)
        {
            return null;
        }
        if (!ParameterTypeNames.TryGetValue(typeName, out var name))
        {
            Error(path + ".type_name", $"unknown parameter type '{typeName}'");
            return null;
        }
        var generics = new List<ConditionParameterType>();
        var genericElement = Property(element, "generic_types");
        if (ExpectKind(genericElement, JsonValueKind.Array, path + ".generic_types", allowNull: true) && genericElement.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var generic in genericElement.EnumerateArray())
            {
                if (ReadParameterType(generic, $"{path}.generic_types[{index++}]") is { } type)
                {
                    generics.Add(type);
                }
            }
        }
        return new ConditionParameterType(name, generics);
    }

    private static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    private string? RequiredString(JsonElement element, string name, string path)
    {
        var value = Property(element, name);
        if (value.ValueKind != JsonValueKind.String)
        {
            Error(path + "." + name, value.ValueKind == JsonValueKind.Undefined ? "is required" : $"expected a string, found {Describe(value)}");
            return null;
        }
        return value.GetString();
    }

    private string? OptionalString(JsonElement value, string path)
    {
        if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            Error(path, $"expected a string, found {Describe(value)}");
            return null;
        }
        return value.GetString();
    }

    private bool ExpectKind(JsonElement value, JsonValueKind kind, string path, bool allowNull)
    {
        if (value.ValueKind == kind || (allowNull && value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined))
        {
            return true;
        }
        var expected = kind == JsonValueKind.Object ? "an object" : "an array";
        Error(path, value.ValueKind == JsonValueKind.Undefined ? $"is required ({expected})" : $"expected {expected}, found {Describe(value)}");
        return false;
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private void Error(string? path, string message, SourceSpan? span = null) =>
        _diagnostics.Add(new ModelDiagnostic(DiagnosticCodes.InvalidJson, path is null ? message : $"{path}: {message}", span, path));
}
