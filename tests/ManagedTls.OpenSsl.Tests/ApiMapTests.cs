using System.Reflection;

namespace ManagedTls.OpenSsl.Tests;

/// <summary>docs/api-map.md is true: every row not marked "not yet" names a public type or member that exists.</summary>
public sealed class ApiMapTests
{
    private static readonly Assembly s_facade = typeof(PKey).Assembly;

    public static TheoryData<string, string> DoneRows()
    {
        var rows = new TheoryData<string, string>();
        foreach ((string python, string csharp, string status) in Rows())
        {
            if (status != "not yet" && csharp != "—")
            {
                rows.Add(python, csharp);
            }
        }

        return rows;
    }

    [Fact]
    public void ApiMap_Parses_AndHasTheKeyRows()
    {
        var rows = Rows().ToList();

        rows.Count.ShouldBeGreaterThan(50);
        rows.ShouldContain(("`crypto.load_privatekey`", "Crypto.LoadPrivateKey", "done"));
        rows.ShouldContain(("`crypto.verify` (certificate)", "Crypto.Verify", "done"));
        rows.ShouldContain(("`SSL.Context`", "Context", "done"));
        rows.ShouldContain(("`SSL.Session`", "Session", "not yet"));
        rows.ShouldAllBe(r => r.Status == "done" || r.Status == "not yet" || r.Status == "no analogue");
    }

    [Theory]
    [MemberData(nameof(DoneRows))]
    public void DoneRow_NamesAnExistingPublicTypeOrMember(string python, string csharp)
    {
        string[] parts = csharp.Split('.');
        Type? type = s_facade.GetType("ManagedTls.OpenSsl." + parts[0]);

        type.ShouldNotBeNull($"{python}: type {parts[0]} does not exist");
        type.IsPublic.ShouldBeTrue($"{python}: type {parts[0]} is not public");
        if (parts.Length == 2)
        {
            type.GetMember(parts[1], BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance)
                .ShouldNotBeEmpty($"{python}: {csharp} does not exist");
        }
    }

    private static IEnumerable<(string Python, string CSharp, string Status)> Rows()
    {
        foreach (string line in File.ReadLines(FindApiMap()))
        {
            if (!line.StartsWith("| ", StringComparison.Ordinal) || line.StartsWith("| pyOpenSSL |", StringComparison.Ordinal))
            {
                continue;
            }

            string[] cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length < 5)
            {
                continue;
            }

            yield return (cells[1], cells[2].Trim('`'), cells[3]);
        }
    }

    private static string FindApiMap()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "docs", "api-map.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("docs/api-map.md not found above " + AppContext.BaseDirectory);
    }
}
