using System.Text.Json;
using Arbiter.Model;

namespace Arbiter.Parsing;

/// <summary>
/// Reads OpenFGA's JSON model format (the <c>WriteAuthorizationModel</c> body) with <see cref="JsonDocument"/>, by hand,
/// so the core stays free of reflection. Every problem names its JSON path; reading goes on after a problem.
/// </summary>
internal sealed partial class JsonModelReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256 };

    private readonly List<ModelDiagnostic> _diagnostics = [];
    private readonly List<(string File, List<string> Modules)> _modulesByFile = [];

    public static (AuthorizationModel? Model, IReadOnlyList<ModelDiagnostic> Diagnostics) Read(string json)
    {
        var reader = new JsonModelReader();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            var message = ex.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut < 0)
            {
                cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            }
            reader.Error(null, "the text is not valid JSON: " + (cut > 0 ? message[..cut] : message), SourceSpan.OnLine(line, column, 1));
            return (null, reader._diagnostics);
        }
        using (document)
        {
            var model = reader.ReadModel(document.RootElement);
            reader.CheckModules();
            return reader._diagnostics.Count == 0 ? (model, []) : (null, reader._diagnostics);
        }
    }

    private AuthorizationModel ReadModel(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            Error("$", $"expected the model as a JSON object, found {Describe(root)}");
            return new AuthorizationModel();
        }
        var schema = string.Empty;
        string? id = null;
        var types = new List<TypeDefinition>();
        var conditions = new List<ConditionDefinition>();
        foreach (var property in root.EnumerateObject())
        {
            var path = "$." + property.Name;
            switch (property.Name)
            {
                case "schema_version":
                    schema = OptionalString(property.Value, path) ?? string.Empty;
                    break;
                case "id":
                    id = OptionalString(property.Value, path);
                    break;
                case "type_definitions":
                    if (ExpectKind(property.Value, JsonValueKind.Array, path, allowNull: true))
                    {
                        var index = 0;
                        foreach (var element in property.Value.EnumerateArray())
                        {
                            if (ReadType(element, $"{path}[{index++}]") is { } type)
                            {
                                types.Add(type);
                            }
                        }
                    }
                    break;
                case "conditions":
                    if (ExpectKind(property.Value, JsonValueKind.Object, path, allowNull: true))
                    {
                        foreach (var condition in property.Value.EnumerateObject())
                        {
                            if (ReadCondition(condition, path + "." + condition.Name) is { } definition)
                            {
                                conditions.Add(definition);
                            }
                        }
                    }
                    break;
            }
        }
        return new AuthorizationModel { SchemaVersion = schema, Id = id, Types = types, Conditions = conditions };
    }

    private TypeDefinition? ReadType(JsonElement element, string path)
    {
        if (!ExpectKind(element, JsonValueKind.Object, path, allowNull: false))
        {
            return null;
        }
        var name = RequiredString(element, "type", path);
        var metadata = Property(element, "metadata");
        var file = SourceFile(metadata);
        NoteModule(file, OptionalString(Property(metadata, "module"), path + ".metadata.module"));
        var metadataRelations = Property(metadata, "relations");
        ExpectKind(metadataRelations, JsonValueKind.Object, path + ".metadata.relations", allowNull: true);

        var relations = new List<RelationDefinition>();
        var relationsElement = Property(element, "relations");
        if (ExpectKind(relationsElement, JsonValueKind.Object, path + ".relations", allowNull: true) && relationsElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var relation in relationsElement.EnumerateObject())
            {
                var relationPath = path + ".relations." + relation.Name;
                var rewrite = ReadUserset(relation.Value, relationPath);
                var relationMetadata = Property(metadataRelations, relation.Name);
                NoteModule(SourceFile(relationMetadata) ?? file, OptionalString(Property(relationMetadata, "module"), relationPath + ".module"));
                var direct = ReadDirectTypes(relationMetadata, $"{path}.metadata.relations.{relation.Name}");
                if (rewrite is not null)
                {
                    relations.Add(new RelationDefinition(relation.Name, rewrite, direct));
                }
            }
        }
        var attributes = ReadAttributes(Property(element, "attributes"), path + ".attributes");
        return name is null ? null : new TypeDefinition(name, relations) { Attributes = attributes };
    }

    /// <summary>Reads a type's <c>attributes</c> object (an Arbiter extension), encoded like condition parameters.</summary>
    private List<AttributeDefinition> ReadAttributes(JsonElement element, string path)
    {
        var attributes = new List<AttributeDefinition>();
        if (ExpectKind(element, JsonValueKind.Object, path, allowNull: true) && element.ValueKind == JsonValueKind.Object)
        {
            foreach (var attribute in element.EnumerateObject())
            {
                if (ReadParameterType(attribute.Value, path + "." + attribute.Name) is { } type)
                {
                    attributes.Add(new AttributeDefinition(attribute.Name, type));
                }
            }
        }
        return attributes;
    }

    private List<RelationReference> ReadDirectTypes(JsonElement relationMetadata, string path)
    {
        var references = new List<RelationReference>();
        if (relationMetadata.ValueKind != JsonValueKind.Object)
        {
            return references;
        }
        var list = Property(relationMetadata, "directly_related_user_types");
        path += ".directly_related_user_types";
        if (!ExpectKind(list, JsonValueKind.Array, path, allowNull: true) || list.ValueKind != JsonValueKind.Array)
        {
            return references;
        }
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var itemPath = $"{path}[{index++}]";
            if (!ExpectKind(item, JsonValueKind.Object, itemPath, allowNull: false))
            {
                continue;
            }
            var type = RequiredString(item, "type", itemPath);
            var relation = NullIfEmpty(OptionalString(Property(item, "relation"), itemPath + ".relation"));
            var condition = NullIfEmpty(OptionalString(Property(item, "condition"), itemPath + ".condition"));
            var wildcard = Property(item, "wildcard");
            ExpectKind(wildcard, JsonValueKind.Object, itemPath + ".wildcard", allowNull: true);
            if (type is not null)
            {
                references.Add(new RelationReference(type, relation, wildcard.ValueKind == JsonValueKind.Object, condition));
            }
        }
        return references;
    }

    private void NoteModule(string? file, string? module)
    {
        if (string.IsNullOrEmpty(file) || string.IsNullOrEmpty(module))
        {
            return;
        }
        var entry = _modulesByFile.Find(e => string.Equals(e.File, file, StringComparison.Ordinal));
        if (entry.Modules is null)
        {
            _modulesByFile.Add((file, [module]));
        }
        else if (!entry.Modules.Contains(module, StringComparer.Ordinal))
        {
            entry.Modules.Add(module);
        }
    }

    private void CheckModules()
    {
        foreach (var (file, modules) in _modulesByFile)
        {
            if (modules.Count > 1)
            {
                _diagnostics.Add(new ModelDiagnostic(DiagnosticCodes.MultipleModulesInFile,
                    $"file {file} would contain multiple module definitions ({string.Join(", ", modules)}) when transforming to DSL. Only one module can be defined per file.",
                    null, file));
            }
        }
    }

    private string? SourceFile(JsonElement metadata) =>
        NullIfEmpty(OptionalString(Property(Property(metadata, "source_info"), "file"), "source_info.file"));
}
