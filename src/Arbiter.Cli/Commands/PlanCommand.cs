using System.CommandLine;
using System.Text.Json.Nodes;
using Arbiter.Cli.Input;
using Arbiter.Cli.Output;
using Arbiter.Filtering;

namespace Arbiter.Cli.Commands;

/// <summary><c>arbiter plan USER RELATION TYPE</c>: USER's RELATION over resources of TYPE as a filter: readable, SQL or JSON.</summary>
internal static class PlanCommand
{
    public static Command Create(CliContext context)
    {
        var user = new Argument<string>("user") { Description = "The user (subject), e.g. user:anne." };
        var relation = new Argument<string>("relation") { Description = "The relation or permission, e.g. can_view." };
        var type = new Argument<string>("type") { Description = "The resource type the filter is over, e.g. document." };
        var sql = new Option<string?>("--sql")
        {
            Description = "Print the filter as a parameterized SQL WHERE condition for 'sqlite' or 'postgres', then its parameters.",
            HelpName = "DIALECT",
        };
        var idColumn = new Option<string>("--id-column")
        {
            Description = "With --sql: the column holding the resource id. Default: id.",
            HelpName = "COLUMN",
            DefaultValueFactory = _ => "id",
        };
        var columns = new Option<string[]>("--column")
        {
            Description = "With --sql: the column of an attribute, 'attribute=column' (repeatable). Default: the attribute's name.",
            HelpName = "ATTRIBUTE=COLUMN",
            AllowMultipleArgumentsPerToken = false,
        };
        var input = new StoreInput();
        var json = Options.Json();
        var command = new Command("plan",
            "Print USER's RELATION over resources of TYPE as a filter: the ids reachable through relationships, and the\n" +
            "conditions attribute rules leave on the resources' attributes (what is known of the user and the context is\n" +
            "folded in). Exit code 0, 2 for bad input.\n" +
            "Example: arbiter plan user:bob can_read data --store-file samples/data/store.fga.yaml --sql sqlite")
        {
            user, relation, type,
        };
        command.Options.Add(sql);
        command.Options.Add(idColumn);
        command.Options.Add(columns);
        input.AddTo(command, objectAttributes: false);
        command.Options.Add(json);
        CommandAction.Set(command, context, json, async (parseResult, cancellationToken) =>
        {
            var subject = RequestParser.Subject(parseResult.GetValue(user)!);
            var relationName = parseResult.GetValue(relation)!;
            var resourceType = parseResult.GetValue(type)!;
            var dialect = Dialect(parseResult.GetValue(sql));
            var mapping = dialect is null ? null : Mapping(parseResult.GetValue(idColumn)!, parseResult.GetValue(columns) ?? []);
            var extras = input.ReadRequestExtras(parseResult);
            await using var store = await input.LoadAsync(parseResult, context, cancellationToken).ConfigureAwait(false);
            RequestParser.Validate(store.Model, subject, relationName, resourceType);
            var plan = await store.Authorizer.PlanAsync(new PlanRequest(subject, relationName, resourceType)
            {
                Context = extras.Context,
                ContextualTuples = extras.ContextualTuples,
                SubjectAttributes = extras.SubjectAttributes,
            }, cancellationToken).ConfigureAwait(false);
            SqlFilter? where = null;
            if (dialect is { } d)
            {
                where = ToSql(plan.Filter, d, mapping!);
            }
            if (parseResult.GetValue(json))
            {
                await JsonOutput.WriteAsync(context, new JsonObject
                {
                    ["user"] = subject.ToString(),
                    ["relation"] = relationName,
                    ["type"] = resourceType,
                    ["filter"] = FilterJson.ToJson(plan.Filter),
                    ["text"] = plan.Filter.ToString(),
                    ["sql"] = where is null ? null : new JsonObject
                    {
                        ["where"] = where.Where,
                        ["parameters"] = new JsonObject(where.Parameters.Select(p => KeyValuePair.Create(p.Name, JsonOutput.FromValue(p.Value)))),
                    },
                    ["modelId"] = plan.ModelId,
                    ["revision"] = plan.Revision,
                }).ConfigureAwait(false);
            }
            else if (where is not null)
            {
                await context.Out.WriteLineAsync(where.Where).ConfigureAwait(false);
                foreach (var parameter in where.Parameters)
                {
                    await context.Out.WriteLineAsync($"  {parameter.Name} = {Display(parameter.Value)}").ConfigureAwait(false);
                }
            }
            else
            {
                await context.Out.WriteLineAsync($"{resourceType} where {plan.Filter}").ConfigureAwait(false);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static SqlDialect? Dialect(string? text) => text switch
    {
        null => null,
        "sqlite" => SqlDialect.Sqlite,
        "postgres" or "postgresql" => SqlDialect.PostgreSql,
        _ => throw new CliInputException($"invalid --sql '{text}': expected 'sqlite' or 'postgres'"),
    };

    private static SqlMapping Mapping(string idColumn, string[] columns)
    {
        try
        {
            var mapping = new SqlMapping(idColumn);
            foreach (var column in columns)
            {
                var eq = column.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0 || eq == column.Length - 1)
                {
                    throw new CliInputException($"invalid --column '{column}': expected 'attribute=column'");
                }
                mapping.Column(column[..eq], column[(eq + 1)..]);
            }
            return mapping;
        }
        catch (ArgumentException e)
        {
            throw new CliInputException($"invalid column mapping: {e.Message}");
        }
    }

    private static SqlFilter ToSql(Filter filter, SqlDialect dialect, SqlMapping mapping)
    {
        try
        {
            foreach (var attribute in Attributes(filter).Distinct(StringComparer.Ordinal))
            {
                if (!mapping.Columns.ContainsKey(attribute))
                {
                    mapping.Column(attribute, attribute); // by default an attribute's column has its name
                }
            }
            return filter.ToSql(dialect, mapping);
        }
        catch (Exception e) when (e is NotSupportedException or ArgumentException or InvalidOperationException)
        {
            throw new CliInputException($"the filter cannot be written as SQL: {e.Message}");
        }
    }

    private static IEnumerable<string> Attributes(Filter filter) => filter switch
    {
        AndFilter a => a.Operands.SelectMany(Attributes),
        OrFilter o => o.Operands.SelectMany(Attributes),
        NotFilter n => Attributes(n.Operand),
        PresentFilter p => [p.Attribute],
        CompareFilter c => [c.Attribute],
        InFilter i => [i.Attribute],
        StringMatchFilter m => [m.Attribute],
        _ => [],
    };

    private static string Display(object value) => value switch
    {
        string s => "'" + s + "'",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
