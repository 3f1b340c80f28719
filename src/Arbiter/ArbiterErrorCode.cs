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

    /// <summary>The model version is not in the store, or the store has no model yet (OpenFGA <c>authorization_model_not_found</c>).</summary>
    ModelNotFound = 2001,

    /// <summary>A write's precondition failed: a tuple to add exists, a tuple to delete is missing, or a <c>Precondition</c> does not hold (OpenFGA <c>write_failed_due_to_invalid_input</c>).</summary>
    PreconditionFailed = 2017,

    /// <summary>A store with that id exists already.</summary>
    StoreExists = 2100,

    /// <summary>An import needs an empty store but this one has data.</summary>
    StoreNotEmpty = 2101,

    /// <summary>An idempotency key was used before by a different write.</summary>
    IdempotencyConflict = 2102,

    /// <summary>The change feed no longer has the changes asked for (the store was imported from a snapshot at a later revision).</summary>
    ChangesUnavailable = 2103,

    /// <summary>A request asked for a revision (<c>Consistency.AtLeast</c>) that the engine did not reach within its consistency timeout.</summary>
    ConsistencyTimeout = 2104,

    /// <summary>A snapshot is corrupt, truncated, tampered with (bad hash) or of an unknown format version.</summary>
    SnapshotInvalid = 2105,

    /// <summary>The database failed; see <see cref="ArbiterStorageException"/>.</summary>
    StorageError = 4000,

    /// <summary>The store does not exist (OpenFGA <c>store_id_not_found</c>).</summary>
    StoreNotFound = 5002,
}
