using System.Diagnostics.CodeAnalysis;
using Arbiter.Model;

namespace Arbiter.Conditions;

/// <summary>
/// The variables an expression may use, each with its type and a slot number in <see cref="CelActivation"/>. Names may be
/// qualified (<c>request.ip</c>). OpenFGA condition parameters map here one to one (<see cref="FromParameters"/>).
/// </summary>
public sealed class CelDeclarations
{
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly List<KeyValuePair<string, CelType>> _variables = [];
    private readonly Dictionary<string, (string Owner, string? Unavailable)> _namespaces = new(StringComparer.Ordinal);

    /// <summary>The declared variables in slot order.</summary>
    public IReadOnlyList<KeyValuePair<string, CelType>> Variables => _variables;

    /// <summary>Declares a variable; returns this, for chaining.</summary>
    /// <exception cref="ArgumentException">The name is not a (dotted) identifier, is reserved, or is declared already.</exception>
    public CelDeclarations Add(string name, CelType type)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(type);
        foreach (var part in name.Split('.'))
        {
            if (part.Length == 0 || !(char.IsAsciiLetter(part[0]) || part[0] == '_') || !part.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
                || part is "true" or "false" or "null" or "in")
            {
                throw new ArgumentException($"'{name}' is not a valid CEL variable name.", nameof(name));
            }
        }
        if (!_slots.TryAdd(name, _variables.Count))
        {
            throw new ArgumentException($"The variable '{name}' is declared twice.", nameof(name));
        }
        _variables.Add(new KeyValuePair<string, CelType>(name, type));
        return this;
    }

    /// <summary>Declarations for the parameters of an OpenFGA condition (<c>condition c(x: int, ips: list&lt;ipaddress&gt;)</c>).</summary>
    /// <exception cref="ArgumentException">A parameter has an unknown type or a duplicate name.</exception>
    public static CelDeclarations FromParameters(IEnumerable<ConditionParameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var declarations = new CelDeclarations();
        foreach (var parameter in parameters)
        {
            declarations.Add(parameter.Name, CelType.FromParameterType(parameter.Type));
        }
        return declarations;
    }

    /// <summary>
    /// Declares a namespace of attributes (<c>subject</c>): not a value itself; the variables <c>subject.name</c> declared
    /// under it are attributes, which may be absent (reading an absent one is an error; <c>has(subject.name)</c> tests it).
    /// </summary>
    /// <param name="name">The namespace's name.</param>
    /// <param name="owner">What declares its attributes, for messages: <c>type 'user'</c>.</param>
    /// <param name="unavailable">Why no attribute can be read here, when none can; otherwise <see langword="null"/>.</param>
    internal CelDeclarations AddNamespace(string name, string owner, string? unavailable = null)
    {
        _namespaces[name] = (owner, unavailable);
        return this;
    }

    /// <summary>Whether <paramref name="name"/> is a namespace of attributes, and what declares them.</summary>
    internal bool IsNamespace(string name, [NotNullWhen(true)] out string? owner)
    {
        var found = _namespaces.TryGetValue(name, out var entry);
        owner = found ? entry.Owner : null;
        return found;
    }

    /// <summary>Why no attribute of the namespace can be read here, or <see langword="null"/>.</summary>
    internal string? UnavailableReason(string name) => _namespaces.TryGetValue(name, out var entry) ? entry.Unavailable : null;

    /// <summary>Whether <paramref name="name"/> is an attribute: a variable directly under a namespace.</summary>
    internal bool IsAttribute(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot > 0 && _namespaces.ContainsKey(name[..dot]) && _slots.ContainsKey(name);
    }

    /// <summary>The attribute names declared under a namespace.</summary>
    internal IEnumerable<string> AttributesOf(string space)
    {
        var prefix = space + ".";
        return _variables.Where(v => v.Key.StartsWith(prefix, StringComparison.Ordinal) && v.Key.IndexOf('.', prefix.Length) < 0)
            .Select(v => v.Key[prefix.Length..]);
    }

    /// <summary>The slot of a variable in an activation, or -1 when it is not declared.</summary>
    public int SlotOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _slots.TryGetValue(name, out var slot) ? slot : -1;
    }

    /// <summary>The declared type of a variable.</summary>
    public bool TryGetType(string name, [NotNullWhen(true)] out CelType? type)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_slots.TryGetValue(name, out var slot))
        {
            type = _variables[slot].Value;
            return true;
        }
        type = null;
        return false;
    }
}
