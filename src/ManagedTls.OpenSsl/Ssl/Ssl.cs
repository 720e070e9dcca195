using System.Reflection;
using System.Runtime.InteropServices;
using ManagedTls.X509.Verification;

namespace ManagedTls.OpenSsl;

/// <summary>
/// pyOpenSSL's <c>OpenSSL.SSL</c> module-level functions and numbers. The constant families are enums
/// (<see cref="SslMethod"/>, <see cref="SslOptions"/>, <see cref="SslMode"/>, <see cref="VerifyMode"/>,
/// <see cref="SessionCacheMode"/>, <see cref="ShutdownState"/>, <see cref="SslVersion"/>, <see cref="SSLeayInfo"/>);
/// the classes are <see cref="Context"/> and <see cref="Connection"/>.
/// </summary>
public static class Ssl
{
    /// <summary>
    /// <c>OPENSSL_VERSION_NUMBER</c>: the OpenSSL API level this facade reproduces, 3.0.0 (<c>0x30000000</c>), so code
    /// that compares it to pick a code path takes OpenSSL 3's. It is not the version of a native library: there is none.
    /// </summary>
    public const long OpenSslVersionNumber = 0x30000000L;

    /// <summary>
    /// Describes the library (<c>SSLeay_version(type)</c>, OpenSSL's <c>OpenSSL_version</c>), in OpenSSL's layout:
    /// <c>"ManagedTls 0.1.0 (OpenSSL 3.0 API, managed)"</c>, <c>"compiler: ..."</c>, <c>"built on: ..."</c>,
    /// <c>"platform: ..."</c>, <c>"OPENSSLDIR: \"...\""</c>.
    /// </summary>
    /// <param name="type">Which aspect to describe.</param>
    /// <returns>The description.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is not an <see cref="SSLeayInfo"/> value.</exception>
    public static string SSLeayVersion(SSLeayInfo type) => type switch
    {
        SSLeayInfo.Version => $"ManagedTls {LibraryVersion()} (OpenSSL 3.0 API, managed)",
        SSLeayInfo.CFlags => $"compiler: {RuntimeInformation.FrameworkDescription} (managed code, no native OpenSSL)",
        SSLeayInfo.BuiltOn => "built on: reproducible build, date not available",
        SSLeayInfo.Platform => $"platform: {RuntimeInformation.RuntimeIdentifier}",
        SSLeayInfo.Dir => $"OPENSSLDIR: \"{OpenSslDir()}\"",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not an SSLEAY_* constant"),
    };

    private static string LibraryVersion()
    {
        Assembly assembly = typeof(TrustStore).Assembly;
        string? informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (informational is null)
        {
            return assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        }

        int plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }

    private static string OpenSslDir()
    {
        // OpenSSL's default certificate directory is OPENSSLDIR/certs; report the parent of ours the same way.
        string? directory = DefaultVerifyLocations.GetCertificateDirectory();
        return string.IsNullOrEmpty(directory) ? string.Empty : Path.GetDirectoryName(directory.TrimEnd('/')) ?? directory;
    }
}
