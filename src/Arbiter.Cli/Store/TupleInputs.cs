using System.CommandLine;
using Arbiter.Cli.Input;
using Arbiter.Testing;

namespace Arbiter.Cli.Store;

/// <summary><c>--tuple</c> and <c>--tuples FILE</c> for the commands that write or delete tuples.</summary>
internal sealed class TupleInputs(string verb)
{
    public Option<string[]> Tuples { get; } = new("--tuple", "-t")
    {
        Description = $"A tuple to {verb}, 'object#relation@user', e.g. 'document:1#viewer@user:anne'. Repeatable.",
        HelpName = "TUPLE",
    };

    public Option<string[]> Files { get; } = new("--tuples")
    {
        Description = $"A file of tuples to {verb}: YAML, JSON, JSON lines ({{user, relation, object, condition}}) or CSV (fga's columns). Repeatable.",
        HelpName = "FILE",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Tuples);
        command.Options.Add(Files);
    }

    public List<RelationshipTuple> Read(ParseResult parseResult)
    {
        var tuples = new List<RelationshipTuple>();
        foreach (var path in parseResult.GetValue(Files) ?? [])
        {
            var file = TupleFileLoader.Load(path);
            if (!file.Success)
            {
                throw new CliInputException($"cannot load tuple file {path}", file.Diagnostics);
            }
            tuples.AddRange(file.Tuples);
        }
        foreach (var text in parseResult.GetValue(Tuples) ?? [])
        {
            tuples.Add(RelationshipTuple.TryParse(text, out var tuple, out var error) ? tuple : throw new CliInputException($"invalid --tuple: {error}"));
        }
        return tuples;
    }
}
