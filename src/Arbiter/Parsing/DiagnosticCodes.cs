namespace Arbiter.Parsing;

/// <summary>
/// The stable <see cref="Model.ModelDiagnostic.Code"/> values of the model language. Where OpenFGA's language tools
/// name the same problem, the code is OpenFGA's <c>errorType</c>.
/// </summary>
internal static class DiagnosticCodes
{
    public const string SyntaxError = "syntax-error";
    public const string InputTooLarge = "input-too-large";
    public const string NestingTooDeep = "nesting-too-deep";
    public const string InvalidJson = "invalid-json";
    public const string SchemaVersionRequired = "schema-version-required";
    public const string InvalidSchema = "invalid-schema";
    public const string ReservedTypeKeywords = "reserved-type-keywords";
    public const string ReservedRelationKeywords = "reserved-relation-keywords";
    public const string InvalidName = "invalid-name";
    public const string DuplicatedError = "duplicated-error";
    public const string MissingDefinition = "missing-definition";
    public const string InvalidType = "invalid-type";
    public const string InvalidRelationType = "invalid-relation-type";
    public const string InvalidRelationOnTupleset = "invalid-relation-on-tupleset";
    public const string TuplesetNotDirect = "tupleuserset-not-direct";
    public const string TypeWildcardRelation = "type-wildcard-relation";
    public const string AssignableRelationMustHaveType = "assignable-relation-must-have-type";
    public const string RelationNoEntryPoint = "relation-no-entry-point";
    public const string ConditionNotDefined = "condition-not-defined";
    public const string ConditionNotUsed = "condition-not-used";
    public const string InvalidConditionParameterType = "invalid-condition-parameter-type";
    public const string InvalidAttributeType = "invalid-attribute-type";
    public const string EmptyConditionExpression = "condition-expression-empty";
    public const string DifferentNestedConditionName = "different-nested-condition-name";
    public const string MultipleModulesInFile = "multiple-modules-in-file";
    public const string UnsupportedRewrite = "unsupported-rewrite";
    public const string UnsupportedDslNesting = "unsupported-dsl-nesting";
}
