namespace Arbiter;

/// <summary>
/// The attribute values of one entity (<c>user:anne</c>, <c>document:1</c>), as stored with
/// <see cref="AuthorizationEngine.WriteAttributes"/>: a write replaces all of the entity's values.
/// </summary>
/// <param name="Entity">The entity.</param>
/// <param name="Values">
/// The values by attribute name. Each name must be an attribute the entity's type declares and each value must convert
/// to the declared type: <see cref="long"/>/<see cref="int"/> for <c>int</c>, <see cref="string"/>, <see cref="bool"/>,
/// <see cref="double"/>, <see cref="DateTimeOffset"/> or an RFC 3339 string for <c>timestamp</c>, <see cref="TimeSpan"/> or a
/// CEL duration string (<c>"1h30m"</c>) for <c>duration</c>, lists and string-keyed dictionaries for <c>list</c> and <c>map</c>.
/// </param>
public sealed record EntityAttributes(ObjectRef Entity, IReadOnlyDictionary<string, object?> Values);
