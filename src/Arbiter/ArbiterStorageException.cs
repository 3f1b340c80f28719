namespace Arbiter;

/// <summary>
/// The database behind a store failed (unreachable, timed out, disk full, corrupt). The inner exception is the driver's.
/// Messages never contain tuple contents or attribute values.
/// </summary>
public sealed class ArbiterStorageException : ArbiterException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed, e.g. "cannot read the changes of store 'x' from postgres:host=db".</param>
    /// <param name="isTransient">Whether retrying later may succeed (a connection refused or lost, a timeout, a serialization failure).</param>
    /// <param name="innerException">The driver's exception.</param>
    public ArbiterStorageException(string message, bool isTransient, Exception? innerException = null)
        : base(message, innerException!)
    {
        IsTransient = isTransient;
        Code = ArbiterErrorCode.StorageError;
    }

    /// <summary>Whether retrying later may succeed.</summary>
    public bool IsTransient { get; }
}
