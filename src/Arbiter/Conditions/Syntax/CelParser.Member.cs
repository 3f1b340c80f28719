namespace Arbiter.Conditions;

internal sealed partial class CelParser
{
    // Member = Primary | Member "." IDENT ["(" [ExprList] ")"] | Member "[" Expr "]"
    private CelExpr ParseMember() => ParseMemberSuffixes(ParsePrimary());

    private CelExpr ParseMemberSuffixes(CelExpr expr)
    {
        while (true)
        {
            switch (_current.Kind)
            {
                case CelTokenKind.Dot:
                    Advance();
                    if (_current.Kind == CelTokenKind.QuotedIdentifier)
                    {
                        var quoted = Advance();
                        expr = new CelSelectExpr(quoted.Start, quoted.End, expr, quoted.Text!, testOnly: false);
                        break;
                    }
                    var name = Expect(CelTokenKind.Identifier, "a field or method name after '.'");
                    if (_current.Kind == CelTokenKind.LeftParen)
                    {
                        var open = Advance();
                        var args = ParseArguments(open);
                        expr = CelMacros.ExpandReceiver(this, name, expr, args);
                    }
                    else
                    {
                        expr = new CelSelectExpr(name.Start, name.End, expr, name.Text!, testOnly: false);
                    }
                    break;
                case CelTokenKind.LeftBracket:
                    var bracket = Advance();
                    Enter(bracket);
                    var index = ParseExpression();
                    _depth--;
                    Expect(CelTokenKind.RightBracket, "']' to close the index");
                    expr = new CelCallExpr(bracket.Start, bracket.End, CelOperators.Index, null, [expr, index]);
                    break;
                case CelTokenKind.LeftBrace when expr is CelIdentExpr or CelSelectExpr:
                    throw Abort(_current, "message construction ('Name{...}') is not supported: only lists and maps can be built");
                default:
                    return expr;
            }
        }
    }

    // Primary = ["."] IDENT ["(" [ExprList] ")"] | "(" Expr ")" | "[" [ExprList] [","] "]" | "{" [MapInits] [","] "}" | LITERAL
    private CelExpr ParsePrimary()
    {
        var token = _current;
        switch (token.Kind)
        {
            case CelTokenKind.Dot:
                Advance();
                if (_current.Kind != CelTokenKind.Identifier)
                {
                    throw Abort(_current, $"expected a name after the leading '.', found {_current.Display}");
                }
                return ParsePrimary();
            case CelTokenKind.Identifier:
                Advance();
                if (_current.Kind == CelTokenKind.LeftParen)
                {
                    var open = Advance();
                    var args = ParseArguments(open);
                    return CelMacros.ExpandGlobal(this, token, args);
                }
                return new CelIdentExpr(token.Start, token.End, token.Text!);
            case CelTokenKind.LeftParen:
                Advance();
                Enter(token);
                var inner = ParseExpression();
                _depth--;
                Expect(CelTokenKind.RightParen, "')'");
                return inner;
            case CelTokenKind.LeftBracket:
                return ParseList();
            case CelTokenKind.LeftBrace:
                return ParseMap();
            case CelTokenKind.Int:
                Advance();
                if (token.Value.UIntValue > long.MaxValue)
                {
                    throw Abort(token, "integer literal out of range");
                }
                return new CelConstantExpr(token.Start, token.End, CelValue.FromInt((long)token.Value.UIntValue));
            case CelTokenKind.Uint or CelTokenKind.Double or CelTokenKind.String or CelTokenKind.Bytes
                or CelTokenKind.True or CelTokenKind.False or CelTokenKind.Null:
                Advance();
                return new CelConstantExpr(token.Start, token.End, token.Value);
            case CelTokenKind.QuotedIdentifier:
                throw Abort(token, "a quoted name is only allowed after '.', as in m.`content-type`");
            case CelTokenKind.Error:
                throw Abort(token, token.Text!);
            case CelTokenKind.EndOfInput:
                throw Abort(token, "unexpected end of expression: an operand is missing");
            default:
                throw Abort(token, $"unexpected {token.Display}: expected a value, a name or '('");
        }
    }

    private CelExpr[] ParseArguments(CelToken open)
    {
        Enter(open);
        var args = new List<CelExpr>();
        if (_current.Kind != CelTokenKind.RightParen)
        {
            while (true)
            {
                args.Add(ParseExpression());
                if (_current.Kind != CelTokenKind.Comma)
                {
                    break;
                }
                Advance();
            }
        }
        Expect(CelTokenKind.RightParen, "',' or ')' in the argument list");
        _depth--;
        return [.. args];
    }

    private CelListExpr ParseList()
    {
        var open = Advance();
        Enter(open);
        var elements = new List<CelExpr>();
        while (_current.Kind != CelTokenKind.RightBracket)
        {
            elements.Add(ParseExpression());
            if (_current.Kind != CelTokenKind.Comma)
            {
                break;
            }
            Advance();
        }
        Expect(CelTokenKind.RightBracket, "',' or ']' in the list");
        _depth--;
        return new CelListExpr(open.Start, open.End, [.. elements]);
    }

    private CelMapExpr ParseMap()
    {
        var open = Advance();
        Enter(open);
        var keys = new List<CelExpr>();
        var values = new List<CelExpr>();
        while (_current.Kind != CelTokenKind.RightBrace)
        {
            keys.Add(ParseExpression());
            Expect(CelTokenKind.Colon, "':' between the map key and its value");
            values.Add(ParseExpression());
            if (_current.Kind != CelTokenKind.Comma)
            {
                break;
            }
            Advance();
        }
        Expect(CelTokenKind.RightBrace, "',' or '}' in the map");
        _depth--;
        return new CelMapExpr(open.Start, open.End, [.. keys], [.. values]);
    }

    /// <summary>Reports a macro misuse at <paramref name="at"/>.</summary>
    internal Exception MacroError(CelToken at, string message) => Abort(at, message);
}
