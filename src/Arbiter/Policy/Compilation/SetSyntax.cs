using Arbiter.Policy.Yaml;

namespace Arbiter.Policy.Compilation;

/// <summary>
/// A named user set (<c>userSets:</c>) or resource set (<c>resourceSets:</c>, with <see cref="Resource"/>): a condition
/// over the subject, the resource and the request context.
/// </summary>
internal sealed record SetSyntax(Named Name, Named? Resource, YScalar When);
