using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Arbiter.Model;

namespace Arbiter.Parsing;

/// <summary>Writes a model in OpenFGA's JSON format with <see cref="Utf8JsonWriter"/>, by hand (no reflection).</summary>
internal static class JsonModelWriter
{
    public static string Write(AuthorizationModel model, bool indented)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            if (model.Id is not null)
            {
                writer.WriteString("id", model.Id);
            }
            writer.WriteString("schema_version", model.SchemaVersion);
            writer.WriteStartArray("type_definitions");
            foreach (var type in (IReadOnlyList<TypeDefinition>?)model.Types ?? [])
            {
                WriteType(writer, type);
            }
            writer.WriteEndArray();
            var conditions = (IReadOnlyList<ConditionDefinition>?)model.Conditions ?? [];
            if (conditions.Count > 0)
            {
                writer.WriteStartObject("conditions");
                foreach (var condition in conditions)
                {
                    WriteCondition(writer, condition);
                }
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteType(Utf8JsonWriter writer, TypeDefinition type)
    {
        var relations = (IReadOnlyList<RelationDefinition>?)type.Relations ?? [];
        writer.WriteStartObject();
        writer.WriteString("type", type.Name);
        var attributes = (IReadOnlyList<AttributeDefinition>?)type.Attributes ?? [];
        if (attributes.Count > 0)
        {
            // An Arbiter extension; left out when empty, so OpenFGA models are written exactly as OpenFGA writes them.
            writer.WriteStartObject("attributes");
            foreach (var attribute in attributes)
            {
                writer.WritePropertyName(attribute.Name);
                WriteParameterType(writer, attribute.Type);
            }
            writer.WriteEndObject();
        }
        writer.WriteStartObject("relations");
        foreach (var relation in relations)
        {
            writer.WritePropertyName(relation.Name);
            WriteUserset(writer, relation.Rewrite, type, relation);
        }
        writer.WriteEndObject();
        if (relations.Count == 0)
        {
            writer.WriteNull("metadata");
        }
        else
        {
            writer.WriteStartObject("metadata");
            writer.WriteStartObject("relations");
            foreach (var relation in relations)
            {
                writer.WriteStartObject(relation.Name);
                writer.WriteStartArray("directly_related_user_types");
                foreach (var reference in (IReadOnlyList<RelationReference>?)relation.DirectlyRelatedTypes ?? [])
                {
                    WriteReference(writer, reference);
                }
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    private static void WriteReference(Utf8JsonWriter writer, RelationReference reference)
    {
        writer.WriteStartObject();
        writer.WriteString("type", reference.Type);
        if (reference.Relation is not null)
        {
            writer.WriteString("relation", reference.Relation);
        }
        if (reference.Wildcard)
        {
            writer.WriteStartObject("wildcard");
            writer.WriteEndObject();
        }
        if (reference.Condition is not null)
        {
            writer.WriteString("condition", reference.Condition);
        }
        writer.WriteEndObject();
    }

    private static void WriteUserset(Utf8JsonWriter writer, Userset userset, TypeDefinition type, RelationDefinition relation)
    {
        ModelValidator.EnsureStack();
        writer.WriteStartObject();
        switch (userset)
        {
            case DirectUserset:
                writer.WriteStartObject("this");
                writer.WriteEndObject();
                break;
            case ComputedUserset computed:
                writer.WriteStartObject("computedUserset");
                writer.WriteString("relation", computed.Relation);
                writer.WriteEndObject();
                break;
            case TupleToUserset ttu:
                writer.WriteStartObject("tupleToUserset");
                writer.WriteStartObject("tupleset");
                writer.WriteString("relation", ttu.Tupleset);
                writer.WriteEndObject();
                writer.WriteStartObject("computedUserset");
                writer.WriteString("relation", ttu.ComputedRelation);
                writer.WriteEndObject();
                writer.WriteEndObject();
                break;
            case AttributeRuleUserset rule:
                writer.WriteStartObject("attributeRule");
                writer.WriteString("subject_type", rule.SubjectType);
                writer.WriteString("condition", rule.Condition);
                writer.WriteEndObject();
                break;
            case UnionUserset union:
                WriteChildren(writer, "union", union.Children, type, relation);
                break;
            case IntersectionUserset intersection:
                WriteChildren(writer, "intersection", intersection.Children, type, relation);
                break;
            case DifferenceUserset difference:
                writer.WriteStartObject("difference");
                writer.WritePropertyName("base");
                WriteUserset(writer, difference.Base, type, relation);
                writer.WritePropertyName("subtract");
                WriteUserset(writer, difference.Subtract, type, relation);
                writer.WriteEndObject();
                break;
            default:
                throw Unsupported(userset, type, relation);
        }
        writer.WriteEndObject();
    }

    private static void WriteChildren(Utf8JsonWriter writer, string name, IReadOnlyList<Userset> children, TypeDefinition type, RelationDefinition relation)
    {
        writer.WriteStartObject(name);
        writer.WriteStartArray("child");
        foreach (var child in children)
        {
            WriteUserset(writer, child, type, relation);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteCondition(Utf8JsonWriter writer, ConditionDefinition condition)
    {
        writer.WriteStartObject(condition.Name);
        writer.WriteString("name", condition.Name);
        writer.WriteString("expression", condition.Expression);
        writer.WriteStartObject("parameters");
        foreach (var parameter in (IReadOnlyList<ConditionParameter>?)condition.Parameters ?? [])
        {
            writer.WritePropertyName(parameter.Name);
            WriteParameterType(writer, parameter.Type);
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteParameterType(Utf8JsonWriter writer, ConditionParameterType type)
    {
        writer.WriteStartObject();
        writer.WriteString("type_name", "TYPE_NAME_" + type.Name.ToUpperInvariant());
        var generics = (IReadOnlyList<ConditionParameterType>?)type.GenericTypes ?? [];
        if (generics.Count > 0)
        {
            writer.WriteStartArray("generic_types");
            foreach (var generic in generics)
            {
                WriteParameterType(writer, generic);
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    internal static ModelValidationException Unsupported(Userset? userset, TypeDefinition type, RelationDefinition relation) =>
        new([new ModelDiagnostic(DiagnosticCodes.UnsupportedRewrite,
            $"the definition of relation '{relation.Name}' on type '{type.Name}' uses a rewrite ({userset?.GetType().Name ?? "null"}) that OpenFGA's model format does not have",
            relation.Span, relation.Name)]);
}
