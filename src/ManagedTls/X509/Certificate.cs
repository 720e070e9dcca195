using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using ManagedTls.Asn1;
using ManagedTls.Crypto;
using ManagedTls.Keys;

namespace ManagedTls.X509;

/// <summary>
/// An X.509 certificate (RFC 5280 §4.1), parsed once and immutable. The exact encodings of the certificate, the
/// TBSCertificate, both Names and the SubjectPublicKeyInfo are kept, so hashing, signature checks and re-encoding see
/// the bytes that were signed.
/// </summary>
/// <remarks>
/// What is accepted follows OpenSSL 3.0 where RFC 5280 and OpenSSL differ, with these choices:
/// <list type="bullet">
/// <item>DER only: BER length forms and indefinite lengths are rejected (OpenSSL tolerates some; Go does not).</item>
/// <item>An explicitly encoded version v1 (<c>[0] INTEGER 0</c>, which DER's DEFAULT rule forbids) is accepted as
/// OpenSSL does; <see cref="HasExplicitVersion"/> records it. Versions other than v1–v3, unique IDs in v1 and extensions
/// before v3 are rejected, as OpenSSL 3 rejects them.</item>
/// <item>Serial numbers of any length, zero and negative are accepted (valid DER INTEGERs; OpenSSL accepts them).</item>
/// <item>The inner and outer signature algorithms may differ: RFC 5280 §4.1.1.2 requires them to match, OpenSSL
/// reports a mismatch when verifying, not when parsing, and so does ManagedTls (<see cref="SignatureAlgorithmsMatch"/>).</item>
/// <item>Validity accepts UTCTime or GeneralizedTime in either range (RFC 5280 §4.1.2.5 asks for UTCTime through 2049);
/// each must be in its DER form.</item>
/// <item>An unknown or malformed public key does not fail the certificate: the SubjectPublicKeyInfo is checked only
/// for its outer shape and decoded on demand (<see cref="GetPublicKey"/>), as OpenSSL decodes it lazily.</item>
/// <item>A repeated extension OID is rejected (RFC 5280 §4.2); OpenSSL loads such a certificate and fails it at
/// verification.</item>
/// </list>
/// </remarks>
public sealed partial class Certificate : IEquatable<Certificate>
{
    private readonly byte[] _raw;
    private readonly Range _tbs;
    private readonly Range _serial;
    private readonly Range _spki;
    private readonly Range _signature;
    private LazyPublicKey? _publicKey;

    private Certificate(byte[] raw, in Parts parts)
    {
        _raw = raw;
        _tbs = parts.Tbs;
        _serial = parts.Serial;
        _spki = parts.Spki;
        _signature = parts.Signature;
        Version = parts.Version;
        HasExplicitVersion = parts.HasExplicitVersion;
        TbsSignatureAlgorithm = parts.TbsSignatureAlgorithm!;
        Issuer = parts.Issuer!;
        NotBefore = parts.NotBefore;
        NotAfter = parts.NotAfter;
        Subject = parts.Subject!;
        PublicKeyAlgorithm = parts.PublicKeyAlgorithm!;
        IssuerUniqueId = parts.IssuerUniqueId;
        SubjectUniqueId = parts.SubjectUniqueId;
        IssuerUniqueIdUnusedBits = parts.IssuerUniqueIdUnusedBits;
        SubjectUniqueIdUnusedBits = parts.SubjectUniqueIdUnusedBits;
        Extensions = parts.Extensions!;
        SignatureAlgorithm = parts.SignatureAlgorithm!;
        SignatureUnusedBits = parts.SignatureUnusedBits;
    }

    /// <summary>The whole certificate DER.</summary>
    public ReadOnlyMemory<byte> RawData => _raw;

    /// <summary>The TBSCertificate DER: the bytes the issuer signed.</summary>
    public ReadOnlyMemory<byte> RawTbsCertificate => _raw.AsMemory(_tbs);

    /// <summary>The version: 1, 2 or 3.</summary>
    public int Version { get; }

    /// <summary>True when the version field was encoded although it is v1 (DER requires it to be omitted; OpenSSL accepts it).</summary>
    public bool HasExplicitVersion { get; }

    /// <summary>The serial number's INTEGER content octets (big-endian two's complement, as encoded).</summary>
    public ReadOnlyMemory<byte> SerialNumber => _raw.AsMemory(_serial);

    /// <summary>The serial number as a signed integer.</summary>
    public BigInteger SerialNumberValue => new(SerialNumber.Span, isUnsigned: false, isBigEndian: true);

    /// <summary>The signature algorithm inside the TBSCertificate (the one the issuer signed).</summary>
    public X509AlgorithmIdentifier TbsSignatureAlgorithm { get; }

    /// <summary>The issuer Name.</summary>
    public DistinguishedName Issuer { get; }

    /// <summary>Start of the validity period.</summary>
    public DateTimeOffset NotBefore { get; }

    /// <summary>End of the validity period (inclusive).</summary>
    public DateTimeOffset NotAfter { get; }

    /// <summary>The subject Name.</summary>
    public DistinguishedName Subject { get; }

    /// <summary>The exact SubjectPublicKeyInfo DER.</summary>
    public ReadOnlyMemory<byte> SubjectPublicKeyInfo => _raw.AsMemory(_spki);

    /// <summary>The algorithm of the subject public key (from the SubjectPublicKeyInfo).</summary>
    public X509AlgorithmIdentifier PublicKeyAlgorithm { get; }

    /// <summary>The issuerUniqueID bits (v2/v3 only), or null when absent.</summary>
    public ReadOnlyMemory<byte>? IssuerUniqueId { get; }

    /// <summary>The subjectUniqueID bits (v2/v3 only), or null when absent.</summary>
    public ReadOnlyMemory<byte>? SubjectUniqueId { get; }

    /// <summary>
    /// The number of unused bits (0–7) in the last octet of <see cref="IssuerUniqueId"/>, or null when the field is absent.
    /// A UniqueIdentifier is a BIT STRING, so its length in bits is <c>8 * IssuerUniqueId.Length - IssuerUniqueIdUnusedBits</c>.
    /// </summary>
    public int? IssuerUniqueIdUnusedBits { get; }

    /// <summary>
    /// The number of unused bits (0–7) in the last octet of <see cref="SubjectUniqueId"/>, or null when the field is absent.
    /// </summary>
    public int? SubjectUniqueIdUnusedBits { get; }

    /// <summary>The extensions in encoded order (empty for v1/v2 and for v3 without extensions); OIDs are distinct.</summary>
    public IReadOnlyList<X509Extension> Extensions { get; }

    /// <summary>The outer signatureAlgorithm.</summary>
    public X509AlgorithmIdentifier SignatureAlgorithm { get; }

    /// <summary>The signatureValue bits.</summary>
    public ReadOnlyMemory<byte> Signature => _raw.AsMemory(_signature);

    /// <summary>The number of unused bits in the last octet of <see cref="Signature"/> (0 for every real algorithm).</summary>
    public int SignatureUnusedBits { get; }

    /// <summary>Whether the outer and inner signature algorithms are encoded identically (RFC 5280 §4.1.1.2).</summary>
    public bool SignatureAlgorithmsMatch => SignatureAlgorithm.Equals(TbsSignatureAlgorithm);

    /// <summary>The subject's <see cref="DistinguishedName.OpenSslHash"/>: <c>openssl x509 -hash</c>, the c_rehash file name.</summary>
    public uint SubjectNameHash => Subject.OpenSslHash;

    /// <summary>The subject's <see cref="DistinguishedName.OpenSslHashOld"/> (<c>-subject_hash_old</c>).</summary>
    public uint SubjectNameHashOld => Subject.OpenSslHashOld;

    /// <summary>The issuer's <see cref="DistinguishedName.OpenSslHash"/> (<c>-issuer_hash</c>).</summary>
    public uint IssuerNameHash => Issuer.OpenSslHash;

    /// <summary>Finds an extension by OID.</summary>
    /// <param name="oid">Dotted OID, e.g. <c>2.5.29.19</c>.</param>
    /// <returns>The extension, or null when absent.</returns>
    public X509Extension? FindExtension(string oid)
    {
        ArgumentNullException.ThrowIfNull(oid);
        foreach (X509Extension extension in Extensions)
        {
            if (extension.Oid == oid)
            {
                return extension;
            }
        }

        return null;
    }

    /// <summary>Decodes the subject public key.</summary>
    /// <returns>The key.</returns>
    /// <exception cref="KeyFormatException">The algorithm is not supported or the key is invalid.</exception>
    /// <exception cref="DecodeException">The key's inner DER is malformed.</exception>
    public PublicKey GetPublicKey() => (_publicKey ??= new LazyPublicKey(SubjectPublicKeyInfo)).Get();

    /// <summary>Decodes the subject public key, reporting failure instead of throwing.</summary>
    /// <param name="key">The key when supported and valid.</param>
    /// <param name="error">Why it could not be decoded, otherwise null.</param>
    /// <returns>Whether the key was decoded.</returns>
    public bool TryGetPublicKey([NotNullWhen(true)] out PublicKey? key, out Exception? error) =>
        (_publicKey ??= new LazyPublicKey(SubjectPublicKeyInfo)).TryGet(out key, out error);

    /// <summary>Digests the whole DER (a fingerprint; <c>openssl x509 -fingerprint</c>, pyOpenSSL's <c>X509.digest</c>).</summary>
    /// <param name="algorithm">The digest.</param>
    /// <returns>The digest bytes.</returns>
    public byte[] GetDigest(HashAlgorithmId algorithm) => HashAlgorithms.HashData(algorithm, _raw);

    /// <summary>Writes the certificate exactly as it was read.</summary>
    /// <param name="writer">The destination.</param>
    public void Encode(DerWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteEncodedValue(_raw);
    }

    /// <summary>Equality of the DER encodings.</summary>
    /// <param name="other">The other certificate.</param>
    /// <returns>True when both encode identically.</returns>
    public bool Equals(Certificate? other) => other is not null && (ReferenceEquals(this, other) || _raw.AsSpan().SequenceEqual(other._raw));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Certificate other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(_raw);
        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public override string ToString() => $"[Subject: {Subject}] [Issuer: {Issuer}] [Serial: {OpenSslText.FormatInteger(SerialNumber.Span)}]";
}
