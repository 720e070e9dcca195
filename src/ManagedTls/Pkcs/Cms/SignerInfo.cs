using System.Collections.ObjectModel;
using ManagedTls.Asn1;
using ManagedTls.Crypto;
using ManagedTls.Signatures;
using ManagedTls.X509;

namespace ManagedTls.Pkcs.Cms;

/// <summary>
/// One signer of a SignedData (RFC 5652 §5.3; PKCS#7 v1.5 RFC 2315 §9.2 has the same shape): who signed
/// (issuer and serial number, or subject key identifier), the digest and signature algorithms, the signed and
/// unsigned attributes and the signature. The signed attributes' encoding is kept: it is what was signed.
/// </summary>
public sealed class SignerInfo
{
    /// <summary>The most signed or unsigned attributes read per signer.</summary>
    public const int MaxAttributes = 64;

    private readonly byte[]? _signedAttributesRaw;
    private byte[] _raw = [];

    private SignerInfo(
        int version, DistinguishedName? issuer, ReadOnlyMemory<byte> serialNumber, ReadOnlyMemory<byte>? subjectKeyIdentifier,
        string digestAlgorithm, byte[]? signedAttributesRaw, IReadOnlyList<CmsAttribute> signedAttributes,
        ReadOnlyMemory<byte> signatureAlgorithm, ReadOnlyMemory<byte> signature, IReadOnlyList<CmsAttribute> unsignedAttributes)
    {
        Version = version;
        Issuer = issuer;
        SerialNumber = serialNumber;
        SubjectKeyIdentifier = subjectKeyIdentifier;
        DigestAlgorithmOid = digestAlgorithm;
        _signedAttributesRaw = signedAttributesRaw;
        SignedAttributes = signedAttributes;
        SignatureAlgorithmEncoded = signatureAlgorithm;
        Signature = signature;
        UnsignedAttributes = unsignedAttributes;
    }

    /// <summary>1 for issuer-and-serial-number, 3 for subject key identifier (RFC 5652 §5.3).</summary>
    public int Version { get; }

    /// <summary>The signer certificate's issuer; null when the signer is named by key identifier.</summary>
    public DistinguishedName? Issuer { get; }

    /// <summary>The signer certificate's serial number (INTEGER content octets); empty when named by key identifier.</summary>
    public ReadOnlyMemory<byte> SerialNumber { get; }

    /// <summary>The signer certificate's subject key identifier; null when named by issuer and serial number.</summary>
    public ReadOnlyMemory<byte>? SubjectKeyIdentifier { get; }

    /// <summary>The digest algorithm OID, dotted.</summary>
    public string DigestAlgorithmOid { get; }

    /// <summary>The digest algorithm, or null when ManagedTls does not know it.</summary>
    public HashAlgorithmId? DigestAlgorithm => DigestAlgorithms.FromOid(DigestAlgorithmOid);

    /// <summary>True when the signer carries signed attributes (then the signature covers them, not the content).</summary>
    public bool HasSignedAttributes => _signedAttributesRaw is not null;

    /// <summary>The signed (authenticated) attributes in encoded order; empty when absent.</summary>
    public IReadOnlyList<CmsAttribute> SignedAttributes { get; }

    /// <summary>The unsigned attributes; empty when absent.</summary>
    public IReadOnlyList<CmsAttribute> UnsignedAttributes { get; }

    /// <summary>The signatureAlgorithm AlgorithmIdentifier's encoding.</summary>
    public ReadOnlyMemory<byte> SignatureAlgorithmEncoded { get; }

    /// <summary>The signature value.</summary>
    public ReadOnlyMemory<byte> Signature { get; }

    /// <summary>
    /// The bytes the signature covers when signed attributes are present: their DER with the SET OF tag (0x31)
    /// instead of <c>[0] IMPLICIT</c> (RFC 5652 §5.4).
    /// </summary>
    /// <returns>The encoding, or null when there are no signed attributes.</returns>
    public byte[]? GetSignedAttributesForSignature()
    {
        if (_signedAttributesRaw is null)
        {
            return null;
        }

        byte[] copy = (byte[])_signedAttributesRaw.Clone();
        copy[0] = 0x31;
        return copy;
    }

    /// <summary>The first value of a signed attribute.</summary>
    /// <param name="oid">The attribute type.</param>
    /// <returns>The value's encoding, or null when absent.</returns>
    public ReadOnlyMemory<byte>? FindSignedAttribute(string oid)
    {
        foreach (CmsAttribute attribute in SignedAttributes)
        {
            if (attribute.Oid == oid && attribute.Values.Count > 0)
            {
                return attribute.Values[0];
            }
        }

        return null;
    }

    /// <summary>The message-digest attribute's value.</summary>
    /// <returns>The digest, or null when absent or malformed.</returns>
    public byte[]? GetMessageDigest()
    {
        if (FindSignedAttribute(CmsOids.MessageDigestAttribute) is not { } value)
        {
            return null;
        }

        try
        {
            var reader = new DerReader(value.Span, DerMode.Ber);
            byte[] digest = reader.ReadOctetStringBytes();
            reader.ExpectEmpty();
            return digest;
        }
        catch (DecodeException)
        {
            return null;
        }
    }

    /// <summary>The content-type attribute's value, dotted.</summary>
    /// <returns>The OID, or null when absent or malformed.</returns>
    public string? GetContentTypeAttribute()
    {
        if (FindSignedAttribute(CmsOids.ContentTypeAttribute) is not { } value)
        {
            return null;
        }

        try
        {
            var reader = new DerReader(value.Span, DerMode.Ber);
            return reader.ReadObjectIdentifier();
        }
        catch (DecodeException)
        {
            return null;
        }
    }

    /// <summary>The signing-time attribute's value (UTCTime or GeneralizedTime).</summary>
    /// <returns>The time, or null when absent or malformed.</returns>
    public DateTimeOffset? GetSigningTime()
    {
        if (FindSignedAttribute(CmsOids.SigningTimeAttribute) is not { } value)
        {
            return null;
        }

        try
        {
            var reader = new DerReader(value.Span, DerMode.Ber);
            return reader.ReadTime();
        }
        catch (DecodeException)
        {
            return null;
        }
    }

    /// <summary>True when <paramref name="certificate"/> is the one this signer names.</summary>
    /// <param name="certificate">A candidate.</param>
    /// <returns>Whether issuer and serial number (or the subject key identifier) match.</returns>
    public bool Matches(Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (SubjectKeyIdentifier is { } ski)
        {
            try
            {
                return certificate.GetSubjectKeyIdentifier() is { } own && own.KeyIdentifier.Span.SequenceEqual(ski.Span);
            }
            catch (X509FormatException)
            {
                return false; // a malformed subjectKeyIdentifier names nobody
            }
        }

        return Issuer is not null && certificate.Issuer.Equals(Issuer) && certificate.SerialNumber.Span.SequenceEqual(SerialNumber.Span);
    }

    /// <summary>The SignerInfo's encoding, as read or as built.</summary>
    public ReadOnlyMemory<byte> RawData => _raw;

    /// <summary>Writes the SignerInfo (its encoding as read or built).</summary>
    /// <param name="writer">The destination.</param>
    public void Encode(DerWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteEncodedValue(_raw);
    }

    private byte[] BuildEncoding()
    {
        using var writer = new DerWriter();
        using (writer.PushSequence())
        {
            writer.WriteInteger(Version);
            if (SubjectKeyIdentifier is { } ski)
            {
                writer.WriteOctetString(ski.Span, Asn1Tag.Context(0, false));
            }
            else
            {
                using (writer.PushSequence())
                {
                    Issuer!.Encode(writer);
                    writer.WriteInteger(SerialNumber.Span);
                }
            }

            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(DigestAlgorithmOid);
                writer.WriteNull();
            }

            if (_signedAttributesRaw is not null)
            {
                writer.WriteEncodedValue(_signedAttributesRaw);
            }

            writer.WriteEncodedValue(SignatureAlgorithmEncoded.Span);
            writer.WriteOctetString(Signature.Span);
        }

        return writer.ToArray();
    }

    internal static SignerInfo Create(
        Certificate signer, bool useKeyIdentifier, HashAlgorithmId digest, byte[]? signedAttributesSet, ReadOnlyMemory<byte> signatureAlgorithm, byte[] signature, IReadOnlyList<CmsAttribute> attributes)
    {
        byte[]? raw = null;
        if (signedAttributesSet is not null)
        {
            raw = (byte[])signedAttributesSet.Clone();
            raw[0] = 0xA0;
        }

        ReadOnlyMemory<byte>? ski = useKeyIdentifier ? signer.GetSubjectKeyIdentifier()?.KeyIdentifier : null;
        var info = new SignerInfo(
            ski is null ? 1 : 3, ski is null ? signer.Issuer : null, ski is null ? signer.SerialNumber : default, ski,
            DigestAlgorithms.Oid(digest), raw, attributes, signatureAlgorithm, signature, ReadOnlyCollection<CmsAttribute>.Empty);
        info._raw = info.BuildEncoding();
        return info;
    }

    internal static SignerInfo Decode(ref DerReader reader, ReadOnlyMemory<byte> source)
    {
        int rawStart = reader.Offset;
        DerReader sequence = reader.ReadSequence();
        int rawLength = reader.Offset - rawStart;
        int version = sequence.ReadInt32();
        DistinguishedName? issuer = null;
        ReadOnlyMemory<byte> serial = default;
        ReadOnlyMemory<byte>? ski = null;
        if (sequence.NextTagIs(Asn1Tag.Context(0, false)))
        {
            ski = sequence.ReadOctetString(Asn1Tag.Context(0, false)).ToArray();
        }
        else
        {
            DerReader issuerAndSerial = sequence.ReadSequence();
            try
            {
                issuer = DistinguishedName.Decode(ref issuerAndSerial);
            }
            catch (X509FormatException e)
            {
                throw new Pkcs7Exception(Pkcs7Error.Malformed, "the issuer name of a SignerInfo is malformed: " + e.Message, e);
            }
            ReadOnlySpan<byte> serialBytes = issuerAndSerial.ReadIntegerBytes();
            serial = source.Slice(issuerAndSerial.Offset - serialBytes.Length, serialBytes.Length);
            issuerAndSerial.ExpectEmpty();
        }

        DerReader digestAlgorithm = sequence.ReadSequence();
        string digestOid = digestAlgorithm.ReadObjectIdentifier();

        byte[]? signedRaw = null;
        IReadOnlyList<CmsAttribute> signed = ReadOnlyCollection<CmsAttribute>.Empty;
        if (sequence.NextTagIs(Asn1Tag.Context(0, true)))
        {
            int start = sequence.Offset;
            int length = sequence.PeekHeader() is var h ? h.HeaderLength + h.ContentLength : 0;
            signedRaw = source.Slice(start, length).ToArray();
            signed = ReadAttributes(sequence.ReadSequence(Asn1Tag.Context(0, true)), source);
        }

        int algorithmStart = sequence.Offset;
        int algorithmLength = sequence.ReadEncodedValue().Length;
        ReadOnlyMemory<byte> signatureAlgorithm = source.Slice(algorithmStart, algorithmLength);
        byte[] signature = sequence.ReadOctetStringBytes();
        IReadOnlyList<CmsAttribute> unsigned = ReadOnlyCollection<CmsAttribute>.Empty;
        if (sequence.NextTagIs(Asn1Tag.Context(1, true)))
        {
            unsigned = ReadAttributes(sequence.ReadSequence(Asn1Tag.Context(1, true)), source);
        }

        sequence.ExpectEmpty();
        return new SignerInfo(version, issuer, serial, ski, digestOid, signedRaw, signed, signatureAlgorithm, signature, unsigned)
        {
            _raw = source.Slice(rawStart, rawLength).ToArray(),
        };
    }

    private static ReadOnlyCollection<CmsAttribute> ReadAttributes(DerReader set, ReadOnlyMemory<byte> source)
    {
        var attributes = new List<CmsAttribute>();
        while (set.HasData)
        {
            if (attributes.Count == MaxAttributes)
            {
                throw new Pkcs7Exception(Pkcs7Error.LimitExceeded, $"more than {MaxAttributes} attributes in one SignerInfo");
            }

            attributes.Add(CmsAttribute.Decode(ref set, source, 0));
        }

        return attributes.AsReadOnly();
    }
}
