using System.Globalization;

namespace ManagedTls.Keys;

/// <content>RSA and RSA-PSS: encode_key2text.c's rsa_to_text and rsa_ameth.c's pkey_rsa_print.</content>
public static partial class KeyTextFormatter
{
    private const int DefaultPssSaltLength = 20;

    private static void WriteRsaPrivate(KeyTextWriter writer, RsaPrivateKey key, bool legacy)
    {
        int primes = 2 + key.OtherPrimes.Length;
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(legacy ? "RSA " : string.Empty)}Private-Key: ({key.Bits} bit, {primes} primes)"));
        writer.WriteInteger("modulus:", key.Modulus.Span);
        writer.WriteInteger("publicExponent:", key.Exponent.Span);
        writer.WriteInteger("privateExponent:", key.D.Span);
        writer.WriteInteger("prime1:", key.P.Span);
        writer.WriteInteger("prime2:", key.Q.Span);
        writer.WriteInteger("exponent1:", key.DP.Span);
        writer.WriteInteger("exponent2:", key.DQ.Span);
        writer.WriteInteger("coefficient:", key.QInv.Span);

        // Both printers write "primeN:" and then the number with an empty label; only the legacy one keeps the space
        // before a small value. Numbering continues from 3 for all three fields (coefficient3 is t₃).
        for (int i = 0; i < key.OtherPrimes.Length; i++)
        {
            RsaOtherPrime other = key.OtherPrimes[i];
            string n = (i + 3).ToString(CultureInfo.InvariantCulture);
            writer.WriteInteger($"prime{n}:", other.Prime.Span, spaceAfterLabel: legacy);
            writer.WriteInteger($"exponent{n}:", other.Exponent.Span, spaceAfterLabel: legacy);
            writer.WriteInteger($"coefficient{n}:", other.Coefficient.Span, spaceAfterLabel: legacy);
        }

        if (!legacy)
        {
            WritePssRestrictions(writer, key.PublicKey);
        }
    }

    private static void WriteRsaPublic(KeyTextWriter writer, RsaPublicKey key)
    {
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Public-Key: ({key.Bits} bit)"));
        writer.WriteInteger("Modulus:", key.Modulus.Span);
        writer.WriteInteger("Exponent:", key.Exponent.Span);
        WritePssRestrictions(writer, key);
    }

    /// <summary>
    /// The RSA-PSS block: absent parameters mean unrestricted; present ones (even an empty SEQUENCE, which decodes to
    /// the RFC 4055 defaults) print in full, with "(default)" beside default values.
    /// </summary>
    private static void WritePssRestrictions(KeyTextWriter writer, RsaPublicKey key)
    {
        if (key.Algorithm != KeyAlgorithm.RsaPss)
        {
            return;
        }

        if (key.PssParameters is not RsaPssParameters pss)
        {
            writer.WriteLine("No PSS parameter restrictions");
            return;
        }

        writer.WriteLine("PSS parameter restrictions:");
        writer.WriteLine($"  Hash Algorithm: {PssDigestName(pss.HashAlgorithm)}{Default(pss.HashAlgorithm == KeyOids.Sha1)}");
        writer.WriteLine($"  Mask Algorithm: MGF1 with {PssDigestName(pss.MaskGenHashAlgorithm)}{Default(pss.MaskGenHashAlgorithm == KeyOids.Sha1)}");
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Minimum Salt Length: {pss.SaltLength}{Default(pss.SaltLength == DefaultPssSaltLength)}"));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Trailer Field: 0x{pss.TrailerField:x}{Default(pss.TrailerField == 1)}"));
    }

    private static string Default(bool isDefault) => isDefault ? " (default)" : string.Empty;

    /// <summary>
    /// OpenSSL's ossl_rsa_oaeppss_nid2name table (the digests RSA-PSS keys may name). OpenSSL refuses to load a key
    /// naming any other digest; for one built here the dotted OID is printed.
    /// </summary>
    private static string PssDigestName(string oid) => oid switch
    {
        KeyOids.Sha1 => "SHA1",
        "2.16.840.1.101.3.4.2.4" => "SHA2-224",
        "2.16.840.1.101.3.4.2.1" => "SHA2-256",
        "2.16.840.1.101.3.4.2.2" => "SHA2-384",
        "2.16.840.1.101.3.4.2.3" => "SHA2-512",
        "2.16.840.1.101.3.4.2.5" => "SHA2-512/224",
        "2.16.840.1.101.3.4.2.6" => "SHA2-512/256",
        _ => oid,
    };
}
