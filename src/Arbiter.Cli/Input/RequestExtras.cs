namespace Arbiter.Cli.Input;

/// <summary>What a request carries beside user, relation and object: <c>--context</c>, <c>--contextual-tuple</c> and the just-in-time attributes.</summary>
internal sealed record RequestExtras(
    IReadOnlyDictionary<string, object?>? Context,
    IReadOnlyList<RelationshipTuple> ContextualTuples,
    IReadOnlyDictionary<string, object?>? SubjectAttributes,
    IReadOnlyDictionary<string, object?>? ObjectAttributes);
