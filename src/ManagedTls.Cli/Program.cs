namespace ManagedTls.Cli;

/// <summary>Entry point of <c>mtls</c>, an <c>openssl</c>-shaped command line over ManagedTls.</summary>
public static class Program
{
    /// <summary>Runs one verb and returns its exit code.</summary>
    /// <param name="args">The verb followed by its flags, as for <c>openssl</c>.</param>
    /// <returns>0 on success, 1 on usage or operational errors (as <c>openssl</c>).</returns>
    public static int Main(string[] args) => CommandLine.Run(args, Console.OpenStandardInput(), Console.OpenStandardOutput(), Console.Error);
}
