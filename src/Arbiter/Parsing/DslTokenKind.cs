namespace Arbiter.Parsing;

/// <summary>The kinds of token in the OpenFGA modeling language.</summary>
internal enum DslTokenKind
{
    EndOfFile,
    Newline,
    Word,
    Number,
    ButNot,
    Colon,
    Comma,
    Hash,
    Star,
    LeftBracket,
    RightBracket,
    LeftParen,
    RightParen,
    LeftBrace,
    RightBrace,
    Less,
    Greater,
    Unknown,
}
