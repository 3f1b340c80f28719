namespace Arbiter;

/// <summary>Answers authorization questions against one model and one revision of relationships.</summary>
public interface IAuthorizer
{
    /// <summary>Decides whether the subject has the relation to the object.</summary>
    /// <exception cref="ArbiterException">The request names a type or relation the model does not have, or is malformed.</exception>
    ValueTask<Decision> CheckAsync(CheckRequest request, CancellationToken cancellationToken = default);

    /// <summary>Decides many checks at once, sharing work between them. The result has one decision per request, in order.</summary>
    ValueTask<IReadOnlyList<Decision>> BatchCheckAsync(IReadOnlyList<CheckRequest> requests, CancellationToken cancellationToken = default);

    /// <summary>Every relation of the object's type that the subject has to the object, in model order.</summary>
    ValueTask<IReadOnlyList<string>> ListActionsAsync(ListActionsRequest request, CancellationToken cancellationToken = default);

    /// <summary>Every object of a type the subject has the relation to: complete, sorted, paged, and explicit when a limit stops it.</summary>
    /// <exception cref="ArbiterException">The request names a type or relation the model does not have, or is malformed.</exception>
    ValueTask<ListObjectsResult> ListObjectsAsync(ListObjectsRequest request, CancellationToken cancellationToken = default);

    /// <summary>The subjects (of the filters' kinds) that have the relation to the object (OpenFGA's ListUsers).</summary>
    /// <exception cref="ArbiterException">The request names a type or relation the model does not have, or is malformed.</exception>
    ValueTask<ListSubjectsResult> ListSubjectsAsync(ListSubjectsRequest request, CancellationToken cancellationToken = default);

    /// <summary>The subject's permission over a resource type as a filter (ids from relationships, conditions on resource attributes).</summary>
    /// <exception cref="ArbiterException">The request names a type or relation the model does not have, or is malformed.</exception>
    ValueTask<Filtering.FilterPlan> PlanAsync(Filtering.PlanRequest request, CancellationToken cancellationToken = default);
}
