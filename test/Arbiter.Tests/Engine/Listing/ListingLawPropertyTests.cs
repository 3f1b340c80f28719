using Arbiter.Model;
using Arbiter.Tests.Parsing;
using FsCheck;
using FsCheck.Fluent;
using Shouldly;
using Xunit;

namespace Arbiter.Tests.Engine.Listing;

/// <summary>
/// Issue 4's law, over randomly generated models (usersets, wildcards, tuple-to-userset, unions, intersections,
/// exclusions, conditions, attribute rules) and random tuples: ListObjects returns exactly the objects Check allows (or
/// fails exactly when Check fails for one of them); every subject ListSubjects returns is allowed by Check, and every
/// stored user Check allows is listed, or covered by <c>user:*</c>.
/// </summary>
public sealed class ListingLawPropertyTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(120);
    private static readonly string[] Ids = ["o0", "o1", "o2"];
    private static readonly string[] Users = ["user:u0", "user:u1", "user:u2", "user:u3"];

    [Fact]
    public void ListObjects_and_ListSubjects_agree_with_Check() =>
        Check.One(Config, Prop.ForAll(ModelGenerators.ValidModels(), Arb.From(Gen.Choose(0, int.MaxValue)), (model, seed) =>
        {
            var random = new Random(seed);
            var engine = AuthorizationEngine.Create(model);
            var what = $"seed {seed}\n{ModelPrinterText(model)}";
            var knownUsers = new HashSet<string>(StringComparer.Ordinal);
            var known = new HashSet<string>(StringComparer.Ordinal); // type:id of every entity a written tuple names
            foreach (var tuple in Tuples(model, random))
            {
                try
                {
                    engine.Write([tuple]);
                    if (tuple.Subject.Type == "user" && !tuple.Subject.IsWildcard)
                    {
                        knownUsers.Add(tuple.Subject.ToString());
                    }
                    what += "\n  " + tuple;
                    known.Add(tuple.Object.ToString());
                    if (!tuple.Subject.IsWildcard)
                    {
                        known.Add($"{tuple.Subject.Type}:{tuple.Subject.Id}");
                    }
                }
                catch (ArbiterException)
                {
                    // a tuple the model refuses (e.g. a repeat): skipped
                }
            }
            foreach (var type in model.Types.Where(t => t.Name != "user"))
            {
                foreach (var relation in type.Relations)
                {
                    foreach (var subject in Users.Append("user:*"))
                    {
                        ObjectsLaw(engine, subject, type.Name, relation.Name, known, what);
                        PlanLaw(engine, subject, type.Name, relation.Name, known, what);
                    }
                    foreach (var id in Ids)
                    {
                        SubjectsLaw(engine, $"{type.Name}:{id}", relation.Name, knownUsers, what);
                    }
                }
            }
        }));

    /// <summary>Over the objects the store knows: an object no tuple names may still pass an attribute rule, but cannot be listed.</summary>
    private static void ObjectsLaw(AuthorizationEngine engine, string subject, string type, string relation, HashSet<string> known, string what)
    {
        var listed = engine.ListObjectsAsync(ListObjectsRequest.Create(subject, relation, type)).Sync();
        var decisions = Ids.Where(id => known.Contains($"{type}:{id}")).Select(id => (Id: id, Decision: engine.CheckAsync(CheckRequest.Create(subject, relation, $"{type}:{id}")).Sync())).ToList();
        var context = $"{what}\nListObjects({subject}, {relation}, {type})";
        if (decisions.Any(d => d.Decision.Error is not null))
        {
            listed.Error.ShouldNotBeNull(context + ": a check failed but the listing did not");
            return;
        }
        listed.Error.ShouldBeNull(context);
        listed.IsComplete.ShouldBeTrue(context);
        listed.Objects.Select(o => o.Id).ShouldBe(decisions.Where(d => d.Decision.Allowed).Select(d => d.Id).ToList(), context);
    }

    /// <summary>The plan's filter admits exactly the known objects Check allows (errors included: they never allow).</summary>
    private static void PlanLaw(AuthorizationEngine engine, string subject, string type, string relation, HashSet<string> known, string what)
    {
        var plan = engine.PlanAsync(Arbiter.Filtering.PlanRequest.Create(subject, relation, type)).Sync();
        var context = $"{what}\nPlan({subject}, {relation}, {type}) = {plan.Filter}";
        plan.Error.ShouldBeNull(context);
        foreach (var id in Ids.Where(id => known.Contains($"{type}:{id}")))
        {
            var allowed = engine.CheckAsync(CheckRequest.Create(subject, relation, $"{type}:{id}")).Sync().Allowed;
            FilterPlanTests.Satisfies(plan.Filter, id, new Dictionary<string, object?>()).ShouldBe(allowed, $"{context}: {type}:{id}");
        }
    }

    private static void SubjectsLaw(AuthorizationEngine engine, string obj, string relation, HashSet<string> knownUsers, string what)
    {
        var listed = engine.ListSubjectsAsync(ListSubjectsRequest.Create(obj, relation, "user")).Sync();
        var context = $"{what}\nListSubjects({obj}, {relation}, user)";
        if (listed.Error is not null)
        {
            return;
        }
        foreach (var subject in listed.Subjects)
        {
            engine.CheckAsync(new CheckRequest(subject, relation, ObjectRef.Parse(obj))).Sync().Allowed.ShouldBeTrue($"{context}: listed {subject}");
        }
        var names = listed.Subjects.Select(s => s.ToString()).ToHashSet(StringComparer.Ordinal);
        foreach (var user in knownUsers)
        {
            var decision = engine.CheckAsync(CheckRequest.Create(user, relation, obj)).Sync();
            if (decision.Allowed)
            {
                (names.Contains(user) || names.Contains("user:*")).ShouldBeTrue($"{context}: {user} is allowed but not listed");
            }
        }
    }

    /// <summary>Random tuples for the model's direct relations: each type restriction, with ids from a small pool so paths meet.</summary>
    private static List<RelationshipTuple> Tuples(AuthorizationModel model, Random random)
    {
        var tuples = new List<RelationshipTuple>();
        var count = random.Next(0, 25);
        var withDirect = model.Types.SelectMany(t => t.Relations.Where(r => r.DirectlyRelatedTypes.Count > 0).Select(r => (Type: t, Relation: r))).ToList();
        if (withDirect.Count == 0)
        {
            return tuples;
        }
        for (var i = 0; i < count; i++)
        {
            var (type, relation) = withDirect[random.Next(withDirect.Count)];
            var reference = relation.DirectlyRelatedTypes[random.Next(relation.DirectlyRelatedTypes.Count)];
            var subject = reference switch
            {
                { Wildcard: true } => new SubjectRef(reference.Type, "*"),
                { Relation: { } userset } => new SubjectRef(reference.Type, Ids[random.Next(Ids.Length)], userset),
                _ when reference.Type == "user" => SubjectRef.Parse(Users[random.Next(Users.Length)]),
                _ => new SubjectRef(reference.Type, Ids[random.Next(Ids.Length)]),
            };
            var condition = reference.Condition is { } name ? new TupleCondition(name) : null;
            tuples.Add(new RelationshipTuple(new ObjectRef(type.Name, Ids[random.Next(Ids.Length)]), relation.Name, subject) { Condition = condition });
        }
        return tuples;
    }

    private static string ModelPrinterText(AuthorizationModel model)
    {
        try
        {
            return model.ToDsl();
        }
        catch (ArgumentException e)
        {
            return "(model not printable: " + e.Message + ")";
        }
    }
}
