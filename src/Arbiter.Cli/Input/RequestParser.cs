using Arbiter.Model;

namespace Arbiter.Cli.Input;

/// <summary>Parses the user, relation and object of a request and checks them against the model, naming what is wrong.</summary>
internal static class RequestParser
{
    public static SubjectRef Subject(string text)
    {
        if (!SubjectRef.TryParse(text, out var subject, out var error))
        {
            throw new CliInputException(Describe("user", text, error));
        }
        return subject;
    }

    public static ObjectRef Object(string text)
    {
        if (!ObjectRef.TryParse(text, out var @object, out var error))
        {
            throw new CliInputException(Describe("object", text, error));
        }
        return @object;
    }

    private static string Describe(string what, string text, string error) =>
        error.Contains($"'{text}'", StringComparison.Ordinal) ? error : $"invalid {what} '{text}': {error}";

    /// <summary>Checks that the types and relations exist in the model.</summary>
    /// <exception cref="CliInputException">A type or relation is unknown; the message lists the known ones.</exception>
    public static void Validate(AuthorizationModel model, SubjectRef subject, string? relation, ObjectRef @object)
    {
        var objectType = FindType(model, @object.Type);
        var subjectType = FindType(model, subject.Type);
        if (subject.Relation is { } userset)
        {
            RequireRelation(subjectType, userset);
        }
        if (relation is not null)
        {
            RequireRelation(objectType, relation);
        }
    }

    private static TypeDefinition FindType(AuthorizationModel model, string name) =>
        model.Types.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal))
        ?? throw new CliInputException($"unknown type '{name}': the model's types are {string.Join(", ", model.Types.Select(static t => t.Name))}");

    private static void RequireRelation(TypeDefinition type, string relation)
    {
        if (!type.Relations.Any(r => string.Equals(r.Name, relation, StringComparison.Ordinal)))
        {
            var known = type.Relations.Count == 0 ? "it has no relations" : "its relations are " + string.Join(", ", type.Relations.Select(static r => r.Name));
            throw new CliInputException($"unknown relation '{relation}' on type '{type.Name}': {known}");
        }
    }
}
