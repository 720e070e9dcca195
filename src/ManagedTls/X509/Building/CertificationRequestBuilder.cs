using ManagedTls.Asn1;
using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Signatures;

namespace ManagedTls.X509;

/// <summary>Builds and signs a PKCS#10 certification request (RFC 2986 §4).</summary>
/// <remarks>
/// <para>The attributes are written as a DER SET OF (sorted by encoding, as OpenSSL writes them): the
/// <see cref="Attributes"/> list, then <see cref="ChallengePassword"/> as a UTF8String challengePassword attribute, then
/// <see cref="Extensions"/> as one extensionRequest attribute when the list is non-empty. The <c>[0]</c> attributes
/// field is always present, empty when there are none (RFC 2986 requires it).</para>
/// <para><see cref="Sign(PrivateKey, SignatureAlgorithm)"/> throws <see cref="X509BuildException"/> for: a version
/// other than 0 (<see cref="X509BuildError.InvalidVersion"/>), no public key (<see cref="X509BuildError.MissingPublicKey"/>),
/// bad raw SubjectPublicKeyInfo (<see cref="X509BuildError.InvalidPublicKeyInfo"/>), a repeated extension OID
/// (<see cref="X509BuildError.DuplicateExtension"/>), and an extensionRequest or challengePassword attribute in
/// <see cref="Attributes"/> while <see cref="Extensions"/> or <see cref="ChallengePassword"/> is also set
/// (<see cref="X509BuildError.DuplicateAttribute"/>).</para>
/// </remarks>
public sealed class CertificationRequestBuilder
{
    private const string ExtensionRequestOid = "1.2.840.113549.1.9.14";
    private const string ChallengePasswordOid = "1.2.840.113549.1.9.7";

    private DistinguishedName _subject = X509BuildEncoding.EmptyName;

    /// <summary>The version field as written in the DER (0-based); RFC 2986 defines only 0.</summary>
    public int Version { get; set; }

    /// <summary>The subject name (default: the empty name).</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public DistinguishedName Subject
    {
        get => _subject;
        set => _subject = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The subject public key; ignored when <see cref="SubjectPublicKeyInfo"/> is set.</summary>
    public PublicKey? PublicKey { get; set; }

    /// <summary>Raw SubjectPublicKeyInfo DER, written verbatim; wins over <see cref="PublicKey"/> when set.</summary>
    public ReadOnlyMemory<byte>? SubjectPublicKeyInfo { get; set; }

    /// <summary>Attributes written as given (besides the ones the builder makes from <see cref="ChallengePassword"/> and <see cref="Extensions"/>).</summary>
    public IList<X509Attribute> Attributes { get; } = new List<X509Attribute>();

    /// <summary>Requested extensions, written as one extensionRequest attribute (PKCS#9) when non-empty.</summary>
    public IList<X509Extension> Extensions { get; } = new List<X509Extension>();

    /// <summary>A challengePassword attribute (PKCS#9, UTF8String), or null for none.</summary>
    public string? ChallengePassword { get; set; }

    /// <summary>A builder holding the fields of <paramref name="request"/>: its extensionRequest is unpacked into
    /// <see cref="Extensions"/>, every other attribute (challengePassword included) is kept raw in <see cref="Attributes"/>.</summary>
    /// <param name="request">The request to copy.</param>
    /// <returns>A new builder.</returns>
    /// <exception cref="X509FormatException">The request's extensionRequest attribute is malformed.</exception>
    public static CertificationRequestBuilder From(CertificationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var builder = new CertificationRequestBuilder
        {
            Version = request.Version,
            Subject = request.Subject,
            SubjectPublicKeyInfo = request.SubjectPublicKeyInfo,
        };
        foreach (X509Extension extension in request.GetRequestedExtensions())
        {
            builder.Extensions.Add(extension);
        }

        foreach (X509Attribute attribute in request.Attributes)
        {
            if (attribute.Oid != ExtensionRequestOid)
            {
                builder.Attributes.Add(attribute);
            }
        }

        return builder;
    }

    /// <summary>Signs with the algorithm <see cref="SignatureAlgorithm.ForKey"/> picks for <paramref name="key"/>.</summary>
    /// <param name="key">The requester's private key (it proves possession of <see cref="PublicKey"/>).</param>
    /// <param name="digest">The digest; null for SHA-256 (or an RSA-PSS key's own). Must be null for Ed25519/Ed448.</param>
    /// <param name="padding">RSA only: PKCS#1 v1.5 or PSS; null for the key's default.</param>
    /// <returns>The signed request.</returns>
    /// <exception cref="X509BuildException">The fields do not form a valid request (see the class remarks).</exception>
    /// <exception cref="SignatureException">The digest or padding does not fit the key.</exception>
    public CertificationRequest Sign(PrivateKey key, HashAlgorithmId? digest = null, RsaSignaturePadding? padding = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Sign(key, SignatureAlgorithm.ForKey(key.PublicKey, digest, padding));
    }

    /// <summary>Signs with an explicit signature algorithm.</summary>
    /// <param name="key">The requester's private key.</param>
    /// <param name="algorithm">The signature algorithm.</param>
    /// <returns>The signed request.</returns>
    /// <exception cref="X509BuildException">The fields do not form a valid request (see the class remarks).</exception>
    /// <exception cref="SignatureException">The algorithm does not fit the key.</exception>
    public CertificationRequest Sign(PrivateKey key, SignatureAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(algorithm);
        byte[] info = EncodeInfo();
        return CertificationRequest.Decode(X509BuildEncoding.SignEnvelope(info, key, algorithm));
    }

    private byte[] EncodeInfo()
    {
        if (Version != 0)
        {
            throw new X509BuildException(X509BuildError.InvalidVersion, $"Certification request version {Version} is not 0 (RFC 2986 §4.1).");
        }

        ReadOnlySpan<byte> spki;
        if (SubjectPublicKeyInfo is { } raw)
        {
            X509BuildEncoding.CheckSpki(raw.Span);
            spki = raw.Span;
        }
        else if (PublicKey is not null)
        {
            spki = PublicKey.SubjectPublicKeyInfo.Span;
        }
        else
        {
            throw new X509BuildException(X509BuildError.MissingPublicKey, "The request has no public key: set PublicKey or SubjectPublicKeyInfo.");
        }

        X509BuildEncoding.CheckDuplicates(Extensions, "the extensionRequest");
        foreach (X509Attribute attribute in Attributes)
        {
            ArgumentNullException.ThrowIfNull(attribute, nameof(Attributes));
            if ((attribute.Oid == ExtensionRequestOid && Extensions.Count > 0) || (attribute.Oid == ChallengePasswordOid && ChallengePassword is not null))
            {
                throw new X509BuildException(X509BuildError.DuplicateAttribute, $"Attribute {attribute.Name} is in Attributes and also set through the builder's own property.");
            }
        }

        using var writer = new DerWriter();
        using (writer.PushSequence())
        {
            writer.WriteInteger(Version);
            Subject.Encode(writer);
            writer.WriteEncodedValue(spki);
            using (writer.PushSetOf(Asn1Tag.Context(0, true)))
            {
                foreach (X509Attribute attribute in Attributes)
                {
                    attribute.Encode(writer);
                }

                if (ChallengePassword is not null)
                {
                    using (writer.PushSequence())
                    {
                        writer.WriteObjectIdentifier(ChallengePasswordOid);
                        using (writer.PushSetOf())
                        {
                            writer.WriteCharacterString(Asn1Tag.Utf8String, ChallengePassword);
                        }
                    }
                }

                if (Extensions.Count > 0)
                {
                    using (writer.PushSequence())
                    {
                        writer.WriteObjectIdentifier(ExtensionRequestOid);
                        using (writer.PushSetOf())
                        {
                            X509BuildEncoding.WriteExtensions(writer, Extensions);
                        }
                    }
                }
            }
        }

        return writer.ToArray();
    }
}
