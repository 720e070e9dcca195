using ManagedTls.Asn1;
using ManagedTls.Keys;
using ManagedTls.X509;
using ManagedTls.X509.Spkac;

namespace ManagedTls.OpenSsl;

/// <summary>
/// pyOpenSSL's <c>OpenSSL.crypto.NetscapeSPKI</c>: a mutable Netscape SPKAC (<c>SignedPublicKeyAndChallenge</c>) over
/// ManagedTls's immutable <see cref="SignedPublicKeyAndChallenge"/>. A new object is empty (no key, empty challenge,
/// unsigned) until <see cref="SetPubkey"/> and <see cref="Sign"/>; one made from base64 keeps its encoding until a setter runs.
/// </summary>
public sealed class NetscapeSPKI
{
    private SignedPublicKeyAndChallenge? _signed;
    private ReadOnlyMemory<byte>? _spki;
    private string _challenge = string.Empty;
    private bool _modified;

    /// <summary>Creates an empty SPKI, or (pyOpenSSL 0.13's <c>NetscapeSPKI(enc)</c>) decodes the base64 form.</summary>
    /// <param name="enc">The base64 text <see cref="B64Encode"/> returns, or null for an empty object.</param>
    /// <exception cref="CryptoException">The text is not a base64 SPKAC.</exception>
    public NetscapeSPKI(string? enc = null)
    {
        if (enc is null)
        {
            return;
        }

        try
        {
            _signed = SignedPublicKeyAndChallenge.FromBase64(enc);
        }
        catch (X509FormatException e)
        {
            throw new CryptoException([new("asn1 encoding routines", "ASN1_get_object", "header too long"), new("netscape routines", "NETSCAPE_SPKI_b64_decode", "ASN1 lib")], e);
        }

        _spki = _signed.SubjectPublicKeyInfo;
        _challenge = _signed.Challenge;
    }

    /// <summary>Wraps a ManagedTls SPKAC (an addition).</summary>
    /// <param name="spkac">The SPKAC.</param>
    public NetscapeSPKI(SignedPublicKeyAndChallenge spkac)
    {
        ArgumentNullException.ThrowIfNull(spkac);
        _signed = spkac;
        _spki = spkac.SubjectPublicKeyInfo;
        _challenge = spkac.Challenge;
    }

    /// <summary>The base64 form (<c>b64_encode</c>, <c>NETSCAPE_SPKI_b64_encode</c>): one line, no breaks.</summary>
    /// <returns>
    /// The base64 text; for an unsigned or changed object, the encoding OpenSSL 1.0.2 (pyOpenSSL 16.1's) gave its empty
    /// fields — a zero-length signature algorithm OID and an empty signature. OpenSSL 3 cannot encode that and returns NULL.
    /// </returns>
    public string B64Encode() => !_modified && _signed is not null ? _signed.ToBase64() : Convert.ToBase64String(EncodeUnsigned());

    /// <summary>The public key (<c>get_pubkey</c>), public-only.</summary>
    /// <returns>The key.</returns>
    /// <exception cref="CryptoException">No key was set, or its algorithm is not supported.</exception>
    public PKey GetPubkey() => new(X509.DecodeSpki(_spki, "NETSCAPE_SPKI_get_pubkey"));

    /// <summary>Sets the public key (<c>set_pubkey</c>).</summary>
    /// <param name="pkey">A key pair or a public key.</param>
    /// <exception cref="ArgumentException">An empty key ("Key is uninitialized").</exception>
    public void SetPubkey(PKey pkey)
    {
        ArgumentNullException.ThrowIfNull(pkey);
        _spki = (pkey.PublicKey ?? throw new ArgumentException("Key is uninitialized", nameof(pkey))).SubjectPublicKeyInfo;
        _modified = true;
    }

    /// <summary>The challenge string (an addition; pyOpenSSL has no accessor).</summary>
    /// <returns>The challenge, empty for a new object.</returns>
    public string GetChallenge() => _challenge;

    /// <summary>Sets the challenge string (an addition), signed by the next <see cref="Sign"/>.</summary>
    /// <param name="challenge">The challenge.</param>
    public void SetChallenge(string challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        _challenge = challenge;
        _modified = true;
    }

    /// <summary>Signs (<c>sign</c>, <c>NETSCAPE_SPKI_sign</c>) the public key and challenge with <paramref name="pkey"/>.</summary>
    /// <param name="pkey">The key pair.</param>
    /// <param name="digest">An OpenSSL digest name ("md5", "sha256", ...); ignored for Ed25519/Ed448 keys.</param>
    /// <exception cref="ArgumentException">A public-only key ("Key has only public part"), an empty one ("Key is uninitialized"), an unknown digest ("No such digest method").</exception>
    /// <exception cref="CryptoException">No public key was set, or the digest does not fit the key.</exception>
    public void Sign(PKey pkey, string digest)
    {
        ArgumentNullException.ThrowIfNull(pkey);
        if (pkey.OnlyPublic)
        {
            throw new ArgumentException("Key has only public part", nameof(pkey));
        }

        PrivateKey key = pkey.PrivateKey ?? throw new ArgumentException("Key is uninitialized", nameof(pkey));
        var hash = Crypto.ParseDigestName(digest);
        ReadOnlyMemory<byte> spki = _spki ?? throw new CryptoException("netscape routines", "NETSCAPE_SPKI_sign", "unable to get public key");
        _signed = Crypto.BuildSigned(
            () => SignedPublicKeyAndChallenge.Create(spki.Span, _challenge, key, Signatures.SignatureAlgorithm.ForKey(key.PublicKey, Crypto.DigestFor(key, hash))),
            "NETSCAPE_SPKI_sign");
        _modified = false;
    }

    /// <summary>Checks the signature with <paramref name="key"/> (<c>verify</c>, <c>NETSCAPE_SPKI_verify</c>).</summary>
    /// <param name="key">The public key (or key pair) the SPKI should be signed with.</param>
    /// <returns>True.</returns>
    /// <exception cref="CryptoException">The signature does not verify with that key, or the object is unsigned or changed since signing.</exception>
    public bool Verify(PKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Keys.PublicKey publicKey = key.PublicKey ?? throw new ArgumentException("Key is uninitialized", nameof(key));
        bool valid;
        try
        {
            valid = !_modified && _signed is not null && _signed.VerifySignature(publicKey);
        }
        catch (Exception e) when (e is Signatures.SignatureException or DecodeException)
        {
            valid = false;
        }

        if (!valid)
        {
            OpenSslErrorEntry first = CryptoErrors.BadSignature(publicKey.Algorithm).Errors[0];
            throw new CryptoException([first, new OpenSslErrorEntry("asn1 encoding routines", "ASN1_item_verify", "EVP lib")]);
        }

        return true;
    }

    /// <summary>The SPKAC as a ManagedTls object (an addition).</summary>
    /// <returns>The loaded or last signed SPKAC.</returns>
    /// <exception cref="InvalidOperationException">Unsigned, or changed since signing.</exception>
    public SignedPublicKeyAndChallenge ToSignedPublicKeyAndChallenge() => !_modified && _signed is not null
        ? _signed
        : throw new InvalidOperationException("The SPKI was changed (or never signed): call Sign first.");

    /// <summary>What <c>i2d_NETSCAPE_SPKI</c> writes for unsigned fields: an empty OID and BIT STRING where nothing is set.</summary>
    private byte[] EncodeUnsigned()
    {
        using var writer = new DerWriter();
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                if (_spki is { } spki)
                {
                    writer.WriteEncodedValue(spki.Span);
                }
                else
                {
                    using (writer.PushSequence())
                    {
                        WriteEmptyAlgorithm(writer);
                        writer.WriteBitString([]);
                    }
                }

                writer.WritePrimitive(Asn1Tag.IA5String, System.Text.Encoding.UTF8.GetBytes(_challenge));
            }

            WriteEmptyAlgorithm(writer);
            writer.WriteBitString([]);
        }

        return writer.ToArray();
    }

    private static void WriteEmptyAlgorithm(DerWriter writer)
    {
        using (writer.PushSequence())
        {
            writer.WritePrimitive(Asn1Tag.ObjectIdentifier, []);
        }
    }
}
