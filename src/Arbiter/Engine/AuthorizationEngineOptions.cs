using Arbiter.Conditions;
using Arbiter.Engine;

namespace Arbiter;

/// <summary>Settings of an <see cref="AuthorizationEngine"/>.</summary>
public sealed class AuthorizationEngineOptions
{
    /// <summary>How deep a check may dispatch (through usersets and tuple-to-userset) before it fails with <see cref="ArbiterErrorCode.ResolutionTooComplex"/>.</summary>
    /// <value>25, as OpenFGA.</value>
    public int MaxResolutionDepth { get; set; } = 25;

    /// <summary>Where time comes from (model version ids).</summary>
    /// <value><see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The most tuples (writes plus deletes) one <see cref="AuthorizationEngine.Write"/> accepts; larger writes are refused.</summary>
    /// <value>10 000.</value>
    public int MaxTuplesPerWrite { get; set; } = 10_000;

    /// <summary>The most contextual tuples one request may carry.</summary>
    /// <value>100, as OpenFGA.</value>
    public int MaxContextualTuples { get; set; } = 100;

    /// <summary>The most checks one <see cref="AuthorizationEngine.BatchCheckAsync"/> accepts.</summary>
    /// <value>10 000.</value>
    public int MaxBatchSize { get; set; } = 10_000;

    /// <summary>
    /// The limits of condition expressions and their evaluation (length, nesting, collection and string sizes, the
    /// evaluation cost budget, the regular-expression timeout). A condition that exceeds one at model load is a model
    /// error; one that exceeds one while evaluating is an error for its branch, never an allow.
    /// </summary>
    /// <value><see cref="CelOptions.Default"/>: 8,192 characters, nesting 100, 10,000 elements, 1 MiB strings, cost 100,000, regex 100 ms.</value>
    public CelOptions Cel { get; set; } = CelOptions.Default;

    /// <summary>The most entries a request context (or a tuple's condition context) may hold, counting every key and list element at any depth.</summary>
    /// <value>1,000.</value>
    public int MaxContextEntries { get; set; } = 1_000;

    /// <summary>How deep lists and maps may nest inside a request context (or a tuple's condition context).</summary>
    /// <value>8.</value>
    public int MaxContextDepth { get; set; } = 8;

    /// <summary>The longest string (or byte array) a request context (or a tuple's condition context) may hold, in characters or bytes.</summary>
    /// <value>65,536.</value>
    public int MaxContextStringLength { get; set; } = 65_536;

    /// <summary>Replaces the model's compiled CEL conditions (tests); <see langword="null"/> for the model's own.</summary>
    internal IConditionEvaluator? ConditionEvaluator { get; set; }

    internal ContextLimits ContextLimits => new(MaxContextEntries, MaxContextDepth, MaxContextStringLength);

    /// <summary>Throws when a setting is out of range.</summary>
    /// <summary>
    /// The most candidates one ListObjects or ListSubjects call examines before it stops and answers with what it has,
    /// <see cref="ListStop.CandidateLimit"/> and a continuation token (never a silently short list).
    /// </summary>
    /// <value>1,000,000.</value>
    public int MaxListCandidates { get; set; } = 1_000_000;

    /// <summary>How long one ListObjects or ListSubjects call may work before it answers with what it has, <see cref="ListStop.Deadline"/> and a continuation token.</summary>
    /// <value>3 seconds (OpenFGA's default deadline), <see cref="Timeout.InfiniteTimeSpan"/> for none.</value>
    public TimeSpan ListDeadline { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a request with <see cref="Consistency.AtLeast"/> or <see cref="Consistency.Latest"/> waits for the engine to reach the revision before it fails with <see cref="ArbiterErrorCode.ConsistencyTimeout"/>.</summary>
    /// <value>5 seconds.</value>
    public TimeSpan ConsistencyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>For an engine that follows a store: how long one wait for the store's next change lasts before the follower asks again (the store wakes it sooner on a commit).</summary>
    /// <value>30 seconds.</value>
    public TimeSpan FollowWaitTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>For an engine that follows a store: the longest pause between retries while the store fails (the pause doubles from 50 ms up to this). The engine keeps answering from its last revision meanwhile.</summary>
    /// <value>5 seconds.</value>
    public TimeSpan FollowMaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ConsistencyTimeout, TimeSpan.Zero, nameof(ConsistencyTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(FollowWaitTimeout, TimeSpan.Zero, nameof(FollowWaitTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(FollowMaxRetryDelay, TimeSpan.FromMilliseconds(50), nameof(FollowMaxRetryDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxListCandidates, 1, nameof(MaxListCandidates));
        if (ListDeadline <= TimeSpan.Zero && ListDeadline != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(ListDeadline), ListDeadline, "the list deadline must be positive or infinite");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxResolutionDepth, 1, nameof(MaxResolutionDepth));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTuplesPerWrite, 1, nameof(MaxTuplesPerWrite));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxContextualTuples, nameof(MaxContextualTuples));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatchSize, 1, nameof(MaxBatchSize));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        ArgumentNullException.ThrowIfNull(Cel, nameof(Cel));
        Cel.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxContextEntries, 1, nameof(MaxContextEntries));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxContextDepth, 1, nameof(MaxContextDepth));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxContextStringLength, 1, nameof(MaxContextStringLength));
    }

    internal AuthorizationEngineOptions Clone() => (AuthorizationEngineOptions)MemberwiseClone();
}
