using Arbiter.Model;

namespace Arbiter.Cli.Output;

/// <summary>Formats a diagnostic as compilers do: <c>file:line:column: message</c>, or <c>file: message</c> when there is no position.</summary>
internal static class DiagnosticText
{
    public static string Format(ModelDiagnostic diagnostic)
    {
        var where = (diagnostic.Source, diagnostic.Span) switch
        {
            ({ } file, { } span) => $"{file}:{span.Line}:{span.Column}: ",
            ({ } file, null) => file + ": ",
            (null, { } span) => $"{span.Line}:{span.Column}: ",
            _ => string.Empty,
        };
        return where + diagnostic.Message;
    }
}
