namespace Arbiter.Cli.Tests.Testing;

/// <summary>
/// An authorizer for runner tests: allows (and lists) exactly the direct tuples it was given; relation "boom" throws, relation
/// "erring" answers with an evaluation error.
/// </summary>
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

    public List<ListObjectsRequest> ListObjectsRequests { get; } = [];

    public List<ListSubjectsRequest> ListSubjectsRequests { get; } = [];

    /// <summary>When set, list-objects answers stop after this many objects with a continuation token (the index to go on from).</summary>
    public int? ListPageSize { get; init; }

    public ValueTask<ListObjectsResult> ListObjectsAsync(ListObjectsRequest request, CancellationToken cancellationToken = default)
    {
        ListObjectsRequests.Add(request);
        Fail(request.Relation);
        var all = tuples.Where(t => t.Subject == request.Subject && t.Relation == request.Relation && t.Object.Type == request.ObjectType)
            .Select(t => t.Object).Distinct().OrderBy(o => o.Id, StringComparer.Ordinal).ToList();
        if (request.Relation == "erring")
        {
            return ValueTask.FromResult(new ListObjectsResult { Error = new DecisionError(ArbiterErrorCode.ResolutionTooComplex, "too deep") });
        }
        var from = request.ContinuationToken is { } token ? int.Parse(token, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var page = all.Skip(from).Take(ListPageSize ?? int.MaxValue).ToList();
        var more = from + page.Count < all.Count;
        return ValueTask.FromResult(new ListObjectsResult
        {
            Objects = page,
            Stopped = more ? ListStop.CandidateLimit : null,
            ContinuationToken = more ? (from + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        });
    }

    public ValueTask<ListSubjectsResult> ListSubjectsAsync(ListSubjectsRequest request, CancellationToken cancellationToken = default)
    {
        ListSubjectsRequests.Add(request);
        Fail(request.Relation);
        if (request.Relation == "erring")
        {
            return ValueTask.FromResult(new ListSubjectsResult { Error = new DecisionError(ArbiterErrorCode.ResolutionTooComplex, "too deep") });
        }
        return ValueTask.FromResult(new ListSubjectsResult
        {
            Subjects = tuples.Where(t => t.Object == request.Object && t.Relation == request.Relation
                    && request.Filters.Any(f => f.Type == t.Subject.Type && f.Relation == t.Subject.Relation))
                .Select(t => t.Subject).Distinct().ToList(),
        });
    }

    private static void Fail(string relation)
    {
        if (relation == "boom")
        {
            throw new ArbiterException(ArbiterErrorCode.RelationNotFound, "relation 'boom' is not in the model");
        }
    }

    public ValueTask<Arbiter.Filtering.FilterPlan> PlanAsync(Arbiter.Filtering.PlanRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();
}
