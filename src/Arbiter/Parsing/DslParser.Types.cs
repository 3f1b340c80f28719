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
        var attributes = new List<AttributeDefinition>();
        _types.Add(new TypeDefinition(name.Text, relations) { Attributes = attributes, Span = name.Span });
        ExpectEndOfLine();
        SkipNewlines();
        if (_current.IsWord("attributes"))
        {
            ParseAttributes(attributes);
        }
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
        if (_current.IsWord("attributes"))
        {
            throw Abort(_current, $"the 'attributes' block of type '{name.Text}' must come before its 'relations' block");
        }
        if (!AtDeclarationStart && _current.Kind != DslTokenKind.EndOfFile)
        {
            throw Abort(_current, $"unexpected {_current.Display}: expected 'define', 'type' or 'condition'");
        }
    }

    /// <summary>
    /// Reads a type's <c>attributes</c> block (an Arbiter extension): lines <c>name: type</c> up to <c>relations</c>, the next
    /// declaration or the end. A wrong line is reported and skipped, so every wrong line of the block is reported.
    /// </summary>
    private void ParseAttributes(List<AttributeDefinition> attributes)
    {
        var header = Advance(); // 'attributes'
        ExpectEndOfLine();
        SkipNewlines();
        var any = false;
        while (_current.Kind != DslTokenKind.EndOfFile && !_current.IsWord("define")
            && !((_current.IsWord("relations") || AtDeclarationStart) && Peek().Kind != DslTokenKind.Colon))
        {
            any = true;
            try
            {
                var attribute = ExpectIdentifier("an attribute name");
                Expect(DslTokenKind.Colon, "':' after the attribute name");
                var reported = _diagnostics.Count;
                var type = ParseParameterType("attribute");
                attributes.Add(new AttributeDefinition(attribute.Text, type) { Span = attribute.Span });
                if (_diagnostics.Count > reported)
                {
                    // The type was wrong and is reported: the rest of the line is not worth more messages.
                    SkipLine();
                }
                ExpectEndOfLine();
            }
            catch (ParseAbortException)
            {
                SkipLine();
            }
            SkipNewlines();
        }
        if (!any)
        {
            Report(_current.Span, $"expected an attribute 'name: type' after 'attributes' (line {header.Line}), found {_current.Display}", _current.Text);
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
                : _current.IsWord("where")
                    ? "unexpected 'where': an attribute rule is a type name, 'where' and a condition name, as in 'user where same_department'"
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
                if (_current.IsWord("where"))
                {
                    Advance();
                    var condition = ExpectIdentifier("a condition name after 'where'");
                    return new AttributeRuleUserset(token.Text, condition.Text) { Span = SpanFrom(token.Offset) };
                }
                if (_current.Kind is DslTokenKind.Hash or DslTokenKind.Colon && IsRuleSubjectSuffix(out var suffix))
                {
                    throw Abort(_current, $"an attribute rule names a plain type: write '{token.Text} where ...' without '{suffix}'");
                }
                if (!_current.IsWord("from"))
                {
                    return new ComputedUserset(token.Text) { Span = token.Span };
                }
                Advance();
                var tupleset = ExpectIdentifier("the relation after 'from'");
                return new TupleToUserset(tupleset.Text, token.Text) { Span = SpanFrom(token.Offset) };
        }
    }

    /// <summary>Whether the current <c>#relation</c> or <c>:*</c> is followed by <c>where</c> (a userset or wildcard written as the subject of an attribute rule).</summary>
    private bool IsRuleSubjectSuffix(out string suffix)
    {
        var next = Peek();
        suffix = _current.Text + next.Text;
        var valid = _current.Kind == DslTokenKind.Hash ? next.Kind == DslTokenKind.Word : next.Kind == DslTokenKind.Star;
        return valid && _lexer.Lex(next.End).IsWord("where");
    }

    private List<RelationReference> ParseTypeRestrictions()
    {
        var open = Advance();
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
            if (_current.IsWord("where"))
            {
                throw Abort(_current, "an attribute rule is an operand of its own, not part of a type restriction: write it after the brackets, as in '[user] or user where same_department'");
            }
            if (_current.Kind != DslTokenKind.RightBracket)
            {
                var unclosed = _current.Line > open.Line ? $" (the '[' at {open.Line}:{open.Column} is not closed)" : string.Empty;
                throw Abort(_current, $"expected ',' or ']' in the type restriction, found {_current.Display}{unclosed}");
            }
            Advance();
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
