namespace Arbiter.Model;

/// <summary>
/// An authorization model as written: types with their relations, and conditions.
/// Every syntax (OpenFGA DSL, OpenFGA JSON, Arbiter policy YAML, C#) produces this one form;
/// source positions are kept so that later stages can report problems with line:column.
/// </summary>
public sealed partial record AuthorizationModel
{
    /// <summary>The schema version; Arbiter reads <c>1.1</c>.</summary>
    public string SchemaVersion { get; init; } = "1.1";

    /// <summary>The model's id, when it has been stored; <see langword="null"/> for a model not yet written.</summary>
    public string? Id { get; init; }

    /// <summary>The type definitions, in source order.</summary>
    public IReadOnlyList<TypeDefinition> Types { get; init; } = [];

    /// <summary>The condition definitions, in source order.</summary>
    public IReadOnlyList<ConditionDefinition> Conditions { get; init; } = [];

    /// <summary>Where the <c>model</c> header is, when parsed from text.</summary>
    public SourceSpan? Span { get; init; }
}

/// <summary>A type (<c>type document</c>), its attributes and its relations.</summary>
/// <param name="Name">The type name.</param>
/// <param name="Relations">The relations, in source order.</param>
public sealed record TypeDefinition(string Name, IReadOnlyList<RelationDefinition> Relations)
{
    /// <summary>
    /// The typed attributes entities of this type carry (<c>attributes</c> block; an Arbiter extension of the OpenFGA DSL),
    /// in source order. Conditions read them as <c>subject.name</c> and <c>object.name</c>.
    /// </summary>
    public IReadOnlyList<AttributeDefinition> Attributes { get; init; } = [];

    /// <summary>Where the type name is, when parsed from text.</summary>
    public SourceSpan? Span { get; init; }
}

/// <summary>A relation (<c>define viewer: [user] or editor</c>).</summary>
/// <param name="Name">The relation name.</param>
/// <param name="Rewrite">How the relation is computed.</param>
/// <param name="DirectlyRelatedTypes">The direct type restrictions (<c>[user, group#member]</c>); empty when the rewrite has no direct part.</param>
public sealed record RelationDefinition(string Name, Userset Rewrite, IReadOnlyList<RelationReference> DirectlyRelatedTypes)
{
    /// <summary>Where the relation name is, when parsed from text.</summary>
    public SourceSpan? Span { get; init; }
}

/// <summary>
/// One entry of a direct type restriction: <c>user</c>, <c>user:*</c>, <c>group#member</c>, optionally <c>with condition</c>.
/// </summary>
/// <param name="Type">The subject type.</param>
/// <param name="Relation">The userset relation for <c>group#member</c>; otherwise <see langword="null"/>.</param>
/// <param name="Wildcard"><see langword="true"/> for <c>user:*</c>.</param>
/// <param name="Condition">The condition name for <c>with cond</c>; otherwise <see langword="null"/>.</param>
public sealed record RelationReference(string Type, string? Relation = null, bool Wildcard = false, string? Condition = null)
{
    /// <summary>Where the reference is, when parsed from text.</summary>
    public SourceSpan? Span { get; init; }

    /// <inheritdoc />
    public override string ToString()
    {
        var subject = Wildcard ? Type + ":*" : Relation is null ? Type : Type + "#" + Relation;
        return Condition is null ? subject : subject + " with " + Condition;
    }
}

/// <summary>A typed attribute of a type (<c>department: string</c> in a type's <c>attributes</c> block).</summary>
/// <param name="Name">The attribute name.</param>
/// <param name="Type">The attribute type; the same types as condition parameters.</param>
public sealed record AttributeDefinition(string Name, ConditionParameterType Type)
{
    /// <summary>Where the attribute is, when parsed from text.</summary>
    public SourceSpan? Span { get; init; }
}

/// <summary>A condition (<c>condition name(x: int) { x &lt; 100 }</c>).</summary>
/// <param name="Name">The condition name.</param>
/// <param name="Expression">The CEL expression text, as written.</param>
/// <param name="Parameters">The typed parameters, in source order.</param>
public sealed record ConditionDefinition(string Name, string Expression, IReadOnlyList<ConditionParameter> Parameters)
{
    /// <summary>Where the condition name is, when parsed from text.</summary>
    public SourceSpan? Span { get; init; }

    /// <summary>Where the expression starts, when parsed from text (for errors inside the expression).</summary>
    public SourceSpan? ExpressionSpan { get; init; }
}

/// <summary>A condition parameter.</summary>
/// <param name="Name">The parameter name.</param>
/// <param name="Type">The parameter type.</param>
public sealed record ConditionParameter(string Name, ConditionParameterType Type)
{
    /// <summary>Where the parameter is, when parsed from text.</summary>
    public SourceSpan? Span { get; init; }
}

/// <summary>
/// A condition parameter type as written in the DSL: <c>int</c>, <c>string</c>, <c>list&lt;string&gt;</c>, <c>map&lt;int&gt;</c>...
/// </summary>
/// <param name="Name">The DSL type name: <c>bool</c>, <c>int</c>, <c>uint</c>, <c>double</c>, <c>string</c>, <c>bytes</c>, <c>duration</c>, <c>timestamp</c>, <c>ipaddress</c>, <c>any</c>, <c>list</c> or <c>map</c>.</param>
/// <param name="GenericTypes">The element type for <c>list</c> and the value type for <c>map</c>; empty otherwise.</param>
public sealed record ConditionParameterType(string Name, IReadOnlyList<ConditionParameterType> GenericTypes)
{
    /// <summary>Creates a type with no generic arguments.</summary>
    public ConditionParameterType(string name) : this(name, []) { }

    /// <inheritdoc />
    public override string ToString() => GenericTypes.Count == 0 ? Name : $"{Name}<{string.Join(", ", GenericTypes)}>";
}
