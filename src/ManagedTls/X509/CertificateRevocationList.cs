using System.Collections.ObjectModel;
using System.Numerics;
using ManagedTls.Asn1;
using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Pem;
using ManagedTls.Signatures;

namespace ManagedTls.X509;

/// <summary>
/// An X.509 CRL (RFC 5280 §5), parsed once and immutable, with the exact encodings of the CRL, the TBSCertList and the
/// issuer kept.
/// </summary>
/// <remarks>
/// DER only. The version must be absent (v1) or v2; extensions (CRL or entry) need v2 (RFC 5280 §5.1.2.1); a repeated
/// extension OID is rejected (§5.2). Inner and outer signature algorithms may differ and are compared at
/// <see cref="VerifySignature"/>, as for certificates.
/// </remarks>
public sealed partial class CertificateRevocationList : IEquatable<CertificateRevocationList>
{
    private readonly byte[] _raw;
    private readonly Range _tbs;
    private readonly Range _signature;

    private CertificateRevocationList(byte[] raw, Range tbs, Range signature)
    {
        _raw = raw;
        _tbs = tbs;
        _signature = signature;
    }

    /// <summary>The whole CRL DER.</summary>
    public ReadOnlyMemory<byte> RawData => _raw;

    /// <summary>The TBSCertList DER: the bytes the issuer signed.</summary>
    public ReadOnlyMemory<byte> RawTbsCertList => _raw.AsMemory(_tbs);

    /// <summary>1 or 2.</summary>
    public int Version { get; private init; }

    /// <summary>The signature algorithm inside the TBSCertList.</summary>
    public X509AlgorithmIdentifier TbsSignatureAlgorithm { get; private init; } = null!;

    /// <summary>The issuer Name.</summary>
    public DistinguishedName Issuer { get; private init; } = null!;

    /// <summary>thisUpdate (OpenSSL's lastUpdate).</summary>
    public DateTimeOffset ThisUpdate { get; private init; }

    /// <summary>nextUpdate, or null when absent.</summary>
    public DateTimeOffset? NextUpdate { get; private init; }

    /// <summary>The revoked certificates in encoded order (empty when the field is absent).</summary>
    public IReadOnlyList<RevokedCertificate> RevokedCertificates { get; private init; } = null!;

    /// <summary>The crlExtensions in encoded order (empty when absent).</summary>
    public IReadOnlyList<X509Extension> Extensions { get; private init; } = null!;

    /// <summary>The outer signatureAlgorithm.</summary>
    public X509AlgorithmIdentifier SignatureAlgorithm { get; private init; } = null!;

    /// <summary>The signature bits.</summary>
    public ReadOnlyMemory<byte> Signature => _raw.AsMemory(_signature);

    /// <summary>Unused bits in the last signature octet.</summary>
    public int SignatureUnusedBits { get; private init; }

    /// <summary>The issuer's <see cref="DistinguishedName.OpenSslHash"/> (<c>openssl crl -hash</c>, the c_rehash <c>.r0</c> name).</summary>
    public uint IssuerNameHash => Issuer.OpenSslHash;

    /// <summary>Reads a CRL.</summary>
    /// <param name="reader">Positioned at the CertificateList SEQUENCE.</param>
    /// <returns>The CRL.</returns>
    /// <exception cref="DecodeException">The DER is malformed.</exception>
    /// <exception cref="X509FormatException">Well-formed DER that is not an acceptable CRL.</exception>
    public static CertificateRevocationList Decode(ref DerReader reader)
    {
        int start = reader.Offset;
        DerReader peek = reader;
        byte[] raw = peek.ReadEncodedValue().ToArray();
        DerReader list = reader.ReadSequence();
        int tbsStart = list.Offset - start;
        DerReader tbs = list.ReadSequence();
        var tbsRange = new Range(tbsStart, list.Offset - start);

        int version = 1;
        if (tbs.NextTagIs(Asn1Tag.Integer))
        {
            int offset = tbs.Offset;
            int field = tbs.ReadInt32();
            if (field != 1)
            {
                throw new X509FormatException(X509FormatError.UnsupportedVersion, $"CRL version field {field} at offset {offset} is not v2 (RFC 5280 §5.1.2.1).");
            }

            version = 2;
        }

        X509AlgorithmIdentifier tbsAlgorithm = X509AlgorithmIdentifier.Decode(ref tbs);
        DistinguishedName issuer = DistinguishedName.Decode(ref tbs);
        DateTimeOffset thisUpdate = tbs.ReadTime();
        DateTimeOffset? nextUpdate = tbs.NextTagIs(Asn1Tag.UtcTime) || tbs.NextTagIs(Asn1Tag.GeneralizedTime) ? tbs.ReadTime() : null;
        var revoked = new List<RevokedCertificate>();
        if (tbs.NextTagIs(Asn1Tag.Sequence))
        {
            DerReader entries = tbs.ReadSequence();
            while (entries.HasData)
            {
                revoked.Add(RevokedCertificate.Decode(ref entries));
            }
        }

        ReadOnlyCollection<X509Extension> extensions = ReadOnlyCollection<X509Extension>.Empty;
        if (tbs.TryReadExplicit(0, out DerReader wrapper))
        {
            extensions = Certificate.ReadExtensions(ref wrapper);
            wrapper.ExpectEmpty();
        }

        tbs.ExpectEmpty();
        if (version == 1 && (extensions.Count > 0 || revoked.Exists(r => r.Extensions.Count > 0)))
        {
            throw new X509FormatException(X509FormatError.FieldNotAllowedInVersion, "A v1 CRL cannot carry extensions (RFC 5280 §5.1.2.1).");
        }

        X509AlgorithmIdentifier signatureAlgorithm = X509AlgorithmIdentifier.Decode(ref list);
        int length = list.ReadBitString(out int unusedBits).Length;
        var signature = new Range(list.Offset - start - length, list.Offset - start);
        list.ExpectEmpty();
        return new CertificateRevocationList(raw, tbsRange, signature)
        {
            Version = version,
            TbsSignatureAlgorithm = tbsAlgorithm,
            Issuer = issuer,
            ThisUpdate = thisUpdate,
            NextUpdate = nextUpdate,
            RevokedCertificates = revoked.AsReadOnly(),
            Extensions = extensions,
            SignatureAlgorithm = signatureAlgorithm,
            SignatureUnusedBits = unusedBits,
        };
    }

    /// <summary>Reads a CRL from exactly <paramref name="der"/>.</summary>
    /// <param name="der">One DER CRL and nothing after it.</param>
    /// <returns>The CRL.</returns>
    /// <exception cref="X509FormatException">Malformed or not acceptable.</exception>
    public static CertificateRevocationList Decode(ReadOnlySpan<byte> der)
    {
        try
        {
            var reader = new DerReader(der);
            CertificateRevocationList result = Decode(ref reader);
            reader.ExpectEmpty();
            return result;
        }
        catch (DecodeException e)
        {
            throw X509FormatException.Malformed(e, "CRL");
        }
    }

    /// <summary>Loads a CRL from DER or PEM (<c>X509 CRL</c>).</summary>
    /// <param name="data">DER bytes or PEM text.</param>
    /// <returns>The CRL.</returns>
    /// <exception cref="X509FormatException">No CRL found, or malformed.</exception>
    /// <exception cref="PemException">The PEM armour is malformed.</exception>
    public static CertificateRevocationList Load(ReadOnlySpan<byte> data)
    {
        if (!data.IsEmpty && data[0] == 0x30)
        {
            return Decode(data);
        }

        foreach (PemBlock block in PemReader.Enumerate(data))
        {
            if (block.Label == PemLabels.X509Crl)
            {
                return Decode(block.Data.Span);
            }
        }

        throw new X509FormatException(X509FormatError.NoPemBlock, "No X509 CRL PEM block found.");
    }

    /// <summary>Writes the CRL as a PEM <c>X509 CRL</c> block.</summary>
    /// <returns>The PEM text.</returns>
    public string ToPem() => PemWriter.WriteString(PemLabels.X509Crl, _raw);

    /// <summary>Finds an extension by OID.</summary>
    /// <param name="oid">Dotted OID.</param>
    /// <returns>The extension, or null.</returns>
    public X509Extension? FindExtension(string oid) => Extensions.FirstOrDefault(e => e.Oid == oid);

    /// <summary>The cRLNumber extension (RFC 5280 §5.2.3), or null when absent.</summary>
    /// <returns>The number.</returns>
    /// <exception cref="X509FormatException">The extension is malformed.</exception>
    public BigInteger? GetCrlNumber() =>
        FindExtension(Oids.CrlNumber) is { } e
            ? ExtensionDecoding.Run(e.Value.Span, "cRLNumber", static (ref DerReader reader) => reader.ReadInteger())
            : null;

    /// <summary>Finds the entry for a serial number (DER INTEGERs are minimal, so equal values have equal encodings).</summary>
    /// <param name="serialNumber">INTEGER content octets, e.g. <see cref="Certificate.SerialNumber"/>.</param>
    /// <returns>The entry, or null when the serial is not listed.</returns>
    public RevokedCertificate? FindRevoked(ReadOnlySpan<byte> serialNumber)
    {
        foreach (RevokedCertificate entry in RevokedCertificates)
        {
            if (entry.SerialNumber.Span.SequenceEqual(serialNumber))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>Digests the whole DER (<c>openssl crl -fingerprint</c>).</summary>
    /// <param name="algorithm">The digest.</param>
    /// <returns>The digest bytes.</returns>
    public byte[] GetDigest(HashAlgorithmId algorithm) => HashAlgorithms.HashData(algorithm, _raw);

    /// <summary>Checks the signature with the issuer's key, as <c>X509_CRL_verify</c>: false on an algorithm mismatch or a bad signature.</summary>
    /// <param name="issuerKey">The CRL issuer's public key.</param>
    /// <returns>Whether the signature is valid.</returns>
    /// <exception cref="SignatureException">Unsupported algorithm, or one that does not fit the key.</exception>
    /// <exception cref="DecodeException">Malformed algorithm parameters.</exception>
    public bool VerifySignature(PublicKey issuerKey)
    {
        ArgumentNullException.ThrowIfNull(issuerKey);
        if (!SignatureAlgorithm.Equals(TbsSignatureAlgorithm) || SignatureUnusedBits != 0)
        {
            return false;
        }

        Signatures.SignatureAlgorithm algorithm = Signatures.SignatureAlgorithm.Decode(SignatureAlgorithm.RawData.Span);
        return Verifier.Verify(issuerKey, algorithm, RawTbsCertList.Span, Signature.Span);
    }

    /// <summary>Equality of the DER encodings.</summary>
    /// <param name="other">The other CRL.</param>
    /// <returns>True when both encode identically.</returns>
    public bool Equals(CertificateRevocationList? other) => other is not null && (ReferenceEquals(this, other) || _raw.AsSpan().SequenceEqual(other._raw));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CertificateRevocationList other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(_raw);
        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public override string ToString() => $"[Issuer: {Issuer}] [{RevokedCertificates.Count} revoked]";
}
