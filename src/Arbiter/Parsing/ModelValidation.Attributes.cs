using Arbiter.Model;

namespace Arbiter.Parsing;

/// <summary>The checks of the Arbiter extensions: type attributes and attribute rules (<c>user where condition</c>).</summary>
internal sealed partial class ModelValidation
{
    // CEL's reserved words: an attribute with one of these names could not be read as subject.name in a condition.
    private static readonly HashSet<string> CelReservedWords = new(StringComparer.Ordinal)
    {
        "true", "false", "null", "in", "as", "break", "const", "continue", "else", "for", "function", "if", "import",
        "let", "loop", "package", "namespace", "return", "var", "void", "while",
    };

    /// <summary>Attribute names are CEL identifiers, unique within their type; attribute types are the condition parameter types or <c>any</c>.</summary>
    private void CheckAttributes()
    {
        foreach (var type in Types)
        {
            var typeName = type.Name ?? string.Empty;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var attribute in (IReadOnlyList<AttributeDefinition>?)type.Attributes ?? [])
            {
                var name = attribute.Name ?? string.Empty;
                if (!IsCelIdentifier(name))
                {
                    Add(DiagnosticCodes.InvalidName, $"attribute '{Shorten(name)}' of type '{typeName}' is not a valid name: use letters, digits and '_', not starting with a digit, and not a CEL keyword (conditions read it as subject.name and object.name).", attribute.Span ?? type.Span, name);
                }
                else if (!seen.Add(name))
                {
                    Add(DiagnosticCodes.DuplicatedError, $"attribute '{name}' is already defined in type '{typeName}'.", attribute.Span ?? type.Span, name);
                }
                if (!IsValidParameterType(attribute.Type, allowContainer: true, allowAny: true))
                {
                    Add(DiagnosticCodes.InvalidAttributeType, $"attribute '{Shorten(name)}' of type '{typeName}' has the unsupported type '{attribute.Type}': use bool, string, int, uint, double, duration, timestamp, ipaddress, any, list<T> or map<T> of those.", attribute.Span ?? type.Span, name);
                }
            }
        }
    }

    /// <summary>The subject type of a rule is a plain, defined type and its condition is defined.</summary>
    private void CheckAttributeRule(string typeName, RelationDefinition relation, AttributeRuleUserset rule)
    {
        var span = rule.Span ?? relation.Span;
        var subjectType = rule.SubjectType ?? string.Empty;
        var text = $"{subjectType} where {rule.Condition}";
        if (subjectType.Contains('#', StringComparison.Ordinal) || subjectType.Contains(':', StringComparison.Ordinal))
        {
            Add(DiagnosticCodes.InvalidType, $"the attribute rule `{text}` (in the definition of `{relation.Name}` on type `{typeName}`) must name a plain type, without '#relation' or ':*'.", span, subjectType);
        }
        else if (!_typesByName.ContainsKey(subjectType))
        {
            Add(DiagnosticCodes.InvalidType, $"`{subjectType}` is not a valid type (in the attribute rule `{text}` of `{relation.Name}` on type `{typeName}`).", span, subjectType);
        }
        if (rule.Condition is not { } condition || !_conditionsByName.ContainsKey(condition))
        {
            Add(DiagnosticCodes.ConditionNotDefined, $"`{rule.Condition}` is not a defined condition in the model (in the attribute rule `{text}` of `{relation.Name}` on type `{typeName}`).", ConditionSpan(rule) ?? relation.Span, rule.Condition);
        }
    }

    /// <summary>Where the condition name of a rule is: the last word of the rule's span.</summary>
    private static SourceSpan? ConditionSpan(AttributeRuleUserset rule) =>
        rule.Span is { } span && rule.Condition is { Length: > 0 } condition && span.EndColumn - condition.Length >= 1
            ? new SourceSpan(span.EndLine, span.EndColumn - condition.Length, span.EndLine, span.EndColumn)
            : rule.Span;

    private static bool IsCelIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_') || CelReservedWords.Contains(name))
        {
            return false;
        }
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }
        return true;
    }
}
