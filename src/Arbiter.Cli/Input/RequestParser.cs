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

    /// <summary>Checks that the subject's type (and userset relation), the object type and the relation exist in the model.</summary>
    /// <exception cref="CliInputException">A type or relation is unknown; the message lists the known ones.</exception>
    public static void Validate(AuthorizationModel model, SubjectRef subject, string relation, string objectType)
    {
        var type = FindType(model, objectType);
        var subjectType = FindType(model, subject.Type);
        if (subject.Relation is { } userset)
        {
            RequireRelation(subjectType, userset);
        }
        RequireRelation(type, relation);
    }

    /// <summary>Checks that the object's type exists and defines the relation.</summary>
    /// <exception cref="CliInputException">The type or relation is unknown; the message lists the known ones.</exception>
    public static void Validate(AuthorizationModel model, string relation, ObjectRef @object) => RequireRelation(FindType(model, @object.Type), relation);

    /// <summary>Parses the values of <c>--filter</c>: each is <c>type</c> or <c>type#relation</c>, or several of them separated by commas.</summary>
    /// <exception cref="CliInputException">There is none, or one is malformed.</exception>
    public static IReadOnlyList<SubjectFilter> Filters(IEnumerable<string> values)
    {
        var filters = new List<SubjectFilter>();
        foreach (var value in values)
        {
            foreach (var text in value.Split(',', StringSplitOptions.TrimEntries))
            {
                if (!TryParseFilter(text, out var filter))
                {
                    throw new CliInputException($"invalid --filter '{text}': expected a subject type such as 'user' or a userset such as 'group#member'");
                }
                if (!filters.Contains(filter))
                {
                    filters.Add(filter);
                }
            }
        }
        return filters.Count > 0
            ? filters
            : throw new CliInputException("at least one --filter is needed: the kinds of subjects to list, e.g. --filter user or --filter group#member");
    }

    private static bool TryParseFilter(string text, out SubjectFilter filter)
    {
        filter = null!;
        if (text.Length == 0 || text.Any(static c => char.IsWhiteSpace(c) || c == '@'))
        {
            return false;
        }
        try
        {
            filter = SubjectFilter.Parse(text);
            return filter.Relation is null || !filter.Relation.Contains('#', StringComparison.Ordinal);
        }
        catch (TupleFormatException)
        {
            return false;
        }
    }

    /// <summary>Checks that the types and userset relations of the filters exist in the model.</summary>
    /// <exception cref="CliInputException">A type or relation is unknown; the message lists the known ones.</exception>
    public static void Validate(AuthorizationModel model, IEnumerable<SubjectFilter> filters)
    {
        foreach (var filter in filters)
        {
            var type = FindType(model, filter.Type);
            if (filter.Relation is { } relation)
            {
                RequireRelation(type, relation);
            }
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
