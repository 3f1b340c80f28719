namespace Arbiter.Directory;

/// <summary>The outcome of <see cref="UserDirectory.FindByClaim(string, string, string?)"/>.</summary>
public enum ClaimLookupStatus
{
    /// <summary>No user has the claim value.</summary>
    NotFound = 0,

    /// <summary>Exactly one user has the claim value.</summary>
    Found = 1,

    /// <summary>Several users have the claim value, so it identifies nobody.</summary>
    Ambiguous = 2,
}
