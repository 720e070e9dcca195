using ManagedTls.Asn1;
using ManagedTls.X509;

namespace ManagedTls.Pkcs.Cms;

/// <summary>
/// A SignedData (RFC 5652 §5.1; PKCS#7 v1.5 RFC 2315 §9.1): the digest algorithms, the encapsulated content (absent
/// when detached), the certificates and CRLs carried for the relying party (a "p7b" carries only these), and the
/// signers.
/// </summary>
public sealed class SignedData
{
    /// <summary>The most certificates read from one SignedData.</summary>
    public const int MaxCertificates = 4096;

    /// <summary>The most CRLs read from one SignedData.</summary>
    public const int MaxCrls = 1024;

    /// <summary>The most signers (and digest algorithms) read from one SignedData.</summary>
    public const int MaxSigners = 64;

    internal SignedData(
        int version, IReadOnlyList<string> digestAlgorithms, string contentType, byte[]? content,
        IReadOnlyList<Certificate> certificates, IReadOnlyList<CertificateRevocationList> crls, IReadOnlyList<SignerInfo> signers, bool hasCertificateField, bool hasCrlField)
    {
        Version = version;
        DigestAlgorithmOids = digestAlgorithms;
        ContentType = contentType;
        Content = content;
        Certificates = certificates;
        Crls = crls;
        SignerInfos = signers;
        HasCertificateField = hasCertificateField;
        HasCrlField = hasCrlField;
    }

    /// <summary>The SignedData version (1 for PKCS#7 and plain CMS, 3 when a signer is named by key identifier).</summary>
    public int Version { get; }

    /// <summary>The digest algorithm OIDs of the <c>digestAlgorithms</c> set, dotted.</summary>
    public IReadOnlyList<string> DigestAlgorithmOids { get; }

    /// <summary>The encapsulated content type (eContentType), normally <see cref="CmsOids.Data"/>.</summary>
    public string ContentType { get; }

    /// <summary>The encapsulated content (the content octets of eContent); null when detached or absent.</summary>
    public byte[]? Content { get; }

    /// <summary>True when the content is not carried (detached signature or a certs-only bundle).</summary>
    public bool IsDetached => Content is null;

    /// <summary>The certificates carried (X.509 certificates only; other CertificateChoices are skipped).</summary>
    public IReadOnlyList<Certificate> Certificates { get; }

    /// <summary>The CRLs carried.</summary>
    public IReadOnlyList<CertificateRevocationList> Crls { get; }

    /// <summary>The signers; empty for a certs-only bundle.</summary>
    public IReadOnlyList<SignerInfo> SignerInfos { get; }

    /// <summary>True when the <c>certificates</c> field is present (possibly empty).</summary>
    public bool HasCertificateField { get; }

    /// <summary>True when the <c>crls</c> field is present (possibly empty).</summary>
    public bool HasCrlField { get; }

    /// <summary>The SignedData's encoding (definite lengths), as read or as built.</summary>
    public ReadOnlyMemory<byte> RawData => _raw;

    private byte[] _raw = [];

    /// <summary>Writes the SignedData SEQUENCE (its encoding as read or built).</summary>
    /// <param name="writer">The destination.</param>
    public void Encode(DerWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteEncodedValue(_raw);
    }

    internal static SignedData Build(
        int version, IReadOnlyList<string> digestAlgorithms, string contentType, byte[]? content,
        IReadOnlyList<Certificate> certificates, IReadOnlyList<CertificateRevocationList> crls, IReadOnlyList<SignerInfo> signers)
    {
        var data = new SignedData(version, digestAlgorithms, contentType, content, certificates, crls, signers, certificates.Count > 0, crls.Count > 0);
        using var writer = new DerWriter();
        data.BuildEncoding(writer);
        data._raw = writer.ToArray();
        return data;
    }

    private void BuildEncoding(DerWriter writer)
    {
        using (writer.PushSequence())
        {
            writer.WriteInteger(Version);
            using (writer.PushSetOf())
            {
                foreach (string oid in DigestAlgorithmOids)
                {
                    using (writer.PushSequence())
                    {
                        writer.WriteObjectIdentifier(oid);
                        writer.WriteNull();
                    }
                }
            }

            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(ContentType);
                if (Content is not null)
                {
                    using (writer.PushExplicit(0))
                    {
                        writer.WriteOctetString(Content);
                    }
                }
            }

            if (Certificates.Count > 0 || HasCertificateField)
            {
                // [0] IMPLICIT, kept in the given order (OpenSSL writes the stack's order, leaf first).
                using (writer.PushSequence(Asn1Tag.Context(0, true)))
                {
                    foreach (Certificate certificate in Certificates)
                    {
                        writer.WriteEncodedValue(certificate.RawData.Span);
                    }
                }
            }

            if (Crls.Count > 0 || HasCrlField)
            {
                using (writer.PushSequence(Asn1Tag.Context(1, true)))
                {
                    foreach (CertificateRevocationList crl in Crls)
                    {
                        writer.WriteEncodedValue(crl.RawData.Span);
                    }
                }
            }

            using (writer.PushSequence(Asn1Tag.SetOf))
            {
                foreach (SignerInfo signer in SignerInfos)
                {
                    signer.Encode(writer);
                }
            }
        }
    }

    /// <summary>Decodes a SignedData SEQUENCE (definite-length; see <see cref="BerNormalizer"/>).</summary>
    /// <param name="reader">Positioned at the SEQUENCE; offsets index <paramref name="source"/>.</param>
    /// <param name="source">The whole buffer the reader reads.</param>
    /// <returns>The SignedData.</returns>
    /// <exception cref="DecodeException">Malformed.</exception>
    /// <exception cref="Pkcs7Exception">A limit is exceeded, or a certificate or CRL inside is malformed.</exception>
    internal static SignedData Decode(ref DerReader reader, ReadOnlyMemory<byte> source)
    {
        int rawStart = reader.Offset;
        DerReader sequence = reader.ReadSequence();
        int rawLength = reader.Offset - rawStart;
        int version = sequence.ReadInt32();
        if (version is < 0 or > 5)
        {
            throw new Pkcs7Exception(Pkcs7Error.Unsupported, $"SignedData version {version}");
        }

        var digests = new List<string>();
        DerReader digestSet = sequence.ReadSequence(Asn1Tag.SetOf);
        while (digestSet.HasData)
        {
            if (digests.Count == MaxSigners)
            {
                throw new Pkcs7Exception(Pkcs7Error.LimitExceeded, $"more than {MaxSigners} digest algorithms");
            }

            DerReader algorithm = digestSet.ReadSequence();
            digests.Add(algorithm.ReadObjectIdentifier());
        }

        DerReader encapsulated = sequence.ReadSequence();
        string contentType = encapsulated.ReadObjectIdentifier();
        byte[]? content = null;
        if (encapsulated.TryReadExplicit(0, out DerReader explicitContent))
        {
            // CMS: an OCTET STRING. PKCS#7 v1.5 allows any type; RFC 2315 §9.3 digests its content octets either way.
            content = explicitContent.ReadContent(out _).ToArray();
            explicitContent.ExpectEmpty();
        }

        encapsulated.ExpectEmpty();

        var certificates = new List<Certificate>();
        bool hasCertificates = false;
        if (sequence.NextTagIs(Asn1Tag.Context(0, true)))
        {
            hasCertificates = true;
            DerReader set = sequence.ReadSequence(Asn1Tag.Context(0, true));
            while (set.HasData)
            {
                if (certificates.Count == MaxCertificates)
                {
                    throw new Pkcs7Exception(Pkcs7Error.LimitExceeded, $"more than {MaxCertificates} certificates");
                }

                ReadOnlySpan<byte> element = set.ReadEncodedValue(out Asn1Header header);
                if (header.Tag == Asn1Tag.Sequence)
                {
                    certificates.Add(DecodeCertificate(element));
                }
            }
        }

        var crls = new List<CertificateRevocationList>();
        bool hasCrls = false;
        if (sequence.NextTagIs(Asn1Tag.Context(1, true)))
        {
            hasCrls = true;
            DerReader set = sequence.ReadSequence(Asn1Tag.Context(1, true));
            while (set.HasData)
            {
                if (crls.Count == MaxCrls)
                {
                    throw new Pkcs7Exception(Pkcs7Error.LimitExceeded, $"more than {MaxCrls} CRLs");
                }

                ReadOnlySpan<byte> element = set.ReadEncodedValue(out Asn1Header header);
                if (header.Tag == Asn1Tag.Sequence)
                {
                    crls.Add(DecodeCrl(element));
                }
            }
        }

        var signers = new List<SignerInfo>();
        DerReader signerSet = sequence.ReadSequence(Asn1Tag.SetOf);
        while (signerSet.HasData)
        {
            if (signers.Count == MaxSigners)
            {
                throw new Pkcs7Exception(Pkcs7Error.LimitExceeded, $"more than {MaxSigners} signers");
            }

            signers.Add(SignerInfo.Decode(ref signerSet, source));
        }

        sequence.ExpectEmpty();
        return new SignedData(
            version, digests.AsReadOnly(), contentType, content, certificates.AsReadOnly(), crls.AsReadOnly(), signers.AsReadOnly(), hasCertificates, hasCrls)
        {
            _raw = source.Slice(rawStart, rawLength).ToArray(),
        };
    }

    private static Certificate DecodeCertificate(ReadOnlySpan<byte> der)
    {
        try
        {
            return Certificate.Decode(der);
        }
        catch (X509FormatException e)
        {
            throw new Pkcs7Exception(Pkcs7Error.Malformed, "a certificate in the SignedData is malformed: " + e.Message, e);
        }
    }

    private static CertificateRevocationList DecodeCrl(ReadOnlySpan<byte> der)
    {
        try
        {
            return CertificateRevocationList.Decode(der);
        }
        catch (X509FormatException e)
        {
            throw new Pkcs7Exception(Pkcs7Error.Malformed, "a CRL in the SignedData is malformed: " + e.Message, e);
        }
    }
}
