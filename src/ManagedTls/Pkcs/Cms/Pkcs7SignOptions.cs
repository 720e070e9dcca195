using ManagedTls.Crypto;
using ManagedTls.X509;

namespace ManagedTls.Pkcs.Cms;

/// <summary>How <see cref="Pkcs7Signer.Sign"/> builds a SignedData; the defaults are <c>openssl smime -sign</c>'s.</summary>
public sealed class Pkcs7SignOptions
{
    /// <summary>The digest; null for SHA-256 (SHA-512 for Ed25519, RFC 8419 §3.1).</summary>
    public HashAlgorithmId? Digest { get; set; }

    /// <summary>Leave the content out of the SignedData (a detached signature; <c>smime -sign</c> without <c>-nodetach</c>).</summary>
    public bool Detached { get; set; }

    /// <summary>Carry the signer's certificate (default true; <c>-nocerts</c> turns it off).</summary>
    public bool IncludeSignerCertificate { get; set; } = true;

    /// <summary>Further certificates to carry (<c>-certfile</c>), after the signer's.</summary>
    public IList<Certificate> ExtraCertificates { get; } = new List<Certificate>();

    /// <summary>Add signed attributes (content-type, signing-time, message-digest); default true (<c>-noattr</c> turns it off).</summary>
    public bool SignedAttributes { get; set; } = true;

    /// <summary>Add the signing-time attribute (default true).</summary>
    public bool IncludeSigningTime { get; set; } = true;

    /// <summary>Name the signer by subject key identifier (CMS version 3, <c>openssl cms -keyid</c>) instead of issuer and serial.</summary>
    public bool UseSubjectKeyIdentifier { get; set; }

    /// <summary>The clock for signing-time; null for <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider? TimeProvider { get; set; }
}
