using System.Numerics;
using ManagedTls.Keys;
using ManagedTls.X509;

namespace ManagedTls.Cli;

/// <summary>
/// A section of X.509 v3 extensions in an openssl configuration file (<c>-extfile</c>/<c>-extensions</c>,
/// <c>req -config</c>'s <c>x509_extensions</c>/<c>req_extensions</c>, <c>-addext</c>), turned into extensions in
/// order.
/// </summary>
internal sealed class ExtensionSection
{
    private ExtensionSection()
    {
    }

    /// <summary>Loads <paramref name="path"/> and picks the section.</summary>
    /// <param name="path">The configuration file.</param>
    /// <param name="section">The section, or null for the default's <c>extensions</c> value or the unnamed section.</param>
    /// <returns>The section.</returns>
    /// <exception cref="CommandException">The file cannot be loaded.</exception>
    public static ExtensionSection Load(string path, string? section)
    {
        _ = path;
        _ = section;
        throw new CommandException("-extfile needs the configuration parser, which is not in this build");
    }

    /// <summary>Adds the section's extensions.</summary>
    /// <param name="extensions">The destination.</param>
    /// <param name="context">The issuer and subject the values may refer to.</param>
    public void AddTo(IList<X509Extension> extensions, Context context)
    {
        _ = extensions;
        _ = context;
    }

    /// <summary>What extension values may refer to (<c>X509V3_set_ctx</c>).</summary>
    /// <param name="Issuer">The issuer certificate, or null when self-issued.</param>
    /// <param name="SubjectKey">The subject's public key.</param>
    /// <param name="IssuerKey">The issuer's public key when self-signed with a known key.</param>
    /// <param name="Subject">The subject name.</param>
    /// <param name="Serial">The serial.</param>
    internal sealed record Context(Certificate? Issuer, PublicKey SubjectKey, PublicKey? IssuerKey, DistinguishedName Subject, BigInteger Serial);
}
