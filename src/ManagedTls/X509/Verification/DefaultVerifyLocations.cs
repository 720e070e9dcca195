namespace ManagedTls.X509.Verification;

/// <summary>
/// Where the system's trusted certificates live (OpenSSL's <c>X509_get_default_cert_file</c>/<c>_dir</c> with the
/// <c>SSL_CERT_FILE</c>/<c>SSL_CERT_DIR</c> overrides, and the usual locations of the Linux distributions and macOS).
/// </summary>
public static class DefaultVerifyLocations
{
    /// <summary>The environment variable naming the CA file (OpenSSL's <c>X509_get_default_cert_file_env</c>).</summary>
    public const string CertificateFileVariable = "SSL_CERT_FILE";

    /// <summary>The environment variable naming the CA directory (OpenSSL's <c>X509_get_default_cert_dir_env</c>).</summary>
    public const string CertificateDirectoryVariable = "SSL_CERT_DIR";

    /// <summary>CA bundle files tried in order: Debian/Ubuntu, RHEL/Fedora, Alpine/macOS/OpenSSL's own, SUSE, RHEL's PEM extract, FreeBSD.</summary>
    public static IReadOnlyList<string> CandidateFiles { get; } =
    [
        "/etc/ssl/certs/ca-certificates.crt",
        "/etc/pki/tls/certs/ca-bundle.crt",
        "/etc/ssl/cert.pem",
        "/var/lib/ca-certificates/ca-bundle.pem",
        "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",
        "/usr/local/share/certs/ca-root-nss.crt",
    ];

    /// <summary>Hashed CA directories tried in order: Debian/Ubuntu/Alpine/SUSE, RHEL/Fedora, macOS (OpenSSL's <c>OPENSSLDIR/certs</c>).</summary>
    public static IReadOnlyList<string> CandidateDirectories { get; } =
    [
        "/etc/ssl/certs",
        "/etc/pki/tls/certs",
        "/usr/local/etc/openssl/certs",
    ];

    /// <summary>
    /// The CA file: <c>SSL_CERT_FILE</c> when set (whether or not it exists, as OpenSSL), else the first existing
    /// candidate file, else null.
    /// </summary>
    /// <returns>The path, or null.</returns>
    public static string? GetCertificateFile() => Resolve(CertificateFileVariable, CandidateFiles, File.Exists);

    /// <summary>
    /// The CA directory: <c>SSL_CERT_DIR</c> when set (a path list, as OpenSSL), else the first existing candidate
    /// directory, else null.
    /// </summary>
    /// <returns>The path, or null.</returns>
    public static string? GetCertificateDirectory() => Resolve(CertificateDirectoryVariable, CandidateDirectories, Directory.Exists);

    private static string? Resolve(string variable, IReadOnlyList<string> candidates, Func<string, bool> exists)
    {
        string? value = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrEmpty(value))
        {
            return value;
        }

        foreach (string candidate in candidates)
        {
            if (exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
