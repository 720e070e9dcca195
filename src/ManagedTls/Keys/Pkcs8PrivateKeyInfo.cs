using ManagedTls.Asn1;

namespace ManagedTls.Keys;

/// <summary>
/// PKCS#8 PrivateKeyInfo (RFC 5208, version 0) and OneAsymmetricKey (RFC 5958, version 1 with the optional
/// [1] publicKey): the unencrypted form the PBE layer wraps in EncryptedPrivateKeyInfo.
/// </summary>
internal static class Pkcs8PrivateKeyInfo
{
    private const int Version1 = 0;
    private const int Version2 = 1;

    public static PrivateKey Decode(ref DerReader reader)
    {
        DerReader sequence = reader.ReadSequence();
        int version = sequence.ReadInt32();
        if (version is not (Version1 or Version2))
        {
            throw new KeyFormatException(KeyFormatError.UnsupportedVersion, $"PrivateKeyInfo version {version} is neither v1 (0) nor v2 (1) (RFC 5958 §2)");
        }

        AlgorithmIdentifier algorithm = AlgorithmIdentifier.Read(ref sequence);
        ReadOnlySpan<byte> privateKey = sequence.ReadOctetString();
        if (sequence.NextTagIs(Asn1Tag.Context(0, true)))
        {
            // attributes [0] IMPLICIT Attributes: OpenSSL keeps them but never uses them for keys; skipped.
            sequence.ReadEncodedValue();
        }

        ReadOnlySpan<byte> publicKey = default;
        if (sequence.NextTagIs(Asn1Tag.Context(1, false)))
        {
            if (version != Version2)
            {
                throw new KeyFormatException(KeyFormatError.UnsupportedVersion, "PrivateKeyInfo v1 must not carry a publicKey (RFC 5958 §2)");
            }

            publicKey = sequence.ReadBitString(out int unusedBits, Asn1Tag.Context(1, false));
            if (unusedBits != 0 || publicKey.IsEmpty)
            {
                throw new KeyFormatException(KeyFormatError.InvalidKey, "OneAsymmetricKey publicKey is empty or has unused bits");
            }
        }

        sequence.ExpectEmpty();
        PrivateKey key = algorithm.Oid switch
        {
            KeyOids.RsaEncryption or KeyOids.RsassaPss => RsaPrivateKey.DecodePkcs8Key(algorithm, privateKey),
            KeyOids.Dsa => DsaPrivateKey.DecodePkcs8Key(algorithm, privateKey),
            KeyOids.EcPublicKey => EcPrivateKey.DecodePkcs8Key(algorithm, privateKey, publicKey),
            KeyOids.Ed25519 or KeyOids.Ed448 or KeyOids.X25519 or KeyOids.X448 => EcxPrivateKey.DecodePkcs8Key(algorithm, privateKey, publicKey),
            _ => throw new KeyFormatException(KeyFormatError.UnsupportedAlgorithm, $"unsupported private key algorithm {KeyOids.Describe(algorithm.Oid)}"),
        };
        if (!publicKey.IsEmpty && key is RsaPrivateKey or DsaPrivateKey)
        {
            CheckPublicKey(key, publicKey);
        }

        return key;
    }

    /// <summary>Writes PrivateKeyInfo v1 without attributes, as <c>openssl pkey</c> / <c>openssl pkcs8 -topk8 -nocrypt</c> do.</summary>
    public static void Encode(DerWriter writer, PrivateKey key)
    {
        using (writer.PushSequence())
        {
            writer.WriteInteger(Version1);
            key.WritePkcs8AlgorithmIdentifier(writer);
            using (writer.PushOctetString())
            {
                key.WritePkcs8PrivateKey(writer);
            }
        }
    }

    /// <summary>For keys whose public half is computed from the private one, a v2 publicKey must match it.</summary>
    private static void CheckPublicKey(PrivateKey key, ReadOnlySpan<byte> publicKey)
    {
        using var writer = new DerWriter();
        key.PublicKey.Encode(writer);
        var reader = new DerReader(writer.ToArray());
        DerReader spki = reader.ReadSequence();
        spki.ReadEncodedValue();
        if (!spki.ReadBitString(out _).SequenceEqual(publicKey))
        {
            throw new KeyFormatException(KeyFormatError.Inconsistent, "OneAsymmetricKey publicKey does not match the private key");
        }
    }
}
