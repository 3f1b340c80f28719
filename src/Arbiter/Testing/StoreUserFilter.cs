namespace Arbiter.Testing;

/// <summary>One <c>user_filter:</c> entry of a <c>list_users:</c> assertion.</summary>
/// <param name="Type">The subject type.</param>
/// <param name="Relation">The userset relation, or <see langword="null"/> for plain subjects.</param>
public sealed record StoreUserFilter(string Type, string? Relation = null);
