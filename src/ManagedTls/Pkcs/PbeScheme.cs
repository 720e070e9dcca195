using ManagedTls.Asn1;
using ManagedTls.Crypto;

namespace ManagedTls.Pkcs;

/// <summary>
/// A decoded password-based encryption AlgorithmIdentifier (the <c>encryptionAlgorithm</c> of a PKCS#8
/// EncryptedPrivateKeyInfo): the scheme, its salt, iteration count and cipher parameters. Immutable.
/// </summary>
internal abstract class PbeScheme
{
    /// <summary>Decodes an AlgorithmIdentifier naming a supported PBE scheme.</summary>
    /// <param name="reader">Positioned at the AlgorithmIdentifier SEQUENCE.</param>
    /// <returns>The scheme.</returns>
    /// <exception cref="DecodeException">The DER is malformed.</exception>
    /// <exception cref="PbeException">The scheme is unsupported or its parameters are unacceptable.</exception>
    public static PbeScheme Decode(ref DerReader reader)
    {
        DerReader algorithm = reader.ReadSequence();
        string oid = algorithm.ReadObjectIdentifier();
        PbeScheme scheme = oid switch
        {
            PbeOids.Pbes2 => Pbes2Scheme.DecodeParameters(ref algorithm),
            PbeOids.PbeWithMd5AndDesCbc => Pbes1Scheme.DecodeParameters(ref algorithm, HashAlgorithmId.Md5),
            PbeOids.PbeWithSha1AndDesCbc => Pbes1Scheme.DecodeParameters(ref algorithm, HashAlgorithmId.Sha1),
            _ when Pkcs12PbeAlgorithm.FromOid(oid) is { } pkcs12 => Pkcs12PbeScheme.DecodeParameters(ref algorithm, pkcs12),
            _ => throw new PbeException(PbeError.UnsupportedAlgorithm, $"Unsupported password-based encryption algorithm {oid}."),
        };
        algorithm.ExpectEmpty();
        return scheme;
    }

    /// <summary>Creates a scheme with fresh random salt and IV for encryption.</summary>
    /// <param name="parameters">What the caller asked for.</param>
    /// <returns>The scheme.</returns>
    public static PbeScheme ForEncryption(PbeParameters parameters)
    {
        if (parameters.IsPbes2)
        {
            return Pbes2Scheme.Create(parameters);
        }

        return Pkcs12PbeAlgorithm.FromName(parameters.Algorithm) is null
            ? Pbes1Scheme.Create(parameters)
            : Pkcs12PbeScheme.Create(parameters);
    }

    /// <summary>
    /// Describes the scheme as <c>openssl pkcs12 -info</c> prints it: "PBES2, PBKDF2, AES-256-CBC, Iteration 2048, PRF
    /// hmacWithSHA256" or "pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2048".
    /// </summary>
    /// <returns>The description.</returns>
    public abstract string Describe();

    /// <summary>Writes the AlgorithmIdentifier.</summary>
    /// <param name="writer">The writer.</param>
    public abstract void Encode(DerWriter writer);

    /// <summary>Checks that a ciphertext could have come from this scheme, before any password is used.</summary>
    /// <param name="length">The ciphertext length.</param>
    /// <exception cref="PbeException"><see cref="PbeError.Malformed"/>.</exception>
    public abstract void CheckCiphertextLength(int length);

    /// <summary>Derives the key (and IV) from <paramref name="password"/> and decrypts.</summary>
    /// <param name="provider">Supplies primitives.</param>
    /// <param name="password">The password octets as OpenSSL sees them (UTF-8 for text).</param>
    /// <param name="ciphertext">The encrypted data.</param>
    /// <returns>The plaintext.</returns>
    /// <exception cref="PbeException">Malformed ciphertext or <see cref="PbeError.BadDecrypt"/>.</exception>
    public abstract byte[] Decrypt(ICryptoProvider provider, ReadOnlySpan<byte> password, ReadOnlySpan<byte> ciphertext);

    /// <summary>Derives the key (and IV) from <paramref name="password"/> and encrypts.</summary>
    /// <param name="provider">Supplies primitives.</param>
    /// <param name="password">The password octets.</param>
    /// <param name="plaintext">The data.</param>
    /// <returns>The ciphertext.</returns>
    public abstract byte[] Encrypt(ICryptoProvider provider, ReadOnlySpan<byte> password, ReadOnlySpan<byte> plaintext);

    /// <summary>Reads an iteration count INTEGER and enforces 1..<see cref="PbeParameters.MaxIterationCount"/>.</summary>
    /// <param name="reader">Positioned at the INTEGER.</param>
    /// <returns>The count.</returns>
    internal static int ReadIterationCount(ref DerReader reader)
    {
        ReadOnlySpan<byte> value = reader.ReadIntegerBytes();
        if ((value[0] & 0x80) != 0)
        {
            throw new PbeException(PbeError.InvalidParameters, "The iteration count is negative.");
        }

        value = value[0] == 0 && value.Length > 1 ? value[1..] : value;
        long count = 0;
        if (value.Length <= 4)
        {
            foreach (byte b in value)
            {
                count = (count << 8) | b;
            }
        }
        else
        {
            count = long.MaxValue;
        }

        if (count < 1 || count > PbeParameters.MaxIterationCount)
        {
            throw new PbeException(
                PbeError.InvalidParameters,
                $"The iteration count must be 1..{PbeParameters.MaxIterationCount} (a cap against hostile files), not {(value.Length <= 4 ? count.ToString(System.Globalization.CultureInfo.InvariantCulture) : "larger than 2^32")}.");
        }

        return (int)count;
    }

    /// <summary>Reads a salt OCTET STRING and enforces its length.</summary>
    /// <param name="reader">Positioned at the OCTET STRING.</param>
    /// <param name="minimum">The smallest allowed length.</param>
    /// <param name="maximum">The largest allowed length.</param>
    /// <returns>A copy of the salt.</returns>
    internal static byte[] ReadSalt(ref DerReader reader, int minimum, int maximum)
    {
        byte[] salt = reader.ReadOctetStringBytes();
        if (salt.Length < minimum || salt.Length > maximum)
        {
            throw new PbeException(
                PbeError.InvalidParameters,
                minimum == maximum
                    ? $"The salt must be {minimum} bytes, not {salt.Length}."
                    : $"The salt must be {minimum}..{maximum} bytes, not {salt.Length}.");
        }

        return salt;
    }
}
