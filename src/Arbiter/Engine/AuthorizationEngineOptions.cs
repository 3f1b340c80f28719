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

    /// <summary>Evaluates tuple conditions; the default fails every condition closed until CEL support lands.</summary>
    internal IConditionEvaluator ConditionEvaluator { get; set; } = UnavailableConditionEvaluator.Instance;

    /// <summary>Throws when a setting is out of range.</summary>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxResolutionDepth, 1, nameof(MaxResolutionDepth));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTuplesPerWrite, 1, nameof(MaxTuplesPerWrite));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxContextualTuples, nameof(MaxContextualTuples));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatchSize, 1, nameof(MaxBatchSize));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        ArgumentNullException.ThrowIfNull(ConditionEvaluator, nameof(ConditionEvaluator));
    }

    internal AuthorizationEngineOptions Clone() => (AuthorizationEngineOptions)MemberwiseClone();
}
