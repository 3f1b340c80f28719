namespace Arbiter.Storage;

/// <summary>A store: an isolated namespace of model versions, tuples and attributes.</summary>
/// <param name="Id">The id.</param>
/// <param name="Name">The display name.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record StoreInfo(string Id, string Name, DateTimeOffset CreatedAt);
