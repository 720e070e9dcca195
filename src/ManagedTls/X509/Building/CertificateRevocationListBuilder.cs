using ManagedTls.Asn1;
using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Signatures;

namespace ManagedTls.X509;

/// <summary>Builds and signs a CRL (RFC 5280 §5.1).</summary>
/// <remarks>
/// <para>The CRL is written as v2 when <see cref="Version"/> is 2 or when the CRL or any entry carries extensions
/// (RFC 5280 §5.1.2.1), otherwise as v1 with no version field. Times follow RFC 5280 §5.1.2.4: whole seconds UTC,
/// UTCTime for 1950–2049 and GeneralizedTime otherwise. The revokedCertificates field is left out when there are no
/// entries, and the crlExtensions field when there are no extensions.</para>
/// <para><see cref="Sign(PrivateKey, SignatureAlgorithm)"/> throws <see cref="X509BuildException"/> for a version other
/// than 1 or 2 (<see cref="X509BuildError.InvalidVersion"/>) and a repeated extension OID in the CRL or in one entry
/// (<see cref="X509BuildError.DuplicateExtension"/>).</para>
/// </remarks>
public sealed class CertificateRevocationListBuilder
{
    private DistinguishedName _issuer = X509BuildEncoding.EmptyName;

    /// <summary>Creates a builder: v1, empty issuer, thisUpdate now (whole seconds), no nextUpdate.</summary>
    public CertificateRevocationListBuilder()
    {
        ThisUpdate = X509BuildEncoding.Truncate(DateTimeOffset.UtcNow);
    }

    /// <summary>The CRL version, 1 or 2; raised to 2 at signing when any extension is present.</summary>
    public int Version { get; set; } = 1;

    /// <summary>The issuer name (default: the empty name).</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public DistinguishedName Issuer
    {
        get => _issuer;
        set => _issuer = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>thisUpdate.</summary>
    public DateTimeOffset ThisUpdate { get; set; }

    /// <summary>nextUpdate, or null to leave the optional field out.</summary>
    public DateTimeOffset? NextUpdate { get; set; }

    /// <summary>The revoked certificates, written in this order.</summary>
    public IList<RevokedCertificateEntry> Revoked { get; } = new List<RevokedCertificateEntry>();

    /// <summary>CRL extensions (cRLNumber, authorityKeyIdentifier, ...), written in order.</summary>
    public IList<X509Extension> Extensions { get; } = new List<X509Extension>();

    /// <summary>A builder holding every field of <paramref name="crl"/>.</summary>
    /// <param name="crl">The CRL to copy.</param>
    /// <returns>A new builder.</returns>
    public static CertificateRevocationListBuilder From(CertificateRevocationList crl)
    {
        ArgumentNullException.ThrowIfNull(crl);
        var builder = new CertificateRevocationListBuilder
        {
            Version = crl.Version,
            Issuer = crl.Issuer,
            ThisUpdate = crl.ThisUpdate,
            NextUpdate = crl.NextUpdate,
        };
        foreach (RevokedCertificate revoked in crl.RevokedCertificates)
        {
            builder.Revoked.Add(RevokedCertificateEntry.From(revoked));
        }

        foreach (X509Extension extension in crl.Extensions)
        {
            builder.Extensions.Add(extension);
        }

        return builder;
    }

    /// <summary>Signs with the algorithm <see cref="SignatureAlgorithm.ForKey"/> picks for <paramref name="issuerKey"/>.</summary>
    /// <param name="issuerKey">The CRL issuer's private key.</param>
    /// <param name="digest">The digest; null for SHA-256 (or an RSA-PSS key's own). Must be null for Ed25519/Ed448.</param>
    /// <param name="padding">RSA only: PKCS#1 v1.5 or PSS; null for the key's default.</param>
    /// <returns>The signed CRL.</returns>
    /// <exception cref="X509BuildException">The fields do not form a valid CRL (see the class remarks).</exception>
    /// <exception cref="SignatureException">The digest or padding does not fit the key.</exception>
    public CertificateRevocationList Sign(PrivateKey issuerKey, HashAlgorithmId? digest = null, RsaSignaturePadding? padding = null)
    {
        ArgumentNullException.ThrowIfNull(issuerKey);
        return Sign(issuerKey, SignatureAlgorithm.ForKey(issuerKey.PublicKey, digest, padding));
    }

    /// <summary>Signs with an explicit signature algorithm.</summary>
    /// <param name="issuerKey">The CRL issuer's private key.</param>
    /// <param name="algorithm">The algorithm, written in both AlgorithmIdentifier fields.</param>
    /// <returns>The signed CRL.</returns>
    /// <exception cref="X509BuildException">The fields do not form a valid CRL (see the class remarks).</exception>
    /// <exception cref="SignatureException">The algorithm does not fit the key.</exception>
    public CertificateRevocationList Sign(PrivateKey issuerKey, SignatureAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(issuerKey);
        ArgumentNullException.ThrowIfNull(algorithm);
        byte[] tbs = EncodeTbs(algorithm);
        return CertificateRevocationList.Decode(X509BuildEncoding.SignEnvelope(tbs, issuerKey, algorithm));
    }

    private byte[] EncodeTbs(SignatureAlgorithm algorithm)
    {
        if (Version is < 1 or > 2)
        {
            throw new X509BuildException(X509BuildError.InvalidVersion, $"CRL version {Version} is not 1 or 2 (RFC 5280 §5.1.2.1).");
        }

        X509BuildEncoding.CheckDuplicates(Extensions, "the CRL");
        bool v2 = Version == 2 || Extensions.Count > 0;
        foreach (RevokedCertificateEntry entry in Revoked)
        {
            ArgumentNullException.ThrowIfNull(entry, nameof(Revoked));
            v2 |= entry.Extensions.Count > 0;
        }

        using var writer = new DerWriter();
        using (writer.PushSequence())
        {
            if (v2)
            {
                writer.WriteInteger(1);
            }

            algorithm.Encode(writer);
            Issuer.Encode(writer);
            X509BuildEncoding.WriteTime(writer, ThisUpdate);
            if (NextUpdate is { } next)
            {
                X509BuildEncoding.WriteTime(writer, next);
            }

            if (Revoked.Count > 0)
            {
                using (writer.PushSequence())
                {
                    foreach (RevokedCertificateEntry entry in Revoked)
                    {
                        entry.Encode(writer);
                    }
                }
            }

            if (Extensions.Count > 0)
            {
                using (writer.PushExplicit(0))
                {
                    X509BuildEncoding.WriteExtensions(writer, Extensions);
                }
            }
        }

        return writer.ToArray();
    }
}
