using Arbiter.Model;

namespace Arbiter.Conditions;

/// <summary>
/// A recursive-descent parser for CEL, following the grammar and precedence of the CEL language definition. It stops at
/// the first syntax error, which it reports with its position; the nesting depth is bounded so no input overflows the stack.
/// </summary>
internal sealed partial class CelParser
{
    private readonly CelLexer _lexer;
    private readonly CelSource _source;
    private readonly int _maxDepth;
    private CelToken _current;
    private int _depth;

    private CelParser(CelSource source, int maxDepth)
    {
        _source = source;
        _lexer = new CelLexer(source.Text);
        _maxDepth = maxDepth;
        _current = _lexer.Lex(0);
    }

    /// <summary>Parses <paramref name="source"/>; gives the tree, or <see langword="null"/> and the error.</summary>
    public static CelExpr? Parse(CelSource source, CelOptions options, List<ModelDiagnostic> diagnostics)
    {
        if (source.Text.Length > options.MaxExpressionLength)
        {
            diagnostics.Add(new ModelDiagnostic(
                CelDiagnosticCodes.LimitExceeded,
                $"the expression is {source.Text.Length} characters long; the limit is {options.MaxExpressionLength}",
                source.SpanOf(0, 0)));
            return null;
        }
        var parser = new CelParser(source, options.MaxNestingDepth);
        try
        {
            if (parser._current.Kind == CelTokenKind.EndOfInput)
            {
                throw parser.Abort(parser._current, "the expression is empty");
            }
            var expr = parser.ParseExpression();
            if (parser._current.Kind != CelTokenKind.EndOfInput)
            {
                throw parser.Abort(parser._current, $"unexpected {parser._current.Display} after the end of the expression");
            }
            if (expr.Depth > options.MaxNestingDepth)
            {
                diagnostics.Add(new ModelDiagnostic(
                    CelDiagnosticCodes.LimitExceeded,
                    $"the expression nests {expr.Depth} levels deep; the limit is {options.MaxNestingDepth}",
                    source.SpanOf(expr.Start, expr.End)));
                return null;
            }
            return expr;
        }
        catch (ParseAbortException abort)
        {
            diagnostics.Add(abort.Diagnostic);
            return null;
        }
    }

    private ParseAbortException Abort(CelToken at, string message) => Abort(at.Start, at.End, message);

    private ParseAbortException Abort(int start, int end, string message, string code = CelDiagnosticCodes.SyntaxError) =>
        new(new ModelDiagnostic(code, message, _source.SpanOf(start, end)));

    private CelToken Advance()
    {
        var token = _current;
        if (token.Kind == CelTokenKind.Error)
        {
            throw Abort(token, token.Text!);
        }
        _current = _lexer.Lex(token.End);
        if (_current.Kind == CelTokenKind.Error)
        {
            throw Abort(_current, _current.Text!);
        }
        return token;
    }

    private CelToken Expect(CelTokenKind kind, string what)
    {
        if (_current.Kind != kind)
        {
            throw Abort(_current, $"expected {what}, found {_current.Display}");
        }
        return Advance();
    }

    private void Enter(CelToken at)
    {
        if (++_depth > _maxDepth)
        {
            throw Abort(at.Start, at.End, $"the expression nests more than {_maxDepth} levels deep", CelDiagnosticCodes.LimitExceeded);
        }
    }

    // Expr = ConditionalOr ["?" ConditionalOr ":" Expr]
    private CelExpr ParseExpression()
    {
        Enter(_current);
        var condition = ParseLogical(CelTokenKind.Or);
        if (_current.Kind != CelTokenKind.Question)
        {
            _depth--;
            return condition;
        }
        var question = Advance();
        var whenTrue = ParseLogical(CelTokenKind.Or);
        Expect(CelTokenKind.Colon, "':' in the conditional expression");
        var whenFalse = ParseExpression();
        _depth--;
        return new CelCallExpr(question.Start, question.End, CelOperators.Conditional, null, [condition, whenTrue, whenFalse]);
    }

    /// <summary>Reads a chain of <c>||</c> (or <c>&amp;&amp;</c>) and builds a balanced tree, so long chains stay shallow.</summary>
    private CelExpr ParseLogical(CelTokenKind op)
    {
        var first = op == CelTokenKind.Or ? ParseLogical(CelTokenKind.And) : ParseRelation();
        if (_current.Kind != op)
        {
            return first;
        }
        var operands = new List<CelExpr> { first };
        var operators = new List<CelToken>();
        while (_current.Kind == op)
        {
            operators.Add(Advance());
            operands.Add(op == CelTokenKind.Or ? ParseLogical(CelTokenKind.And) : ParseRelation());
        }
        var function = op == CelTokenKind.Or ? CelOperators.LogicalOr : CelOperators.LogicalAnd;
        return Balance(function, operands, operators, 0, operands.Count - 1);
    }

    private static CelExpr Balance(string function, List<CelExpr> operands, List<CelToken> operators, int low, int high)
    {
        if (low == high)
        {
            return operands[low];
        }
        var middle = (low + high + 1) / 2;
        var left = Balance(function, operands, operators, low, middle - 1);
        var right = Balance(function, operands, operators, middle, high);
        var token = operators[middle - 1];
        return new CelCallExpr(token.Start, token.End, function, null, [left, right]);
    }

    // Relation = [Relation Relop] Addition
    private CelExpr ParseRelation()
    {
        var left = ParseAddition();
        while (CelOperators.Relation(_current.Kind) is { } function)
        {
            var token = Advance();
            var right = ParseAddition();
            left = new CelCallExpr(token.Start, token.End, function, null, [left, right]);
        }
        return left;
    }

    // Addition = [Addition ("+" | "-")] Multiplication
    private CelExpr ParseAddition()
    {
        var left = ParseMultiplication();
        while (_current.Kind is CelTokenKind.Plus or CelTokenKind.Minus)
        {
            var token = Advance();
            var right = ParseMultiplication();
            var function = token.Kind == CelTokenKind.Plus ? CelOperators.Add : CelOperators.Subtract;
            left = new CelCallExpr(token.Start, token.End, function, null, [left, right]);
        }
        return left;
    }

    // Multiplication = [Multiplication ("*" | "/" | "%")] Unary
    private CelExpr ParseMultiplication()
    {
        var left = ParseUnary();
        while (_current.Kind is CelTokenKind.Star or CelTokenKind.Slash or CelTokenKind.Percent)
        {
            var token = Advance();
            var right = ParseUnary();
            var function = token.Kind switch
            {
                CelTokenKind.Star => CelOperators.Multiply,
                CelTokenKind.Slash => CelOperators.Divide,
                _ => CelOperators.Modulo,
            };
            left = new CelCallExpr(token.Start, token.End, function, null, [left, right]);
        }
        return left;
    }

    // Unary = Member | "!" {"!"} Member | "-" {"-"} Member
    private CelExpr ParseUnary()
    {
        if (_current.Kind is not (CelTokenKind.Not or CelTokenKind.Minus))
        {
            return ParseMember();
        }
        var kind = _current.Kind;
        var operators = new List<CelToken>();
        while (_current.Kind == kind)
        {
            Enter(_current);
            operators.Add(Advance());
        }
        CelExpr operand;
        if (kind == CelTokenKind.Minus && _current.Kind is CelTokenKind.Int or CelTokenKind.Double)
        {
            // A minus right before a number is the literal's sign: -9223372036854775808 is an int.
            var sign = operators[^1];
            operators.RemoveAt(operators.Count - 1);
            _depth--;
            var literal = Advance();
            operand = ParseMemberSuffixes(new CelConstantExpr(sign.Start, literal.End, Negate(literal)));
        }
        else
        {
            operand = ParseMember();
        }
        var function = kind == CelTokenKind.Not ? CelOperators.LogicalNot : CelOperators.Negate;
        for (var i = operators.Count - 1; i >= 0; i--)
        {
            operand = new CelCallExpr(operators[i].Start, operators[i].End, function, null, [operand]);
            _depth--;
        }
        return operand;
    }

    private static CelValue Negate(CelToken literal) => literal.Kind == CelTokenKind.Double
        ? CelValue.FromDouble(-literal.Value.DoubleValue)
        : CelValue.FromInt(unchecked(-(long)literal.Value.UIntValue));
}
