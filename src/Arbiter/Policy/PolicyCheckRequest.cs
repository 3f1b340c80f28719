namespace Arbiter.Policy;

/// <summary>A check in policy terms: may <see cref="User"/> do <see cref="Action"/> on <see cref="Resource"/> in <see cref="Tenant"/>?</summary>
/// <param name="User">The user id (<c>anne</c>; <c>user:anne</c> is accepted too).</param>
/// <param name="Action">An action of the resource's type (<c>read</c>).</param>
/// <param name="Resource">The resource instance (<c>document:roadmap</c>).</param>
/// <param name="Tenant">The tenant the request is made in; <see langword="null"/> for <see cref="PolicyDocument.DefaultTenant"/>.</param>
public sealed record PolicyCheckRequest(string User, string Action, string Resource, string? Tenant = null)
{
    /// <summary>When <see langword="true"/>, the decision carries an explanation tree.</summary>
    public bool Explain { get; init; }

    /// <summary>Request context values for conditions, read as <c>context.name</c>.</summary>
    public IReadOnlyDictionary<string, object?>? Context { get; init; }

    /// <summary>
    /// Attribute values of the user for this request only ("just in time"), read by conditions as <c>subject.name</c>:
    /// each overrides the stored value of the same attribute; the others keep their stored values. Names must be declared
    /// under <c>userAttributes:</c>.
    /// </summary>
    public IReadOnlyDictionary<string, object?>? UserAttributes { get; init; }

    /// <summary>
    /// Attribute values of the resource for this request only, read by conditions as <c>object.name</c>: each overrides the
    /// stored value of the same attribute. Names must be declared under the resource type's <c>attributes:</c>.
    /// </summary>
    public IReadOnlyDictionary<string, object?>? ResourceAttributes { get; init; }
}
