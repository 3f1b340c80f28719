namespace Arbiter.Directory;

/// <summary>
/// The answer to a lookup by claim. <see cref="Username"/> is set only when exactly one user matched;
/// an ambiguous claim never picks one of its users.
/// </summary>
/// <param name="Status">Whether no user, one user or several users matched.</param>
/// <param name="Username">The one matching user, when <see cref="Status"/> is <see cref="ClaimLookupStatus.Found"/>.</param>
/// <param name="Matches">Every matching user, in directory order.</param>
public sealed record ClaimLookupResult(ClaimLookupStatus Status, string? Username, IReadOnlyList<string> Matches)
{
    /// <summary><see langword="true"/> when exactly one user matched.</summary>
    public bool IsFound => Status == ClaimLookupStatus.Found;
}
