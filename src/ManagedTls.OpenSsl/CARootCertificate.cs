using ManagedTls.Crypto;
using ManagedTls.X509;

namespace ManagedTls.OpenSsl;

/// <summary>eGenix <c>ca_bundle.CARootCertificate</c>: one root of a CA bundle with its name, SHA-1 fingerprint, description and PEM.</summary>
public sealed class CARootCertificate
{
    /// <summary>Creates an entry (<c>CARootCertificate(name, sha1, description, certificate)</c>).</summary>
    /// <param name="name">The root's name (Mozilla's label).</param>
    /// <param name="sha1">The SHA-1 fingerprint in OpenSSL's colon form (<c>D6:9B:...</c>).</param>
    /// <param name="description">A text description.</param>
    /// <param name="certificate">The certificate in PEM.</param>
    public CARootCertificate(string name, string sha1, string description, string certificate)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(sha1);
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(certificate);
        Name = name;
        Sha1 = sha1;
        Description = description;
        Certificate = certificate;
    }

    /// <summary>The name of the certificate (<c>name</c>).</summary>
    public string Name { get; }

    /// <summary>The SHA-1 fingerprint, two-digit upper-case hex separated by colons, as <see cref="X509.Digest"/> prints it (<c>sha1</c>).</summary>
    public string Sha1 { get; }

    /// <summary>The text description (<c>description</c>).</summary>
    public string Description { get; }

    /// <summary>The certificate in PEM (<c>certificate</c>).</summary>
    public string Certificate { get; }

    /// <summary>The certificate as a pyOpenSSL-shaped <see cref="X509"/> (<c>get_x509()</c>).</summary>
    /// <returns>The certificate.</returns>
    /// <exception cref="X509FormatException">The PEM does not hold a valid certificate.</exception>
    public X509 GetX509() => new(ManagedTls.X509.Certificate.Load(System.Text.Encoding.ASCII.GetBytes(Certificate)));

    /// <summary>The SHA-1 fingerprint in Python's <c>hexdigest()</c> form: lower-case hex without separators (<c>hexdigest()</c>).</summary>
    /// <returns>The 40 hex digits.</returns>
    public string HexDigest() => Sha1.Replace(":", string.Empty, StringComparison.Ordinal).ToLowerInvariant();

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Sha1})";

    internal static CARootCertificate From(string name, string description, Certificate certificate) =>
        new(name, ManagedTls.OpenSsl.Crypto.ColonHex(certificate.GetDigest(HashAlgorithmId.Sha1)), description, certificate.ToPem());
}
