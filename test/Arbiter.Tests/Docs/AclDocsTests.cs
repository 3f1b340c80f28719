using Arbiter.Acl;

namespace Arbiter.Tests.Docs;

public class AclDocsTests
{
    [Fact]
    public void AclGuide_Example_RunsAsShown()
    {
        var output = new List<string>();
        void Print(object value) => output.Add(value.ToString()!);

        // <snippet:acl-quickstart>
        var acl = new AccessControlList();
        acl.Add(new Dictionary<string, string[]>
        {
            ["blog"] = ["read", "write", "delete"],
            ["comments"] = ["read", "create"],
        });
        acl.Grants(new Dictionary<string, Dictionary<string, string[]>>
        {
            ["reader"] = new() { ["blog"] = ["read"], ["comments"] = ["read"] },
            ["author"] = new() { ["blog"] = ["read", "write"], ["comments"] = ["read", "create"] },
        });
        acl.Grant("admin", "blog", "delete");         // creates what is missing

        Print(acl.Check("author", "blog", "write"));                      // True
        Print(acl.CheckAny(["reader", "admin"], "blog", "delete"));      // True
        Print(acl.CheckAll(["reader", "author"], "blog", "write"));      // False
        Print(string.Join(",", acl.WhichPermissions("author", "comments").Order()));  // create,read

        string json = acl.Export();                   // the whole state, as JSON
        var copy = AccessControlList.Import(json);
        Print(copy.Check("admin", "blog", "delete")); // True
        // </snippet:acl-quickstart>

        output.ShouldBe(["True", "True", "False", "create,read", "True"]);
        DocSnippets.ShouldMatch("docs/acl.md", "acl-quickstart");
    }
}
