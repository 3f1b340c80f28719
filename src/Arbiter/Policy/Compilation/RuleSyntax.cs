using Arbiter.Model;
using Arbiter.Policy.Yaml;

namespace Arbiter.Policy.Compilation;

/// <summary>An entry of <c>rules:</c>: allow or deny actions on a resource type to the users its conditions admit.</summary>
/// <param name="Number">The 1-based position in <c>rules:</c>; part of the generated condition name.</param>
/// <param name="Span">Where the entry is.</param>
/// <param name="Resource">The resource type, or <see langword="null"/> when missing (already reported).</param>
/// <param name="IsDeny"><see langword="true"/> for <c>deny:</c>, <see langword="false"/> for <c>allow:</c>.</param>
/// <param name="Actions">The actions; <c>*</c> stands for every action of the type.</param>
/// <param name="When">The rule's own condition, if any.</param>
/// <param name="UserSets">The named user sets the subject must be in.</param>
/// <param name="ResourceSets">The named resource sets the resource must be in.</param>
/// <param name="Roles">When not empty, only subjects holding one of these roles on the resource.</param>
internal sealed record RuleSyntax(
    int Number,
    SourceSpan Span,
    Named? Resource,
    bool IsDeny,
    IReadOnlyList<Named> Actions,
    YScalar? When,
    IReadOnlyList<Named> UserSets,
    IReadOnlyList<Named> ResourceSets,
    IReadOnlyList<Named> Roles);
