namespace Arbiter.Engine;

/// <summary>
/// One compiled direct type restriction: <c>user</c>, <c>user:*</c> or <c>group#member</c>, optionally <c>with cond</c>.
/// </summary>
/// <param name="TypeId">The subject type symbol.</param>
/// <param name="SubjectRelation"><see cref="SubjectKind.Plain"/>, <see cref="SubjectKind.Wildcard"/>, or the userset relation symbol.</param>
/// <param name="Condition">The condition name, or <see langword="null"/>.</param>
internal readonly record struct TypeRestriction(int TypeId, int SubjectRelation, string? Condition);

/// <summary>The subject-relation codes used for subjects that are not usersets.</summary>
internal static class SubjectKind
{
    /// <summary>A plain subject <c>type:id</c>.</summary>
    public const int Plain = -1;

    /// <summary>A wildcard subject <c>type:*</c>.</summary>
    public const int Wildcard = -2;
}
