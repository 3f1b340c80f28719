using System.Collections.Frozen;

namespace Arbiter.Directory;

/// <summary>What a user has in one tenant: the roles held only there and the tenant-scoped attributes.</summary>
/// <param name="Roles">Roles held in this tenant only.</param>
/// <param name="Attributes">Attributes that count in this tenant (they override the user's top-level ones).</param>
internal sealed record TenantMembership(FrozenSet<string> Roles, IReadOnlyDictionary<string, object?> Attributes);
