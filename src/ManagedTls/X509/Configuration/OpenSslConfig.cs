namespace ManagedTls.X509.Configuration;

/// <summary>
/// An OpenSSL configuration file (the NCONF "default" syntax of OpenSSL 3.0, <c>config(5)</c>): <c>[ section ]</c>
/// headers, <c>name = value</c> lines, <c>#</c> comments, <c>\</c> line continuation, <c>'</c>, <c>"</c> and
/// <c>`</c> quoting, <c>\n \r \t \b</c> escapes, <c>$var</c>, <c>${var}</c>, <c>$(var)</c>, <c>$section::var</c> and
/// <c>${section::var}</c> expansion (falling back to the default section; <c>ENV</c> reads the environment),
/// <c>section::name = value</c> assignments, <c>.include</c> of files and directories and the <c>dollarid</c>,
/// <c>abspath</c> and <c>includedir</c> pragmas. Immutable once loaded.
/// </summary>
/// <remarks>
/// As in OpenSSL: a name assigned twice in a section keeps the last value (moved to the end of the section's list);
/// a relative <c>.include</c> path is resolved against the current directory, or against <c>includedir</c> /
/// the <c>OPENSSL_CONF_INCLUDE</c> environment variable; a missing include file is silently skipped; a directory
/// include reads its <c>*.cnf</c> and <c>*.conf</c> files (here in ordinal name order). Line numbers in errors count
/// physical lines read so far across included files, as OpenSSL's do. Include nesting deeper than 64 is refused
/// (OpenSSL would recurse without bound).
/// </remarks>
public sealed class OpenSslConfig
{
    /// <summary>The section that holds names given before any section header.</summary>
    public const string DefaultSection = "default";

    private readonly Dictionary<string, List<KeyValuePair<string, string>>> _sections = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    internal OpenSslConfig()
    {
        GetOrAddSection(DefaultSection);
    }

    /// <summary>The section names in the order they first appeared (<c>default</c> first).</summary>
    public IReadOnlyList<string> SectionNames => _order.AsReadOnly();

    /// <summary>Loads a configuration file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="OpenSslConfigException">The file cannot be read (<c>no such file</c>) or does not parse.</exception>
    public static OpenSslConfig Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OpenSslConfigException("no such file", 114, "def_load", 0, string.Empty, path, "../crypto/conf/conf_def.c:0");
        }

        return new OpenSslConfigParser(path).Run(text);
    }

    /// <summary>Parses configuration text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="OpenSslConfigException">The text does not parse; the exception carries OpenSSL's line number and reason.</exception>
    public static OpenSslConfig Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new OpenSslConfigParser(null).Run(text);
    }

    /// <summary>The name/value pairs of a section, in file order.</summary>
    /// <param name="name">The section name (case-sensitive).</param>
    /// <returns>The pairs, or null when there is no such section.</returns>
    public IReadOnlyList<KeyValuePair<string, string>>? GetSection(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _sections.TryGetValue(name, out List<KeyValuePair<string, string>>? list) ? list.AsReadOnly() : null;
    }

    /// <summary>Looks a value up as <c>NCONF_get_string</c> does: in <paramref name="section"/>, then (for the
    /// <c>ENV</c> section) the environment, then the default section.</summary>
    /// <param name="section">The section, or null for the default section only.</param>
    /// <param name="name">The name (case-sensitive).</param>
    /// <returns>The value, or null.</returns>
    public string? GetValue(string? section, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (section is not null)
        {
            if (Find(section, name) is { } value)
            {
                return value;
            }

            if (section == "ENV" && Environment.GetEnvironmentVariable(name) is { } env)
            {
                return env;
            }
        }

        return Find(DefaultSection, name);
    }

    internal void Add(string section, string name, string value)
    {
        List<KeyValuePair<string, string>> list = GetOrAddSection(section);
        int existing = list.FindIndex(pair => pair.Key == name);
        if (existing >= 0)
        {
            list.RemoveAt(existing);
        }

        list.Add(new KeyValuePair<string, string>(name, value));
    }

    internal void EnsureSection(string section) => GetOrAddSection(section);

    private string? Find(string section, string name)
    {
        if (_sections.TryGetValue(section, out List<KeyValuePair<string, string>>? list))
        {
            foreach (KeyValuePair<string, string> pair in list)
            {
                if (pair.Key == name)
                {
                    return pair.Value;
                }
            }
        }

        return null;
    }

    private List<KeyValuePair<string, string>> GetOrAddSection(string section)
    {
        if (!_sections.TryGetValue(section, out List<KeyValuePair<string, string>>? list))
        {
            list = [];
            _sections.Add(section, list);
            _order.Add(section);
        }

        return list;
    }
}
