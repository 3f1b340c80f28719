using Arbiter.Model;

namespace Arbiter.Parsing;

internal sealed partial class DslParser
{
    private void ParseType(DslToken? extendToken)
    {
        Advance(); // 'type'
        var name = ExpectIdentifier("a type name");
        if (extendToken is not null)
        {
            if (!_isModule)
            {
                Report(name.Span, "extend can only be used in a modular model", name.Text);
            }
            else if (!_extendedTypes.Add(name.Text))
            {
                Report(name.Span, $"'{name.Text}' is already extended in file.", name.Text, DiagnosticCodes.DuplicatedError);
            }
        }
        var relations = new List<RelationDefinition>();
        _types.Add(new TypeDefinition(name.Text, relations) { Span = name.Span });
        ExpectEndOfLine();
        SkipNewlines();
        if (_current.IsWord("define"))
        {
            throw Abort(_current, $"expected 'relations' before the relations of type '{name.Text}'");
        }
        if (!_current.IsWord("relations"))
        {
            return;
        }
        Advance();
        ExpectEndOfLine();
        SkipNewlines();
        if (!_current.IsWord("define"))
        {
            throw Abort(_current, $"expected 'define' after 'relations', found {_current.Display}");
        }
        while (_current.IsWord("define"))
        {
            relations.Add(ParseRelation());
            SkipNewlines();
        }
        if (!AtDeclarationStart && _current.Kind != DslTokenKind.EndOfFile)
        {
            throw Abort(_current, $"unexpected {_current.Display}: expected 'define', 'type' or 'condition'");
        }
    }

    private bool AtDeclarationStart => _current.IsWord("type") || _current.IsWord("condition") || _current.IsWord("extend");

    private RelationDefinition ParseRelation()
    {
        Advance(); // 'define'
        var name = ExpectIdentifier("a relation name");
        Expect(DslTokenKind.Colon, "':' after the relation name");
        List<RelationReference>? direct = null;
        var rewrite = ParseRewrite(allowDirect: true, depth: 0, ref direct);
        if (!AtEndOfLine)
        {
            var message = _current.Kind is DslTokenKind.ButNot || _current.IsWord("and") || _current.IsWord("or")
                ? $"unexpected {_current.Display}: 'and', 'or' and 'but not' cannot be mixed without parentheses, and 'but not' takes one operand"
                : $"unexpected {_current.Display}: expected the end of the relation definition";
            throw Abort(_current, message);
        }
        return new RelationDefinition(name.Text, rewrite, (IReadOnlyList<RelationReference>?)direct ?? []) { Span = name.Span };
    }

    /// <summary>
    /// Reads <c>operand (op operand)*</c> where all operators are the same and <c>but not</c> takes exactly one right operand.
    /// A direct type restriction is allowed only as the leftmost operand of the whole definition.
    /// </summary>
    private Userset ParseRewrite(bool allowDirect, int depth, ref List<RelationReference>? direct)
    {
        var start = _current.Offset;
        var first = ParseOperand(allowDirect, depth, ref direct);
        if (_current.Kind == DslTokenKind.ButNot)
        {
            Advance();
            var subtract = ParseOperand(allowDirect: false, depth, ref direct);
            return new DifferenceUserset(first, subtract) { Span = SpanFrom(start) };
        }
        var op = _current.IsWord("or") ? "or" : _current.IsWord("and") ? "and" : null;
        if (op is null)
        {
            return first;
        }
        var children = new List<Userset> { first };
        while (_current.IsWord(op))
        {
            Advance();
            children.Add(ParseOperand(allowDirect: false, depth, ref direct));
        }
        return op == "or"
            ? new UnionUserset(children) { Span = SpanFrom(start) }
            : new IntersectionUserset(children) { Span = SpanFrom(start) };
    }

    private Userset ParseOperand(bool allowDirect, int depth, ref List<RelationReference>? direct)
    {
        var token = _current;
        switch (token.Kind)
        {
            case DslTokenKind.LeftBracket:
                if (!allowDirect)
                {
                    throw Abort(token, "a direct type restriction '[...]' may only be the first part of a relation definition");
                }
                direct = ParseTypeRestrictions();
                return new DirectUserset { Span = SpanFrom(token.Offset) };
            case DslTokenKind.LeftParen:
                if (depth >= MaxNesting)
                {
                    Report(token.Span, $"the relation definition nests parentheses deeper than {MaxNesting} levels", null, DiagnosticCodes.NestingTooDeep);
                    throw new ParseAbortException();
                }
                Advance();
                var inner = ParseRewrite(allowDirect, depth + 1, ref direct);
                Expect(DslTokenKind.RightParen, "')'");
                return inner;
            default:
                if (!IsIdentifier(token))
                {
                    throw Abort(token, $"expected a relation, '(' or '[', found {token.Display}");
                }
                Advance();
                if (!_current.IsWord("from"))
                {
                    return new ComputedUserset(token.Text) { Span = token.Span };
                }
                Advance();
                var tupleset = ExpectIdentifier("the relation after 'from'");
                return new TupleToUserset(tupleset.Text, token.Text) { Span = SpanFrom(token.Offset) };
        }
    }

    private List<RelationReference> ParseTypeRestrictions()
    {
        Advance(); // '['
        var references = new List<RelationReference>();
        while (true)
        {
            SkipNewlines();
            if (!IsIdentifier(_current))
            {
                var bad = _current;
                if (bad.Kind is not (DslTokenKind.Newline or DslTokenKind.EndOfFile) && Peek().Kind == DslTokenKind.Newline)
                {
                    // A stray token at the end of a line: report it, drop it and go on reading the list on the next line.
                    Report(bad.Span, $"expected a type in the type restriction, found {bad.Display}", bad.Text);
                    Advance();
                    continue;
                }
                throw Abort(bad, $"expected a type in the type restriction, found {bad.Display}");
            }
            references.Add(ParseTypeRestriction());
            SkipNewlines();
            if (_current.Kind == DslTokenKind.Comma)
            {
                Advance();
                continue;
            }
            Expect(DslTokenKind.RightBracket, "',' or ']' in the type restriction");
            return references;
        }
    }

    private RelationReference ParseTypeRestriction()
    {
        var type = Advance();
        string? relation = null;
        var wildcard = false;
        if (_current.Kind == DslTokenKind.Colon)
        {
            Advance();
            Expect(DslTokenKind.Star, "'*' after ':' (a wildcard is written type:*)");
            wildcard = true;
        }
        else if (_current.Kind == DslTokenKind.Hash)
        {
            Advance();
            relation = ExpectIdentifier("a relation after '#'").Text;
        }
        string? condition = null;
        if (_current.IsWord("with"))
        {
            Advance();
            condition = ExpectIdentifier("a condition name after 'with'").Text;
        }
        return new RelationReference(type.Text, relation, wildcard, condition) { Span = SpanFrom(type.Offset) };
    }
}
