using ManagedTls.X509.Configuration;

namespace ManagedTls.Cli;

/// <summary>Loading openssl configuration files through <see cref="OpenSslConfig"/>, with openssl's messages.</summary>
internal static class ConfigFiles
{
    /// <summary>Loads a configuration file.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="CommandException">Unreadable or malformed (openssl's "Can't load" line and the parser's reason).</exception>
    public static RequestConfig Load(string path)
    {
        try
        {
            OpenSslConfig config = OpenSslConfig.Load(path);
            return RequestConfig.From(path, config.GetSection, config);
        }
        catch (OpenSslConfigException e)
        {
            throw new CommandException($"Can't load config file \"{path}\"\n{e.OpenSslErrorText}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandException($"Can't open \"{path}\" for reading, No such file or directory");
        }
    }
}
