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
        cancellationToken.ThrowIfCancellationRequested();
        var state = State;
        var type = state.Model.FindType(request.ObjectType ?? string.Empty)
            ?? throw RequestError(ArbiterErrorCode.TypeNotFound, $"the type '{request.ObjectType}' is not defined in the model");
        if (request.Relation is null || !type.RelationsByName.ContainsKey(request.Relation))
        {
            throw RequestError(ArbiterErrorCode.RelationNotFound, $"the relation '{request.Relation}' is not defined on type '{type.Name}'");
        }
        if (request.PageSize is < 1)
        {
            throw RequestError(ArbiterErrorCode.ValidationError, $"the page size must be at least 1, not {request.PageSize}");
        }
        // the subject is validated as for a check (any object id will do)
        ResolveRequest(state.Model, new ObjectRef(type.Name, "_"), request.Relation, request.Subject, out _, out _);
        ValidateContext(request.Context);
        var contextual = request.ContextualTuples.Count == 0 ? null : BuildContextual(state, request.ContextualTuples);
        var after = request.ContinuationToken is null ? null : ReadToken(request.ContinuationToken, "objects", Fingerprint(request));

        var candidates = new List<string>();
        foreach (var entity in _tables.Entities.SortedEntitiesOf(type.TypeId))
        {
            candidates.Add(_tables.Entities.IdOf(entity));
        }
        if (contextual is not null)
        {
            var local = contextual.LocalEntitiesOf(type.TypeId).Select(l => l.Id).ToList();
            if (local.Count > 0)
            {
                candidates.AddRange(local);
                candidates.Sort(StringComparer.Ordinal);
            }
        }
        var start = 0;
        if (after is not null)
        {
            start = candidates.BinarySearch(after, StringComparer.Ordinal);
            start = start >= 0 ? start + 1 : ~start;
        }

        var memo = new BatchMemo();
        var objects = new List<ObjectRef>();
        var began = Stopwatch.GetTimestamp();
        var examined = 0;
        ListStop? stopped = null;
        string? resumeAfter = null;
        for (var i = start; i < candidates.Count; i++)
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
                resumeAfter = i == 0 ? null : candidates[i - 1];
                break;
            }
            if (examined % DeadlineCheckInterval == 0 && examined > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (_options.ListDeadline != Timeout.InfiniteTimeSpan && Stopwatch.GetElapsedTime(began) > _options.ListDeadline)
                {
                    stopped = ListStop.Deadline;
                    resumeAfter = candidates[i - 1];
                    break;
                }
            }
            examined++;
            var objectRef = new ObjectRef(type.Name, candidates[i]);
            var check = new CheckRequest(request.Subject, request.Relation, objectRef)
            {
                Context = request.Context,
                SubjectAttributes = request.SubjectAttributes,
            };
            var decision = Decide(state, check, contextual, memo);
            if (decision.Error is { } error)
            {
                return new ValueTask<ListObjectsResult>(new ListObjectsResult
                {
                    Error = new DecisionError(error.Code, $"listing stopped at {objectRef}: {error.Message}"),
                    ModelId = state.Model.Id,
                    Revision = state.Index.Revision,
                });
            }
            if (decision.Allowed)
            {
                objects.Add(objectRef);
            }
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
