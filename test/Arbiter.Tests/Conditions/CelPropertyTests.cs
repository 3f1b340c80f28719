using System.Diagnostics;
using Arbiter.Conditions;
using FsCheck;
using FsCheck.Fluent;

namespace Arbiter.Tests.Conditions;

/// <summary>
/// Hostile input never crashes, hangs or allows: random and hostile expressions and activations compile to diagnostics
/// or evaluate to a value, error or unknown within a bounded time, and an error is never turned into <c>true</c>.
/// </summary>
public class CelPropertyTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(300);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    /// <summary>Contexts that must pass an error on (none of them can absorb it).</summary>
    private static readonly string[] StrictContexts =
    [
        "!({0})", "({0}) == true", "({0}) != false", "({0}) ? true : true", "true && ({0})", "({0}) && true", "false || ({0})",
        "({0}) || false", "[({0})].all(v, v)", "[true].exists(v, ({0}))", "dyn({0}) in [true]", "size([{0}]) == 1",
        "{{'k': {0}}}.k", "[{0}][0]", "({0}) ? false : false || true",
    ];

    private static Arbitrary<int> Seeds() => Arb.From(Gen.Choose(0, int.MaxValue));

    [Fact]
    public void RandomExpressions_NeverThrowNorHang() =>
        Check.One(Config, Prop.ForAll(Seeds(), seed =>
        {
            var random = new Random(seed);
            var text = random.Next(3) == 0 ? CelFuzz.Hostile(random) : CelFuzz.Expression(random, random.Next(1, 6));
            foreach (var typeCheck in new[] { true, false })
            {
                var watch = Stopwatch.StartNew();
                var compiled = CelExpression.CompileCore(text, CelFuzz.Declarations(), CelOptions.Default, null, typeCheck);
                if (compiled.Expression is null)
                {
                    compiled.Diagnostics.ShouldNotBeEmpty(text);
                    compiled.Diagnostics.ShouldAllBe(d => d.Span != null);
                    continue;
                }
                var result = compiled.Expression.Evaluate(CelFuzz.Activation(compiled.Expression, random));
                watch.Elapsed.ShouldBeLessThan(Bound, text);
                if (result.IsError)
                {
                    result.ErrorMessage.ShouldNotBeNullOrEmpty();
                }
            }
        }));

    [Fact]
    public void Errors_AreNeverTrue_InAnyStrictContext() =>
        Check.One(Config, Prop.ForAll(Seeds(), seed =>
        {
            var random = new Random(seed);
            var failing = CelFuzz.Failing[random.Next(CelFuzz.Failing.Length)];
            // Bury the error in a random expression that cannot absorb it: arithmetic, comparisons, lists, macros.
            var buried = random.Next(4) switch
            {
                0 => failing,
                1 => $"dyn({failing}) + ({CelFuzz.Expression(random, 2)})",
                2 => $"[({CelFuzz.Expression(random, 2)}), dyn({failing})]",
                _ => $"size(dyn({failing})) > 0",
            };
            var context = StrictContexts[random.Next(StrictContexts.Length)];
            var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, context, buried);
            var compiled = CelExpression.CompileCore(text, CelFuzz.Declarations(), CelOptions.Default, null, typeCheck: false);
            compiled.Succeeded.ShouldBeTrue(text + "\n" + string.Join("\n", compiled.Diagnostics));

            var result = compiled.Expression!.Evaluate(CelFuzz.Activation(compiled.Expression, random));

            result.IsTrue.ShouldBeFalse(text);
            (result.IsError || result.IsUnknown).ShouldBeTrue($"{text} gave {result}");
        }));

    [Fact]
    public void TrueResults_DoNotDependOnAnError() =>
        // For random expressions: if e is true, then replacing an absorbed operand changes nothing, and e && error is never true.
        Check.One(Config, Prop.ForAll(Seeds(), seed =>
        {
            var random = new Random(seed);
            var text = CelFuzz.Expression(random, random.Next(1, 5));
            var failing = CelFuzz.Failing[random.Next(CelFuzz.Failing.Length)];
            var compiled = CelExpression.CompileCore($"({text}) && dyn({failing}) == 1", CelFuzz.Declarations(), CelOptions.Default, null, typeCheck: false);
            compiled.Succeeded.ShouldBeTrue(text);

            compiled.Expression!.Evaluate(CelFuzz.Activation(compiled.Expression, random)).IsTrue.ShouldBeFalse(text);
        }));
}
