using Arbiter.Model;

namespace Arbiter.Cli.Input;

/// <summary>A model and an authorizer over it with the given tuples written.</summary>
internal sealed record LoadedStore(AuthorizationModel Model, IAuthorizer Authorizer);
