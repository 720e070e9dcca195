using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using ManagedTls.Asn1;
using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Signatures;

namespace ManagedTls.X509.Spkac;

/// <summary>
/// A Netscape SPKAC (<c>SignedPublicKeyAndChallenge</c>, the HTML <c>&lt;keygen&gt;</c> format OpenSSL calls
/// NETSCAPE_SPKI), parsed once and immutable, with the signed bytes kept:
/// <code>
/// SignedPublicKeyAndChallenge ::= SEQUENCE { publicKeyAndChallenge PublicKeyAndChallenge,
///                                            signatureAlgorithm AlgorithmIdentifier, signature BIT STRING }
/// PublicKeyAndChallenge ::= SEQUENCE { spki SubjectPublicKeyInfo, challenge IA5String }
/// </code>
/// </summary>
public sealed class SignedPublicKeyAndChallenge
{
    private readonly byte[] _raw;
    private readonly Range _signed;
    private readonly Range _spki;
    private readonly Range _signature;

    private SignedPublicKeyAndChallenge(byte[] raw, Range signed, Range spki, Range signature, string challenge, X509AlgorithmIdentifier signatureAlgorithm, int unusedBits)
    {
        _raw = raw;
        _signed = signed;
        _spki = spki;
        _signature = signature;
        Challenge = challenge;
        SignatureAlgorithm = signatureAlgorithm;
        SignatureUnusedBits = unusedBits;
    }

    /// <summary>The whole DER.</summary>
    public ReadOnlyMemory<byte> RawData => _raw;

    /// <summary>The PublicKeyAndChallenge DER: the bytes that were signed.</summary>
    public ReadOnlyMemory<byte> RawPublicKeyAndChallenge => _raw.AsMemory(_signed);

    /// <summary>The exact SubjectPublicKeyInfo DER.</summary>
    public ReadOnlyMemory<byte> SubjectPublicKeyInfo => _raw.AsMemory(_spki);

    /// <summary>The challenge string (the IA5String's octets read as Latin-1, so any bytes survive).</summary>
    public string Challenge { get; }

    /// <summary>The signature algorithm.</summary>
    public X509AlgorithmIdentifier SignatureAlgorithm { get; }

    /// <summary>The signature bits.</summary>
    public ReadOnlyMemory<byte> Signature => _raw.AsMemory(_signature);

    /// <summary>Unused bits in the signature's last octet (0 for every real algorithm).</summary>
    public int SignatureUnusedBits { get; }

    /// <summary>Decodes exactly one DER SPKAC.</summary>
    /// <param name="der">The DER.</param>
    /// <returns>The SPKAC.</returns>
    /// <exception cref="X509FormatException">Malformed (<see cref="X509FormatError.MalformedDer"/>).</exception>
    public static SignedPublicKeyAndChallenge Decode(ReadOnlySpan<byte> der)
    {
        try
        {
            byte[] raw = der.ToArray();
            var reader = new DerReader(raw);
            DerReader outer = reader.ReadSequence();
            reader.ExpectEmpty();
            int signedStart = outer.Offset;
            DerReader signed = outer.ReadSequence();
            var signedRange = new Range(signedStart, outer.Offset);
            int spkiStart = signed.Offset;
            DerReader spki = signed.ReadSequence();
            var spkiRange = new Range(spkiStart, signed.Offset);
            X509AlgorithmIdentifier.Decode(ref spki);
            spki.ReadBitString(out _);
            spki.ExpectEmpty();
            string challenge = Encoding.Latin1.GetString(signed.ReadCharacterStringBytes(Asn1Tag.IA5String));
            signed.ExpectEmpty();
            X509AlgorithmIdentifier algorithm = X509AlgorithmIdentifier.Decode(ref outer);
            int length = outer.ReadBitString(out int unusedBits).Length;
            var signature = new Range(outer.Offset - length, outer.Offset);
            outer.ExpectEmpty();
            return new SignedPublicKeyAndChallenge(raw, signedRange, spkiRange, signature, challenge, algorithm, unusedBits);
        }
        catch (DecodeException e)
        {
            throw X509FormatException.Malformed(e, "SPKAC");
        }
    }

    /// <summary>
    /// Decodes the base64 form (<c>NETSCAPE_SPKI_b64_decode</c>; the value of an <c>SPKAC=</c> line). Whitespace and line
    /// breaks inside are ignored.
    /// </summary>
    /// <param name="base64">The base64 text.</param>
    /// <returns>The SPKAC.</returns>
    /// <exception cref="X509FormatException">Not base64, or the DER is malformed.</exception>
    public static SignedPublicKeyAndChallenge FromBase64(string base64)
    {
        ArgumentNullException.ThrowIfNull(base64);
        byte[] der;
        try
        {
            der = Convert.FromBase64String(base64);
        }
        catch (FormatException e)
        {
            throw new X509FormatException(X509FormatError.MalformedDer, $"The SPKAC is not valid base64: {e.Message}");
        }

        return Decode(der);
    }

    /// <summary>Creates and signs an SPKAC, as <c>openssl spkac -key KEY -challenge C -digest D</c>.</summary>
    /// <param name="subjectPublicKeyInfo">The SubjectPublicKeyInfo DER to certify (usually the signer's own).</param>
    /// <param name="challenge">The challenge; its UTF-8 octets become the IA5String (OpenSSL stores the argument bytes unchanged).</param>
    /// <param name="signer">The key that signs.</param>
    /// <param name="algorithm">The signature algorithm.</param>
    /// <returns>The SPKAC.</returns>
    /// <exception cref="SignatureException">The algorithm does not fit the key.</exception>
    public static SignedPublicKeyAndChallenge Create(ReadOnlySpan<byte> subjectPublicKeyInfo, string challenge, PrivateKey signer, Signatures.SignatureAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(algorithm);
        X509BuildEncoding.CheckSpki(subjectPublicKeyInfo);
        using var writer = new DerWriter();
        using (writer.PushSequence())
        {
            writer.WriteEncodedValue(subjectPublicKeyInfo);
            writer.WritePrimitive(Asn1Tag.IA5String, Encoding.UTF8.GetBytes(challenge));
        }

        return Decode(X509BuildEncoding.SignEnvelope(writer.ToArray(), signer, algorithm));
    }

    /// <summary>Creates and signs an SPKAC for the signer's own public key with the algorithm <see cref="Signatures.SignatureAlgorithm.ForKey"/> picks.</summary>
    /// <param name="signer">The key pair.</param>
    /// <param name="challenge">The challenge.</param>
    /// <param name="digest">The digest (ignored for EdDSA); null for the key's default.</param>
    /// <returns>The SPKAC.</returns>
    /// <exception cref="SignatureException">The digest does not fit the key.</exception>
    public static SignedPublicKeyAndChallenge Create(PrivateKey signer, string challenge, HashAlgorithmId? digest = null)
    {
        ArgumentNullException.ThrowIfNull(signer);
        return Create(signer.PublicKey.SubjectPublicKeyInfo.Span, challenge, signer, Signatures.SignatureAlgorithm.ForKey(signer.PublicKey, digest));
    }

    /// <summary>The base64 form, one line without breaks (<c>NETSCAPE_SPKI_b64_encode</c>).</summary>
    /// <returns>The base64 text.</returns>
    public string ToBase64() => Convert.ToBase64String(_raw);

    /// <summary>The public key being certified.</summary>
    /// <returns>The key.</returns>
    /// <exception cref="KeyFormatException">The key's algorithm is not supported or the key is malformed.</exception>
    public PublicKey GetPublicKey() => KeyDecoder.DecodeSubjectPublicKeyInfo(SubjectPublicKeyInfo.Span);

    /// <summary>Tries to decode the public key.</summary>
    /// <param name="key">The key when it decodes.</param>
    /// <returns>Whether it decodes.</returns>
    public bool TryGetPublicKey([NotNullWhen(true)] out PublicKey? key)
    {
        try
        {
            key = GetPublicKey();
            return true;
        }
        catch (KeyFormatException)
        {
            key = null;
            return false;
        }
    }

    /// <summary>Checks the signature with <paramref name="key"/> (<c>NETSCAPE_SPKI_verify</c>).</summary>
    /// <param name="key">The public key (for <c>openssl spkac -verify</c>, the SPKAC's own).</param>
    /// <returns>Whether the signature verifies; false for unused signature bits.</returns>
    /// <exception cref="SignatureException">The signature algorithm is unsupported or does not fit the key.</exception>
    /// <exception cref="DecodeException">The signature algorithm's parameters are malformed.</exception>
    public bool VerifySignature(PublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (SignatureUnusedBits != 0)
        {
            return false;
        }

        Signatures.SignatureAlgorithm algorithm = Signatures.SignatureAlgorithm.Decode(SignatureAlgorithm.RawData.Span);
        return Verifier.Verify(key, algorithm, RawPublicKeyAndChallenge.Span, Signature.Span);
    }

    /// <summary>The text <c>openssl spkac</c> prints (<c>NETSCAPE_SPKI_print</c>, OpenSSL 3.0 layout).</summary>
    /// <returns>The text, ending in a newline.</returns>
    public string ToText()
    {
        var text = new StringBuilder("Netscape SPKI:\n");
        var spki = new DerReader(SubjectPublicKeyInfo.Span);
        DerReader inner = spki.ReadSequence();
        X509AlgorithmIdentifier keyAlgorithm = X509AlgorithmIdentifier.Decode(ref inner);
        text.Append("  Public Key Algorithm: ").Append(LongName(keyAlgorithm.Oid)).Append('\n');
        text.Append(TryGetPublicKey(out PublicKey? key) ? KeyTextFormatter.FormatPublicKey(key, 4) : "  Unable to load public key\n");
        if (Challenge.Length > 0)
        {
            text.Append("  Challenge String: ").Append(Challenge).Append('\n'); // OpenSSL 3 omits the line for an empty challenge
        }

        text.Append("  Signature Algorithm: ").Append(LongName(SignatureAlgorithm.Oid));
        ReadOnlySpan<byte> signature = Signature.Span;
        for (int i = 0; i < signature.Length; i++)
        {
            if (i % 18 == 0)
            {
                text.Append("\n      ");
            }

            text.Append(signature[i].ToString("x2", CultureInfo.InvariantCulture));
            if (i + 1 != signature.Length)
            {
                text.Append(':');
            }
        }

        return text.Append('\n').ToString();
    }

    private static string LongName(string oid) => OidRegistry.TryGetByDotted(oid, out OidInfo? info) ? info.LongName : "UNKNOWN";
}
