namespace ManagedTls.PythonSsl;

/// <content>get_default_verify_paths.</content>
public static partial class SslModule
{
    /// <summary>The environment variable naming the default CA file (OpenSSL's <c>X509_get_default_cert_file_env</c>).</summary>
    public const string CertFileEnvironmentVariable = "SSL_CERT_FILE";

    /// <summary>The environment variable naming the default CA directory (OpenSSL's <c>X509_get_default_cert_dir_env</c>).</summary>
    public const string CertDirEnvironmentVariable = "SSL_CERT_DIR";

    // OPENSSLDIR as each platform's OpenSSL (or LibreSSL) is built, most specific first.
    private static readonly string[] s_openSslDirs =
    [
        "/usr/lib/ssl",                  // Debian, Ubuntu (certs -> /etc/ssl/certs)
        "/etc/pki/tls",                  // RHEL, CentOS, Fedora (cert.pem -> /etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem)
        "/etc/ssl",                      // Alpine (cert.pem), SUSE (certs/), macOS LibreSSL (/private/etc/ssl/cert.pem)
        "/opt/homebrew/etc/openssl@3",   // macOS Homebrew, Apple silicon
        "/usr/local/etc/openssl@3",      // macOS Homebrew, Intel
        "/usr/local/ssl",                // OpenSSL built from source with its defaults
    ];

    /// <summary>
    /// Python's <c>ssl.get_default_verify_paths()</c>: the platform's default CA file and directory, overridden by
    /// <c>SSL_CERT_FILE</c> and <c>SSL_CERT_DIR</c>.
    /// </summary>
    /// <remarks>
    /// ManagedTls has no compiled-in OPENSSLDIR, so it takes the first existing one of the platform locations:
    /// <c>/usr/lib/ssl</c> (Debian, Ubuntu), <c>/etc/pki/tls</c> (RHEL, Fedora), <c>/etc/ssl</c> (Alpine, SUSE,
    /// macOS), Homebrew's <c>openssl@3</c> folders, then OpenSSL's own <c>/usr/local/ssl</c>; the defaults are its
    /// <c>cert.pem</c> and <c>certs</c>. As in Python, <see cref="DefaultVerifyPaths.Cafile"/> and
    /// <see cref="DefaultVerifyPaths.Capath"/> are null when they do not exist.
    /// </remarks>
    /// <returns>The paths.</returns>
    public static DefaultVerifyPaths GetDefaultVerifyPaths() =>
        GetDefaultVerifyPaths(Environment.GetEnvironmentVariable, File.Exists, Directory.Exists);

    /// <summary>The same, with the environment and file system supplied (for tests).</summary>
    internal static DefaultVerifyPaths GetDefaultVerifyPaths(Func<string, string?> environment, Func<string, bool> fileExists, Func<string, bool> directoryExists)
    {
        string openSslDir = s_openSslDirs[^1];
        foreach (string dir in s_openSslDirs)
        {
            if (directoryExists(dir))
            {
                openSslDir = dir;
                break;
            }
        }

        string defaultFile = openSslDir + "/cert.pem";
        string defaultDir = openSslDir + "/certs";
        string cafile = environment(CertFileEnvironmentVariable) ?? defaultFile;
        string capath = environment(CertDirEnvironmentVariable) ?? defaultDir;
        return new DefaultVerifyPaths(
            fileExists(cafile) ? cafile : null,
            directoryExists(capath) ? capath : null,
            CertFileEnvironmentVariable,
            defaultFile,
            CertDirEnvironmentVariable,
            defaultDir);
    }
}
