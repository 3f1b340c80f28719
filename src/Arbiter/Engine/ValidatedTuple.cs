namespace Arbiter.Engine;

/// <summary>A tuple checked against a model: its compiled relation and subject type, resolved once.</summary>
/// <param name="Tuple">The tuple.</param>
/// <param name="Relation">The tuple's relation on the object's type.</param>
/// <param name="SubjectTypeId">The subject's type symbol.</param>
/// <param name="SubjectRelation"><see cref="SubjectKind.Plain"/>, <see cref="SubjectKind.Wildcard"/> or the userset relation symbol.</param>
internal readonly record struct ValidatedTuple(RelationshipTuple Tuple, CompiledRelation Relation, int SubjectTypeId, int SubjectRelation);
