namespace Arbiter.Cli.Tests.Testing;

/// <summary>An authorizer for runner tests: allows exactly the direct tuples it was given; relation "boom" throws.</summary>
internal sealed class FakeAuthorizer(IReadOnlyList<RelationshipTuple> tuples) : IAuthorizer
{
    public List<CheckRequest> Requests { get; } = [];

    public ValueTask<Decision> CheckAsync(CheckRequest request, CancellationToken cancellationToken = default)
    {
        Requests.Add(request);
        if (request.Relation == "boom")
        {
            throw new ArbiterException(ArbiterErrorCode.RelationNotFound, "relation 'boom' is not in the model");
        }
        if (request.Relation == "erring")
        {
            return ValueTask.FromResult(new Decision { Error = new DecisionError(ArbiterErrorCode.ResolutionTooComplex, "too deep") });
        }
        var allowed = tuples.Any(t => t.Object == request.Object && t.Relation == request.Relation && t.Subject == request.Subject);
        return ValueTask.FromResult(new Decision { Allowed = allowed });
    }

    public ValueTask<IReadOnlyList<Decision>> BatchCheckAsync(IReadOnlyList<CheckRequest> requests, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public ValueTask<IReadOnlyList<string>> ListActionsAsync(ListActionsRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public ValueTask<ListObjectsResult> ListObjectsAsync(ListObjectsRequest request, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(new ListObjectsResult
        {
            Objects = tuples.Where(t => t.Subject == request.Subject && t.Relation == request.Relation && t.Object.Type == request.ObjectType)
                .Select(t => t.Object).Distinct().OrderBy(o => o.Id, StringComparer.Ordinal).ToList(),
        });

    public ValueTask<ListSubjectsResult> ListSubjectsAsync(ListSubjectsRequest request, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(new ListSubjectsResult
        {
            Subjects = tuples.Where(t => t.Object == request.Object && t.Relation == request.Relation
                    && request.Filters.Any(f => f.Type == t.Subject.Type && f.Relation == t.Subject.Relation))
                .Select(t => t.Subject).Distinct().ToList(),
        });
}
