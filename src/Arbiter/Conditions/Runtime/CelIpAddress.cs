using System.Net;
using System.Net.Sockets;

namespace Arbiter.Conditions;

/// <summary>OpenFGA's <c>ipaddress</c> value: an IPv4 or IPv6 address, with <c>in_cidr</c>.</summary>
internal sealed class CelIpAddress(IPAddress address)
{
    public IPAddress Address { get; } = address;

    public static bool TryParse(string text, out CelIpAddress? address)
    {
        address = null;
        if (text.Length == 0 || text.Length > 64 || text.Contains('/', StringComparison.Ordinal) || !IPAddress.TryParse(text, out var parsed))
        {
            return false;
        }
        // IPAddress.TryParse accepts forms such as "1" or "0x7f.1"; OpenFGA (Go's netip) takes only dotted quads and IPv6.
        if (parsed.AddressFamily == AddressFamily.InterNetwork && text.Count(c => c == '.') != 3)
        {
            return false;
        }
        address = new CelIpAddress(parsed);
        return true;
    }

    /// <summary>Whether the address lies in <paramref name="cidr"/> (<c>192.168.0.0/24</c>); <see langword="null"/> when the CIDR is malformed.</summary>
    public bool? InCidr(string cidr)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || !TryParse(cidr[..slash], out var network)
            || !int.TryParse(cidr.AsSpan(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bits))
        {
            return null;
        }
        var networkBytes = network!.Address.GetAddressBytes();
        if (bits > networkBytes.Length * 8)
        {
            return null;
        }
        var bytes = Address.GetAddressBytes();
        if (bytes.Length != networkBytes.Length)
        {
            return false;
        }
        for (var i = 0; i < bits; i++)
        {
            var mask = 0x80 >> (i % 8);
            if ((bytes[i / 8] & mask) != (networkBytes[i / 8] & mask))
            {
                return false;
            }
        }
        return true;
    }

    public bool SameAs(CelIpAddress other) => Address.Equals(other.Address);

    public override string ToString() => Address.ToString();
}
