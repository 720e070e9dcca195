namespace ManagedTls.Cli;

/// <summary>
/// The configuration <c>mtls req</c> and <c>mtls ca</c> read: an openssl configuration file given with
/// <c>-config</c> (or <c>OPENSSL_CONF</c>), or, without one, the built-in equivalent of the stock
/// <c>openssl.cnf</c> that OpenSSL 3.0 installs (decision 0013).
/// </summary>
internal sealed class RequestConfig
{
    /// <summary>The stock [req] and [v3_ca] sections, the only parts req uses when given -subj.</summary>
    private static readonly Dictionary<string, List<KeyValuePair<string, string>>> s_builtIn = new(StringComparer.Ordinal)
    {
        ["req"] =
        [
            new("default_bits", "2048"),
            new("default_keyfile", "privkey.pem"),
            new("distinguished_name", "req_distinguished_name"),
            new("attributes", "req_attributes"),
            new("x509_extensions", "v3_ca"),
            new("string_mask", "utf8only"),
        ],
        ["v3_ca"] =
        [
            new("subjectKeyIdentifier", "hash"),
            new("authorityKeyIdentifier", "keyid:always,issuer"),
            new("basicConstraints", "critical,CA:true"),
        ],
        ["req_distinguished_name"] = [],
        ["req_attributes"] = [],
    };

    private readonly Func<string, IReadOnlyList<KeyValuePair<string, string>>?> _section;

    private RequestConfig(string? path, Func<string, IReadOnlyList<KeyValuePair<string, string>>?> section, object? parsed)
    {
        Path = path;
        _section = section;
        Parsed = parsed;
    }

    /// <summary>The file read, or null for the built-in defaults.</summary>
    public string? Path { get; }

    /// <summary>The parsed configuration object for extension values that refer to other sections (@section), if any.</summary>
    public object? Parsed { get; }

    /// <summary>The built-in defaults.</summary>
    public static RequestConfig BuiltIn { get; } = new(null, name => s_builtIn.TryGetValue(name, out var section) ? section : null, null);

    /// <summary>Loads <paramref name="path"/>, or <c>OPENSSL_CONF</c>, or the built-in defaults.</summary>
    /// <param name="path">The <c>-config</c> argument.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="CommandException">The file cannot be read or parsed.</exception>
    public static RequestConfig Load(string? path)
    {
        path ??= Environment.GetEnvironmentVariable("OPENSSL_CONF");
        if (path is null)
        {
            return BuiltIn;
        }

        return ConfigFiles.Load(path);
    }

    /// <summary>A value of a section, falling back to the [default] section as NCONF_get_string does.</summary>
    /// <param name="section">The section.</param>
    /// <param name="name">The name.</param>
    /// <returns>The value, or null.</returns>
    public string? Get(string section, string name)
    {
        foreach (string s in new[] { section, "default" })
        {
            IReadOnlyList<KeyValuePair<string, string>>? entries = _section(s);
            if (entries is null)
            {
                continue;
            }

            for (int i = entries.Count - 1; i >= 0; i--)
            {
                if (entries[i].Key == name)
                {
                    return entries[i].Value;
                }
            }
        }

        return null;
    }

    /// <summary>A whole section, in file order.</summary>
    /// <param name="name">The section name.</param>
    /// <returns>The entries, or null when there is no such section.</returns>
    public IReadOnlyList<KeyValuePair<string, string>>? Section(string name) => _section(name);

    /// <summary>Wraps a parsed configuration.</summary>
    /// <param name="path">The file.</param>
    /// <param name="section">Section lookup.</param>
    /// <param name="parsed">The parsed object.</param>
    /// <returns>The configuration.</returns>
    internal static RequestConfig From(string path, Func<string, IReadOnlyList<KeyValuePair<string, string>>?> section, object parsed) => new(path, section, parsed);
}
