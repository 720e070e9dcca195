namespace ManagedTls.Cli;

/// <summary>
/// openssl's <c>-engine</c>, <c>-provider-path</c>, <c>-provider</c>, <c>-propquery</c> and <c>-config</c> options, declared
/// so that help matches openssl's byte for byte and scripts that pass <c>-provider default</c> keep working.
/// </summary>
/// <remarks>
/// ManagedTls has one built-in implementation and nothing to load: <c>-provider default</c>, <c>base</c> and <c>legacy</c> (single DES and the PKCS#12 PBEs are built in)
/// are accepted, any other provider fails as openssl fails to load a missing module; <c>-engine</c> prints openssl's
/// "Invalid engine" and carries on, as openssl does for an engine it cannot find; <c>-propquery</c>,
/// <c>-provider-path</c> and <c>-config</c> have nothing to act on and are accepted.
/// </remarks>
internal static class ProviderOptions
{
    /// <summary>Declares <c>-engine val</c>.</summary>
    /// <param name="options">The options.</param>
    /// <param name="context">For the "Invalid engine" line.</param>
    /// <param name="help">The help text (it varies by verb).</param>
    /// <returns><paramref name="options"/>.</returns>
    public static WildcardOptions Engine(this WildcardOptions options, CommandContext context, string help = "Use engine, possibly a hardware device") =>
        options.Value("engine", "val", help, v => context.Error.WriteLine($"Invalid engine \"{v}\""));

    /// <summary>Declares the "Provider options" section.</summary>
    /// <param name="options">The options.</param>
    /// <param name="verb">The verb, for the failure message.</param>
    /// <returns><paramref name="options"/>.</returns>
    public static WildcardOptions Providers(this WildcardOptions options, string verb) => options
        .Section("Provider")
        .Value("provider-path", "val", "Provider load path (must be before 'provider' argument if required)", static _ => { })
        .Value("provider", "val", "Provider to load (can be specified multiple times)", v => Load(v, verb))
        .Value("propquery", "val", "Property query used when fetching algorithms", static _ => { });

    /// <summary>Declares <c>-config infile</c>.</summary>
    /// <param name="options">The options.</param>
    /// <returns><paramref name="options"/>.</returns>
    public static WildcardOptions Config(this WildcardOptions options) =>
        options.Value("config", "infile", "Load a configuration file (this may load modules)", static _ => { });

    private static void Load(string name, string verb)
    {
        if (name is not ("default" or "base" or "legacy"))
        {
            throw new CommandException(
                $"{verb}: unable to load provider {name}\nHint: use -provider-path option or OPENSSL_MODULES environment variable.");
        }
    }
}
