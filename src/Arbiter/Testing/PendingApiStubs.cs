// TEMPORARY: stand-ins for the parser branch's ModelJson and ModelPrinter so that branch `cli` builds before they land.
// Deleted when they are merged.
#pragma warning disable CA1812, IDE0060, CS1591
using Arbiter.Model;

namespace Arbiter.Parsing;

internal static class ModelJson
{
    public static ModelParseResult Parse(string json) =>
        new(null, [new ModelDiagnostic("not-available", "reading JSON models is not available in this build yet")]);

    public static string Write(AuthorizationModel model) =>
        throw new ArbiterException("writing JSON models is not available in this build yet");
}

internal static class ModelPrinter
{
    public static string ToDsl(AuthorizationModel model) =>
        throw new ArbiterException("printing models as DSL is not available in this build yet");
}
