namespace Arbiter;

public sealed partial class AuthorizationEngine
{
    /// <summary>
    /// Every object of the request's type the subject has the relation to, with OpenFGA's semantics (wildcards, usersets,
    /// conditions, exclusion, intersection, attribute rules): exactly the objects for which <see cref="CheckAsync"/> allows.
    /// Sorted by id (ordinal); paged with a continuation token; a limit or the deadline stops it explicitly.
    /// </summary>
    /// <exception cref="ArbiterException">The type, relation or subject is not in the model, or a contextual tuple is invalid.</exception>
    public ValueTask<ListObjectsResult> ListObjectsAsync(ListObjectsRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("in progress");

    /// <summary>
    /// The subjects of the filters' kinds that have the relation to the object, with OpenFGA's ListUsers semantics:
    /// <c>user:*</c> where public access applies, usersets (<c>group:eng#member</c>) for userset filters, none that an
    /// exclusion removes.
    /// </summary>
    /// <exception cref="ArbiterException">The object's type, the relation or a filter is not in the model, or a contextual tuple is invalid.</exception>
    public ValueTask<ListSubjectsResult> ListSubjectsAsync(ListSubjectsRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("in progress");
}
