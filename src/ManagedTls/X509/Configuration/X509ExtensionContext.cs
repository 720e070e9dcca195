using ManagedTls.Keys;

namespace ManagedTls.X509.Configuration;

/// <summary>
/// What OpenSSL's <c>X509V3_CTX</c> carries: the certificates, request and keys that values such as
/// <c>hash</c>, <c>keyid</c>, <c>issuer:copy</c> and <c>email:copy</c> read, and the configuration that
/// <c>@section</c> references resolve against.
/// </summary>
/// <remarks>
/// For a self-signed certificate OpenSSL's issuer certificate is the certificate being built: pass a provisional
/// certificate (the fields and the extensions added so far, signed with any key) as both
/// <see cref="SubjectCertificate"/> and <see cref="IssuerCertificate"/>, with the signing key's public half as
/// <see cref="IssuerPublicKey"/>.
/// </remarks>
public sealed class X509ExtensionContext
{
    /// <summary>The issuer's certificate (authorityKeyIdentifier, issuerAltName <c>issuer:copy</c>).</summary>
    public Certificate? IssuerCertificate { get; set; }

    /// <summary>The certificate being built (subjectKeyIdentifier <c>hash</c>, <c>email:copy</c>).</summary>
    public Certificate? SubjectCertificate { get; set; }

    /// <summary>The request being built or signed (used when there is no subject certificate).</summary>
    public CertificationRequest? Request { get; set; }

    /// <summary>The subject public key; wins over the certificate's and request's for <c>hash</c>.</summary>
    public PublicKey? SubjectPublicKey { get; set; }

    /// <summary>The public half of the signing key (OpenSSL's <c>issuer_pkey</c>): decides "self-signed" for authorityKeyIdentifier.</summary>
    public PublicKey? IssuerPublicKey { get; set; }

    /// <summary>The subject name (<c>email:copy</c>); wins over the certificate's and request's.</summary>
    public DistinguishedName? SubjectName { get; set; }

    /// <summary>The configuration that <c>@section</c>, <c>dirName:</c>, policy and distribution-point sections come from.</summary>
    public OpenSslConfig? Config { get; set; }

    /// <summary>OpenSSL's <c>X509V3_CTX_TEST</c>: values needing missing certificates or keys produce empty placeholders instead of errors.</summary>
    public bool Test { get; set; }
}
