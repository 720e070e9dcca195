namespace ManagedTls.Cli;

/// <summary>Loading openssl configuration files (through the configuration parser, when it is part of the build).</summary>
internal static class ConfigFiles
{
    /// <summary>Loads a configuration file.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="CommandException">Unreadable or malformed.</exception>
    public static RequestConfig Load(string path) =>
        throw new CommandException($"Can't load config file \"{path}\": the configuration parser is not in this build");
}
