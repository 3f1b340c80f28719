namespace Arbiter.Policy;

/// <summary>Which actions may <see cref="User"/> do on <see cref="Resource"/> in <see cref="Tenant"/>?</summary>
/// <param name="User">The user id (<c>anne</c>; <c>user:anne</c> is accepted too).</param>
/// <param name="Resource">The resource instance (<c>document:roadmap</c>).</param>
/// <param name="Tenant">The tenant the request is made in; <see langword="null"/> for <see cref="PolicyDocument.DefaultTenant"/>.</param>
public sealed record PolicyListActionsRequest(string User, string Resource, string? Tenant = null)
{
    /// <summary>Request context values for conditions, read as <c>context.name</c>.</summary>
    public IReadOnlyDictionary<string, object?>? Context { get; init; }

    /// <summary>Attribute values of the user for this request only; each overrides the stored value of the same attribute.</summary>
    public IReadOnlyDictionary<string, object?>? UserAttributes { get; init; }

    /// <summary>Attribute values of the resource for this request only; each overrides the stored value of the same attribute.</summary>
    public IReadOnlyDictionary<string, object?>? ResourceAttributes { get; init; }
}
