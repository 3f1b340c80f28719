namespace Arbiter.Conditions;

/// <summary>The function names operators are parsed to, as in the CEL definition.</summary>
internal static class CelOperators
{
    public const string Conditional = "_?_:_";
    public const string LogicalAnd = "_&&_";
    public const string LogicalOr = "_||_";
    public const string LogicalNot = "!_";
    public const string Negate = "-_";
    public const string Equal = "_==_";
    public const string NotEqual = "_!=_";
    public const string Less = "_<_";
    public const string LessEquals = "_<=_";
    public const string Greater = "_>_";
    public const string GreaterEquals = "_>=_";
    public const string In = "@in";
    public const string Add = "_+_";
    public const string Subtract = "_-_";
    public const string Multiply = "_*_";
    public const string Divide = "_/_";
    public const string Modulo = "_%_";
    public const string Index = "_[_]";

    public static string? Relation(CelTokenKind kind) => kind switch
    {
        CelTokenKind.Equal => Equal,
        CelTokenKind.NotEqual => NotEqual,
        CelTokenKind.Less => Less,
        CelTokenKind.LessEqual => LessEquals,
        CelTokenKind.Greater => Greater,
        CelTokenKind.GreaterEqual => GreaterEquals,
        CelTokenKind.In => In,
        _ => null,
    };

    /// <summary>How an operator reads in messages: <c>_+_</c> stays <c>_+_</c> as CEL tools print it.</summary>
    public static string Display(string function) => function == In ? "in" : function;
}
