using System.Globalization;
using System.Text;

namespace Arbiter.Conditions;

public readonly partial struct CelValue
{
    /// <summary>The value in CEL syntax (<c>1</c>, <c>2u</c>, <c>"s"</c>, <c>[1, 2]</c>, <c>timestamp("...")</c>), or the error or unknown.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        Append(builder, this, 0);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, in CelValue value, int depth)
    {
        if (depth > 32)
        {
            builder.Append("...");
            return;
        }
        switch (value.Kind)
        {
            case CelValueKind.None: builder.Append("<unset>"); break;
            case CelValueKind.Null: builder.Append("null"); break;
            case CelValueKind.Bool: builder.Append(value.BoolValue ? "true" : "false"); break;
            case CelValueKind.Int: builder.Append(value.IntValue.ToString(CultureInfo.InvariantCulture)); break;
            case CelValueKind.Uint: builder.Append(value.UIntValue.ToString(CultureInfo.InvariantCulture)).Append('u'); break;
            case CelValueKind.Double:
                var d = CelFormat.FormatDouble(value.DoubleValue);
                builder.Append(d);
                if (d.All(c => char.IsAsciiDigit(c) || c == '-'))
                {
                    builder.Append(".0");
                }
                break;
            case CelValueKind.String: builder.Append('"').Append(value.StringValue.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"'); break;
            case CelValueKind.Bytes: builder.Append("b\"").Append(string.Concat(value.BytesValue.Select(b => b is >= 32 and < 127 and not (byte)'"' and not (byte)'\\' ? ((char)b).ToString() : $"\\x{b:x2}"))).Append('"'); break;
            case CelValueKind.Timestamp: builder.Append("timestamp(\"").Append(CelTime.FormatTimestamp(value)).Append("\")"); break;
            case CelValueKind.Duration: builder.Append("duration(\"").Append(CelTime.FormatDuration(value.IntValue)).Append("\")"); break;
            case CelValueKind.Type: builder.Append(value.TypeRef.Name); break;
            case CelValueKind.IpAddress: builder.Append("ipaddress(\"").Append(value.IpValue).Append("\")"); break;
            case CelValueKind.Error: builder.Append("error: ").Append(value.ErrorRef.Message); break;
            case CelValueKind.Unknown: builder.Append("unknown: ").Append(string.Join(", ", value.UnknownRef.Variables)); break;
            case CelValueKind.List:
                builder.Append('[');
                var first = true;
                foreach (var item in value.ListValue.Items)
                {
                    builder.Append(first ? string.Empty : ", ");
                    Append(builder, item, depth + 1);
                    first = false;
                }
                builder.Append(']');
                break;
            case CelValueKind.Map:
                builder.Append('{');
                var firstEntry = true;
                foreach (var (key, entry) in value.MapValue)
                {
                    builder.Append(firstEntry ? string.Empty : ", ");
                    Append(builder, key, depth + 1);
                    builder.Append(": ");
                    Append(builder, entry, depth + 1);
                    firstEntry = false;
                }
                builder.Append('}');
                break;
        }
    }
}
