using System.Numerics;
using ManagedTls.Asn1;
using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Signatures;

namespace ManagedTls.X509;

/// <summary>
/// Builds and signs an X.509 certificate (RFC 5280 §4.1). Set the fields, then call <see cref="Sign(PrivateKey, HashAlgorithmId?, RsaSignaturePadding?)"/>;
/// the builder stays usable and can sign again.
/// </summary>
/// <remarks>
/// <para>Times are written in whole seconds UTC: UTCTime for 1950–2049, GeneralizedTime otherwise (RFC 5280 §4.1.2.5).
/// The signature AlgorithmIdentifier comes from <see cref="SignatureAlgorithm.ForKey"/> and is written identically in
/// the TBSCertificate and the outer Certificate. The version field is omitted for v1, as DER requires of a DEFAULT.
/// An empty extension list writes no <c>extensions</c> field.</para>
/// <para><see cref="Sign(PrivateKey, SignatureAlgorithm)"/> throws <see cref="X509BuildException"/> for: a version other
/// than 1–3 (<see cref="X509BuildError.InvalidVersion"/>); no public key (<see cref="X509BuildError.MissingPublicKey"/>);
/// raw SubjectPublicKeyInfo that is not one SEQUENCE (<see cref="X509BuildError.InvalidPublicKeyInfo"/>); extensions
/// below v3 (<see cref="X509BuildError.ExtensionsNotAllowed"/>); unique identifiers on v1
/// (<see cref="X509BuildError.UniqueIdNotAllowed"/>); a repeated extension OID (<see cref="X509BuildError.DuplicateExtension"/>).
/// Empty subject and issuer names, zero and negative serials and notAfter before notBefore are written as asked
/// (OpenSSL writes them too).</para>
/// </remarks>
public sealed class CertificateBuilder
{
    private DistinguishedName _issuer = X509BuildEncoding.EmptyName;
    private DistinguishedName _subject = X509BuildEncoding.EmptyName;

    /// <summary>Creates a builder: v3, serial 0, empty names, valid from now (whole seconds) for 30 days (OpenSSL's default).</summary>
    public CertificateBuilder()
    {
        NotBefore = X509BuildEncoding.Truncate(DateTimeOffset.UtcNow);
        NotAfter = NotBefore.AddDays(30);
    }

    /// <summary>The X.509 version: 1, 2 or 3 (not the 0-based field value). Default 3.</summary>
    public int Version { get; set; } = 3;

    /// <summary>The serial number, any size; zero and negative values are written as given.</summary>
    public BigInteger SerialNumber { get; set; }

    /// <summary>The issuer name (default: the empty name).</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public DistinguishedName Issuer
    {
        get => _issuer;
        set => _issuer = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The subject name (default: the empty name).</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public DistinguishedName Subject
    {
        get => _subject;
        set => _subject = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Start of validity; fractions of a second are dropped when written.</summary>
    public DateTimeOffset NotBefore { get; set; }

    /// <summary>End of validity; fractions of a second are dropped when written.</summary>
    public DateTimeOffset NotAfter { get; set; }

    /// <summary>The subject public key; ignored when <see cref="SubjectPublicKeyInfo"/> is set.</summary>
    public PublicKey? PublicKey { get; set; }

    /// <summary>Raw SubjectPublicKeyInfo DER, written verbatim; wins over <see cref="PublicKey"/> when set.</summary>
    public ReadOnlyMemory<byte>? SubjectPublicKeyInfo { get; set; }

    /// <summary>The issuerUniqueID bits (v2/v3 only), written with no unused bits.</summary>
    public ReadOnlyMemory<byte>? IssuerUniqueId { get; set; }

    /// <summary>The subjectUniqueID bits (v2/v3 only), written with no unused bits.</summary>
    public ReadOnlyMemory<byte>? SubjectUniqueId { get; set; }

    /// <summary>The extensions, written in this order; a repeated OID is rejected at signing.</summary>
    public IList<X509Extension> Extensions { get; } = new List<X509Extension>();

    /// <summary>A builder holding every field of <paramref name="certificate"/> (version, serial, names, validity,
    /// the SubjectPublicKeyInfo bytes, unique identifiers and extensions in order).</summary>
    /// <param name="certificate">The certificate to copy.</param>
    /// <returns>A new builder; signing it re-signs the same content.</returns>
    public static CertificateBuilder From(Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var builder = new CertificateBuilder
        {
            Version = certificate.Version,
            SerialNumber = certificate.SerialNumberValue,
            Issuer = certificate.Issuer,
            Subject = certificate.Subject,
            NotBefore = certificate.NotBefore,
            NotAfter = certificate.NotAfter,
            SubjectPublicKeyInfo = certificate.SubjectPublicKeyInfo,
            IssuerUniqueId = certificate.IssuerUniqueId,
            SubjectUniqueId = certificate.SubjectUniqueId,
        };
        foreach (X509Extension extension in certificate.Extensions)
        {
            builder.Extensions.Add(extension);
        }

        return builder;
    }

    /// <summary>Signs with the algorithm <see cref="SignatureAlgorithm.ForKey"/> picks for <paramref name="issuerKey"/>.</summary>
    /// <param name="issuerKey">The issuer's private key (the subject's own key for a self-signed certificate).</param>
    /// <param name="digest">The digest; null for SHA-256 (or an RSA-PSS key's own). Must be null for Ed25519/Ed448.</param>
    /// <param name="padding">RSA only: PKCS#1 v1.5 or PSS; null for the key's default.</param>
    /// <returns>The signed certificate, decoded from the bytes written.</returns>
    /// <exception cref="X509BuildException">The fields do not form a valid certificate (see the class remarks).</exception>
    /// <exception cref="SignatureException">The digest or padding does not fit the key.</exception>
    public Certificate Sign(PrivateKey issuerKey, HashAlgorithmId? digest = null, RsaSignaturePadding? padding = null)
    {
        ArgumentNullException.ThrowIfNull(issuerKey);
        return Sign(issuerKey, SignatureAlgorithm.ForKey(issuerKey.PublicKey, digest, padding));
    }

    /// <summary>Signs with an explicit signature algorithm.</summary>
    /// <param name="issuerKey">The issuer's private key.</param>
    /// <param name="algorithm">The algorithm, written in both AlgorithmIdentifier fields.</param>
    /// <returns>The signed certificate.</returns>
    /// <exception cref="X509BuildException">The fields do not form a valid certificate (see the class remarks).</exception>
    /// <exception cref="SignatureException">The algorithm does not fit the key.</exception>
    public Certificate Sign(PrivateKey issuerKey, SignatureAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(issuerKey);
        ArgumentNullException.ThrowIfNull(algorithm);
        byte[] tbs = EncodeTbs(algorithm);
        return Certificate.Decode(X509BuildEncoding.SignEnvelope(tbs, issuerKey, algorithm));
    }

    private byte[] EncodeTbs(SignatureAlgorithm algorithm)
    {
        if (Version is < 1 or > 3)
        {
            throw new X509BuildException(X509BuildError.InvalidVersion, $"Certificate version {Version} is not 1, 2 or 3 (RFC 5280 §4.1.2.1).");
        }

        ReadOnlySpan<byte> spki = ResolveSpki();
        if (Version < 3 && Extensions.Count > 0)
        {
            throw new X509BuildException(X509BuildError.ExtensionsNotAllowed, $"A v{Version} certificate cannot carry extensions (RFC 5280 §4.1.2.9).");
        }

        if (Version == 1 && (IssuerUniqueId is not null || SubjectUniqueId is not null))
        {
            throw new X509BuildException(X509BuildError.UniqueIdNotAllowed, "A v1 certificate cannot carry unique identifiers (RFC 5280 §4.1.2.8).");
        }

        X509BuildEncoding.CheckDuplicates(Extensions, "the certificate");

        using var writer = new DerWriter();
        using (writer.PushSequence())
        {
            if (Version > 1)
            {
                using (writer.PushExplicit(0))
                {
                    writer.WriteInteger(Version - 1);
                }
            }

            writer.WriteInteger(SerialNumber);
            algorithm.Encode(writer);
            Issuer.Encode(writer);
            using (writer.PushSequence())
            {
                X509BuildEncoding.WriteTime(writer, NotBefore);
                X509BuildEncoding.WriteTime(writer, NotAfter);
            }

            Subject.Encode(writer);
            writer.WriteEncodedValue(spki);
            if (IssuerUniqueId is { } issuerId)
            {
                writer.WriteBitString(issuerId.Span, 0, Asn1Tag.Context(1, false));
            }

            if (SubjectUniqueId is { } subjectId)
            {
                writer.WriteBitString(subjectId.Span, 0, Asn1Tag.Context(2, false));
            }

            if (Extensions.Count > 0)
            {
                using (writer.PushExplicit(3))
                {
                    X509BuildEncoding.WriteExtensions(writer, Extensions);
                }
            }
        }

        return writer.ToArray();
    }

    private ReadOnlySpan<byte> ResolveSpki()
    {
        if (SubjectPublicKeyInfo is { } raw)
        {
            X509BuildEncoding.CheckSpki(raw.Span);
            return raw.Span;
        }

        if (PublicKey is null)
        {
            throw new X509BuildException(X509BuildError.MissingPublicKey, "The certificate has no subject public key: set PublicKey or SubjectPublicKeyInfo.");
        }

        return PublicKey.SubjectPublicKeyInfo.Span;
    }
}
