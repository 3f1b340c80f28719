using System.Security.Cryptography;

namespace Arbiter.Engine;

/// <summary>
/// Makes ULID-style ids: 48 bits of milliseconds from the <see cref="TimeProvider"/> and 80 random bits,
/// 26 Crockford base-32 characters; monotonic within one generator (a later id never sorts first).
/// </summary>
internal sealed class ModelIdGenerator(TimeProvider time)
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private readonly Lock _gate = new();
    private long _lastMs = -1;
    private UInt128 _lastRandom;

    public string Next()
    {
        lock (_gate)
        {
            var ms = Math.Max(time.GetUtcNow().ToUnixTimeMilliseconds(), 0);
            UInt128 random;
            if (ms <= _lastMs)
            {
                ms = _lastMs;
                random = (_lastRandom + 1) & ((UInt128.One << 80) - 1);
            }
            else
            {
                Span<byte> bytes = stackalloc byte[16];
                RandomNumberGenerator.Fill(bytes);
                random = new UInt128(BitConverter.ToUInt64(bytes), BitConverter.ToUInt64(bytes[8..])) & ((UInt128.One << 80) - 1);
            }
            _lastMs = ms;
            _lastRandom = random;
            var value = ((UInt128)(ulong)ms << 80) | random;
            Span<char> chars = stackalloc char[26];
            for (var i = 25; i >= 0; i--)
            {
                chars[i] = Alphabet[(int)(value & 31)];
                value >>= 5;
            }
            return new string(chars);
        }
    }
}
