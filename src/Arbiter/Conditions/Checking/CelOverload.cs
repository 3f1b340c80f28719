namespace Arbiter.Conditions;

/// <summary>One signature of a function: <c>string.contains(string) -> bool</c> is receiver-style with parameters (string, string).</summary>
/// <param name="Receiver">Whether it is called as <c>target.f(args)</c>; the target is the first parameter.</param>
/// <param name="Parameters">The parameter types (type parameters allowed).</param>
/// <param name="Result">The result type.</param>
internal sealed record CelOverload(bool Receiver, CelType[] Parameters, CelType Result);
