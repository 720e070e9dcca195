using ManagedTls.Asn1;
using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.X509;

namespace ManagedTls.Pkcs.Pkcs12;

/// <summary>
/// Reads a PFX (RFC 7292 §4): checks the MAC, decrypts and decodes the authenticated safe. Codec, PBE, key and X.509
/// failures are translated into <see cref="Pkcs12Exception"/> here, once.
/// <code>
/// PFX ::= SEQUENCE { version INTEGER {v3(3)}, authSafe ContentInfo, macData MacData OPTIONAL }
/// AuthenticatedSafe ::= SEQUENCE OF ContentInfo   -- data or encryptedData
/// SafeBag ::= SEQUENCE { bagId OID, bagValue [0] EXPLICIT ANY, bagAttributes SET OF PKCS12Attribute OPTIONAL }
/// </code>
/// </summary>
internal sealed class Pkcs12Decoder
{
    private readonly ICryptoProvider _provider;
    private readonly Pkcs12LoadOptions _options;
    private int _bagCount;
    private bool _sawEncryption;

    public Pkcs12Decoder(ICryptoProvider provider, Pkcs12LoadOptions options)
    {
        _provider = provider;
        _options = options;
    }

    public Pkcs12Archive Load(ReadOnlySpan<byte> der, byte[]? password)
    {
        byte[] input = der.ToArray();
        (byte[] authSafe, Pkcs12Mac? mac) = Translate(() => DecodePfx(input));
        bool emptyOrAbsent = password is null || password.Length == 0;
        Pkcs12Password given = Pkcs12Password.From(password, password is null);
        Pkcs12Password[] candidates = emptyOrAbsent ? [Pkcs12Password.Absent, Pkcs12Password.Empty] : [given];
        if (mac is not null && _options.VerifyMac)
        {
            // PKCS12_parse: with no or an empty password, try the absent encoding, then the empty BMPString.
            Pkcs12Password? verified = Array.Find(candidates, c => mac.Verify(_provider, c, authSafe));
            if (verified is null)
            {
                throw MacFailure(authSafe, candidates);
            }

            candidates = [verified];
        }

        for (int i = 0; ; i++)
        {
            try
            {
                return new Pkcs12Archive(mac, Translate(() => DecodeAuthenticatedSafe(authSafe, candidates[i])));
            }
            catch (Pkcs12Exception e) when (e.Reason == Pkcs12Error.BadDecrypt && i + 1 < candidates.Length)
            {
                _bagCount = 0;
            }
        }
    }

    /// <summary>Decodes the envelope only and returns the MAC.</summary>
    public Pkcs12Mac? ReadMac(ReadOnlySpan<byte> der)
    {
        byte[] input = der.ToArray();
        return Translate(() => DecodePfx(input)).Mac;
    }

    /// <summary>
    /// The MAC failed: decrypting tells a wrong password (nothing decrypts) from an altered file (the password works,
    /// the MAC does not). OpenSSL reports both as "mac verify failure".
    /// </summary>
    private Pkcs12Exception MacFailure(byte[] authSafe, Pkcs12Password[] candidates)
    {
        foreach (Pkcs12Password candidate in candidates)
        {
            _bagCount = 0;
            _sawEncryption = false;
            try
            {
                Translate(() => DecodeAuthenticatedSafe(authSafe, candidate));
                if (_sawEncryption)
                {
                    return new Pkcs12Exception(Pkcs12Error.MacVerifyFailure, "mac verify failure: the password decrypts the contents but the MAC does not match, so the file was altered.");
                }
            }
            catch (Pkcs12Exception e) when (e.Reason is Pkcs12Error.BadDecrypt or Pkcs12Error.InvalidContent)
            {
                continue;
            }
            catch (Pkcs12Exception e)
            {
                return new Pkcs12Exception(Pkcs12Error.MacVerifyFailure, $"mac verify failure: the MAC does not match and the contents do not decode ({e.Message}).", e);
            }

            return new Pkcs12Exception(Pkcs12Error.MacVerifyFailure, "mac verify failure: wrong password or altered file (nothing is encrypted, so the two cannot be told apart).");
        }

        return new Pkcs12Exception(Pkcs12Error.WrongPassword, "mac verify failure: invalid password (the MAC does not verify and the password decrypts nothing).");
    }

    private (byte[] AuthSafe, Pkcs12Mac? Mac) DecodePfx(byte[] der)
    {
        var reader = new DerReader(der, DerMode.Ber);
        DerReader pfx = reader.ReadSequence();
        reader.ExpectEmpty();
        if (pfx.ReadInt32() != 3)
        {
            throw new Pkcs12Exception(Pkcs12Error.Malformed, "The PFX version is not 3 (RFC 7292 §4).");
        }

        DerReader contentInfo = pfx.ReadSequence();
        string type = contentInfo.ReadObjectIdentifier();
        if (type != Pkcs12Oids.Data)
        {
            throw new Pkcs12Exception(
                type == Pkcs12Oids.SignedData ? Pkcs12Error.UnsupportedAlgorithm : Pkcs12Error.Malformed,
                type == Pkcs12Oids.SignedData
                    ? "Public-key integrity mode (signedData authSafe) is not supported; only password integrity is."
                    : $"The authSafe content type is {type}, not data.");
        }

        byte[] authSafe = ReadDataContent(ref contentInfo);
        Pkcs12Mac? mac = pfx.HasData ? Pkcs12Mac.Decode(ref pfx, _options.MaxIterationCount) : null;
        pfx.ExpectEmpty();
        return (authSafe, mac);
    }

    private static byte[] ReadDataContent(ref DerReader contentInfo)
    {
        DerReader content = contentInfo.ReadExplicit(0);
        contentInfo.ExpectEmpty();
        byte[] octets = content.ReadOctetStringBytes();
        content.ExpectEmpty();
        return octets;
    }

    private List<Pkcs12SafeContents> DecodeAuthenticatedSafe(byte[] authSafe, Pkcs12Password password)
    {
        var reader = new DerReader(authSafe, DerMode.Ber);
        DerReader sequence = reader.ReadSequence();
        reader.ExpectEmpty();
        var safes = new List<Pkcs12SafeContents>();
        while (sequence.HasData)
        {
            Count();
            DerReader contentInfo = sequence.ReadSequence();
            string type = contentInfo.ReadObjectIdentifier();
            switch (type)
            {
                case Pkcs12Oids.Data:
                    safes.Add(new Pkcs12SafeContents(null, DecodeSafeContents(ReadDataContent(ref contentInfo), password, 1)));
                    break;
                case Pkcs12Oids.EncryptedData:
                    safes.Add(DecodeEncryptedData(ref contentInfo, password));
                    break;
                case Pkcs12Oids.EnvelopedData:
                    throw new Pkcs12Exception(Pkcs12Error.UnsupportedAlgorithm, "Public-key privacy mode (envelopedData) is not supported.");
                default:
                    throw new Pkcs12Exception(Pkcs12Error.Malformed, $"Unexpected authenticated safe content type {type}.");
            }
        }

        return safes;
    }

    /// <summary>EncryptedData ::= SEQUENCE { version, EncryptedContentInfo { contentType, algorithm, [0] IMPLICIT OCTET STRING } }.</summary>
    private Pkcs12SafeContents DecodeEncryptedData(ref DerReader contentInfo, Pkcs12Password password)
    {
        DerReader explicitContent = contentInfo.ReadExplicit(0);
        contentInfo.ExpectEmpty();
        DerReader encryptedData = explicitContent.ReadSequence();
        explicitContent.ExpectEmpty();
        encryptedData.ReadInt32();
        DerReader info = encryptedData.ReadSequence();
        info.ReadObjectIdentifier();
        PbeScheme scheme = PbeScheme.Decode(ref info);
        byte[] ciphertext = info.HasData ? info.ReadOctetStringBytes(Asn1Tag.Context(0, false)) : [];
        info.ExpectEmpty();
        _sawEncryption = true;
        byte[] plaintext = password.Decrypt(_provider, scheme, ciphertext);
        try
        {
            return new Pkcs12SafeContents(scheme.Describe(), DecodeSafeContents(plaintext, password, 1, decrypted: true));
        }
        finally
        {
            SecretMemory.Zero(plaintext);
        }
    }

    private List<Pkcs12Bag> DecodeSafeContents(byte[] der, Pkcs12Password password, int depth, bool decrypted = false)
    {
        if (depth > _options.MaxNestingDepth)
        {
            throw new Pkcs12Exception(Pkcs12Error.LimitExceeded, $"safeContents bags are nested deeper than {_options.MaxNestingDepth}.");
        }

        try
        {
            var reader = new DerReader(der, DerMode.Ber);
            DerReader sequence = reader.ReadSequence();
            reader.ExpectEmpty();
            var bags = new List<Pkcs12Bag>();
            while (sequence.HasData)
            {
                Count();
                bags.Add(DecodeBag(ref sequence, password, depth));
            }

            return bags;
        }
        catch (DecodeException e) when (decrypted)
        {
            // The padding was right but the plaintext is not SafeContents: a wrong password about 1 time in 256.
            throw new Pkcs12Exception(Pkcs12Error.BadDecrypt, "bad decrypt: the decrypted data is not SafeContents (wrong password or corrupted data).", e);
        }
    }

    private Pkcs12Bag DecodeBag(ref DerReader safeContents, Pkcs12Password password, int depth)
    {
        DerReader bag = safeContents.ReadSequence();
        string bagOid = bag.ReadObjectIdentifier();
        DerReader value = bag.ReadExplicit(0);
        bool hasAttributes = bag.HasData;
        List<X509Attribute> attributes = hasAttributes ? Pkcs12Attributes.ReadSet(ref bag, Asn1Tag.SetOf) : [];
        bag.ExpectEmpty();
        Pkcs12Bag result = Pkcs12Oids.KindOf(bagOid) switch
        {
            Pkcs12BagKind.Key => DecodeKey(bagOid, attributes, value.ReadEncodedValue(), null),
            Pkcs12BagKind.ShroudedKey => DecodeShroudedKey(bagOid, attributes, value.ReadEncodedValue(), password),
            Pkcs12BagKind.Certificate or Pkcs12BagKind.Crl or Pkcs12BagKind.Secret => DecodeTyped(bagOid, attributes, ref value),
            Pkcs12BagKind.SafeContents => new Pkcs12Bag(bagOid, attributes)
            {
                Children = DecodeSafeContents(value.ReadEncodedValue().ToArray(), password, depth + 1).AsReadOnly(),
            },
            _ => new Pkcs12Bag(bagOid, attributes) { RawValue = value.ReadEncodedValue().ToArray() },
        };
        value.ExpectEmpty();
        return hasAttributes ? CopyWithAttributesFlag(result) : result;
    }

    private static Pkcs12Bag CopyWithAttributesFlag(Pkcs12Bag bag) => new(bag.BagOid, bag.Attributes)
    {
        HasAttributesField = true,
        PrivateKey = bag.PrivateKey,
        KeyAttributes = bag.KeyAttributes,
        KeyEncryption = bag.KeyEncryption,
        Certificate = bag.Certificate,
        Crl = bag.Crl,
        ValueTypeOid = bag.ValueTypeOid,
        RawValue = bag.RawValue,
        Children = bag.Children,
    };

    private Pkcs12Bag DecodeShroudedKey(string bagOid, List<X509Attribute> attributes, ReadOnlySpan<byte> encrypted, Pkcs12Password password)
    {
        var reader = new DerReader(encrypted, DerMode.Ber);
        EncryptedPrivateKeyInfoAsn info = EncryptedPrivateKeyInfoAsn.Decode(ref reader);
        _sawEncryption = true;
        byte[] plaintext = password.Decrypt(_provider, info.Scheme, info.EncryptedData);
        try
        {
            if (!KeyDerShape.LooksLikePrivateKeyInfo(plaintext))
            {
                throw new Pkcs12Exception(Pkcs12Error.BadDecrypt, "bad decrypt: the decrypted key is not a PrivateKeyInfo (wrong password or corrupted data).");
            }

            return DecodeKey(bagOid, attributes, plaintext, info.Scheme.Describe(), encrypted.ToArray());
        }
        finally
        {
            SecretMemory.Zero(plaintext);
        }
    }

    private static Pkcs12Bag DecodeKey(string bagOid, List<X509Attribute> attributes, ReadOnlySpan<byte> privateKeyInfo, string? encryption, byte[]? raw = null)
    {
        PrivateKey key;
        try
        {
            key = KeyDecoder.DecodePkcs8(privateKeyInfo);
        }
        catch (KeyFormatException e)
        {
            throw new Pkcs12Exception(Pkcs12Error.InvalidContent, $"The private key in the key bag does not decode: {e.Message}", e);
        }

        return new Pkcs12Bag(bagOid, attributes)
        {
            PrivateKey = key,
            KeyAttributes = ReadKeyAttributes(privateKeyInfo),
            KeyEncryption = encryption,
            RawValue = raw ?? ReadOnlyMemory<byte>.Empty,
        };
    }

    /// <summary>The <c>[0] IMPLICIT Attributes</c> of a PrivateKeyInfo (RFC 5958 §2), or null when absent.</summary>
    private static List<X509Attribute>? ReadKeyAttributes(ReadOnlySpan<byte> privateKeyInfo)
    {
        var reader = new DerReader(privateKeyInfo, DerMode.Ber);
        DerReader info = reader.ReadSequence();
        info.ReadEncodedValue();
        info.ReadEncodedValue();
        info.ReadEncodedValue();
        return info.NextTagIs(Asn1Tag.Context(0, true)) ? Pkcs12Attributes.ReadSet(ref info, Asn1Tag.Context(0, true)) : null;
    }

    /// <summary>CertBag, CRLBag and SecretBag: <c>SEQUENCE { typeId OID, value [0] EXPLICIT ... }</c>.</summary>
    private static Pkcs12Bag DecodeTyped(string bagOid, List<X509Attribute> attributes, ref DerReader value)
    {
        DerReader typed = value.ReadSequence();
        string typeOid = typed.ReadObjectIdentifier();
        DerReader inner = typed.ReadExplicit(0);
        typed.ExpectEmpty();
        Pkcs12BagKind kind = Pkcs12Oids.KindOf(bagOid);
        byte[] raw = kind == Pkcs12BagKind.Secret ? inner.ReadEncodedValue().ToArray() : inner.ReadOctetStringBytes();
        inner.ExpectEmpty();
        try
        {
            return new Pkcs12Bag(bagOid, attributes)
            {
                ValueTypeOid = typeOid,
                RawValue = raw,
                Certificate = kind == Pkcs12BagKind.Certificate && typeOid == Pkcs12Oids.X509Certificate ? Certificate.Decode(raw) : null,
                Crl = kind == Pkcs12BagKind.Crl && typeOid == Pkcs12Oids.X509Crl ? CertificateRevocationList.Decode(raw) : null,
            };
        }
        catch (X509FormatException e)
        {
            throw new Pkcs12Exception(Pkcs12Error.InvalidContent, $"The {(kind == Pkcs12BagKind.Crl ? "CRL" : "certificate")} in a bag does not decode: {e.Message}", e);
        }
    }

    private void Count()
    {
        if (++_bagCount > _options.MaxBags)
        {
            throw new Pkcs12Exception(Pkcs12Error.LimitExceeded, $"The archive has more than {_options.MaxBags} bags and safes.");
        }
    }

    /// <summary>The one place codec and PBE errors become <see cref="Pkcs12Exception"/>s.</summary>
    private static T Translate<T>(Func<T> decode)
    {
        try
        {
            return decode();
        }
        catch (DecodeException e)
        {
            throw new Pkcs12Exception(Pkcs12Error.Malformed, $"Malformed PKCS#12 data: {e.Message}", e);
        }
        catch (PbeException e)
        {
            throw new Pkcs12Exception(
                e.Reason switch
                {
                    PbeError.UnsupportedAlgorithm => Pkcs12Error.UnsupportedAlgorithm,
                    PbeError.InvalidParameters => Pkcs12Error.InvalidParameters,
                    PbeError.BadDecrypt => Pkcs12Error.BadDecrypt,
                    _ => Pkcs12Error.Malformed,
                },
                e.Reason == PbeError.BadDecrypt ? "bad decrypt: wrong password or corrupted data." : e.Message,
                e);
        }
    }
}
