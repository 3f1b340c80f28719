using System.Diagnostics;
using Arbiter.Engine;

namespace Arbiter;

public sealed partial class AuthorizationEngine
{
    /// <summary>
    /// The subjects of the filters' kinds that have the relation to the object, with OpenFGA's ListUsers semantics:
    /// <c>user:*</c> where public access applies, usersets (<c>group:eng#member</c>) for userset filters, none that an
    /// exclusion removes; exactly the candidates for which <see cref="CheckAsync"/> allows. An evaluation error for any
    /// candidate fails the whole listing, as in OpenFGA. Completes synchronously.
    /// </summary>
    /// <remarks>
    /// Candidates come from expanding the relation from the object (direct tuples, usersets, tuple-to-userset parents, every
    /// operand of unions, intersections and the base of exclusions; for an attribute rule, every stored entity of its
    /// type); each is then decided by the same evaluation as a check.
    /// </remarks>
    /// <exception cref="ArbiterException">
    /// The object's type or a filter's type is not in the model (<see cref="ArbiterErrorCode.TypeNotFound"/>), the relation
    /// or a filter's relation is not defined (<see cref="ArbiterErrorCode.RelationNotFound"/>), the request is malformed
    /// (<see cref="ArbiterErrorCode.ValidationError"/>), or a contextual tuple is invalid (<see cref="ArbiterErrorCode.InvalidTuple"/>).
    /// </exception>
    public ValueTask<ListSubjectsResult> ListSubjectsAsync(ListSubjectsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (MustWait(request.Consistency))
        {
            return AfterAsync(request.Consistency, request with { Consistency = null }, ListSubjectsAsync, cancellationToken);
        }
        cancellationToken.ThrowIfCancellationRequested();
        var state = State;
        var model = state.Model;
        if (string.IsNullOrEmpty(request.Object.Type) || string.IsNullOrEmpty(request.Object.Id))
        {
            throw RequestError(ArbiterErrorCode.ValidationError, "the object must be 'type:id'");
        }
        var type = model.FindType(request.Object.Type)
            ?? throw RequestError(ArbiterErrorCode.TypeNotFound, $"the type '{request.Object.Type}' is not defined in the model");
        if (request.Relation is null || !type.RelationsByName.TryGetValue(request.Relation, out var relation))
        {
            throw RequestError(ArbiterErrorCode.RelationNotFound, $"the relation '{request.Relation}' is not defined on type '{type.Name}'");
        }
        if (request.Filters is null || request.Filters.Count == 0)
        {
            throw RequestError(ArbiterErrorCode.ValidationError, "at least one subject filter ('user' or 'group#member') is needed");
        }
        var plain = new HashSet<int>();
        var usersets = new HashSet<(int, int)>();
        foreach (var filter in request.Filters)
        {
            var filterType = model.FindType(filter?.Type ?? string.Empty)
                ?? throw RequestError(ArbiterErrorCode.TypeNotFound, $"the subject filter type '{filter?.Type}' is not defined in the model");
            if (filter!.Relation is null)
            {
                plain.Add(filterType.TypeId);
            }
            else if (filterType.RelationsByName.TryGetValue(filter.Relation, out var filterRelation))
            {
                usersets.Add((filterType.TypeId, filterRelation.NameId));
            }
            else
            {
                throw RequestError(ArbiterErrorCode.RelationNotFound, $"the subject filter relation '{filter.Relation}' is not defined on type '{filterType.Name}'");
            }
        }
        ValidateContext(request.Context);
        var contextual = request.ContextualTuples.Count == 0 ? null : BuildContextual(state, request.ContextualTuples);
        var obj = contextual is null ? _tables.Entities.Find(type.TypeId, request.Object.Id) : contextual.Find(type.TypeId, request.Object.Id);

        if (obj == -1 && relation.HasRules)
        {
            // no tuple names the object, but a rule may grant on it: give it a request-local id
            contextual ??= ContextualTupleSet.Build(_tables.Entities, []);
            obj = contextual.InternLocal(type.TypeId, request.Object.Id);
        }
        var expansion = new SubjectExpansion(this, state, contextual, plain, usersets, request.Context);
        expansion.Expand(obj, relation, 0);
        if (expansion.ConditionError is { } conditionError)
        {
            // as OpenFGA: a tuple condition that cannot be evaluated on any path fails the listing
            return new ValueTask<ListSubjectsResult>(new ListSubjectsResult
            {
                Error = conditionError,
                ModelId = model.Id,
                Revision = state.Index.Revision,
            });
        }
        if (expansion.TooDeep)
        {
            // as a check would: a path longer than the depth limit fails the listing instead of cutting it short
            return new ValueTask<ListSubjectsResult>(new ListSubjectsResult
            {
                Error = new DecisionError(ArbiterErrorCode.ResolutionTooComplex,
                    $"listing the subjects of {request.Object}#{request.Relation} exceeded the depth limit of {_options.MaxResolutionDepth}"),
                ModelId = model.Id,
                Revision = state.Index.Revision,
            });
        }

        var memo = new BatchMemo();
        var subjects = new List<SubjectRef>();
        var began = Stopwatch.GetTimestamp();
        var examined = 0;
        ListStop? stopped = null;
        foreach (var candidate in expansion.Candidates)
        {
            if (examined == _options.MaxListCandidates)
            {
                stopped = ListStop.CandidateLimit;
                break;
            }
            if (examined % DeadlineCheckInterval == 0 && examined > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (_options.ListDeadline != Timeout.InfiniteTimeSpan && Stopwatch.GetElapsedTime(began) > _options.ListDeadline)
                {
                    stopped = ListStop.Deadline;
                    break;
                }
            }
            examined++;
            var check = new CheckRequest(candidate, request.Relation, request.Object)
            {
                Context = request.Context,
                ObjectAttributes = request.ObjectAttributes,
            };
            var decision = Decide(state, check, contextual, memo);
            if (decision.Error is { } error)
            {
                return new ValueTask<ListSubjectsResult>(new ListSubjectsResult
                {
                    Error = new DecisionError(error.Code, $"listing stopped at {candidate}: {error.Message}"),
                    ModelId = model.Id,
                    Revision = state.Index.Revision,
                });
            }
            if (decision.Allowed)
            {
                subjects.Add(candidate);
            }
        }
        subjects.Sort(static (a, b) =>
        {
            var byKind = (a.Relation is null ? 0 : 1).CompareTo(b.Relation is null ? 0 : 1);
            if (byKind != 0)
            {
                return byKind;
            }
            var byType = string.CompareOrdinal(a.Type, b.Type);
            if (byType != 0)
            {
                return byType;
            }
            var byId = string.CompareOrdinal(a.Id, b.Id);
            return byId != 0 ? byId : string.CompareOrdinal(a.Relation, b.Relation);
        });
        return new ValueTask<ListSubjectsResult>(new ListSubjectsResult
        {
            Subjects = subjects,
            Stopped = stopped,
            ModelId = model.Id,
            Revision = state.Index.Revision,
        });
    }

    /// <summary>Collects the candidate subjects of a relation on an object by expanding it (a superset of the answer).</summary>
    private sealed class SubjectExpansion(AuthorizationEngine engine, EngineState state, ContextualTupleSet? contextual, HashSet<int> plain,
        HashSet<(int Type, int Relation)> usersets, IReadOnlyDictionary<string, object?>? requestContext)
    {
        /// <summary>The first tuple condition that failed to evaluate (a missing parameter...), or <see langword="null"/>.</summary>
        public DecisionError? ConditionError { get; private set; }

        private readonly HashSet<long> _visited = [];
        private readonly HashSet<SubjectRef> _seen = [];

        public List<SubjectRef> Candidates { get; } = [];

        /// <summary>Whether a path went deeper than the resolution depth limit (the listing then fails, never cut short).</summary>
        public bool TooDeep { get; private set; }

        public void Expand(int obj, CompiledRelation relation, int depth)
        {
            if (depth >= engine._options.MaxResolutionDepth)
            {
                TooDeep = true;
                return;
            }
            if (!_visited.Add(RelationshipIndex.Key(obj, relation.NameId)))
            {
                return;
            }
            if (obj != -1 && usersets.Contains((relation.Owner.TypeId, relation.NameId)))
            {
                Add(new SubjectRef(relation.Owner.Name, IdOf(obj), relation.Name));
            }
            ExpandNode(relation.Rewrite, obj, relation, depth);
        }

        private void ExpandNode(RewriteNode node, int obj, CompiledRelation relation, int depth)
        {
            switch (node.Kind)
            {
                case RewriteKind.Direct:
                    ExpandDirect(obj, relation, depth);
                    break;
                case RewriteKind.Computed:
                    Expand(obj, node.Target!, depth);
                    break;
                case RewriteKind.TupleToUserset:
                    foreach (var entry in Entries(obj, node.Tupleset!))
                    {
                        if (entry.Relation == SubjectKind.Plain && TypeOf(entry.Entity) is var parentType && (uint)parentType < (uint)node.TargetByType.Length
                            && node.TargetByType[parentType] is { } target)
                        {
                            Expand(entry.Entity, target, depth + 1);
                        }
                    }
                    break;
                case RewriteKind.Rule:
                    if (plain.Contains(node.SubjectTypeId))
                    {
                        var typeName = engine._tables.Types.NameOf(node.SubjectTypeId);
                        foreach (var entity in engine._tables.Entities.SortedEntitiesOf(node.SubjectTypeId))
                        {
                            Add(new SubjectRef(typeName, engine._tables.Entities.IdOf(entity)));
                        }
                    }
                    break;
                case RewriteKind.Exclusion:
                    ExpandNode(node.Children[0], obj, relation, depth);
                    break;
                default:
                    foreach (var child in node.Children)
                    {
                        ExpandNode(child, obj, relation, depth);
                    }
                    break;
            }
        }

        private void ExpandDirect(int obj, CompiledRelation relation, int depth)
        {
            foreach (var entry in Entries(obj, relation))
            {
                var subjectType = TypeOf(entry.Entity);
                var typeName = engine._tables.Types.NameOf(subjectType);
                switch (entry.Relation)
                {
                    case SubjectKind.Plain:
                        if (plain.Contains(subjectType))
                        {
                            Add(new SubjectRef(typeName, IdOf(entry.Entity)));
                        }
                        break;
                    case SubjectKind.Wildcard:
                        if (plain.Contains(subjectType))
                        {
                            Add(new SubjectRef(typeName, SubjectRef.WildcardId));
                        }
                        break;
                    default:
                        if (state.Model.TypeById(subjectType)?.RelationById(entry.Relation) is { } target)
                        {
                            Expand(entry.Entity, target, depth + 1);
                        }
                        break;
                }
            }
        }

        /// <summary>
        /// The tuples of (obj, relation), stored and contextual, whose condition (if any) holds for the request's context;
        /// a condition that fails to evaluate is remembered as the listing's error. Conditions reading attributes are left
        /// to the check of each candidate.
        /// </summary>
        private List<SubjectEntry> Entries(int obj, CompiledRelation relation)
        {
            var entries = new List<SubjectEntry>();
            var key = RelationshipIndex.Key(obj, relation.NameId);
            if (obj >= 0)
            {
                AddHolding(entries, state.Index.Get(key).All, engine._tables.Conditions, relation);
            }
            if (contextual is not null && obj != -1)
            {
                AddHolding(entries, contextual.Get(key).All, contextual.Conditions, relation);
            }
            return entries;
        }

        private void AddHolding(List<SubjectEntry> entries, ReadOnlySpan<SubjectEntry> found, ConditionTable conditions, CompiledRelation relation)
        {
            foreach (var entry in found)
            {
                if (entry.Condition < 0)
                {
                    entries.Add(entry);
                    continue;
                }
                var subjectType = entry.Relation < 0 ? engine._tables.Types.NameOf(TypeOf(entry.Entity)) : null;
                if (conditions.Program(entry.Condition, state.Model, subjectType, relation.Owner.Name) is not { } program)
                {
                    continue; // the current model no longer defines it: the tuple does not count
                }
                if (program.ReadsSubject || program.ReadsObject || engine._options.ConditionEvaluator is not null)
                {
                    entries.Add(entry);
                    continue;
                }
                var outcome = program.Evaluate(conditions[entry.Condition].Context, requestContext);
                switch (outcome.Value)
                {
                    case Tri.True:
                        entries.Add(entry);
                        break;
                    case Tri.Error:
                        ConditionError ??= new DecisionError(ArbiterErrorCode.ValidationError,
                            $"condition '{program.Name}' of a tuple of {relation} failed: {outcome.Error}");
                        break;
                }
            }
        }

        private void Add(SubjectRef subject)
        {
            if (_seen.Add(subject))
            {
                Candidates.Add(subject);
            }
        }

        private int TypeOf(int entity) => entity >= 0 ? engine._tables.Entities.TypeOf(entity) : contextual!.LocalTypeOf(entity);

        private string IdOf(int entity) => entity >= 0 ? engine._tables.Entities.IdOf(entity) : contextual!.LocalIdOf(entity);
    }
}
