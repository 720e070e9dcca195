using System.Globalization;
using ManagedTls.Asn1;
using ManagedTls.Crypto;
using ManagedTls.Signatures;

namespace ManagedTls.Pkcs.Pkcs12;

/// <summary>
/// The integrity part of a PFX (RFC 7292 §4, <c>MacData</c>): an HMAC keyed by the PKCS#12 KDF (ID 3) over the
/// authenticated safe, or — RFC 9579 — a PBMAC1 whose key comes from PBKDF2. Immutable.
/// <code>MacData ::= SEQUENCE { mac DigestInfo, macSalt OCTET STRING, iterations INTEGER DEFAULT 1 }</code>
/// </summary>
public sealed class Pkcs12Mac
{
    private readonly byte[] _digest;
    private readonly byte[] _salt;
    private readonly Pbkdf2Parameters? _pbmac1Kdf;

    private Pkcs12Mac(HashAlgorithmId algorithm, string algorithmName, byte[] digest, byte[] salt, int iterationCount, Pbkdf2Parameters? pbmac1Kdf)
    {
        Algorithm = algorithm;
        AlgorithmName = algorithmName;
        _digest = digest;
        _salt = salt;
        IterationCount = iterationCount;
        _pbmac1Kdf = pbmac1Kdf;
    }

    /// <summary>The HMAC digest (for PBMAC1, the messageAuthScheme's).</summary>
    public HashAlgorithmId Algorithm { get; }

    /// <summary>OpenSSL's long name of the MAC algorithm OID as <c>openssl pkcs12 -info</c> prints it ("sha256", "PBMAC1").</summary>
    public string AlgorithmName { get; }

    /// <summary>True for an RFC 9579 PBMAC1 MAC.</summary>
    public bool IsPbmac1 => _pbmac1Kdf is not null;

    /// <summary>The iteration count (the KDF's for PBMAC1).</summary>
    public int IterationCount { get; }

    /// <summary>The MAC value's length in bytes.</summary>
    public int MacLength => _digest.Length;

    /// <summary>The macSalt length in bytes.</summary>
    public int SaltLength => _salt.Length;

    /// <summary>
    /// The lines <c>openssl pkcs12 -info</c> writes about the MAC, each ending in a newline: OpenSSL 3.0's two lines, or
    /// for PBMAC1 (which 3.0 cannot read) the three lines OpenSSL 3.4 writes.
    /// </summary>
    /// <returns>The text.</returns>
    public string Describe() => _pbmac1Kdf is { } kdf
        ? string.Create(
            CultureInfo.InvariantCulture,
            $"MAC: PBMAC1 using PBKDF2, Iteration {kdf.IterationCount}\nKey length: {kdf.KeyLength}, Salt length: {kdf.Salt.Length}\nPBKDF2 PRF: {PbeOids.PrfName(kdf.Prf)}\n")
        : string.Create(
            CultureInfo.InvariantCulture,
            $"MAC: {AlgorithmName}, Iteration {IterationCount}\nMAC length: {MacLength}, salt length: {SaltLength}\n");

    /// <summary>Decodes MacData.</summary>
    internal static Pkcs12Mac Decode(ref DerReader reader, int maxIterations)
    {
        DerReader macData = reader.ReadSequence();
        DerReader digestInfo = macData.ReadSequence();
        DerReader algorithm = digestInfo.ReadSequence();
        string oid = algorithm.ReadObjectIdentifier();
        HashAlgorithmId hash;
        Pbkdf2Parameters? pbmac1 = null;
        string name;
        if (oid == Pkcs12Oids.Pbmac1)
        {
            (hash, pbmac1) = DecodePbmac1(ref algorithm);
            name = "PBMAC1";
        }
        else
        {
            hash = DigestAlgorithms.FromOid(oid) is HashAlgorithmId h && IsKdfDigest(h)
                ? h
                : throw new Pkcs12Exception(Pkcs12Error.UnsupportedAlgorithm, $"Unsupported MAC digest {oid}.");
            if (algorithm.HasData)
            {
                algorithm.ReadNull();
            }

            name = OidRegistry.TryGetByDotted(oid, out OidInfo? info) ? info.LongName : oid;
        }

        algorithm.ExpectEmpty();
        byte[] digest = digestInfo.ReadOctetStringBytes();
        digestInfo.ExpectEmpty();
        byte[] salt = macData.ReadOctetStringBytes();
        int iterations = 1;
        if (macData.HasData)
        {
            iterations = ReadIterations(ref macData, maxIterations);
        }

        macData.ExpectEmpty();
        if (salt.Length > PbeParameters.MaxSaltLength)
        {
            throw new Pkcs12Exception(Pkcs12Error.InvalidParameters, $"The MAC salt is {salt.Length} bytes; at most {PbeParameters.MaxSaltLength} are accepted.");
        }

        if (pbmac1 is not null && pbmac1.IterationCount > maxIterations)
        {
            throw new Pkcs12Exception(Pkcs12Error.InvalidParameters, $"The PBMAC1 iteration count {pbmac1.IterationCount} is above the cap of {maxIterations}.");
        }

        return new Pkcs12Mac(hash, name, digest, salt, pbmac1?.IterationCount ?? iterations, pbmac1);
    }

    /// <summary>Computes a MAC for export (never PBMAC1: OpenSSL 3.0 cannot read it).</summary>
    internal static Pkcs12Mac Create(ICryptoProvider provider, HashAlgorithmId hash, Pkcs12Password password, ReadOnlySpan<byte> authSafe, byte[] salt, int iterations)
    {
        string oid = DigestAlgorithms.Oid(hash);
        string name = OidRegistry.TryGetByDotted(oid, out OidInfo? info) ? info.LongName : oid;
        var mac = new Pkcs12Mac(hash, name, [], salt, iterations, null);
        return new Pkcs12Mac(hash, name, mac.Compute(provider, password, authSafe), salt, iterations, null);
    }

    /// <summary>Whether the MAC verifies with <paramref name="password"/>, compared in constant time.</summary>
    internal bool Verify(ICryptoProvider provider, Pkcs12Password password, ReadOnlySpan<byte> authSafe)
    {
        byte[] computed = Compute(provider, password, authSafe);
        return computed.Length == _digest.Length && ConstantTime.FixedTimeEquals(computed, _digest);
    }

    /// <summary>Writes MacData; iterations is omitted when 1 (its DEFAULT), as OpenSSL writes it.</summary>
    internal void Encode(DerWriter writer)
    {
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(DigestAlgorithms.Oid(Algorithm));
                    writer.WriteNull();
                }

                writer.WriteOctetString(_digest);
            }

            writer.WriteOctetString(_salt);
            if (IterationCount > 1)
            {
                writer.WriteInteger(IterationCount);
            }
        }
    }

    /// <summary>The digests the PKCS#12 KDF is defined for here (those with a 64- or 128-byte block).</summary>
    internal static bool IsKdfDigest(HashAlgorithmId hash) => hash is HashAlgorithmId.Md5 or HashAlgorithmId.Sha1 or HashAlgorithmId.Sha224
        or HashAlgorithmId.Sha256 or HashAlgorithmId.Sha384 or HashAlgorithmId.Sha512 or HashAlgorithmId.Sha512_224 or HashAlgorithmId.Sha512_256;

    private static (HashAlgorithmId Hash, Pbkdf2Parameters Kdf) DecodePbmac1(ref DerReader algorithm)
    {
        // PBMAC1-params ::= SEQUENCE { keyDerivationFunc AlgorithmIdentifier, messageAuthScheme AlgorithmIdentifier } (RFC 8018 §A.5)
        DerReader parameters = algorithm.ReadSequence();
        Pbes2Kdf kdf;
        try
        {
            kdf = Pbes2Kdf.Decode(ref parameters);
        }
        catch (PbeException e)
        {
            throw new Pkcs12Exception(e.Reason == PbeError.UnsupportedAlgorithm ? Pkcs12Error.UnsupportedAlgorithm : Pkcs12Error.InvalidParameters, $"PBMAC1: {e.Message}", e);
        }

        if (kdf is not Pbkdf2Parameters pbkdf2 || pbkdf2.KeyLength is not int keyLength || keyLength is < 1 or > 64)
        {
            throw new Pkcs12Exception(Pkcs12Error.InvalidParameters, "PBMAC1 needs PBKDF2 with a keyLength of 1..64 bytes (RFC 9579 §5).");
        }

        DerReader scheme = parameters.ReadSequence();
        string schemeOid = scheme.ReadObjectIdentifier();
        if (scheme.HasData)
        {
            scheme.ReadNull();
        }

        scheme.ExpectEmpty();
        parameters.ExpectEmpty();
        if (!PbeOids.TryGetPrf(schemeOid, out HashAlgorithmId hash))
        {
            throw new Pkcs12Exception(Pkcs12Error.UnsupportedAlgorithm, $"Unsupported PBMAC1 message authentication scheme {schemeOid}.");
        }

        return (hash, pbkdf2);
    }

    private static int ReadIterations(ref DerReader reader, int max)
    {
        ReadOnlySpan<byte> value = reader.ReadIntegerBytes();
        if ((value[0] & 0x80) != 0)
        {
            throw new Pkcs12Exception(Pkcs12Error.InvalidParameters, "The MAC iteration count is negative.");
        }

        long count = 0;
        foreach (byte b in value.Length > 5 ? [0xFF, 0xFF, 0xFF, 0xFF, 0xFF] : value)
        {
            count = (count << 8) | b;
        }

        if (count < 1 || count > max)
        {
            throw new Pkcs12Exception(Pkcs12Error.InvalidParameters, $"The MAC iteration count must be 1..{max} (a cap against hostile files), not {count}.");
        }

        return (int)count;
    }

    private byte[] Compute(ICryptoProvider provider, Pkcs12Password password, ReadOnlySpan<byte> authSafe)
    {
        int size = HashAlgorithms.HashSize(Algorithm);
        byte[] key = new byte[_pbmac1Kdf?.KeyLength ?? size];
        try
        {
            if (_pbmac1Kdf is not null)
            {
                _pbmac1Kdf.DeriveKey(provider, password.Octets, key);
            }
            else
            {
                byte[] bmp = password.Bmp();
                try
                {
                    Pkcs12Kdf.DeriveKey(provider, Algorithm, bmp, _salt, IterationCount, Pkcs12Kdf.MacMaterial, key);
                }
                finally
                {
                    SecretMemory.Zero(bmp);
                }
            }

            using IHmac hmac = provider.CreateHmac(Algorithm, key);
            hmac.Append(authSafe);
            byte[] result = new byte[size];
            hmac.GetHashAndReset(result);
            return result;
        }
        finally
        {
            SecretMemory.Zero(key);
        }
    }
}
