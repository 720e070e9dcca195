using System.Diagnostics;
using ManagedTls.Limbo;

string? limbo = null;
string? output = null;
bool listFailures = false;
string? only = null;
string? markdown = null;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--limbo" when i + 1 < args.Length:
            limbo = args[++i];
            break;
        case "--out" when i + 1 < args.Length:
            output = args[++i];
            break;
        case "--only" when i + 1 < args.Length:
            only = args[++i];
            break;
        case "--markdown" when i + 1 < args.Length:
            markdown = args[++i];
            break;
        case "--failures":
            listFailures = true;
            break;
        default:
            Console.Error.WriteLine("usage: ManagedTls.Limbo --limbo FILE[.gz] [--out RESULTS.json] [--failures] [--only ID-PREFIX] [--markdown FILE.md]");
            return 2;
    }
}

if (limbo is null)
{
    Console.Error.WriteLine("usage: ManagedTls.Limbo --limbo FILE[.gz] [--out RESULTS.json] [--failures] [--only ID-PREFIX] [--markdown FILE.md]");
    return 2;
}

var watch = Stopwatch.StartNew();
using var suite = LimboRunner.Load(limbo);
List<LimboResult> results = LimboRunner.Run(suite, TimeSpan.FromSeconds(10), only);
foreach (string line in LimboRunner.Summarize(results))
{
    Console.WriteLine(line);
}

Console.WriteLine($"elapsed {watch.Elapsed.TotalSeconds:0.0} s");
if (listFailures)
{
    foreach (LimboResult result in results.Where(r => !r.Passed))
    {
        Console.WriteLine($"{result.Id}\texpected {result.Expected}\tgot {result.Actual}\t{result.Context}");
    }
}

if (markdown is not null)
{
    LimboRunner.WriteMarkdown(markdown, results, Path.GetFileName(limbo));
}

if (output is not null)
{
    LimboRunner.WriteResults(output, results);
}

return 0;
