namespace Arbiter.Policy.Compilation;

/// <summary>A declared attribute (<c>department: string</c>) with its type as written (<c>list&lt;string&gt;</c>).</summary>
internal sealed record AttributeSyntax(Named Name, Named Type);
