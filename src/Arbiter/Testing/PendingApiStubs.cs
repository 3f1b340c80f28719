// TEMPORARY: stand-ins for the parser and engine branches' APIs so that branch `cli` builds before they land.
// Deleted when `parser` and `engine` are merged; nothing here is ever used at run time.
#pragma warning disable CA1812, IDE0060, CS1591
using Arbiter.Model;

namespace Arbiter.Parsing
{
    internal sealed record ModelParseResult(AuthorizationModel? Model, IReadOnlyList<ModelDiagnostic> Diagnostics)
    {
        public bool Success => Model is not null && Diagnostics.Count == 0;
    }

    internal static class ModelParser
    {
        public static ModelParseResult Parse(string dsl, string? sourceName) =>
            new(null, [new ModelDiagnostic("not-available", "the DSL parser has not been merged yet")]);
    }

    internal static class ModelJson
    {
        public static ModelParseResult Parse(string json) =>
            new(null, [new ModelDiagnostic("not-available", "the JSON model reader has not been merged yet")]);

        public static string Write(AuthorizationModel model) => throw new NotSupportedException();
    }

    internal static class ModelPrinter
    {
        public static string ToDsl(AuthorizationModel model) => throw new NotSupportedException();
    }

    internal static class ModelValidator
    {
        public static IReadOnlyList<ModelDiagnostic> Validate(AuthorizationModel model) => [];
    }
}

namespace Arbiter
{
    internal sealed class AuthorizationEngineOptions;

    internal sealed class AuthorizationEngine : IAuthorizer
    {
        public string? ModelId => null;

        public long Revision => 0;

        public static AuthorizationEngine Create(AuthorizationModel model, AuthorizationEngineOptions? options = null) => throw new NotSupportedException();

        public long Write(IReadOnlyList<RelationshipTuple> writes, IReadOnlyList<RelationshipTuple>? deletes) => throw new NotSupportedException();

        public ValueTask<Decision> CheckAsync(CheckRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask<IReadOnlyList<Decision>> BatchCheckAsync(IReadOnlyList<CheckRequest> requests, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask<IReadOnlyList<string>> ListActionsAsync(ListActionsRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
