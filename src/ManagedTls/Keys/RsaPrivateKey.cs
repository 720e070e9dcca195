using System.Collections.Immutable;
using System.Numerics;
using ManagedTls.Asn1;

namespace ManagedTls.Keys;

/// <summary>
/// An RSA private key in CRT form, two-prime or multi-prime (RFC 8017 §3.2), optionally restricted to RSASSA-PSS.
/// </summary>
public sealed class RsaPrivateKey : PrivateKey
{
    private readonly byte[] _d;
    private readonly byte[] _p;
    private readonly byte[] _q;
    private readonly byte[] _dp;
    private readonly byte[] _dq;
    private readonly byte[] _qInv;

    /// <summary>Creates an RSA private key from its components (all big-endian unsigned).</summary>
    /// <param name="publicKey">n and e (and, for RSA-PSS, the algorithm and restrictions).</param>
    /// <param name="d">The private exponent.</param>
    /// <param name="p">The first prime.</param>
    /// <param name="q">The second prime.</param>
    /// <param name="dp">d mod (p − 1).</param>
    /// <param name="dq">d mod (q − 1).</param>
    /// <param name="qInv">q⁻¹ mod p.</param>
    /// <param name="otherPrimes">Further primes of a multi-prime key, or empty.</param>
    /// <exception cref="KeyFormatException">A component is zero, or the primes do not multiply to the modulus.</exception>
    public RsaPrivateKey(
        RsaPublicKey publicKey,
        ReadOnlySpan<byte> d,
        ReadOnlySpan<byte> p,
        ReadOnlySpan<byte> q,
        ReadOnlySpan<byte> dp,
        ReadOnlySpan<byte> dq,
        ReadOnlySpan<byte> qInv,
        IEnumerable<RsaOtherPrime>? otherPrimes = null)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        PublicKey = publicKey;
        _d = Magnitude.Minimal(d);
        _p = Magnitude.Minimal(p);
        _q = Magnitude.Minimal(q);
        _dp = Magnitude.Minimal(dp);
        _dq = Magnitude.Minimal(dq);
        _qInv = Magnitude.Minimal(qInv);
        OtherPrimes = otherPrimes is null ? [] : [.. otherPrimes];
        if (Magnitude.IsZero(_d) || Magnitude.IsZero(_p) || Magnitude.IsZero(_q))
        {
            throw new KeyFormatException(KeyFormatError.InvalidKey, "RSA private exponent or prime is zero");
        }

        // RFC 8017 §3.2: n = r₁·r₂·…·rᵤ. A cheap consistency check that catches corrupted or mismatched components.
        BigInteger product = Magnitude.ToBigInteger(_p) * Magnitude.ToBigInteger(_q);
        foreach (RsaOtherPrime other in OtherPrimes)
        {
            product *= Magnitude.ToBigInteger(other.Prime.Span);
        }

        if (product != Magnitude.ToBigInteger(publicKey.Modulus.Span))
        {
            throw new KeyFormatException(KeyFormatError.Inconsistent, "RSA primes do not multiply to the modulus (RFC 8017 §3.2)");
        }
    }

    /// <inheritdoc/>
    public override KeyAlgorithm Algorithm => PublicKey.Algorithm;

    /// <summary>The modulus bit length.</summary>
    public override int Bits => PublicKey.Bits;

    /// <summary>The public half (n, e).</summary>
    public override RsaPublicKey PublicKey { get; }

    /// <summary>n.</summary>
    public ReadOnlyMemory<byte> Modulus => PublicKey.Modulus;

    /// <summary>e.</summary>
    public ReadOnlyMemory<byte> Exponent => PublicKey.Exponent;

    /// <summary>d.</summary>
    public ReadOnlyMemory<byte> D => _d;

    /// <summary>p (r₁).</summary>
    public ReadOnlyMemory<byte> P => _p;

    /// <summary>q (r₂).</summary>
    public ReadOnlyMemory<byte> Q => _q;

    /// <summary>d mod (p − 1).</summary>
    public ReadOnlyMemory<byte> DP => _dp;

    /// <summary>d mod (q − 1).</summary>
    public ReadOnlyMemory<byte> DQ => _dq;

    /// <summary>q⁻¹ mod p.</summary>
    public ReadOnlyMemory<byte> QInv => _qInv;

    /// <summary>r₃… of a multi-prime key (RFC 8017 otherPrimeInfos); empty for two-prime keys.</summary>
    public ImmutableArray<RsaOtherPrime> OtherPrimes { get; }

    /// <summary>The PSS restrictions of an RSA-PSS key, or null.</summary>
    public RsaPssParameters? PssParameters => PublicKey.PssParameters;

    internal override string? TraditionalPemLabel => Algorithm == KeyAlgorithm.Rsa ? "RSA PRIVATE KEY" : null;

    /// <summary>Returns the same key as an RSA-PSS key (the PKCS#8 AlgorithmIdentifier becomes id-RSASSA-PSS).</summary>
    /// <param name="parameters">Restrictions, or null for none.</param>
    /// <returns>The RSA-PSS key.</returns>
    public RsaPrivateKey AsPss(RsaPssParameters? parameters) =>
        new(PublicKey.AsPss(parameters), _d, _p, _q, _dp, _dq, _qInv, OtherPrimes);

    /// <summary>Reads a PKCS#1 RSAPrivateKey (RFC 8017 §A.1.2), two-prime (version 0) or multi-prime (version 1).</summary>
    /// <param name="reader">Positioned at the SEQUENCE.</param>
    /// <returns>The key.</returns>
    /// <exception cref="DecodeException">Malformed DER.</exception>
    /// <exception cref="KeyFormatException">Wrong version or inconsistent components.</exception>
    public static RsaPrivateKey DecodePkcs1(ref DerReader reader)
    {
        DerReader sequence = reader.ReadSequence();
        int version = sequence.ReadInt32();
        if (version is not (0 or 1))
        {
            throw new KeyFormatException(KeyFormatError.UnsupportedVersion, $"RSAPrivateKey version {version} is neither two-prime (0) nor multi (1) (RFC 8017 §A.1.2)");
        }

        ReadOnlySpan<byte> n = sequence.ReadUnsignedIntegerBytes();
        ReadOnlySpan<byte> e = sequence.ReadUnsignedIntegerBytes();
        ReadOnlySpan<byte> d = sequence.ReadUnsignedIntegerBytes();
        ReadOnlySpan<byte> p = sequence.ReadUnsignedIntegerBytes();
        ReadOnlySpan<byte> q = sequence.ReadUnsignedIntegerBytes();
        ReadOnlySpan<byte> dp = sequence.ReadUnsignedIntegerBytes();
        ReadOnlySpan<byte> dq = sequence.ReadUnsignedIntegerBytes();
        ReadOnlySpan<byte> qInv = sequence.ReadUnsignedIntegerBytes();
        List<RsaOtherPrime> others = [];
        if (sequence.HasData)
        {
            // OtherPrimeInfos ::= SEQUENCE SIZE(1..MAX) OF OtherPrimeInfo; present iff version is multi.
            DerReader infos = sequence.ReadSequence();
            while (infos.HasData)
            {
                DerReader info = infos.ReadSequence();
                others.Add(new RsaOtherPrime(info.ReadUnsignedIntegerBytes(), info.ReadUnsignedIntegerBytes(), info.ReadUnsignedIntegerBytes()));
                info.ExpectEmpty();
            }
        }

        sequence.ExpectEmpty();
        if ((version == 1) != (others.Count > 0))
        {
            throw new KeyFormatException(KeyFormatError.UnsupportedVersion, "RSAPrivateKey version must be multi (1) exactly when otherPrimeInfos is present (RFC 8017 §A.1.2)");
        }

        return new RsaPrivateKey(new RsaPublicKey(n, e), d, p, q, dp, dq, qInv, others);
    }

    /// <summary>Writes the PKCS#1 RSAPrivateKey.</summary>
    /// <param name="writer">The destination.</param>
    public void EncodePkcs1(DerWriter writer)
    {
        using (writer.PushSequence())
        {
            writer.WriteInteger(OtherPrimes.IsEmpty ? 0 : 1);
            writer.WriteIntegerUnsigned(Modulus.Span);
            writer.WriteIntegerUnsigned(Exponent.Span);
            writer.WriteIntegerUnsigned(_d);
            writer.WriteIntegerUnsigned(_p);
            writer.WriteIntegerUnsigned(_q);
            writer.WriteIntegerUnsigned(_dp);
            writer.WriteIntegerUnsigned(_dq);
            writer.WriteIntegerUnsigned(_qInv);
            if (!OtherPrimes.IsEmpty)
            {
                using (writer.PushSequence())
                {
                    foreach (RsaOtherPrime other in OtherPrimes)
                    {
                        using (writer.PushSequence())
                        {
                            writer.WriteIntegerUnsigned(other.Prime.Span);
                            writer.WriteIntegerUnsigned(other.Exponent.Span);
                            writer.WriteIntegerUnsigned(other.Coefficient.Span);
                        }
                    }
                }
            }
        }
    }

    internal static RsaPrivateKey DecodePkcs8Key(AlgorithmIdentifier algorithm, ReadOnlySpan<byte> privateKey)
    {
        var reader = new DerReader(privateKey);
        RsaPrivateKey key = DecodePkcs1(ref reader);
        reader.ExpectEmpty();
        if (algorithm.Oid == KeyOids.RsaEncryption)
        {
            algorithm.ExpectNullOrAbsentParameters();
            return key;
        }

        return key.AsPss(RsaPublicKey.DecodePssParameters(algorithm));
    }

    internal override void WritePkcs8AlgorithmIdentifier(DerWriter writer) =>
        RsaPublicKey.WriteAlgorithmIdentifier(writer, Algorithm == KeyAlgorithm.RsaPss, PssParameters);

    internal override void WritePkcs8PrivateKey(DerWriter writer) => EncodePkcs1(writer);

    internal override void WriteTraditional(DerWriter writer) => EncodePkcs1(writer);
}
