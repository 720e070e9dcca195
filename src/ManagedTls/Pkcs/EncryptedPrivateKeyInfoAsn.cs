using ManagedTls.Asn1;

namespace ManagedTls.Pkcs;

/// <summary>
/// The decoded structure (RFC 5958 §3, RFC 5208 §6):
/// <code>EncryptedPrivateKeyInfo ::= SEQUENCE { encryptionAlgorithm AlgorithmIdentifier, encryptedData OCTET STRING }</code>
/// </summary>
internal sealed class EncryptedPrivateKeyInfoAsn
{
    private readonly byte[] _encryptedData;

    /// <summary>Creates the structure.</summary>
    /// <param name="scheme">The PBE scheme.</param>
    /// <param name="encryptedData">The ciphertext (kept, not copied).</param>
    public EncryptedPrivateKeyInfoAsn(PbeScheme scheme, byte[] encryptedData)
    {
        Scheme = scheme;
        _encryptedData = encryptedData;
    }

    /// <summary>The encryption algorithm.</summary>
    public PbeScheme Scheme { get; }

    /// <summary>The ciphertext.</summary>
    public ReadOnlySpan<byte> EncryptedData => _encryptedData;

    /// <summary>Decodes one EncryptedPrivateKeyInfo.</summary>
    /// <param name="reader">Positioned at the outer SEQUENCE.</param>
    /// <returns>The structure.</returns>
    /// <exception cref="DecodeException">The DER is malformed.</exception>
    /// <exception cref="PbeException">The scheme is unsupported or its parameters are unacceptable.</exception>
    public static EncryptedPrivateKeyInfoAsn Decode(ref DerReader reader)
    {
        DerReader sequence = reader.ReadSequence();
        PbeScheme scheme = PbeScheme.Decode(ref sequence);
        byte[] encryptedData = sequence.ReadOctetStringBytes();
        sequence.ExpectEmpty();
        return new EncryptedPrivateKeyInfoAsn(scheme, encryptedData);
    }

    /// <summary>Writes the structure.</summary>
    /// <param name="writer">The writer.</param>
    public void Encode(DerWriter writer)
    {
        using (writer.PushSequence())
        {
            Scheme.Encode(writer);
            writer.WriteOctetString(_encryptedData);
        }
    }
}
