using Arbiter.Model;

namespace Arbiter.Storage;

/// <summary>A stored model version.</summary>
/// <param name="Id">The version id (a ULID: later versions sort after earlier ones).</param>
/// <param name="Revision">The store revision at which it was written.</param>
/// <param name="CreatedAt">When it was written.</param>
/// <param name="Model">The model; its <see cref="AuthorizationModel.Id"/> is <paramref name="Id"/>.</param>
public sealed record StoredModel(string Id, long Revision, DateTimeOffset CreatedAt, AuthorizationModel Model);

/// <summary>A model version without its content, for listings.</summary>
/// <param name="Id">The version id.</param>
/// <param name="Revision">The store revision at which it was written.</param>
/// <param name="CreatedAt">When it was written.</param>
public sealed record StoredModelInfo(string Id, long Revision, DateTimeOffset CreatedAt);
