using System.Collections.Frozen;
using ManagedTls.Asn1;
using ManagedTls.Crypto;
using ManagedTls.Keys;

namespace ManagedTls.Signatures;

/// <summary>
/// A signature AlgorithmIdentifier as X.509 (RFC 5280 §4.1.1.2) and CMS carry it: RSASSA-PKCS1-v1_5 with a digest,
/// RSASSA-PSS with its parameters, ECDSA and DSA with a digest, Ed25519 and Ed448. Immutable; parsed, checked and
/// kept with the exact encoding read (certificates compare the inner and outer identifiers byte for byte).
/// </summary>
/// <remarks>
/// <para>Parameter rules, enforced on decode:</para>
/// <list type="bullet">
/// <item>RSASSA-PKCS1-v1_5: NULL (RFC 4055 §5, RFC 3279 §2.2.1) or absent. Absent is accepted because OpenSSL, Go and
/// .NET accept it and some encoders omit it; <see cref="HasNullParameters"/> records which, and the encoding is kept.
/// Any other parameters are <see cref="SignatureError.InvalidParameters"/>.</item>
/// <item>ECDSA (RFC 5758 §3.2), DSA (RFC 3279 §2.2.2, RFC 5758 §3.1), Ed25519/Ed448 (RFC 8410 §3): parameters MUST be
/// absent; a NULL is rejected.</item>
/// <item>RSASSA-PSS: RSASSA-PSS-params MUST be present (RFC 4055 §3.1, for a signature); see <see cref="Hash"/>,
/// <see cref="MgfHash"/>, <see cref="SaltLength"/>.</item>
/// </list>
/// <para>OpenSSL 3.0.19 is laxer: it ignores the parameters of every signature AlgorithmIdentifier but RSASSA-PSS
/// (a self-signed certificate re-signed with sha256WithRSAEncryption parameters absent or INTEGER 0, ecdsa-with-SHA256
/// with NULL or INTEGER 0, and Ed25519 with NULL all pass <c>openssl verify -check_ss_sig</c>). ManagedTls follows the
/// RFCs instead, except for the absent RSA NULL, which real encoders produce; no certificate under /etc/ssl/certs
/// carries parameters the strict rules reject.</para>
/// <para>Equality compares the encodings, as OpenSSL's <c>X509_ALGOR_cmp</c> does.</para>
/// </remarks>
public sealed partial class SignatureAlgorithm : IEquatable<SignatureAlgorithm>
{
    private const string RsassaPssOid = "1.2.840.113549.1.1.10";
    private const string Ed25519Oid = "1.3.101.112";
    private const string Ed448Oid = "1.3.101.113";

    // OID -> (kind, digest). RSA: RFC 8017 App. C, RFC 5754 §3.2, NIST CSOR (SHA-3); ECDSA: RFC 5758 §3.2, CSOR;
    // DSA: RFC 3279 §2.2.2, RFC 5758 §3.1, CSOR.
    private static readonly (string Oid, SignatureAlgorithmKind Kind, HashAlgorithmId Hash)[] s_table =
    [
        ("1.2.840.113549.1.1.4", SignatureAlgorithmKind.RsaPkcs1, HashAlgorithmId.Md5),
        ("1.2.840.113549.1.1.5", SignatureAlgorithmKind.RsaPkcs1, HashAlgorithmId.Sha1),
        ("1.2.840.113549.1.1.14", SignatureAlgorithmKind.RsaPkcs1, HashAlgorithmId.Sha224),
        ("1.2.840.113549.1.1.11", SignatureAlgorithmKind.RsaPkcs1, HashAlgorithmId.Sha256),
        ("1.2.840.113549.1.1.12", SignatureAlgorithmKind.RsaPkcs1, HashAlgorithmId.Sha384),
        ("1.2.840.113549.1.1.13", SignatureAlgorithmKind.RsaPkcs1, HashAlgorithmId.Sha512),
        ("1.2.840.113549.1.1.15", SignatureAlgorithmKind.RsaPkcs1, HashAlgorithmId.Sha512_224),
        ("1.2.840.113549.1.1.16", SignatureAlgorithmKind.RsaPkcs1, HashAlgorithmId.Sha512_256),
        ("2.16.840.1.101.3.4.3.13", SignatureAlgorithmKind.RsaPkcs1, HashAlgorithmId.Sha3_224),
        ("2.16.840.1.101.3.4.3.14", SignatureAlgorithmKind.RsaPkcs1, HashAlgorithmId.Sha3_256),
        ("2.16.840.1.101.3.4.3.15", SignatureAlgorithmKind.RsaPkcs1, HashAlgorithmId.Sha3_384),
        ("2.16.840.1.101.3.4.3.16", SignatureAlgorithmKind.RsaPkcs1, HashAlgorithmId.Sha3_512),
        ("1.2.840.10045.4.1", SignatureAlgorithmKind.Ecdsa, HashAlgorithmId.Sha1),
        ("1.2.840.10045.4.3.1", SignatureAlgorithmKind.Ecdsa, HashAlgorithmId.Sha224),
        ("1.2.840.10045.4.3.2", SignatureAlgorithmKind.Ecdsa, HashAlgorithmId.Sha256),
        ("1.2.840.10045.4.3.3", SignatureAlgorithmKind.Ecdsa, HashAlgorithmId.Sha384),
        ("1.2.840.10045.4.3.4", SignatureAlgorithmKind.Ecdsa, HashAlgorithmId.Sha512),
        ("2.16.840.1.101.3.4.3.9", SignatureAlgorithmKind.Ecdsa, HashAlgorithmId.Sha3_224),
        ("2.16.840.1.101.3.4.3.10", SignatureAlgorithmKind.Ecdsa, HashAlgorithmId.Sha3_256),
        ("2.16.840.1.101.3.4.3.11", SignatureAlgorithmKind.Ecdsa, HashAlgorithmId.Sha3_384),
        ("2.16.840.1.101.3.4.3.12", SignatureAlgorithmKind.Ecdsa, HashAlgorithmId.Sha3_512),
        ("1.2.840.10040.4.3", SignatureAlgorithmKind.Dsa, HashAlgorithmId.Sha1),
        ("2.16.840.1.101.3.4.3.1", SignatureAlgorithmKind.Dsa, HashAlgorithmId.Sha224),
        ("2.16.840.1.101.3.4.3.2", SignatureAlgorithmKind.Dsa, HashAlgorithmId.Sha256),
        ("2.16.840.1.101.3.4.3.3", SignatureAlgorithmKind.Dsa, HashAlgorithmId.Sha384),
        ("2.16.840.1.101.3.4.3.4", SignatureAlgorithmKind.Dsa, HashAlgorithmId.Sha512),
        ("2.16.840.1.101.3.4.3.5", SignatureAlgorithmKind.Dsa, HashAlgorithmId.Sha3_224),
        ("2.16.840.1.101.3.4.3.6", SignatureAlgorithmKind.Dsa, HashAlgorithmId.Sha3_256),
        ("2.16.840.1.101.3.4.3.7", SignatureAlgorithmKind.Dsa, HashAlgorithmId.Sha3_384),
        ("2.16.840.1.101.3.4.3.8", SignatureAlgorithmKind.Dsa, HashAlgorithmId.Sha3_512),
    ];

    private static readonly FrozenDictionary<string, (SignatureAlgorithmKind Kind, HashAlgorithmId Hash)> s_byOid =
        s_table.ToFrozenDictionary(entry => entry.Oid, entry => (entry.Kind, entry.Hash), StringComparer.Ordinal);

    private static readonly FrozenDictionary<(SignatureAlgorithmKind, HashAlgorithmId), string> s_byScheme =
        s_table.ToFrozenDictionary(entry => (entry.Kind, entry.Hash), entry => entry.Oid);

    private readonly byte[] _encoded;

    private SignatureAlgorithm(string oid, SignatureScheme scheme, bool hasNullParameters, byte[] encoded)
    {
        Oid = oid;
        Scheme = scheme;
        HasNullParameters = hasNullParameters;
        _encoded = encoded;
    }

    /// <summary>Ed25519 (1.3.101.112, parameters absent).</summary>
    public static SignatureAlgorithm Ed25519 { get; } = Create(Ed25519Oid, new SignatureScheme(SignatureAlgorithmKind.Ed25519, null), nullParameters: false);

    /// <summary>Ed448 (1.3.101.113, parameters absent).</summary>
    public static SignatureAlgorithm Ed448 { get; } = Create(Ed448Oid, new SignatureScheme(SignatureAlgorithmKind.Ed448, null), nullParameters: false);

    /// <summary>The scheme.</summary>
    public SignatureAlgorithmKind Kind => Scheme.Kind;

    /// <summary>The algorithm OID, dotted.</summary>
    public string Oid { get; }

    /// <summary>The message digest; null for Ed25519 and Ed448 (PureEdDSA hashes internally).</summary>
    public HashAlgorithmId? Hash => Scheme.Hash;

    /// <summary>For RSASSA-PSS, the MGF1 digest (RFC 4055 default SHA-1); otherwise null.</summary>
    public HashAlgorithmId? MgfHash => Scheme.MgfHash;

    /// <summary>For RSASSA-PSS, the salt length in bytes (RFC 4055 default 20); otherwise 0.</summary>
    public int SaltLength => Scheme.SaltLength;

    /// <summary>True when RSASSA-PKCS1-v1_5 parameters were an explicit NULL (always, when built by this class).</summary>
    public bool HasNullParameters { get; }

    /// <summary>The DER AlgorithmIdentifier: the exact bytes decoded, or the canonical encoding when built here.</summary>
    public ReadOnlyMemory<byte> Encoded => _encoded;

    /// <summary>OpenSSL's long name for the OID (<c>sha256WithRSAEncryption</c>, <c>rsassaPss</c>, <c>ecdsa-with-SHA256</c>, <c>ED25519</c>), as <c>openssl x509 -text</c> prints it.</summary>
    public string Name => OidRegistry.TryGetByDotted(Oid, out OidInfo? info) ? info.LongName : Oid;

    /// <summary>For RSA schemes, the padding the provider needs; otherwise null.</summary>
    public RsaSignaturePadding? RsaPadding => Kind is SignatureAlgorithmKind.RsaPkcs1 or SignatureAlgorithmKind.RsaPss ? Scheme.RsaPadding : null;

    internal SignatureScheme Scheme { get; }

    /// <summary>RSASSA-PKCS1-v1_5 with <paramref name="hash"/> and NULL parameters.</summary>
    /// <param name="hash">The digest.</param>
    /// <returns>The algorithm.</returns>
    /// <exception cref="SignatureException"><see cref="SignatureError.UnsupportedDigest"/>: no OID exists for the pair.</exception>
    public static SignatureAlgorithm RsaPkcs1(HashAlgorithmId hash) => FromTable(SignatureAlgorithmKind.RsaPkcs1, hash);

    /// <summary>ECDSA with <paramref name="hash"/>, parameters absent.</summary>
    /// <param name="hash">The digest.</param>
    /// <returns>The algorithm.</returns>
    /// <exception cref="SignatureException"><see cref="SignatureError.UnsupportedDigest"/>: no OID exists for the pair (MD5, SHA-512/t).</exception>
    public static SignatureAlgorithm Ecdsa(HashAlgorithmId hash) => FromTable(SignatureAlgorithmKind.Ecdsa, hash);

    /// <summary>DSA with <paramref name="hash"/>, parameters absent.</summary>
    /// <param name="hash">The digest.</param>
    /// <returns>The algorithm.</returns>
    /// <exception cref="SignatureException"><see cref="SignatureError.UnsupportedDigest"/>: no OID exists for the pair.</exception>
    public static SignatureAlgorithm Dsa(HashAlgorithmId hash) => FromTable(SignatureAlgorithmKind.Dsa, hash);

    /// <summary>Reads an AlgorithmIdentifier and checks its parameters.</summary>
    /// <param name="reader">Positioned at the SEQUENCE.</param>
    /// <returns>The algorithm, keeping the bytes read.</returns>
    /// <exception cref="DecodeException">The DER is malformed.</exception>
    /// <exception cref="SignatureException">Unsupported OID or digest, or parameters the RFCs forbid.</exception>
    public static SignatureAlgorithm Decode(ref DerReader reader)
    {
        DerReaderOptions options = reader.Options;
        ReadOnlySpan<byte> encoded = reader.ReadEncodedValue();
        var outer = new DerReader(encoded, options); // the caller's rules: DER for X.509, BER inside a BER CMS
        DerReader sequence = outer.ReadSequence();
        string oid = sequence.ReadObjectIdentifier();
        ReadOnlySpan<byte> parameters = sequence.HasData ? sequence.ReadEncodedValue() : default;
        sequence.ExpectEmpty();
        bool isNull = IsNull(parameters);

        if (s_byOid.TryGetValue(oid, out (SignatureAlgorithmKind Kind, HashAlgorithmId Hash) entry))
        {
            if (entry.Kind == SignatureAlgorithmKind.RsaPkcs1)
            {
                if (!parameters.IsEmpty && !isNull)
                {
                    throw Invalid(oid, "parameters must be NULL (RFC 4055 §5, RFC 3279 §2.2.1)");
                }
            }
            else if (!parameters.IsEmpty)
            {
                throw Invalid(oid, entry.Kind == SignatureAlgorithmKind.Ecdsa
                    ? "parameters must be absent (RFC 5758 §3.2)"
                    : "parameters must be absent (RFC 3279 §2.2.2, RFC 5758 §3.1)");
            }

            return new SignatureAlgorithm(oid, new SignatureScheme(entry.Kind, entry.Hash), isNull, encoded.ToArray());
        }

        switch (oid)
        {
            case Ed25519Oid or Ed448Oid:
                if (!parameters.IsEmpty)
                {
                    throw Invalid(oid, "parameters must be absent (RFC 8410 §3)");
                }

                return new SignatureAlgorithm(oid, new SignatureScheme(oid == Ed25519Oid ? SignatureAlgorithmKind.Ed25519 : SignatureAlgorithmKind.Ed448, null), false, encoded.ToArray());

            case RsassaPssOid:
                if (parameters.IsEmpty)
                {
                    throw Invalid(oid, "RSASSA-PSS-params must be present in a signature AlgorithmIdentifier (RFC 4055 §3.1)");
                }

                return new SignatureAlgorithm(oid, DecodePssParameters(parameters, options), false, encoded.ToArray());

            default:
                throw new SignatureException(SignatureError.UnsupportedAlgorithm, $"unsupported signature algorithm {Describe(oid)}");
        }
    }

    /// <summary>Decodes an AlgorithmIdentifier that must fill <paramref name="der"/> exactly.</summary>
    /// <param name="der">The DER.</param>
    /// <returns>The algorithm.</returns>
    /// <exception cref="DecodeException">The DER is malformed or has trailing bytes.</exception>
    /// <exception cref="SignatureException">Unsupported OID or digest, or parameters the RFCs forbid.</exception>
    public static SignatureAlgorithm Decode(ReadOnlySpan<byte> der)
    {
        var reader = new DerReader(der);
        SignatureAlgorithm algorithm = Decode(ref reader);
        reader.ExpectEmpty();
        return algorithm;
    }

    /// <summary>
    /// The algorithm <see cref="Signer.Sign(PrivateKey, ReadOnlySpan{byte}, HashAlgorithmId?, RsaSignaturePadding?, SignatureFormat)"/>
    /// uses for <paramref name="key"/> with these options: what a certificate or CMS signer writes as its signatureAlgorithm.
    /// </summary>
    /// <param name="key">The signing (or verifying) key.</param>
    /// <param name="digest">The digest; null for the default (SHA-256, or an RSA-PSS key's own digest). Must be null for Ed25519/Ed448.</param>
    /// <param name="padding">RSA only: PKCS#1 v1.5 or PSS; null for PKCS#1 v1.5 with an rsaEncryption key and PSS with an RSA-PSS key.</param>
    /// <returns>The algorithm.</returns>
    /// <exception cref="SignatureException">The options do not fit the key, or the combination has no OID.</exception>
    public static SignatureAlgorithm ForKey(PublicKey key, HashAlgorithmId? digest = null, RsaSignaturePadding? padding = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        return FromScheme(SchemeResolver.Resolve(key.Algorithm, (key as RsaPublicKey)?.PssParameters, key.Bits, digest, padding));
    }

    /// <summary>Writes the AlgorithmIdentifier (the bytes decoded, or the canonical encoding).</summary>
    /// <param name="writer">The destination.</param>
    public void Encode(DerWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteEncodedValue(_encoded);
    }

    /// <inheritdoc/>
    public bool Equals(SignatureAlgorithm? other) =>
        other is not null && (ReferenceEquals(this, other) || _encoded.AsSpan().SequenceEqual(other._encoded));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SignatureAlgorithm other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(_encoded);
        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public override string ToString() => Kind == SignatureAlgorithmKind.RsaPss
        ? $"{Name} (hash {Hash}, MGF1 with {MgfHash}, salt {SaltLength})"
        : Name;

    internal static SignatureAlgorithm FromScheme(SignatureScheme scheme) => scheme.Kind switch
    {
        SignatureAlgorithmKind.Ed25519 => Ed25519,
        SignatureAlgorithmKind.Ed448 => Ed448,
        SignatureAlgorithmKind.RsaPss => RsaPss(scheme.Hash!.Value, scheme.MgfHash, scheme.SaltLength),
        _ => FromTable(scheme.Kind, scheme.Hash!.Value),
    };

    private static SignatureAlgorithm FromTable(SignatureAlgorithmKind kind, HashAlgorithmId hash)
    {
        if (!s_byScheme.TryGetValue((kind, hash), out string? oid))
        {
            throw new SignatureException(SignatureError.UnsupportedDigest, $"no {kind} signature algorithm identifier exists for {DigestNames.GetOpenSslName(hash)}");
        }

        return Create(oid, new SignatureScheme(kind, hash), nullParameters: kind == SignatureAlgorithmKind.RsaPkcs1);
    }

    private static SignatureAlgorithm Create(string oid, SignatureScheme scheme, bool nullParameters)
    {
        using var writer = new DerWriter();
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(oid);
            if (nullParameters)
            {
                writer.WriteNull();
            }
        }

        return new SignatureAlgorithm(oid, scheme, nullParameters, writer.ToArray());
    }

    private static bool IsNull(ReadOnlySpan<byte> parameters) => parameters.Length == 2 && parameters[0] == 0x05 && parameters[1] == 0x00;

    private static SignatureException Invalid(string oid, string why) =>
        new(SignatureError.InvalidParameters, $"{Describe(oid)}: {why}");

    private static string Describe(string oid) =>
        OidRegistry.TryGetByDotted(oid, out OidInfo? info) ? $"{info.LongName} ({oid})" : oid;
}
