using System.Collections.Frozen;
using Arbiter.Conditions;
using Arbiter.Model;

namespace Arbiter.Engine;

/// <summary>
/// The conditions of one model version, each compiled once to a CEL delegate when the model is compiled
/// (<see cref="AuthorizationEngine.Create"/>, <see cref="AuthorizationEngine.SetModel"/>). A condition that reads
/// <c>subject.attr</c> or <c>object.attr</c> is compiled once per use site (pair of subject and object types).
/// </summary>
internal sealed class CelConditionEvaluator : IConditionEvaluator
{
    private readonly FrozenDictionary<string, ConditionProgram> _programs;
    private readonly FrozenDictionary<(string Condition, string Subject, string Object), ConditionProgram> _sited;
    private readonly FrozenSet<string> _sitedNames;

    private CelConditionEvaluator(FrozenDictionary<string, ConditionProgram> programs, FrozenDictionary<(string, string, string), ConditionProgram> sited)
    {
        _programs = programs;
        _sited = sited;
        _sitedNames = sited.Keys.Select(k => k.Item1).ToFrozenSet(StringComparer.Ordinal);
    }

    public static CelConditionEvaluator Empty { get; } = new(FrozenDictionary<string, ConditionProgram>.Empty, FrozenDictionary<(string, string, string), ConditionProgram>.Empty);

    /// <summary>Compiles every condition of the model; the problems (syntax, types, limits, a result that is not a bool) go to <paramref name="diagnostics"/>.</summary>
    public static CelConditionEvaluator Compile(AuthorizationModel model, CelOptions options, List<ModelDiagnostic> diagnostics)
    {
        var programs = new Dictionary<string, ConditionProgram>(StringComparer.Ordinal);
        var sited = new Dictionary<(string, string, string), ConditionProgram>();
        Dictionary<string, List<ConditionSite>>? sites = null;
        foreach (var condition in model.Conditions)
        {
            if (programs.ContainsKey(condition.Name))
            {
                continue;
            }
            var used = ConditionCompiler.ReadsEntities(condition, options) ? (sites ??= ConditionSite.Collect(model)).GetValueOrDefault(condition.Name) ?? [] : [];
            if (used.Count == 0)
            {
                if (ConditionCompiler.Compile(condition, options, diagnostics) is { } expression)
                {
                    programs[condition.Name] = new ConditionProgram(condition, expression, options);
                }
                continue;
            }
            // Reads attributes: one program per site; the site-free one (parameters only) serves tuple-context validation.
            ConditionProgram? first = null;
            foreach (var site in used)
            {
                if (ConditionCompiler.Compile(condition, options, diagnostics, site) is { } sitedExpression)
                {
                    var program = new ConditionProgram(condition, sitedExpression, options, site);
                    sited[(condition.Name, site.Subject?.Name ?? string.Empty, site.Object.Name)] = program;
                    first ??= program;
                }
            }
            var generic = ConditionCompiler.Compile(condition, options, [], site: null);
            if (generic is not null)
            {
                programs[condition.Name] = new ConditionProgram(condition, generic, options);
            }
            else if (first is not null)
            {
                programs[condition.Name] = first;
            }
        }
        return new CelConditionEvaluator(programs.ToFrozenDictionary(StringComparer.Ordinal), sited.ToFrozenDictionary());
    }

    /// <summary>The compiled condition with this name for any site, or <see langword="null"/>.</summary>
    public ConditionProgram? Find(string name) => _programs.GetValueOrDefault(name);

    /// <summary>
    /// The compiled condition with this name as used on <paramref name="objectType"/> with subjects of
    /// <paramref name="subjectType"/> (<see langword="null"/>: not fixed), or <see langword="null"/>.
    /// </summary>
    public ConditionProgram? Find(string name, string? subjectType, string objectType) =>
        _sited.Count > 0 && _sited.TryGetValue((name, subjectType ?? string.Empty, objectType), out var program)
            ? program
            : _programs.GetValueOrDefault(name) is { } generic && !ConditionReadsEntities(generic) ? generic : null;

    public ConditionOutcome Evaluate(ConditionDefinition condition, IReadOnlyDictionary<string, object?>? tupleContext, IReadOnlyDictionary<string, object?>? requestContext, ConditionTrace? trace)
    {
        if (!_programs.TryGetValue(condition.Name, out var program))
        {
            return ConditionOutcome.Failed($"the condition '{condition.Name}' was not found");
        }
        var inputs = new ConditionInputs();
        inputs.Reset(requestContext, null);
        return program.Evaluate(tupleContext, inputs, null, trace);
    }

    private bool ConditionReadsEntities(ConditionProgram generic) => _sitedNames.Contains(generic.Name);
}
