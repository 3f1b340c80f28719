using Arbiter.Directory;
using Arbiter.Policy;

namespace Arbiter.Tests.Policy;

/// <summary>Every example file under docs/examples loads, and every embedded or separate policy test passes.</summary>
public class ExampleFilesTests
{
    public static TheoryData<string> PolicyFiles => new(RepositoryFiles.Examples("policy", "*.yaml")
        .Where(p => !p.EndsWith(PolicyTestRunner.TestFileSuffix, StringComparison.Ordinal))
        .Select(p => Path.GetRelativePath(RepositoryFiles.Root, p)));

    public static TheoryData<string> PolicyTestFiles => new(RepositoryFiles.Examples("policy", "*" + PolicyTestRunner.TestFileSuffix)
        .Select(p => Path.GetRelativePath(RepositoryFiles.Root, p)));

    public static TheoryData<string> DirectoryFiles => new(RepositoryFiles.Examples("directory", "*.yaml")
        .Select(p => Path.GetRelativePath(RepositoryFiles.Root, p)));

    [Theory]
    [MemberData(nameof(PolicyFiles))]
    public void PolicyExample_CompilesAndItsTestsPass(string file)
    {
        var policy = PolicyDocument.Load(Path.Combine(RepositoryFiles.Root, file));

        policy.Tests.ShouldNotBeEmpty("every example policy carries tests");
        var report = PolicyTestRunner.Run(policy);
        report.AllPassed.ShouldBeTrue(string.Join(Environment.NewLine, report.Results.Where(r => !r.Passed)));
        Arbiter.Parsing.ModelValidator.Validate(policy.Model).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(PolicyTestFiles))]
    public void PolicyTestFileExample_Passes(string file)
    {
        var report = PolicyTestRunner.RunFile(Path.Combine(RepositoryFiles.Root, file));

        report.Results.ShouldNotBeEmpty();
        report.AllPassed.ShouldBeTrue(string.Join(Environment.NewLine, report.Results.Where(r => !r.Passed)));
    }

    [Theory]
    [MemberData(nameof(DirectoryFiles))]
    public void DirectoryExample_Loads(string file) =>
        UserDirectory.Load(Path.Combine(RepositoryFiles.Root, file)).Usernames.ShouldNotBeEmpty();
}
