using System.Text;
using ManagedTls.Cli;

namespace ManagedTls.Tests.TestSupport;

/// <summary>Runs <c>mtls</c> verbs in-process (fast) or as the built program (for the libssl-less guard).</summary>
internal static class Mtls
{
    public static ProcessResult Run(params string[] args) => RunWithInput(null, args);

    public static ProcessResult RunWithInput(byte[]? stdin, params string[] args)
    {
        var stdout = new MemoryStream();
        var stderr = new StringWriter { NewLine = "\n" };
        int code = CommandLine.Run(args, new MemoryStream(stdin ?? []), stdout, stderr);
        return new ProcessResult(code, stdout.ToArray(), stderr.ToString());
    }

    /// <summary>Path of the built <c>mtls.dll</c> copied beside the tests (run it with <c>dotnet mtls.dll</c>).</summary>
    public static string AssemblyPath => Path.Combine(AppContext.BaseDirectory, "mtls.dll");

    public static string Text(this ProcessResult result) => Encoding.UTF8.GetString(result.StdoutBytes);
}
