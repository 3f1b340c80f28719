namespace Arbiter;

public sealed partial class AuthorizationEngine
{
    /// <summary>
    /// Stores attribute values of entities atomically and returns the new revision. Each entry replaces all of that entity's
    /// values; <paramref name="clear"/> removes all values of the listed entities.
    /// </summary>
    /// <param name="set">The entities and their new values.</param>
    /// <param name="clear">Entities whose values are removed.</param>
    /// <returns>The new revision.</returns>
    /// <exception cref="ArbiterException">An entity's type is unknown, an attribute is not declared, or a value does not convert to its declared type. Nothing is written.</exception>
    public long WriteAttributes(IReadOnlyList<EntityAttributes> set, IReadOnlyList<ObjectRef>? clear = null) =>
        throw new NotSupportedException("in progress");
}
