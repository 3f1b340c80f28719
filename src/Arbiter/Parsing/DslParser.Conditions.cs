using Arbiter.Model;

namespace Arbiter.Parsing;

internal sealed partial class DslParser
{
    /// <summary>The parameter types the DSL accepts, besides the containers <c>list&lt;T&gt;</c> and <c>map&lt;T&gt;</c>.</summary>
    internal static readonly HashSet<string> ScalarParameterTypes = new(StringComparer.Ordinal)
    {
        "bool", "string", "int", "uint", "double", "duration", "timestamp", "ipaddress",
    };

    /// <summary>Whether <paramref name="name"/> is a scalar type: a parameter type, or also <c>any</c> when <paramref name="allowAny"/> (attributes).</summary>
    internal static bool IsScalarType(string name, bool allowAny) => ScalarParameterTypes.Contains(name) || (allowAny && name == "any");

    private void ParseCondition()
    {
        try
        {
            Advance(); // 'condition'
            var name = ExpectIdentifier("a condition name");
            Expect(DslTokenKind.LeftParen, "'(' after the condition name");
            var parameters = new List<ConditionParameter>();
            SkipNewlines();
            // No parameters '()' is an Arbiter extension (OpenFGA requires one), for conditions that read only attributes.
            var more = _current.Kind != DslTokenKind.RightParen;
            if (!more)
            {
                Advance();
            }
            while (more)
            {
                SkipNewlines();
                var parameterName = ExpectIdentifier("a parameter name");
                Expect(DslTokenKind.Colon, "':' after the parameter name");
                var type = ParseParameterType("parameter");
                parameters.Add(new ConditionParameter(parameterName.Text, type) { Span = parameterName.Span });
                SkipNewlines();
                if (_current.Kind == DslTokenKind.Comma)
                {
                    Advance();
                    continue;
                }
                Expect(DslTokenKind.RightParen, "',' or ')' after the parameter");
                break;
            }
            SkipNewlines();
            var open = _current;
            if (open.Kind != DslTokenKind.LeftBrace)
            {
                throw Abort(open, $"expected '{{' to open the condition expression, found {open.Display}");
            }
            var close = _lexer.FindClosingBrace(open.End);
            if (close < 0)
            {
                Report(open.Span, $"the expression of condition '{name.Text}' is not closed with '}}'", name.Text);
                _current = _lexer.Lex(_lexer.Text.Length);
                return;
            }
            var (expression, expressionStart) = Trim(open.End, close);
            _conditions.Add(new ConditionDefinition(name.Text, expression, parameters)
            {
                Span = name.Span,
                ExpressionSpan = _lexer.Lines.Span(expressionStart, expressionStart + expression.Length),
            });
            _previousEnd = close + 1;
            _atLineStart = false;
            _current = _lexer.Lex(close + 1);
            ExpectEndOfLine();
        }
        catch (ParseAbortException)
        {
            // The signature could not be read: go on with the next line.
            SkipLine();
        }
    }

    private (string Text, int Start) Trim(int start, int end)
    {
        var text = _lexer.Text;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        return (text[start..end], start);
    }

    /// <summary>
    /// Reads a parameter or attribute type (<paramref name="what"/> names which, in messages); a wrong type is reported and
    /// skipped, so the rest of the declaration is still read. Attributes also accept <c>any</c>.
    /// </summary>
    private ConditionParameterType ParseParameterType(string what)
    {
        var token = _current;
        if (token.Kind != DslTokenKind.Word)
        {
            Report(token.Span, $"expected a {what} type, found {token.Display}", token.Text);
            return new ConditionParameterType("any");
        }
        Advance();
        var allowAny = what == "attribute";
        if (IsScalarType(token.Text, allowAny))
        {
            return new ConditionParameterType(token.Text);
        }
        if (token.Text is not ("list" or "map"))
        {
            Report(token.Span, $"unknown {what} type '{token.Text}': expected bool, string, int, uint, double, duration, timestamp, ipaddress, {(what == "attribute" ? "any, " : string.Empty)}list<T> or map<T>", token.Text);
            return new ConditionParameterType("any");
        }
        if (_current.Kind != DslTokenKind.Less)
        {
            Report(_current.Span, $"expected '<' after '{token.Text}': the element type is required, as in {token.Text}<string>", _current.Text);
            return new ConditionParameterType(token.Text, [new ConditionParameterType("any")]);
        }
        Advance();
        var element = _current;
        var elementType = new ConditionParameterType("any");
        if (element.Kind == DslTokenKind.Word && IsScalarType(element.Text, allowAny))
        {
            Advance();
            elementType = new ConditionParameterType(element.Text);
        }
        else
        {
            Report(element.Span, $"expected a scalar element type in {token.Text}<...>, found {element.Display}", element.Text);
            if (element.Kind == DslTokenKind.Word)
            {
                Advance();
            }
        }
        if (_current.Kind == DslTokenKind.Greater)
        {
            Advance();
        }
        else
        {
            Report(_current.Span, $"expected '>' to close {token.Text}<...>, found {_current.Display}", _current.Text);
        }
        return new ConditionParameterType(token.Text, [elementType]);
    }
}
