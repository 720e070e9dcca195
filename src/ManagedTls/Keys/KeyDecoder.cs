using ManagedTls.Asn1;
using ManagedTls.Pem;

namespace ManagedTls.Keys;

/// <summary>
/// Reads keys from DER or PEM, detecting the format: PKCS#8 (RFC 5208/5958), PKCS#1 (RFC 8017), SEC1 (RFC 5915),
/// OpenSSL's traditional DSA, SubjectPublicKeyInfo (RFC 5280). Every failure is a <see cref="KeyFormatException"/>.
/// </summary>
/// <remarks>
/// Encrypted input (ENCRYPTED PRIVATE KEY, EncryptedPrivateKeyInfo DER, or PEM with <c>Proc-Type: 4,ENCRYPTED</c>) raises
/// <see cref="KeyFormatError.PassphraseRequired"/>; the PBE layer decrypts and calls <see cref="DecodePkcs8"/> or
/// <see cref="DecodePrivateKey(PemBlock)"/> with the plaintext.
/// </remarks>
public static class KeyDecoder
{
    private static readonly string[] s_privateLabels =
    [
        PemLabels.PrivateKey, PemLabels.RsaPrivateKey, PemLabels.EcPrivateKey, PemLabels.DsaPrivateKey, PemLabels.EncryptedPrivateKey,
    ];

    private static readonly string[] s_publicLabels = [PemLabels.PublicKey, PemLabels.RsaPublicKey];

    /// <summary>
    /// Reads an unencrypted private key from DER (PKCS#8, PKCS#1, SEC1 or traditional DSA, told apart by structure)
    /// or PEM (the first private-key block; other blocks such as <c>EC PARAMETERS</c> or certificates are skipped, as
    /// OpenSSL's PEM_read_bio_PrivateKey does).
    /// </summary>
    /// <param name="derOrPem">The encoding.</param>
    /// <returns>The key.</returns>
    /// <exception cref="KeyFormatException">Malformed, unsupported, encrypted (<see cref="KeyFormatError.PassphraseRequired"/>) or no key found.</exception>
    public static PrivateKey DecodePrivateKey(ReadOnlySpan<byte> derOrPem)
    {
        if (LooksLikeDer(derOrPem))
        {
            return Der(derOrPem, static der => DecodePrivateKeyDer(der));
        }

        PemBlock block = FindPem(derOrPem, s_privateLabels, "private key");
        return DecodePrivateKey(block);
    }

    /// <summary>Reads a private key from one PEM block, dispatching on its label.</summary>
    /// <param name="block">A PRIVATE KEY, RSA/EC/DSA PRIVATE KEY block (decrypted, for the PBE layer).</param>
    /// <returns>The key.</returns>
    /// <exception cref="KeyFormatException">Encrypted, another label, or an invalid key.</exception>
    public static PrivateKey DecodePrivateKey(PemBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (block.IsEncrypted || block.Label == PemLabels.EncryptedPrivateKey)
        {
            throw PassphraseRequired(block.Label);
        }

        return block.Label switch
        {
            PemLabels.PrivateKey => DecodePkcs8(block.Data.Span),
            PemLabels.RsaPrivateKey => DecodeRsaPrivateKey(block.Data.Span),
            PemLabels.EcPrivateKey => DecodeEcPrivateKey(block.Data.Span),
            PemLabels.DsaPrivateKey => DecodeDsaPrivateKey(block.Data.Span),
            _ => throw new KeyFormatException(KeyFormatError.NoKeyFound, $"PEM block '{block.Label}' is not a private key"),
        };
    }

    /// <summary>
    /// Reads a public key from DER (SubjectPublicKeyInfo or PKCS#1 RSAPublicKey) or PEM (<c>PUBLIC KEY</c> or
    /// <c>RSA PUBLIC KEY</c>).
    /// </summary>
    /// <param name="derOrPem">The encoding.</param>
    /// <returns>The key.</returns>
    /// <exception cref="KeyFormatException">Malformed, unsupported, or no public key found.</exception>
    public static PublicKey DecodePublicKey(ReadOnlySpan<byte> derOrPem)
    {
        if (LooksLikeDer(derOrPem))
        {
            return Der(derOrPem, static der =>
            {
                var reader = new DerReader(der);
                DerReader sequence = reader.ReadSequence();
                return sequence.PeekTag() == Asn1Tag.Integer ? DecodeRsaPublicKey(der) : DecodeSubjectPublicKeyInfo(der);
            });
        }

        PemBlock block = FindPem(derOrPem, s_publicLabels, "public key");
        return block.Label == PemLabels.RsaPublicKey
            ? DecodeRsaPublicKey(block.Data.Span)
            : DecodeSubjectPublicKeyInfo(block.Data.Span);
    }

    /// <summary>Reads a DER PKCS#8 PrivateKeyInfo / OneAsymmetricKey (the plaintext inside EncryptedPrivateKeyInfo).</summary>
    /// <param name="der">The DER.</param>
    /// <returns>The key.</returns>
    /// <exception cref="KeyFormatException">Malformed or unsupported.</exception>
    public static PrivateKey DecodePkcs8(ReadOnlySpan<byte> der) =>
        Der(der, static d => Whole(d, static (ref DerReader r) => Pkcs8PrivateKeyInfo.Decode(ref r)));

    /// <summary>Reads a DER SubjectPublicKeyInfo.</summary>
    /// <param name="der">The DER.</param>
    /// <returns>The key, keeping <paramref name="der"/> as its <see cref="PublicKey.SubjectPublicKeyInfo"/>.</returns>
    /// <exception cref="KeyFormatException">Malformed or unsupported.</exception>
    public static PublicKey DecodeSubjectPublicKeyInfo(ReadOnlySpan<byte> der) =>
        Der(der, static d => Whole(d, static (ref DerReader r) => PublicKey.Decode(ref r)));

    /// <summary>Reads a DER PKCS#1 RSAPrivateKey (<c>RSA PRIVATE KEY</c>).</summary>
    /// <param name="der">The DER.</param>
    /// <returns>The key.</returns>
    /// <exception cref="KeyFormatException">Malformed or invalid.</exception>
    public static RsaPrivateKey DecodeRsaPrivateKey(ReadOnlySpan<byte> der) =>
        Der(der, static d => Whole(d, static (ref DerReader r) => RsaPrivateKey.DecodePkcs1(ref r)));

    /// <summary>Reads a DER PKCS#1 RSAPublicKey (<c>RSA PUBLIC KEY</c>).</summary>
    /// <param name="der">The DER.</param>
    /// <returns>The key.</returns>
    /// <exception cref="KeyFormatException">Malformed or invalid.</exception>
    public static RsaPublicKey DecodeRsaPublicKey(ReadOnlySpan<byte> der) =>
        Der(der, static d => Whole(d, static (ref DerReader r) => RsaPublicKey.DecodePkcs1(ref r)));

    /// <summary>Reads a DER SEC1 ECPrivateKey (<c>EC PRIVATE KEY</c>), which must name its curve.</summary>
    /// <param name="der">The DER.</param>
    /// <returns>The key.</returns>
    /// <exception cref="KeyFormatException">Malformed, explicit parameters, unsupported curve or invalid key.</exception>
    public static EcPrivateKey DecodeEcPrivateKey(ReadOnlySpan<byte> der) =>
        Der(der, static d => Whole(d, static (ref DerReader r) => EcPrivateKey.DecodeSec1(ref r)));

    /// <summary>Reads a DER traditional DSAPrivateKey (<c>DSA PRIVATE KEY</c>).</summary>
    /// <param name="der">The DER.</param>
    /// <returns>The key.</returns>
    /// <exception cref="KeyFormatException">Malformed or invalid.</exception>
    public static DsaPrivateKey DecodeDsaPrivateKey(ReadOnlySpan<byte> der) =>
        Der(der, static d => Whole(d, static (ref DerReader r) => DsaPrivateKey.DecodeTraditional(ref r)));

    private delegate T ReaderFunc<out T>(ref DerReader reader);

    private delegate T SpanFunc<out T>(ReadOnlySpan<byte> der);

    private static PrivateKey DecodePrivateKeyDer(ReadOnlySpan<byte> der)
    {
        var reader = new DerReader(der);
        DerReader sequence = reader.ReadSequence();
        Asn1Tag first = sequence.PeekTag();
        if (first == Asn1Tag.Sequence)
        {
            // EncryptedPrivateKeyInfo ::= SEQUENCE { encryptionAlgorithm AlgorithmIdentifier, encryptedData OCTET STRING }
            throw PassphraseRequired("EncryptedPrivateKeyInfo");
        }

        sequence.ReadIntegerBytes();
        Asn1Tag second = sequence.PeekTag();
        if (second == Asn1Tag.Sequence)
        {
            return DecodePkcs8(der);
        }

        if (second == Asn1Tag.OctetString)
        {
            return DecodeEcPrivateKey(der);
        }

        // PKCS#1 has 9 INTEGERs (+ otherPrimeInfos); traditional DSA has 6.
        int integers = 1;
        while (sequence.HasData && sequence.PeekTag() == Asn1Tag.Integer)
        {
            sequence.ReadEncodedValue();
            integers++;
        }

        return integers == 6 && !sequence.HasData ? DecodeDsaPrivateKey(der) : DecodeRsaPrivateKey(der);
    }

    private static T Whole<T>(ReadOnlySpan<byte> der, ReaderFunc<T> decode)
    {
        var reader = new DerReader(der);
        T result = decode(ref reader);
        reader.ExpectEmpty();
        return result;
    }

    /// <summary>The one place DER failures become key-layer failures.</summary>
    private static T Der<T>(ReadOnlySpan<byte> der, SpanFunc<T> decode)
    {
        try
        {
            return decode(der);
        }
        catch (DecodeException e)
        {
            throw KeyFormatException.FromDer(e);
        }
    }

    private static PemBlock FindPem(ReadOnlySpan<byte> pem, ReadOnlySpan<string> labels, string what)
    {
        try
        {
            foreach (PemBlock block in PemReader.Enumerate(pem))
            {
                if (labels.Contains(block.Label))
                {
                    return block;
                }
            }
        }
        catch (PemException e)
        {
            throw KeyFormatException.FromPem(e);
        }

        throw new KeyFormatException(KeyFormatError.NoKeyFound, $"no {what} PEM block found");
    }

    /// <summary>DER starts with a SEQUENCE tag; PEM (possibly after explanatory text) never does.</summary>
    private static bool LooksLikeDer(ReadOnlySpan<byte> data) => !data.IsEmpty && data[0] == 0x30;

    private static KeyFormatException PassphraseRequired(string what) =>
        new(KeyFormatError.PassphraseRequired, $"the key is encrypted ({what}); a passphrase is required");
}
