using System.Text.Json;
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Crypto;

/// <summary>Reads Wycheproof JSON files from ../shared/vectors/wycheproof (skips when absent) and tallies outcomes.</summary>
internal static class Wycheproof
{
    public static JsonDocument Load(string fileName) =>
        JsonDocument.Parse(File.ReadAllBytes(SharedVectors.Require(Path.Combine("wycheproof", fileName))));

    public static IEnumerable<(JsonElement Group, JsonElement Test)> Tests(JsonDocument document)
    {
        foreach (JsonElement group in document.RootElement.GetProperty("testGroups").EnumerateArray())
        {
            foreach (JsonElement test in group.GetProperty("tests").EnumerateArray())
            {
                yield return (group, test);
            }
        }
    }

    public static byte[] Hex(this JsonElement element, string name) => Convert.FromHexString(element.GetProperty(name).GetString()!);

    public static string Result(this JsonElement test) => test.GetProperty("result").GetString()!;

    public static int TcId(this JsonElement test) => test.GetProperty("tcId").GetInt32();
}

/// <summary>Counts per outcome, and the failures with their test ids.</summary>
internal sealed class WycheproofTally
{
    public int Passed { get; private set; }

    public int NotApplicable { get; private set; }

    public List<string> Failures { get; } = [];

    public void Record(JsonElement test, bool ok, string detail = "")
    {
        if (ok)
        {
            Passed++;
        }
        else
        {
            Failures.Add($"tcId {test.TcId()} ({test.Result()}, {test.GetProperty("comment").GetString()}) {detail}");
        }
    }

    public void Skip() => NotApplicable++;

    public string Summary(string file) =>
        $"{file}: {Passed} passed, {Failures.Count} failed, {NotApplicable} not applicable (parameters outside the primitive's contract)";
}
