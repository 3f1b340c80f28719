namespace Arbiter.Policy;

/// <summary>The outcome of a check, as a policy test expects it or as it happened.</summary>
public enum PolicyOutcome
{
    /// <summary>The action is not allowed.</summary>
    Deny = 0,

    /// <summary>The action is allowed.</summary>
    Allow = 1,
}
