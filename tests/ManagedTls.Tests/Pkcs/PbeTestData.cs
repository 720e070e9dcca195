using ManagedTls.Asn1;

namespace ManagedTls.Tests.Pkcs;

/// <summary>Fixed inputs and a DER builder for hand-made (often hostile) EncryptedPrivateKeyInfo structures.</summary>
internal static class PbeTestData
{
    /// <summary>A throwaway P-256 PrivateKeyInfo (openssl genpkey -algorithm EC ... | openssl pkcs8 -topk8 -nocrypt -outform DER).</summary>
    public static readonly byte[] EcPrivateKeyInfo = Convert.FromHexString(
        "308187020100301306072a8648ce3d020106082a8648ce3d030107046d306b0201010420291987a56efef03d2fb0484ecc00522f07288f8d4539033c09854f5d0a9a881fa144034200048d32f510d362f19e64752bad1a69a9ee12db86eb9973c03ca425c44eef57eeac52dffa8d857db09969f1d350da97a07ee6a101b71433cb7c6c192c982f414919");

    /// <summary>The same key as SEC1 ECPrivateKey (openssl ec -outform DER), a traditional PEM body.</summary>
    public static readonly byte[] EcPrivateKeySec1 = Convert.FromHexString(
        "30770201010420291987a56efef03d2fb0484ecc00522f07288f8d4539033c09854f5d0a9a881fa00a06082a8648ce3d030107a144034200048d32f510d362f19e64752bad1a69a9ee12db86eb9973c03ca425c44eef57eeac52dffa8d857db09969f1d350da97a07ee6a101b71433cb7c6c192c982f414919");

    public const string Pbes2 = "1.2.840.113549.1.5.13";
    public const string Pbkdf2 = "1.2.840.113549.1.5.12";
    public const string HmacWithSha256 = "1.2.840.113549.2.9";
    public const string Aes256Cbc = "2.16.840.1.101.3.4.1.42";

    /// <summary>Builds a PBES2 EncryptedPrivateKeyInfo with every field adjustable.</summary>
    public static byte[] Pbes2Der(
        string kdfOid = Pbkdf2,
        byte[]? salt = null,
        long iterations = 2048,
        long? keyLength = null,
        string? prfOid = HmacWithSha256,
        bool prfNullParameters = true,
        string cipherOid = Aes256Cbc,
        byte[]? iv = null,
        byte[]? ciphertext = null)
    {
        using var w = new DerWriter();
        using (w.PushSequence())
        {
            using (w.PushSequence())
            {
                w.WriteObjectIdentifier(Pbes2);
                using (w.PushSequence())
                {
                    using (w.PushSequence())
                    {
                        w.WriteObjectIdentifier(kdfOid);
                        using (w.PushSequence())
                        {
                            w.WriteOctetString(salt ?? new byte[8]);
                            w.WriteInteger(iterations);
                            if (keyLength is long k)
                            {
                                w.WriteInteger(k);
                            }

                            if (prfOid is not null)
                            {
                                using (w.PushSequence())
                                {
                                    w.WriteObjectIdentifier(prfOid);
                                    if (prfNullParameters)
                                    {
                                        w.WriteNull();
                                    }
                                    else
                                    {
                                        w.WriteOctetString([1]);
                                    }
                                }
                            }
                        }
                    }

                    using (w.PushSequence())
                    {
                        w.WriteObjectIdentifier(cipherOid);
                        w.WriteOctetString(iv ?? new byte[16]);
                    }
                }
            }

            w.WriteOctetString(ciphertext ?? new byte[32]);
        }

        return w.ToArray();
    }

    /// <summary>Builds a PBES2 EncryptedPrivateKeyInfo with scrypt-params (RFC 7914 §7.1), every field adjustable.</summary>
    public static byte[] ScryptDer(long n = 16384, long r = 8, long p = 1, long? keyLength = null, string cipherOid = Aes256Cbc)
    {
        using var w = new DerWriter();
        using (w.PushSequence())
        {
            using (w.PushSequence())
            {
                w.WriteObjectIdentifier(Pbes2);
                using (w.PushSequence())
                {
                    using (w.PushSequence())
                    {
                        w.WriteObjectIdentifier("1.3.6.1.4.1.11591.4.11");
                        using (w.PushSequence())
                        {
                            w.WriteOctetString(new byte[8]);
                            w.WriteInteger(n);
                            w.WriteInteger(r);
                            w.WriteInteger(p);
                            if (keyLength is long k)
                            {
                                w.WriteInteger(k);
                            }
                        }
                    }

                    using (w.PushSequence())
                    {
                        w.WriteObjectIdentifier(cipherOid);
                        w.WriteOctetString(new byte[16]);
                    }
                }
            }

            w.WriteOctetString(new byte[32]);
        }

        return w.ToArray();
    }

    /// <summary>Builds an EncryptedPrivateKeyInfo whose algorithm has PBEParameter-shaped parameters.</summary>
    public static byte[] PbeParameterDer(string oid, byte[] salt, long iterations, byte[]? ciphertext = null)
    {
        using var w = new DerWriter();
        using (w.PushSequence())
        {
            using (w.PushSequence())
            {
                w.WriteObjectIdentifier(oid);
                using (w.PushSequence())
                {
                    w.WriteOctetString(salt);
                    w.WriteInteger(iterations);
                }
            }

            w.WriteOctetString(ciphertext ?? new byte[16]);
        }

        return w.ToArray();
    }

    /// <summary>Splits an EncryptedPrivateKeyInfo into its encoded algorithm and its ciphertext.</summary>
    public static (byte[] Algorithm, byte[] Ciphertext) Split(byte[] der)
    {
        var reader = new DerReader(der);
        DerReader sequence = reader.ReadSequence();
        byte[] algorithm = sequence.ReadEncodedValue().ToArray();
        byte[] ciphertext = sequence.ReadOctetStringBytes();
        return (algorithm, ciphertext);
    }

    /// <summary>Reassembles an EncryptedPrivateKeyInfo from an encoded algorithm and a ciphertext.</summary>
    public static byte[] Join(byte[] algorithm, ReadOnlySpan<byte> ciphertext)
    {
        using var w = new DerWriter();
        using (w.PushSequence())
        {
            w.WriteEncodedValue(algorithm);
            w.WriteOctetString(ciphertext);
        }

        return w.ToArray();
    }

    /// <summary>
    /// Re-encodes an EncryptedPrivateKeyInfo as BER: indefinite-length outer SEQUENCE and the encryptedData as a
    /// constructed, indefinite-length OCTET STRING of two segments (what OpenSSL's decoder accepts).
    /// </summary>
    public static byte[] ToBer(byte[] der)
    {
        (byte[] algorithm, byte[] ciphertext) = Split(der);
        int half = ciphertext.Length / 2;
        using var first = new DerWriter();
        first.WriteOctetString(ciphertext.AsSpan(0, half));
        using var second = new DerWriter();
        second.WriteOctetString(ciphertext.AsSpan(half));
        return [0x30, 0x80, .. algorithm, 0x24, 0x80, .. first.ToArray(), .. second.ToArray(), 0x00, 0x00, 0x00, 0x00];
    }
}
