namespace Arbiter.Policy.Yaml;

/// <summary>The diagnostic codes shared by Arbiter's YAML formats (directory, policy, policy tests).</summary>
internal static class YamlCodes
{
    /// <summary>The text is not well-formed YAML.</summary>
    public const string Syntax = "yaml-syntax";

    /// <summary>A value has the wrong shape, e.g. a number where a mapping is expected.</summary>
    public const string WrongShape = "wrong-shape";

    /// <summary>A key that the format does not know.</summary>
    public const string UnknownKey = "unknown-key";

    /// <summary>The same key twice in one mapping.</summary>
    public const string DuplicateKey = "duplicate-key";

    /// <summary>A required key is absent.</summary>
    public const string MissingKey = "missing-key";

    /// <summary>A name that cannot be used (empty, reserved, or with characters such as <c>:</c> or <c>#</c>).</summary>
    public const string InvalidName = "invalid-name";
}
