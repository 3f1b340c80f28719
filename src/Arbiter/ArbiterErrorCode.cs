namespace Arbiter;

/// <summary>
/// Error classes. The numeric values match OpenFGA's error codes so that its test suites can compare them.
/// </summary>
public enum ArbiterErrorCode
{
    /// <summary>The request or input is invalid (OpenFGA <c>validation_error</c>).</summary>
    ValidationError = 2000,

    /// <summary>A type named in a request or tuple is not in the model (OpenFGA <c>type_not_found</c>).</summary>
    TypeNotFound = 2021,

    /// <summary>A relation named in a request or tuple is not in the model (OpenFGA <c>relation_not_found</c>).</summary>
    RelationNotFound = 2022,

    /// <summary>A tuple is malformed or does not fit the model (OpenFGA <c>invalid_tuple</c>).</summary>
    InvalidTuple = 2027,

    /// <summary>Resolution went deeper than the depth limit of 25 (OpenFGA <c>authorization_model_resolution_too_complex</c>).</summary>
    ResolutionTooComplex = 2002,
}
