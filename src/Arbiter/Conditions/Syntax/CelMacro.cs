namespace Arbiter.Conditions;

/// <summary>The comprehension macros.</summary>
internal enum CelMacro
{
    All,
    Exists,
    ExistsOne,
    Map,
    Filter,
}
