namespace Arbiter.Conditions;

/// <summary>An evaluation error. The common ones are shared instances, so even failing evaluations rarely allocate.</summary>
internal sealed class CelError(string message)
{
    public static readonly CelError DivideByZero = new("divide by zero");
    public static readonly CelError ModulusByZero = new("modulus by zero");
    public static readonly CelError IntegerOverflow = new("integer overflow");
    public static readonly CelError NoSuchKey = new("no such key");
    public static readonly CelError IndexOutOfRange = new("index out of range");
    public static readonly CelError CostExceeded = new("evaluation cost limit exceeded");
    public static readonly CelError TimestampRange = new("timestamp out of range");
    public static readonly CelError DurationRange = new("duration out of range");

    public string Message { get; } = message;

    public override string ToString() => Message;
}
