namespace Arbiter.Policy.Compilation;

/// <summary>A role derivation: who has <see cref="FromRole"/> on the related resource has <see cref="Role"/> here.</summary>
internal sealed record DerivationSyntax(Named Role, Named FromRole);
