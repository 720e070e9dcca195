using ManagedTls.Asn1;
using ManagedTls.Pkcs.Cms;
using ManagedTls.Tests.Cli;
using ManagedTls.Tests.TestSupport;
using ManagedTls.X509;

namespace ManagedTls.Tests.Pkcs.Cms;

/// <summary>Reading PKCS#7 that openssl wrote (p7b, BER streaming output, every content type) and rejecting bad input with typed errors.</summary>
public sealed class Pkcs7DecodeTests
{
    [SkippableFact]
    public void Load_OpenSslCrl2Pkcs7_CarriesTheCertificatesInOrder()
    {
        byte[] pem = OpenSslPeer.Run("crl2pkcs7", "-nocrl", "-certfile", CmsFiles.Cert("rsa"), "-certfile", CmsFiles.CaCert).StdoutBytes;
        byte[] der = OpenSslPeer.Run("crl2pkcs7", "-nocrl", "-certfile", CmsFiles.Cert("rsa"), "-certfile", CmsFiles.CaCert, "-outform", "DER").StdoutBytes;

        foreach (Pkcs7 message in new[] { Pkcs7.Load(pem), Pkcs7.Load(der), Pkcs7.Decode(der) })
        {
            message.IsSigned.ShouldBeTrue();
            message.TypeName.ShouldBe("pkcs7-signedData");
            message.Certificates.Select(c => c.RawData.ToArray()).ShouldBe(
                [Certificate.Load(File.ReadAllBytes(CmsFiles.Cert("rsa"))).RawData.ToArray(), Certificate.Load(File.ReadAllBytes(CmsFiles.CaCert)).RawData.ToArray()]);
            message.Crls.ShouldBeEmpty();
            message.SignedData!.SignerInfos.ShouldBeEmpty();
            message.SignedData.IsDetached.ShouldBeTrue();
            message.RawData.ToArray().ShouldBe(der);
        }
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void CreateCertificatesOnly_ByteIdenticalToOpenSslCrl2Pkcs7(bool withCrl)
    {
        string[] crlArgs = withCrl ? ["-in", X509CliFiles.RevokedCrl] : ["-nocrl"];
        byte[] theirs = OpenSslPeer.Run(["crl2pkcs7", .. crlArgs, "-certfile", CmsFiles.Cert("ec"), "-certfile", CmsFiles.InterCert, "-outform", "DER"]).StdoutBytes;
        Certificate[] certificates = [.. Certificate.LoadAll(File.ReadAllBytes(CmsFiles.Cert("ec"))), .. Certificate.LoadAll(File.ReadAllBytes(CmsFiles.InterCert))];
        CertificateRevocationList[] crls = withCrl ? [CertificateRevocationList.Load(File.ReadAllBytes(X509CliFiles.RevokedCrl))] : [];

        Pkcs7 ours = Pkcs7.CreateCertificatesOnly(certificates, crls);

        ours.Encode().ShouldBe(theirs);
        Pkcs7.Decode(theirs).Crls.Count.ShouldBe(crls.Length);
    }

    [SkippableFact]
    public void Decode_BerStreamingOutput_ReEncodesAsOpenSslPkcs7Does()
    {
        string ber = CmsFiles.NewPath("ber");
        OpenSslPeer.Run("cms", "-sign", "-nodetach", "-stream", "-in", CmsFiles.Message, "-signer", CmsFiles.Cert("rsa"), "-inkey", CmsFiles.Key("rsa"), "-outform", "DER", "-out", ber);
        byte[] berBytes = File.ReadAllBytes(ber);
        berBytes[1].ShouldBe((byte)0x80, "openssl -stream writes indefinite lengths");
        byte[] opensslDer = OpenSslPeer.Run("pkcs7", "-inform", "DER", "-in", ber, "-outform", "DER").StdoutBytes;

        Pkcs7 message = Pkcs7.Decode(berBytes);

        message.RawData.ToArray().ShouldBe(opensslDer);
        message.SignedData!.Content.ShouldBe(Smime.Canonicalize(File.ReadAllBytes(CmsFiles.Message)));
        message.SignedData.SignerInfos.Count.ShouldBe(1);
    }

    public static TheoryData<string, string[], string, bool, bool, bool, bool> ContentTypes() => new()
    {
        { "data", ["cms", "-data_create", "-in", "MSG", "-outform", "DER"], "pkcs7-data", true, false, false, false },
        { "enveloped", ["smime", "-encrypt", "-aes128", "-in", "MSG", "-outform", "DER", "RSA"], "pkcs7-envelopedData", false, false, true, false },
        { "digested", ["cms", "-digest_create", "-in", "MSG", "-outform", "DER"], "pkcs7-digestData", false, false, false, false },
        { "encrypted", ["cms", "-EncryptedData_encrypt", "-aes128", "-secretkey", "000102030405060708090A0B0C0D0E0F", "-in", "MSG", "-outform", "DER"], "pkcs7-encryptedData", false, false, false, false },
        { "signed", ["smime", "-sign", "-in", "MSG", "-signer", "RSA", "-inkey", "RSAKEY", "-outform", "DER"], "pkcs7-signedData", false, true, false, false },
    };

    [SkippableTheory]
    [MemberData(nameof(ContentTypes))]
    public void Decode_EveryContentType_TypePredicatesAndName(string name, string[] command, string typeName, bool isData, bool isSigned, bool isEnveloped, bool isSignedAndEnveloped)
    {
        string[] resolved = [.. command.Select(a => a switch { "MSG" => CmsFiles.Message, "RSA" => CmsFiles.Cert("rsa"), "RSAKEY" => CmsFiles.Key("rsa"), _ => a })];
        byte[] der = OpenSslPeer.Run(resolved).StdoutBytes;

        Pkcs7 message = Pkcs7.Decode(der);

        message.TypeName.ShouldBe(typeName, name);
        (message.IsData, message.IsSigned, message.IsEnveloped, message.IsSignedAndEnveloped).ShouldBe((isData, isSigned, isEnveloped, isSignedAndEnveloped));
        (message.SignedData is not null).ShouldBe(isSigned);
    }

    [SkippableFact]
    public void Decode_EveryProperPrefix_ThrowsMalformed()
    {
        byte[] der = OpenSslPeer.Run("smime", "-sign", "-nodetach", "-in", CmsFiles.Message, "-signer", CmsFiles.Cert("ec"), "-inkey", CmsFiles.Key("ec"), "-outform", "DER").StdoutBytes;
        Pkcs7.Decode(der).IsSigned.ShouldBeTrue();

        for (int length = 0; length < der.Length; length++)
        {
            Pkcs7Exception e = Should.Throw<Pkcs7Exception>(() => Pkcs7.Decode(der.AsSpan(0, length)), $"prefix of {length} bytes");
            e.Reason.ShouldBe(Pkcs7Error.Malformed);
        }
    }

    [SkippableFact]
    public void Decode_EveryByteGarbled_DecodesOrThrowsPkcs7ExceptionOnly()
    {
        byte[] der = OpenSslPeer.Run("crl2pkcs7", "-nocrl", "-certfile", CmsFiles.Cert("ed"), "-outform", "DER").StdoutBytes;
        int rejected = 0;
        for (int i = 0; i < der.Length; i++)
        {
            foreach (byte mask in new byte[] { 0x01, 0x80, 0xFF })
            {
                byte[] garbled = (byte[])der.Clone();
                garbled[i] ^= mask;
                try
                {
                    Pkcs7.Decode(garbled);
                }
                catch (Pkcs7Exception)
                {
                    rejected++;
                }
            }
        }

        rejected.ShouldBeGreaterThan(0, "some flips must break the structure; none may escape as another exception type");
    }

    [Fact]
    public void Decode_TrailingBytes_Malformed()
    {
        byte[] der = Pkcs7.CreateCertificatesOnly([]).Encode();

        Should.Throw<Pkcs7Exception>(() => Pkcs7.Decode([.. der, 0x00])).Reason.ShouldBe(Pkcs7Error.Malformed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not pkcs7")]
    [InlineData("-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n")]
    public void Load_NoPkcs7PemBlock_NoPemBlockOrMalformed(string text)
    {
        Pkcs7Exception e = Should.Throw<Pkcs7Exception>(() => Pkcs7.Load(System.Text.Encoding.ASCII.GetBytes(text)));

        e.Reason.ShouldBeOneOf(Pkcs7Error.NoPemBlock, Pkcs7Error.Malformed);
    }

    [Fact]
    public void Decode_NestingDeeperThanTheReaderLimit_LimitExceeded()
    {
        // ContentInfo { signedData, [0] { 40 nested indefinite-length SEQUENCEs } }
        var ber = new List<byte> { 0x30, 0x80, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02, 0xA0, 0x80 };
        for (int i = 0; i < 40; i++)
        {
            ber.AddRange([0x30, 0x80]);
        }

        for (int i = 0; i < 42; i++)
        {
            ber.AddRange([0x00, 0x00]);
        }

        Should.Throw<Pkcs7Exception>(() => Pkcs7.Decode(ber.ToArray())).Reason.ShouldBe(Pkcs7Error.LimitExceeded);
    }

    [Fact]
    public void Decode_MoreSignersThanTheLimit_LimitExceeded()
    {
        byte[] der = SignedDataWithSigners(SignedData.MaxSigners + 1);

        Should.Throw<Pkcs7Exception>(() => Pkcs7.Decode(der)).Reason.ShouldBe(Pkcs7Error.LimitExceeded);
        Pkcs7.Decode(SignedDataWithSigners(SignedData.MaxSigners)).SignedData!.SignerInfos.Count.ShouldBe(SignedData.MaxSigners);
    }

    [Fact]
    public void Decode_MalformedCertificateInside_MalformedWithX509Cause()
    {
        using var writer = new DerWriter();
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(CmsOids.SignedData);
            using (writer.PushExplicit(0))
            using (writer.PushSequence())
            {
                writer.WriteInteger(1);
                using (writer.PushSetOf())
                {
                }

                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(CmsOids.Data);
                }

                using (writer.PushSequence(Asn1Tag.Context(0, true)))
                using (writer.PushSequence())
                {
                    writer.WriteInteger(5);
                }

                using (writer.PushSetOf())
                {
                }
            }
        }

        Pkcs7Exception e = Should.Throw<Pkcs7Exception>(() => Pkcs7.Decode(writer.ToArray()));

        e.Reason.ShouldBe(Pkcs7Error.Malformed);
        e.InnerException.ShouldBeOfType<X509FormatException>();
    }

    [Theory]
    [InlineData("3080 0404 0001 0203 0000", "3006 0404 0001 0203")]
    [InlineData("2480 0402 0001 0402 0203 0000", "0404 0001 0203")]
    [InlineData("3081 03 020101", "3003 020101")]
    [InlineData("A080 3080 0500 0000 0000", "A004 3002 0500")]
    public void BerNormalizer_ToDer_DefiniteAndPrimitive(string berHex, string derHex)
    {
        BerNormalizer.ToDer(Convert.FromHexString(berHex.Replace(" ", ""))).ShouldBe(Convert.FromHexString(derHex.Replace(" ", "")));
    }

    [Theory]
    [InlineData("3080 0500")]
    [InlineData("3003 0500")]
    [InlineData("0000")]
    public void BerNormalizer_Malformed_ThrowsDecodeException(string hex)
    {
        Should.Throw<DecodeException>(() => BerNormalizer.ToDer(Convert.FromHexString(hex.Replace(" ", ""))));
    }

    private static byte[] SignedDataWithSigners(int count)
    {
        using var writer = new DerWriter(DerMode.Ber);
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(CmsOids.SignedData);
            using (writer.PushExplicit(0))
            using (writer.PushSequence())
            {
                writer.WriteInteger(1);
                using (writer.PushSequence(Asn1Tag.SetOf))
                {
                }

                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(CmsOids.Data);
                }

                using (writer.PushSequence(Asn1Tag.SetOf))
                {
                    for (int i = 0; i < count; i++)
                    {
                        using (writer.PushSequence())
                        {
                            writer.WriteInteger(1);
                            using (writer.PushSequence())
                            {
                                using (writer.PushSequence())
                                {
                                }

                                writer.WriteInteger(i + 1);
                            }

                            using (writer.PushSequence())
                            {
                                writer.WriteObjectIdentifier("2.16.840.1.101.3.4.2.1");
                            }

                            using (writer.PushSequence())
                            {
                                writer.WriteObjectIdentifier("1.2.840.113549.1.1.1");
                            }

                            writer.WriteOctetString([1]);
                        }
                    }
                }
            }
        }

        return writer.ToArray();
    }
}
