using System.Text.Json.Nodes;
using Arbiter.Testing;

namespace Arbiter.Cli.Output;

/// <summary>Turns store-file results into printable assertion reports.</summary>
internal static class StoreTestReports
{
    public static IReadOnlyList<AssertionReport> From(StoreTestRunResult run) => run.Results.Select(From).ToList();

    private static AssertionReport From(StoreAssertionResult result)
    {
        var json = new JsonObject
        {
            ["test"] = result.TestName,
            ["outcome"] = Outcome(result.Outcome),
            ["relation"] = result.Relation,
        };
        switch (result)
        {
            case CheckAssertionResult check:
                json["kind"] = "check";
                json["user"] = check.User.ToString();
                json["object"] = check.Object.ToString();
                json["context"] = JsonOutput.Object(check.Context);
                json["subjectAttributes"] = JsonOutput.Object(check.SubjectAttributes);
                json["objectAttributes"] = JsonOutput.Object(check.ObjectAttributes);
                json["expected"] = check.Expected;
                json["expectedError"] = check.ExpectedError;
                json["actual"] = check.Actual;
                json["error"] = check.Error;
                return new AssertionReport(result.TestName, "check",
                    $"user={check.User} relation={check.Relation} object={check.Object}" + ValuesText("context", check.Context)
                        + ValuesText("subject_attributes", check.SubjectAttributes) + ValuesText("object_attributes", check.ObjectAttributes),
                    check.ExpectedError is { } expectedError ? $"an error containing '{expectedError}'" : Bool(check.Expected),
                    check.Actual is { } actual ? Bool(actual) : null, result.Outcome, result.Error, json);
            case ListObjectsAssertionResult list:
                json["kind"] = "list_objects";
                json["user"] = list.User.ToString();
                json["type"] = list.Type;
                json["expected"] = JsonOutput.Strings(list.Expected);
                json["actual"] = list.Actual is null ? null : JsonOutput.Strings(list.Actual);
                json["error"] = list.Error;
                return new AssertionReport(result.TestName, "list_objects", $"user={list.User} relation={list.Relation} type={list.Type}",
                    List(list.Expected), list.Actual is null ? null : List(list.Actual), result.Outcome, result.Error, json);
            case ListUsersAssertionResult list:
                json["kind"] = "list_users";
                json["object"] = list.Object.ToString();
                json["userFilter"] = JsonOutput.Strings(list.UserFilter.Select(static f => f.Relation is null ? f.Type : f.Type + "#" + f.Relation));
                json["expected"] = JsonOutput.Strings(list.Expected);
                json["actual"] = list.Actual is null ? null : JsonOutput.Strings(list.Actual);
                json["error"] = list.Error;
                return new AssertionReport(result.TestName, "list_users", $"object={list.Object} relation={list.Relation}",
                    List(list.Expected), list.Actual is null ? null : List(list.Actual), result.Outcome, result.Error, json);
            default:
                throw new InvalidOperationException("unknown assertion result " + result.GetType().Name);
        }
    }

    public static string Outcome(AssertionOutcome outcome) => outcome switch
    {
        AssertionOutcome.Passed => "passed",
        AssertionOutcome.Failed => "failed",
        _ => "not-run",
    };

    private static string Bool(bool value) => value ? "true" : "false";

    private static string List(IReadOnlyList<string> values) => "[" + string.Join(", ", values) + "]";

    private static string ValuesText(string name, IReadOnlyDictionary<string, object?>? values) =>
        values is null ? string.Empty : $" {name}=" + JsonOutput.Object(values)!.ToJsonString();
}
