using ManagedTls.X509;
using ManagedTls.X509.Verification;

namespace ManagedTls.Pkcs.Cms;

/// <summary>How <see cref="Pkcs7Verifier"/> checks a SignedData; the defaults are <c>openssl smime -verify</c>'s.</summary>
public sealed class Pkcs7VerifyOptions
{
    /// <summary>The trust anchors (<c>-CAfile</c>); required unless <see cref="NoChainVerification"/>.</summary>
    public TrustStore? TrustStore { get; set; }

    /// <summary>Extra certificates to find signers and intermediates in (<c>-certfile</c>).</summary>
    public IList<Certificate> ExtraCertificates { get; } = new List<Certificate>();

    /// <summary>Look for signer certificates only in <see cref="ExtraCertificates"/>, not in the message (<c>-nointern</c>).</summary>
    public bool NoInternalCertificates { get; set; }

    /// <summary>Do not verify the signers' certificate chains (<c>-noverify</c>); signatures are still checked.</summary>
    public bool NoChainVerification { get; set; }

    /// <summary>
    /// Chain options; null for the S/MIME signing purpose at the current time. The purpose defaults to
    /// <see cref="VerificationPurpose.EmailProtection"/> with OpenSSL's <c>smimesign</c> key-usage rule
    /// (digitalSignature or nonRepudiation when keyUsage is present).
    /// </summary>
    public VerificationOptions? ChainOptions { get; set; }
}
