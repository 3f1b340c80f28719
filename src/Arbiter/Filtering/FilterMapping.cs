using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using System.Reflection;

namespace Arbiter.Filtering;

/// <summary>
/// Maps a filter's resource id and attribute names to the members of <typeparamref name="T"/>, for
/// <see cref="FilterExtensions.IsSatisfiedBy{T}(Filter, T, FilterMapping{T}?)"/> and
/// <see cref="FilterExtensions.ToExpression{T}(Filter, FilterMapping{T}?)"/>.
/// </summary>
/// <remarks>
/// <para>
/// Explicit mappings (<see cref="Id{TMember}"/>, <see cref="Attribute{TMember}"/>) win. Otherwise a name finds the public
/// property or field of <typeparamref name="T"/> with the same name (ordinal), else one whose name equals it ignoring case,
/// else the snake_case name in PascalCase ignoring case (<c>has_approval</c> → <c>HasApproval</c>). The id is the attribute
/// <c>id</c> (so the member <c>Id</c>) unless mapped. Id members may be <see cref="string"/>, <see cref="int"/>,
/// <see cref="long"/> or <see cref="Guid"/>: the filter's string ids are converted to that type (an id that is not the
/// canonical text of such a value, e.g. <c>"007"</c> for an <see cref="int"/>, matches nothing).
/// </para>
/// <para>
/// A filter that reads an attribute with no member is a mismatch between the model and the entity type: translating or
/// evaluating it throws <see cref="InvalidOperationException"/> naming the attribute and the type. A mapping is safe to share
/// between threads once configured.
/// </para>
/// </remarks>
/// <typeparam name="T">The resource type.</typeparam>
public sealed class FilterMapping<[DynamicallyAccessedMembers(FilterExtensions.Members)] T>
{

    private const string IdName = "id";
    private readonly Dictionary<string, LambdaExpression> explicitMembers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, MappedMember?> resolved = new(StringComparer.Ordinal);
    private LambdaExpression? id;

    /// <summary>The mapping by convention alone (shared; do not configure it).</summary>
    internal static FilterMapping<T> Default { get; } = new();

    /// <summary>Maps the resource id to a member: <c>mapping.Id(d =&gt; d.Key)</c>.</summary>
    /// <param name="member">The member, as an expression over the resource.</param>
    /// <typeparam name="TMember">The member's type: <see cref="string"/>, <see cref="int"/>, <see cref="long"/> or <see cref="Guid"/>.</typeparam>
    /// <returns>This mapping.</returns>
    /// <exception cref="ArgumentException">The member's type cannot hold ids.</exception>
    public FilterMapping<T> Id<TMember>(Expression<Func<T, TMember>> member)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!FilterIds.IsIdType(typeof(TMember)))
        {
            throw new ArgumentException($"The id member of {typeof(T).Name} must be string, int, long or Guid, not {typeof(TMember).Name}.", nameof(member));
        }
        id = member;
        resolved.Clear();
        return this;
    }

    /// <summary>Maps an attribute to a member: <c>mapping.Attribute("department", d =&gt; d.Dept)</c>.</summary>
    /// <param name="attribute">The attribute name, as the model and the filter spell it.</param>
    /// <param name="member">The member, as an expression over the resource (a property, a field, or a path through them).</param>
    /// <typeparam name="TMember">The member's type.</typeparam>
    /// <returns>This mapping.</returns>
    public FilterMapping<T> Attribute<TMember>(string attribute, Expression<Func<T, TMember>> member)
    {
        ArgumentException.ThrowIfNullOrEmpty(attribute);
        ArgumentNullException.ThrowIfNull(member);
        explicitMembers[attribute] = member;
        resolved.Clear();
        return this;
    }

    /// <summary>The id member.</summary>
    /// <exception cref="InvalidOperationException">The type has no id member, or its type cannot hold ids.</exception>
    internal MappedMember IdMember
    {
        get
        {
            var member = resolved.GetOrAdd(string.Empty, _ => id is not null ? new MappedMember(id.Parameters[0], id.Body) : Convention(IdName));
            if (member is null)
            {
                throw new InvalidOperationException(
                    $"The filter matches resource ids, and {typeof(T).Name} has no member 'Id'; map it with FilterMapping<{typeof(T).Name}>.Id(...).");
            }
            if (!FilterIds.IsIdType(member.Type))
            {
                throw new InvalidOperationException(
                    $"The id member of {typeof(T).Name} is a {member.Type.Name}; ids must be string, int, long or Guid: map another with FilterMapping<{typeof(T).Name}>.Id(...).");
            }
            return member;
        }
    }

    /// <summary>The member of an attribute.</summary>
    /// <exception cref="InvalidOperationException">The type has no member for it.</exception>
    internal MappedMember Member(string attribute) => TryMember(attribute) ?? throw new InvalidOperationException(
        $"The filter reads the attribute '{attribute}', and {typeof(T).Name} has no member for it; map one with FilterMapping<{typeof(T).Name}>.Attribute(\"{attribute}\", ...).");

    /// <summary>The member of an attribute, or <see langword="null"/>.</summary>
    internal MappedMember? TryMember(string attribute) => resolved.GetOrAdd("." + attribute, static (_, state) =>
        state.self.explicitMembers.TryGetValue(state.attribute, out var lambda) ? new MappedMember(lambda.Parameters[0], lambda.Body) : state.self.Convention(state.attribute),
        (self: this, attribute));

    /// <summary>The attribute names a resource has under this mapping (explicit ones and every public member).</summary>
    internal IEnumerable<string> AttributeNames =>
        explicitMembers.Keys.Concat(Candidates().Select(m => m.Name)).Distinct(StringComparer.Ordinal);

    private MappedMember? Convention(string name)
    {
        var candidates = Candidates().ToList();
        var pascal = string.Concat(name.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
        foreach (var matches in (IEnumerable<Func<MemberInfo, bool>>)[
                     m => string.Equals(m.Name, name, StringComparison.Ordinal),
                     m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase),
                     m => pascal.Length > 0 && string.Equals(m.Name, pascal, StringComparison.OrdinalIgnoreCase)])
        {
            var found = candidates.Where(matches).ToList();
            if (found.Count > 1)
            {
                throw new InvalidOperationException(
                    $"The attribute '{name}' matches several members of {typeof(T).Name} ({string.Join(", ", found.Select(f => f.Name))}); map it with FilterMapping<{typeof(T).Name}>.Attribute(\"{name}\", ...).");
            }
            if (found.Count == 1)
            {
                var parameter = Expression.Parameter(typeof(T), "resource");
                var access = found[0] is PropertyInfo property ? Expression.Property(parameter, property) : Expression.Field(parameter, (FieldInfo)found[0]);
                return new MappedMember(parameter, access);
            }
        }
        return null;
    }

    private static IEnumerable<MemberInfo> Candidates() =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetMethod!.IsPublic)
            .Cast<MemberInfo>()
            .Concat(typeof(T).GetFields(BindingFlags.Public | BindingFlags.Instance));

    /// <summary>A mapped member: the expression over the resource, and its compiled reader for in-memory use.</summary>
    internal sealed class MappedMember(ParameterExpression parameter, Expression body)
    {
        private Func<T, object?>? reader;

        /// <summary>The resource parameter of <see cref="Body"/>.</summary>
        public ParameterExpression Parameter { get; } = parameter;

        /// <summary>The member's access expression over <see cref="Parameter"/>.</summary>
        public Expression Body { get; } = body;

        /// <summary>The member's type.</summary>
        public Type Type => Body.Type;

        /// <summary>The member's value on a resource (null when a path through it meets null).</summary>
        public object? Read(T resource)
        {
            reader ??= CompileReader();
            try
            {
                return reader(resource);
            }
            catch (NullReferenceException)
            {
                return null;
            }
        }

        private Func<T, object?> CompileReader()
        {
            return Expression.Lambda<Func<T, object?>>(Expression.Convert(Body, typeof(object)), Parameter).Compile(preferInterpretation: !System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeCompiled);
        }
    }
}
