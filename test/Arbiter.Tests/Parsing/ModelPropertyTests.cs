using Arbiter.Model;
using Arbiter.Parsing;
using FsCheck;
using FsCheck.Fluent;

namespace Arbiter.Tests.Parsing;

/// <summary>Laws of the model language, checked on generated models and generated junk.</summary>
public class ModelPropertyTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(200);

    [Fact]
    public void GeneratedModels_AreValid() =>
        Check.One(Config, Prop.ForAll(ModelGenerators.ValidModels(), model =>
        {
            var problems = ModelValidator.Validate(model);
            problems.ShouldBeEmpty(string.Join("\n", problems) + "\n" + ModelPrinter.ToDsl(model));
        }));

    [Fact]
    public void Generator_CoversEveryConstruct()
    {
        // A fixed seed: the sample, and so this test, is the same on every run.
        var text = string.Concat(ModelGenerators.ValidModels().Generator.Sample(30, new Rnd(20261121UL, 0x9E3779B97F4A7C15UL), 300).Select(ModelPrinter.ToDsl));

        foreach (var construct in new[] { " or ", " and ", " but not ", " from ", ":*", "#r0", " with cond", "list<string>", "map<int>", "([user]", "type a/b", "type model", " where rule", "\n  attributes\n", ": list<any>", "condition rule(" })
        {
            text.ShouldContain(construct);
        }
    }

    [Fact]
    public void ParseOfPrint_IsTheSameModel() =>
        Check.One(Config, Prop.ForAll(ModelGenerators.ValidModels(), model =>
        {
            var dsl = ModelPrinter.ToDsl(model);
            var result = ModelParser.Parse(dsl);
            result.Diagnostics.ShouldBeEmpty(dsl);
            // Records compare lists by reference and include spans: compare the JSON form instead.
            ModelJson.Write(result.Model!).ShouldBe(ModelJson.Write(model), dsl);
            ModelPrinter.ToDsl(result.Model!).ShouldBe(dsl);
        }));

    [Fact]
    public void ReadOfWrittenJson_IsTheSameModel() =>
        Check.One(Config, Prop.ForAll(ModelGenerators.ValidModels(), model =>
        {
            var json = ModelJson.Write(model);
            var result = ModelJson.Parse(json);
            result.Diagnostics.ShouldBeEmpty(json);
            ModelJson.Write(result.Model!).ShouldBe(json);
            ModelJson.Write(ModelJson.Parse(ModelJson.Write(model, indented: false)).Model!).ShouldBe(json);
        }));

    [Fact]
    public void MutatedDsl_NeverThrows() =>
        Check.One(Config, Prop.ForAll(ModelGenerators.ValidModels(), Arb.From(Gen.Choose(0, int.MaxValue)), (model, seed) =>
        {
            var text = Mutate(ModelPrinter.ToDsl(model), new Random(seed), "[]():,#*<>{}\n \"'`\\ä𝄞\0" + "orandbut notfromwithdefinetyperelationsconditionmodelschemawhereattributes");
            var result = ModelParser.Parse(text);
            (result.Success == (result.Model is not null)).ShouldBeTrue();
            if (!result.Success)
            {
                result.Diagnostics.ShouldNotBeEmpty();
            }
        }));

    [Fact]
    public void MutatedJson_NeverThrows() =>
        Check.One(Config, Prop.ForAll(ModelGenerators.ValidModels(), Arb.From(Gen.Choose(0, int.MaxValue)), (model, seed) =>
        {
            var text = Mutate(ModelJson.Write(model, indented: false), new Random(seed), "{}[]:,\"0123456789 truefalsenull\\");
            var result = ModelJson.Parse(text);
            (result.Success == (result.Model is not null)).ShouldBeTrue();
        }));

    [Fact]
    public void RandomText_NeverThrows() =>
        Check.One(Config, Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var random = new Random(seed);
            var words = new[] { "model", "\n", "  ", "schema", "1.1", "type", "relations", "define", "user", ":", "[", "]", "#", "*", ",", "(", ")", "or", "and", "but not", "from", "with", "condition", "{", "}", "<", ">", "list", "int", "\"", "extend", "module", "where", "attributes", "any" };
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 200)).Select(_ => words[random.Next(words.Length)] + (random.Next(3) == 0 ? " " : "")));
            ModelParser.Parse(text);
            ModelParser.Parse("model\n  schema 1.1\n" + text);
        }));

    private static string Mutate(string text, Random random, string alphabet)
    {
        var chars = new List<char>(text);
        var edits = random.Next(1, 6);
        for (var i = 0; i < edits; i++)
        {
            var at = random.Next(chars.Count + 1);
            switch (random.Next(3))
            {
                case 0 when at < chars.Count:
                    chars.RemoveAt(at);
                    break;
                case 1:
                    chars.Insert(at, alphabet[random.Next(alphabet.Length)]);
                    break;
                default:
                    if (chars.Count > 0)
                    {
                        var length = random.Next(1, Math.Min(40, chars.Count) + 1);
                        var from = random.Next(chars.Count - length + 1);
                        chars.InsertRange(at, chars.GetRange(from, length));
                    }
                    break;
            }
        }
        return new string(chars.ToArray());
    }
}
