using ManagedTls.Asn1;
using ManagedTls.Crypto;

namespace ManagedTls.Pkcs;

/// <summary>
/// The keyDerivationFunc of PBES2-params (RFC 8018 §A.4): PBKDF2 (RFC 8018 §A.2) or scrypt (RFC 7914 §7). Immutable.
/// </summary>
internal abstract class Pbes2Kdf
{
    /// <summary>The optional keyLength field as decoded, or null.</summary>
    public abstract int? KeyLength { get; }

    /// <summary>Decodes the keyDerivationFunc AlgorithmIdentifier.</summary>
    /// <param name="reader">Positioned at the AlgorithmIdentifier SEQUENCE.</param>
    /// <returns>The KDF.</returns>
    /// <exception cref="DecodeException">The DER is malformed.</exception>
    /// <exception cref="PbeException">The KDF is unsupported or its parameters unacceptable.</exception>
    public static Pbes2Kdf Decode(ref DerReader reader)
    {
        DerReader kdf = reader.ReadSequence();
        string oid = kdf.ReadObjectIdentifier();
        Pbes2Kdf result = oid switch
        {
            PbeOids.Pbkdf2 => Pbkdf2Parameters.DecodeParameters(ref kdf),
            PbeOids.Scrypt => ScryptParameters.DecodeParameters(ref kdf),
            _ => throw new PbeException(PbeError.UnsupportedAlgorithm, $"Unsupported PBES2 key derivation function {oid} (PBKDF2 and scrypt are supported)."),
        };
        kdf.ExpectEmpty();
        return result;
    }

    /// <summary>Writes the keyDerivationFunc AlgorithmIdentifier.</summary>
    /// <param name="writer">The writer.</param>
    public abstract void Encode(DerWriter writer);

    /// <summary>Derives <c>key.Length</c> bytes from the password.</summary>
    /// <param name="provider">Supplies primitives.</param>
    /// <param name="password">The password octets.</param>
    /// <param name="key">Receives the key.</param>
    public abstract void DeriveKey(ICryptoProvider provider, ReadOnlySpan<byte> password, Span<byte> key);

    /// <summary>The KDF part of OpenSSL's <c>pkcs12 -info</c> text, given the cipher's short name.</summary>
    /// <param name="cipherName">e.g. "AES-256-CBC".</param>
    /// <returns>e.g. "PBKDF2, AES-256-CBC, Iteration 2048, PRF hmacWithSHA256".</returns>
    public abstract string Describe(string cipherName);

    /// <summary>Reads an optional keyLength INTEGER.</summary>
    /// <param name="reader">The parameters reader.</param>
    /// <returns>The value or null when absent.</returns>
    protected static int? ReadOptionalKeyLength(ref DerReader reader) =>
        reader.HasData && reader.NextTagIs(Asn1Tag.Integer) ? reader.ReadInt32() : null;

    /// <summary>Checks the salt CHOICE is the specified OCTET STRING (primitive, or constructed in BER).</summary>
    /// <param name="reader">The parameters reader.</param>
    /// <param name="what">The KDF name for the message.</param>
    protected static void ExpectSpecifiedSalt(ref DerReader reader, string what)
    {
        if (!reader.PeekTag().HasSameClassAndValue(Asn1Tag.OctetString))
        {
            throw new PbeException(PbeError.UnsupportedAlgorithm, $"{what} salt from an otherSource algorithm is not supported (RFC 8018 §A.2).");
        }
    }
}
