using Arbiter.Engine;

namespace Arbiter;

public sealed partial class AuthorizationEngine
{
    /// <summary>
    /// Decides many checks against one model version and revision, sharing sub-results between them (checks that see the
    /// same contextual tuples and context share a memo). Each decision equals the single check's; a request that
    /// <see cref="CheckAsync"/> would reject is answered with a denied decision carrying the error, so one bad request
    /// does not fail the others.
    /// </summary>
    /// <exception cref="ArbiterException">The batch has more than <see cref="AuthorizationEngineOptions.MaxBatchSize"/> requests.</exception>
    public ValueTask<IReadOnlyList<Decision>> BatchCheckAsync(IReadOnlyList<CheckRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Count > _options.MaxBatchSize)
        {
            throw new ArbiterException(ArbiterErrorCode.ValidationError,
                $"a batch may carry at most {_options.MaxBatchSize} checks but this one has {requests.Count}");
        }
        if (Strongest(requests) is { } consistency && MustWait(consistency))
        {
            return BatchAfterAsync(consistency, requests, cancellationToken);
        }
        var state = State;
        var decisions = new Decision[requests.Count];
        var groups = new Dictionary<GroupKey, Group>();
        for (var i = 0; i < requests.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var request = requests[i];
            ArgumentNullException.ThrowIfNull(request, nameof(requests));
            var key = new GroupKey(request.ContextualTuples.Count == 0 ? null : request.ContextualTuples, request.Context, request.SubjectAttributes);
            if (!groups.TryGetValue(key, out var group))
            {
                group = new Group();
                groups[key] = group;
                try
                {
                    ValidateContext(request.Context);
                    group.Contextual = key.Tuples is null ? null : BuildContextual(state, request.ContextualTuples);
                }
                catch (ArbiterException e)
                {
                    group.Failure = e;
                }
            }
            decisions[i] = group.Failure is { } failure
                ? Failed(state, failure)
                : DecideOrFail(state, request, group.Contextual, group.Memo);
        }
        return new ValueTask<IReadOnlyList<Decision>>(decisions);
    }

    private async ValueTask<IReadOnlyList<Decision>> BatchAfterAsync(Consistency consistency, IReadOnlyList<CheckRequest> requests, CancellationToken cancellationToken)
    {
        await WaitForConsistencyAsync(consistency, cancellationToken).ConfigureAwait(false);
        return await BatchCheckAsync([.. requests.Select(static r => r.Consistency is null ? r : r with { Consistency = null })], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The strictest consistency any request of a batch asks for: the whole batch is answered from one revision.</summary>
    private static Consistency? Strongest(IReadOnlyList<CheckRequest> requests)
    {
        Consistency? strongest = null;
        foreach (var request in requests)
        {
            if (request?.Consistency is not { Mode: not ConsistencyMode.MinimizeLatency } c)
            {
                continue;
            }
            if (c.Mode == ConsistencyMode.Latest)
            {
                return c;
            }
            if (strongest is null || c.Revision > strongest.Revision)
            {
                strongest = c;
            }
        }
        return strongest;
    }

    /// <summary>Every relation of the object's type that the subject has, in model order (relations whose evaluation fails are left out).</summary>
    /// <exception cref="ArbiterException">The object's type is not in the model (<see cref="ArbiterErrorCode.TypeNotFound"/>), the subject is invalid, or a contextual tuple is.</exception>
    public ValueTask<IReadOnlyList<string>> ListActionsAsync(ListActionsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (MustWait(request.Consistency))
        {
            return AfterAsync(request.Consistency, request with { Consistency = null }, ListActionsAsync, cancellationToken);
        }
        cancellationToken.ThrowIfCancellationRequested();
        var state = State;
        var type = state.Model.FindType(request.Object.Type ?? string.Empty)
            ?? throw new ArbiterException(ArbiterErrorCode.TypeNotFound, $"the type '{request.Object.Type}' is not defined in the model");
        ValidateContext(request.Context);
        var contextual = request.ContextualTuples.Count == 0 ? null : BuildContextual(state, request.ContextualTuples);
        var memo = new BatchMemo();
        var result = new List<string>();
        foreach (var relation in type.Relations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var check = new CheckRequest(request.Subject, relation.Name, request.Object)
            {
                Context = request.Context,
                SubjectAttributes = request.SubjectAttributes,
                ObjectAttributes = request.ObjectAttributes,
            };
            if (Decide(state, check, contextual, memo).Allowed)
            {
                result.Add(relation.Name);
            }
        }
        return new ValueTask<IReadOnlyList<string>>(result);
    }

    private Decision DecideOrFail(EngineState state, CheckRequest request, ContextualTupleSet? contextual, BatchMemo memo)
    {
        try
        {
            return Decide(state, request, contextual, memo);
        }
        catch (ArbiterException e)
        {
            return Failed(state, e);
        }
    }

    private static Decision Failed(EngineState state, ArbiterException e) =>
        new() { Allowed = false, ModelId = state.Model.Id, Revision = state.Index.Revision, Error = new DecisionError(e.Code, e.Message) };

    /// <summary>Requests share work only when they see the same contextual tuples and context (by reference).</summary>
    private readonly record struct GroupKey(IReadOnlyList<RelationshipTuple>? Tuples, IReadOnlyDictionary<string, object?>? Context,
        IReadOnlyDictionary<string, object?>? SubjectAttributes)
    {
        public bool Equals(GroupKey other) => ReferenceEquals(Tuples, other.Tuples) && ReferenceEquals(Context, other.Context)
            && ReferenceEquals(SubjectAttributes, other.SubjectAttributes);

        public override int GetHashCode() => HashCode.Combine(
            Tuples is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Tuples),
            Context is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Context),
            SubjectAttributes is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(SubjectAttributes));
    }

    private sealed class Group
    {
        public ContextualTupleSet? Contextual { get; set; }

        public ArbiterException? Failure { get; set; }

        public BatchMemo Memo { get; } = new();
    }
}
