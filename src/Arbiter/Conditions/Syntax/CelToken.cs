namespace Arbiter.Conditions;

/// <summary>One token of a CEL expression: its kind, where it is (offsets into the expression) and its value.</summary>
/// <param name="Kind">The token kind.</param>
/// <param name="Start">The offset of the first character.</param>
/// <param name="End">The offset just past the last character.</param>
/// <param name="Text">The identifier name, or the error message for <see cref="CelTokenKind.Error"/>.</param>
/// <param name="Value">The literal value for literal tokens.</param>
internal readonly record struct CelToken(CelTokenKind Kind, int Start, int End, string? Text = null, CelValue Value = default)
{
    public string Display => Kind switch
    {
        CelTokenKind.EndOfInput => "end of expression",
        CelTokenKind.Identifier => $"'{Text}'",
        CelTokenKind.Int or CelTokenKind.Uint or CelTokenKind.Double => "a number",
        CelTokenKind.String => "a string",
        CelTokenKind.Bytes => "a bytes literal",
        _ => $"'{Symbol(Kind)}'",
    };

    public static string Symbol(CelTokenKind kind) => kind switch
    {
        CelTokenKind.True => "true",
        CelTokenKind.False => "false",
        CelTokenKind.Null => "null",
        CelTokenKind.In => "in",
        CelTokenKind.LeftParen => "(",
        CelTokenKind.RightParen => ")",
        CelTokenKind.LeftBracket => "[",
        CelTokenKind.RightBracket => "]",
        CelTokenKind.LeftBrace => "{",
        CelTokenKind.RightBrace => "}",
        CelTokenKind.Dot => ".",
        CelTokenKind.Comma => ",",
        CelTokenKind.Colon => ":",
        CelTokenKind.Question => "?",
        CelTokenKind.Plus => "+",
        CelTokenKind.Minus => "-",
        CelTokenKind.Star => "*",
        CelTokenKind.Slash => "/",
        CelTokenKind.Percent => "%",
        CelTokenKind.Not => "!",
        CelTokenKind.Equal => "==",
        CelTokenKind.NotEqual => "!=",
        CelTokenKind.Less => "<",
        CelTokenKind.LessEqual => "<=",
        CelTokenKind.Greater => ">",
        CelTokenKind.GreaterEqual => ">=",
        CelTokenKind.And => "&&",
        CelTokenKind.Or => "||",
        _ => kind.ToString(),
    };
}
