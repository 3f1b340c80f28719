namespace Arbiter.Testing;

/// <summary>
/// The result of one assertion of a store file: one relation of a <c>check</c> for one user and object, or one relation of a
/// <c>list_objects</c> / <c>list_users</c> entry. The cases are <see cref="CheckAssertionResult"/>,
/// <see cref="ListObjectsAssertionResult"/> and <see cref="ListUsersAssertionResult"/>.
/// </summary>
public abstract record StoreAssertionResult
{
    /// <summary>The name of the test the assertion belongs to.</summary>
    public required string TestName { get; init; }

    /// <summary>The relation asserted.</summary>
    public required string Relation { get; init; }

    /// <summary>Whether it passed, failed or was not run.</summary>
    public required AssertionOutcome Outcome { get; init; }

    /// <summary>The error that stopped evaluation (the assertion then failed), or why it was not run.</summary>
    public string? Error { get; init; }

    /// <summary><see langword="true"/> when <see cref="Outcome"/> is <see cref="AssertionOutcome.Passed"/>.</summary>
    public bool Passed => Outcome == AssertionOutcome.Passed;
}
