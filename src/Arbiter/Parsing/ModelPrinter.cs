using System.Text;
using Arbiter.Model;

namespace Arbiter.Parsing;

/// <summary>
/// Writes a model as OpenFGA DSL text in OpenFGA's canonical layout: two-space indents, a blank line between types,
/// conditions sorted by name with their parameters sorted by name. Printing the parse of printed text gives the same text.
/// A type's attributes (an Arbiter extension) are written in source order in an <c>attributes</c> block before <c>relations</c>.
/// </summary>
public static class ModelPrinter
{
    /// <summary>Writes the model as DSL text.</summary>
    /// <param name="model">The model.</param>
    /// <returns>The DSL text, ending with a new line.</returns>
    /// <exception cref="ModelValidationException">
    /// A relation cannot be written in the DSL: direct assignment (<c>this</c>) that is not the first operand, or that
    /// appears more than once, or a rewrite kind the DSL does not have.
    /// </exception>
    public static string ToDsl(AuthorizationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var text = new StringBuilder();
        text.Append("model\n  schema ").Append(string.IsNullOrEmpty(model.SchemaVersion) ? "1.1" : model.SchemaVersion).Append('\n');
        var types = (IReadOnlyList<TypeDefinition>?)model.Types ?? [];
        foreach (var type in types)
        {
            text.Append("\ntype ").Append(type.Name);
            var attributes = (IReadOnlyList<AttributeDefinition>?)type.Attributes ?? [];
            if (attributes.Count > 0)
            {
                text.Append("\n  attributes");
                foreach (var attribute in attributes)
                {
                    text.Append("\n    ").Append(attribute.Name).Append(": ").Append(attribute.Type);
                }
            }
            var relations = (IReadOnlyList<RelationDefinition>?)type.Relations ?? [];
            if (relations.Count > 0)
            {
                text.Append("\n  relations");
                foreach (var relation in relations)
                {
                    text.Append("\n    define ").Append(relation.Name).Append(": ").Append(RelationPrinter.Print(type, relation));
                }
            }
            text.Append('\n');
        }
        var conditions = ((IReadOnlyList<ConditionDefinition>?)model.Conditions ?? []).OrderBy(c => c.Name, StringComparer.Ordinal);
        foreach (var condition in conditions)
        {
            var parameters = ((IReadOnlyList<ConditionParameter>?)condition.Parameters ?? [])
                .OrderBy(p => p.Name, StringComparer.Ordinal)
                .Select(p => $"{p.Name}: {p.Type}");
            text.Append("\ncondition ").Append(condition.Name).Append('(').AppendJoin(", ", parameters).Append(") {\n  ")
                .Append(condition.Expression).Append("\n}\n");
        }
        return text.ToString();
    }
}
