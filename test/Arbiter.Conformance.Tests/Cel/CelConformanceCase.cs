namespace Arbiter.Conformance.Tests.Cel;

/// <summary>One test of a CEL conformance file (a <c>SimpleTest</c>).</summary>
internal sealed record CelConformanceCase(string File, string Section, string Name, TextProtoMessage Test)
{
    public string Id => $"{File}/{Section}/{Name}";

    public string Expression => Test.String("expr") ?? string.Empty;

    public bool DisableCheck => Test.String("disable_check") == "true";

    /// <summary>Loads every test of a conformance file (<c>basic</c> for <c>cel-spec/basic.textproto</c>).</summary>
    public static IReadOnlyList<CelConformanceCase> Load(string file)
    {
        var text = System.IO.File.ReadAllText(ConformanceData.PathOf($"cel-spec/{file}.textproto"));
        var root = TextProtoReader.Parse(text);
        var cases = new List<CelConformanceCase>();
        foreach (var section in root.Messages("section"))
        {
            var sectionName = section.String("name") ?? string.Empty;
            foreach (var test in section.Messages("test"))
            {
                cases.Add(new CelConformanceCase(file, sectionName, test.String("name") ?? string.Empty, test));
            }
        }
        return cases;
    }
}
