using Arbiter.Model;

namespace Arbiter.Parsing;

internal sealed partial class ModelValidation
{
    private void CheckNames()
    {
        foreach (var type in Types)
        {
            var typeName = type.Name ?? string.Empty;
            if (typeName is "self" or "this")
            {
                Add(DiagnosticCodes.ReservedTypeKeywords, $"a type cannot be named 'self' or 'this' (type '{typeName}').", type.Span, typeName);
            }
            else if (!IsValidName(typeName, MaxTypeNameLength))
            {
                Add(DiagnosticCodes.InvalidName, $"type '{Shorten(typeName)}' does not match the naming rule: 1 to {MaxTypeNameLength} characters, none of them ':', '#', '@', '*' or whitespace.", type.Span, typeName);
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var relation in RelationsOf(type))
            {
                var name = relation.Name ?? string.Empty;
                if (name is "self" or "this")
                {
                    Add(DiagnosticCodes.ReservedRelationKeywords, $"a relation cannot be named 'self' or 'this' (in type '{typeName}').", relation.Span, name);
                }
                else if (!IsValidName(name, MaxRelationNameLength))
                {
                    Add(DiagnosticCodes.InvalidName, $"relation '{Shorten(name)}' of type '{typeName}' does not match the naming rule: 1 to {MaxRelationNameLength} characters, none of them ':', '#', '@', '*' or whitespace.", relation.Span, name);
                }
                else if (!seen.Add(name))
                {
                    Add(DiagnosticCodes.DuplicatedError, $"'{name}' is already defined in '{typeName}'.", relation.Span, name);
                }
                if (relation.Rewrite is null)
                {
                    Add(DiagnosticCodes.MissingDefinition, $"the relation '{name}' of type '{typeName}' has no definition.", relation.Span, name);
                }
            }
        }
    }

    private void CheckConditionDefinitions()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var condition in Conditions)
        {
            var name = condition.Name ?? string.Empty;
            if (!IsValidName(name, MaxRelationNameLength))
            {
                Add(DiagnosticCodes.InvalidName, $"condition '{Shorten(name)}' does not match the naming rule: 1 to {MaxRelationNameLength} characters, none of them ':', '#', '@', '*' or whitespace.", condition.Span, name);
            }
            else if (!seen.Add(name))
            {
                Add(DiagnosticCodes.DuplicatedError, $"condition '{name}' is already defined in the model.", condition.Span, name);
            }
            if (string.IsNullOrWhiteSpace(condition.Expression))
            {
                Add(DiagnosticCodes.EmptyConditionExpression, $"condition '{name}' has an empty expression.", condition.ExpressionSpan ?? condition.Span, name);
            }

            var parameters = new HashSet<string>(StringComparer.Ordinal);
            foreach (var parameter in (IReadOnlyList<ConditionParameter>?)condition.Parameters ?? [])
            {
                var parameterName = parameter.Name ?? string.Empty;
                if (parameterName.Length == 0)
                {
                    Add(DiagnosticCodes.InvalidName, $"a parameter of condition '{name}' has no name.", parameter.Span ?? condition.Span, parameterName);
                }
                else if (!parameters.Add(parameterName))
                {
                    Add(DiagnosticCodes.DuplicatedError, $"parameter '{parameterName}' is already defined in the condition '{name}'.", parameter.Span, parameterName);
                }
                if (!IsValidParameterType(parameter.Type, allowContainer: true))
                {
                    Add(DiagnosticCodes.InvalidConditionParameterType, $"parameter '{parameterName}' of condition '{name}' has the unsupported type '{parameter.Type}': use bool, string, int, uint, double, duration, timestamp, ipaddress, list<T> or map<T> of those.", parameter.Span ?? condition.Span, parameterName);
                }
            }
        }
    }

    /// <summary>Whether <paramref name="type"/> is a condition parameter type (with <paramref name="allowAny"/>, an attribute type: <c>any</c> too).</summary>
    internal static bool IsValidParameterType(ConditionParameterType? type, bool allowContainer, bool allowAny = false)
    {
        if (type?.Name is null)
        {
            return false;
        }
        var generics = (IReadOnlyList<ConditionParameterType>?)type.GenericTypes ?? [];
        if (type.Name is "list" or "map")
        {
            return allowContainer && generics.Count == 1 && IsValidParameterType(generics[0], allowContainer: false, allowAny);
        }
        return generics.Count == 0 && DslParser.IsScalarType(type.Name, allowAny);
    }

    private static bool IsValidName(string name, int maxLength)
    {
        if (name.Length == 0 || name.Length > maxLength)
        {
            return false;
        }
        foreach (var c in name)
        {
            if (c is ':' or '#' or '@' or '*' || char.IsWhiteSpace(c))
            {
                return false;
            }
        }
        return true;
    }

    private static string Shorten(string name) => name.Length <= 60 ? name : string.Concat(name.AsSpan(0, 57), "...");
}
