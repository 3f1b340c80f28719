namespace Arbiter.Conditions;

/// <summary>
/// A function call <c>f(a, b)</c>, a receiver call <c>t.f(a)</c> (<see cref="Target"/> set), or an operator, named as in
/// the CEL definition: <c>_+_</c>, <c>_==_</c>, <c>!_</c>, <c>-_</c>, <c>_[_]</c>, <c>_?_:_</c>, <c>_&amp;&amp;_</c>, <c>@in</c>.
/// </summary>
internal sealed class CelCallExpr(int start, int end, string function, CelExpr? target, CelExpr[] args) : CelExpr(start, end, DepthOf(target, args))
{
    public string Function { get; } = function;

    public CelExpr? Target { get; } = target;

    public CelExpr[] Args { get; } = args;
}
