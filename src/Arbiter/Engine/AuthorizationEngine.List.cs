using System.Diagnostics;
using System.Text;
using Arbiter.Engine;

namespace Arbiter;

public sealed partial class AuthorizationEngine
{
    private const int DeadlineCheckInterval = 64;

    /// <summary>
    /// Every object of the request's type the subject has the relation to, with OpenFGA's semantics (wildcards, usersets,
    /// conditions, exclusion, intersection, attribute rules): exactly the objects for which <see cref="CheckAsync"/> allows.
    /// Sorted by id (ordinal); paged with a continuation token; a limit or the deadline stops it explicitly. An evaluation
    /// error for any object (a condition's parameter missing, too deep) fails the whole listing, as in OpenFGA.
    /// Completes synchronously.
    /// </summary>
    /// <remarks>
    /// Candidates are the objects of the type the store knows (named by a tuple or carrying attributes) and those the
    /// request's contextual tuples name; each is decided by the same evaluation as a check, sharing sub-results. A page
    /// token resumes after the last object of its page, at whatever revision is current then.
    /// </remarks>
    /// <exception cref="ArbiterException">
    /// The type is not in the model (<see cref="ArbiterErrorCode.TypeNotFound"/>), the relation is not defined on it
    /// (<see cref="ArbiterErrorCode.RelationNotFound"/>), the subject, the page size or the token is invalid
    /// (<see cref="ArbiterErrorCode.ValidationError"/>), or a contextual tuple is (<see cref="ArbiterErrorCode.InvalidTuple"/>).
    /// </exception>
    public ValueTask<ListObjectsResult> ListObjectsAsync(ListObjectsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (MustWait(request.Consistency))
        {
            return AfterAsync(request.Consistency, request with { Consistency = null }, ListObjectsAsync, cancellationToken);
        }
        cancellationToken.ThrowIfCancellationRequested();
        var state = State;
        if (request.PageSize is < 1)
        {
            throw RequestError(ArbiterErrorCode.ValidationError, $"the page size must be at least 1, not {request.PageSize}");
        }
        var (type, relation) = ResolveOverType(state, request.ObjectType, request.Relation, request.Subject, out var userType, out var userRelation);
        ValidateContext(request.Context);
        var contextual = request.ContextualTuples.Count == 0 ? null : BuildContextual(state, request.ContextualTuples);
        var after = request.ContinuationToken is null ? null : ReadToken(request.ContinuationToken, "objects", Fingerprint(request));

        var entities = _tables.Entities;
        var subject = request.Subject;
        var userEntity = contextual is null ? entities.Find(userType, subject.Id) : contextual.Find(userType, subject.Id);
        var candidates = Candidates(CandidateObjects(state, relation, userType, userEntity, userRelation, contextual), contextual, type.TypeId);
        var start = 0;
        if (after is not null)
        {
            start = LowerBound(candidates, after);
            if (start < candidates.Length && candidates[start].Id == after)
            {
                start++;
            }
        }

        var subjectAttributes = SubjectAttributes(state, subject, userType, userEntity, userRelation, request.SubjectAttributes);
        var memo = new BatchMemo { SkipTopLevel = true };
        memo.SetUser(userType, userEntity, userRelation, subject.Id);

        var objects = new List<ObjectRef>();
        var began = Stopwatch.GetTimestamp();
        var examined = 0;
        ListStop? stopped = null;
        string? resumeAfter = null;
        var evaluator = CheckEvaluator.Rent();
        try
        {
            evaluator.Begin(_tables, state, _options.ConditionEvaluator, _options.MaxResolutionDepth, _options.Cel);
            evaluator.SetRequest(contextual, request.Context, memo, explain: false, explainValues: false, subjectAttributes, -1, null);
            for (var i = start; i < candidates.Length; i++)
            {
                if (request.PageSize is { } size && objects.Count == size)
                {
                    stopped = ListStop.PageFull;
                    resumeAfter = objects[^1].Id;
                    break;
                }
                if (examined == _options.MaxListCandidates)
                {
                    stopped = ListStop.CandidateLimit;
                    resumeAfter = i == 0 ? null : candidates[i - 1].Id;
                    break;
                }
                if (examined % DeadlineCheckInterval == 0 && examined > 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (_options.ListDeadline != Timeout.InfiniteTimeSpan && Stopwatch.GetElapsedTime(began) > _options.ListDeadline)
                    {
                        stopped = ListStop.Deadline;
                        resumeAfter = candidates[i - 1].Id;
                        break;
                    }
                }
                examined++;
                var (obj, id) = candidates[i];
                var outcome = evaluator.Check(obj, relation, userType, userEntity, userRelation);
                if (outcome.IsError)
                {
                    return new ValueTask<ListObjectsResult>(new ListObjectsResult
                    {
                        Error = new DecisionError(outcome.Error!.Code, $"listing stopped at {type.Name}:{id}: {outcome.Error.Message}"),
                        ModelId = state.Model.Id,
                        Revision = state.Index.Revision,
                    });
                }
                if (outcome.IsTrue)
                {
                    objects.Add(new ObjectRef(type.Name, id));
                }
            }
        }
        finally
        {
            CheckEvaluator.Return(evaluator);
        }
        return new ValueTask<ListObjectsResult>(new ListObjectsResult
        {
            Objects = objects,
            Stopped = stopped,
            ContinuationToken = stopped is null ? null : WriteToken("objects", Fingerprint(request), resumeAfter ?? string.Empty),
            ModelId = state.Model.Id,
            Revision = state.Index.Revision,
        });
    }

    /// <summary>
    /// The stored objects that may have the relation, sorted by id: those the reverse expansion from the subject reaches,
    /// or, when an attribute rule can take part (it needs no tuple) or contextual tuples are given, every object of the type.
    /// </summary>
    private int[] CandidateObjects(EngineState state, CompiledRelation relation, int userType, int userEntity, int userRelation, ContextualTupleSet? contextual)
    {
        var entities = _tables.Entities;
        if (contextual is not null || relation.RulesBelow)
        {
            return entities.SortedEntitiesOf(relation.Owner.TypeId);
        }
        var reached = ReverseExpansion.Run(state.Model, state.Reverse, entities, userType, userEntity, userRelation).ObjectsWith(relation).ToArray();
        Array.Sort(reached, (a, b) => string.CompareOrdinal(entities.IdOf(a), entities.IdOf(b)));
        return reached;
    }

    /// <summary>The candidate objects, sorted by id: the given stored ones, and the request-local ones of contextual tuples.</summary>
    private (int Entity, string Id)[] Candidates(int[] stored, ContextualTupleSet? contextual, int typeId)
    {
        var entities = _tables.Entities;
        var local = contextual?.LocalEntitiesOf(typeId).ToList() ?? [];
        var result = new (int Entity, string Id)[stored.Length + local.Count];
        for (var i = 0; i < stored.Length; i++)
        {
            result[i] = (stored[i], entities.IdOf(stored[i]));
        }
        if (local.Count > 0)
        {
            local.CopyTo(result, stored.Length);
            Array.Sort(result, static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        }
        return result;
    }

    /// <summary>The first position whose id is not below <paramref name="id"/>.</summary>
    private static int LowerBound((int Entity, string Id)[] candidates, string id)
    {
        int lo = 0, hi = candidates.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(candidates[mid].Id, id) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    /// <summary>
    /// Resolves a request over all resources of a type (ListObjects, Plan): the type (<see cref="ArbiterErrorCode.TypeNotFound"/>),
    /// the relation on it (<see cref="ArbiterErrorCode.RelationNotFound"/>, as OpenFGA's ListObjects) and the subject, validated as for a check.
    /// </summary>
    private static (CompiledType Type, CompiledRelation Relation) ResolveOverType(EngineState state, string? typeName, string? relationName, SubjectRef subject,
        out int userType, out int userRelation)
    {
        var type = state.Model.FindType(typeName ?? string.Empty)
            ?? throw RequestError(ArbiterErrorCode.TypeNotFound, $"the type '{typeName}' is not defined in the model");
        if (relationName is null || !type.RelationsByName.ContainsKey(relationName))
        {
            throw RequestError(ArbiterErrorCode.RelationNotFound, $"the relation '{relationName}' is not defined on type '{type.Name}'");
        }
        // any object id will do: the subject is validated against the model as for a check
        var relation = ResolveRequest(state.Model, new ObjectRef(type.Name, "_"), relationName, subject, out userType, out userRelation);
        return (type, relation);
    }

    private static string Fingerprint(ListObjectsRequest request) => $"{request.Subject}|{request.Relation}|{request.ObjectType}";

    /// <summary>An opaque page token: what it lists and the last id of the page.</summary>
    private static string WriteToken(string kind, string fingerprint, string after) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"1\n{kind}\n{fingerprint}\n{after}"));

    private static string ReadToken(string token, string kind, string fingerprint)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('\n');
            if (parts.Length == 4 && parts[0] == "1" && parts[1] == kind && parts[2] == fingerprint)
            {
                return parts[3];
            }
        }
        catch (FormatException)
        {
            // reported below
        }
        throw RequestError(ArbiterErrorCode.ValidationError, "invalid continuation token: it is malformed or belongs to another request");
    }
}
