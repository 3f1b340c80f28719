using System.Text;

namespace Arbiter.Conformance.Tests.Cel;

/// <summary>A message read from protobuf text format: its fields in order, each a scalar token or a nested message.</summary>
internal sealed class TextProtoMessage
{
    public List<(string Name, object Value)> Fields { get; } = [];

    public IEnumerable<TextProtoMessage> Messages(string name) =>
        Fields.Where(f => f.Name == name && f.Value is TextProtoMessage).Select(f => (TextProtoMessage)f.Value);

    public TextProtoMessage? Message(string name) => Messages(name).FirstOrDefault();

    public TextProtoScalar? Scalar(string name) =>
        Fields.Where(f => f.Name == name && f.Value is TextProtoScalar).Select(f => (TextProtoScalar)f.Value).FirstOrDefault();

    public string? String(string name) => Scalar(name)?.Text;

    public bool Has(string name) => Fields.Exists(f => f.Name == name);
}

/// <summary>A scalar: a quoted string (kept as its bytes) or a bare token (number, enum name, true/false).</summary>
internal sealed record TextProtoScalar(bool Quoted, string Token, byte[] Bytes)
{
    /// <summary>A string's text (UTF-8), or the bare token.</summary>
    public string Text => Quoted ? Encoding.UTF8.GetString(Bytes) : Token;
}
