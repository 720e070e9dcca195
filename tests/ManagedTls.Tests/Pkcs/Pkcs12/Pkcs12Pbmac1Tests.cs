using ManagedTls.Asn1;
using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Pkcs;
using ManagedTls.Pkcs.Pkcs12;
using ManagedTls.X509;

namespace ManagedTls.Tests.Pkcs.Pkcs12;

/// <summary>
/// RFC 9579 PBMAC1 MACs (OpenSSL 3.4+ writes them; 3.0 cannot): a PFX whose macData is replaced by a PBMAC1 built here
/// from PBKDF2 (itself checked against RFC 6070/7914 vectors in KdfTests) and HMAC over the authenticated safe.
/// </summary>
public sealed class Pkcs12Pbmac1Tests
{
    [Theory]
    [InlineData(HashAlgorithmId.Sha256, HashAlgorithmId.Sha256, 32)]
    [InlineData(HashAlgorithmId.Sha512, HashAlgorithmId.Sha256, 20)]
    public void Load_Pbmac1_VerifiesRightPasswordRejectsWrong(HashAlgorithmId prf, HashAlgorithmId hmac, int keyLength)
    {
        Certificate cert = Pkcs12ArchiveTests.SelfSigned(out PrivateKey key);
        byte[] pfx = WithPbmac1(Pkcs12Builder.Export(key, cert, null, "pb", "1234"u8.ToArray(), Pkcs12ExportOptions.Modern(10, -1)), "1234"u8, prf, hmac, keyLength, 7);

        Pkcs12Archive archive = Pkcs12Archive.Load(pfx, "1234");

        archive.Certificate.ShouldBe(cert);
        archive.Mac!.IsPbmac1.ShouldBeTrue();
        archive.Mac.Describe().ShouldBe($"MAC: PBMAC1 using PBKDF2, Iteration 7\nKey length: {keyLength}, Salt length: 8\nPBKDF2 PRF: {PbeOids.PrfName(prf)}\n");
        Should.Throw<Pkcs12Exception>(() => Pkcs12Archive.Load(pfx, "4321")).Reason.ShouldBe(Pkcs12Error.WrongPassword);
    }

    [Fact]
    public void Load_Pbmac1WithoutKeyLength_InvalidParameters()
    {
        Certificate cert = Pkcs12ArchiveTests.SelfSigned(out _);
        byte[] pfx = WithPbmac1(Pkcs12Builder.Export(null, cert, null, null, "1"u8.ToArray(), Pkcs12ExportOptions.Modern(1, -1)), "1"u8, HashAlgorithmId.Sha256, HashAlgorithmId.Sha256, null, 1);

        Should.Throw<Pkcs12Exception>(() => Pkcs12Archive.Load(pfx, "1")).Reason.ShouldBe(Pkcs12Error.InvalidParameters);
    }

    /// <summary>Re-encodes a MAC-less PFX with <c>MacData { DigestInfo { PBMAC1(PBKDF2, hmacWith...), mac }, salt, 1 }</c>.</summary>
    private static byte[] WithPbmac1(byte[] pfxWithoutMac, ReadOnlySpan<byte> password, HashAlgorithmId prf, HashAlgorithmId hmac, int? keyLength, int iterations)
    {
        var reader = new DerReader(pfxWithoutMac);
        DerReader pfx = reader.ReadSequence();
        pfx.ReadInt32();
        byte[] authSafeInfo = pfx.ReadEncodedValue().ToArray();
        var info = new DerReader(authSafeInfo);
        DerReader contentInfo = info.ReadSequence();
        contentInfo.ReadObjectIdentifier();
        byte[] authSafe = contentInfo.ReadExplicit(0).ReadOctetStringBytes();

        byte[] salt = "saltsalt"u8.ToArray();
        byte[] macKey = new byte[keyLength ?? 32];
        Pbkdf2.DeriveKey(CryptoProviders.Default, prf, password, salt, iterations, macKey);
        using IHmac mac = CryptoProviders.Default.CreateHmac(hmac, macKey);
        mac.Append(authSafe);
        byte[] value = new byte[mac.HashSize];
        mac.GetHashAndReset(value);

        using var w = new DerWriter();
        using (w.PushSequence())
        {
            w.WriteInteger(3);
            w.WriteEncodedValue(authSafeInfo);
            using (w.PushSequence())
            {
                using (w.PushSequence())
                {
                    using (w.PushSequence())
                    {
                        w.WriteObjectIdentifier("1.2.840.113549.1.5.14");
                        using (w.PushSequence())
                        {
                            new Pbkdf2Parameters(salt, iterations, keyLength, prf).Encode(w);
                            using (w.PushSequence())
                            {
                                w.WriteObjectIdentifier(PbeOids.PrfOid(hmac)!);
                                w.WriteNull();
                            }
                        }
                    }

                    w.WriteOctetString(value);
                }

                w.WriteOctetString("NOT USED"u8);
                w.WriteInteger(1);
            }
        }

        return w.ToArray();
    }
}
