using System.Reflection;

namespace ManagedTls.Cli;

/// <summary><c>mtls version</c>: prints the library version, as <c>openssl version</c>.</summary>
internal sealed class VersionCommand : ICommand
{
    public string Name => "version";

    public string Summary => "Print the ManagedTls version";

    public int Run(ReadOnlySpan<string> args, CommandContext context)
    {
        bool all = false;
        var options = new OptionSet(Name)
            .Section("General")
            .Flag("a", "Show all data", () => all = true);
        options.Parse(args, context.Error);
        if (options.HelpRequested)
        {
            return 0;
        }

        string version = typeof(ManagedTls.Random.OsEntropy).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        int plus = version.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            version = version[..plus];
        }

        context.Out.WriteLine($"ManagedTls {version} (pure managed; no native OpenSSL)");
        if (all)
        {
            context.Out.WriteLine($"runtime: .NET {Environment.Version} on {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        }

        return 0;
    }
}
