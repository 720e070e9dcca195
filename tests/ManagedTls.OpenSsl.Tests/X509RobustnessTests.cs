using ManagedTls.OpenSsl.Tests.TestSupport;

namespace ManagedTls.OpenSsl.Tests;

/// <summary>Loading never crashes: every truncation and single-byte corruption is a <see cref="CryptoException"/> or loads.</summary>
public sealed class X509RobustnessTests
{
    public static TheoryData<string> Kinds => ["certificate", "request", "crl"];

    private static (byte[] Der, Action<byte[]> Load) Subject(string kind) => kind switch
    {
        "certificate" => (Crypto.DumpCertificate(FileType.Asn1, Crypto.LoadCertificate(FileType.Pem, X509Fixtures.Bytes(X509Fixtures.ServerCertPem))),
            der => Crypto.LoadCertificate(FileType.Asn1, der)),
        "request" => (Crypto.DumpCertificateRequest(FileType.Asn1, Crypto.LoadCertificateRequest(FileType.Pem, X509Fixtures.Bytes(X509Fixtures.ServerCsrPem))),
            der => Crypto.LoadCertificateRequest(FileType.Asn1, der)),
        _ => (Crypto.DumpCrl(FileType.Asn1, Crypto.LoadCrl(FileType.Pem, X509Fixtures.Bytes(X509Fixtures.CrlPem))),
            der => Crypto.LoadCrl(FileType.Asn1, der)),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryProperPrefix_RaisesCryptoException(string kind)
    {
        (byte[] der, Action<byte[]> load) = Subject(kind);

        for (int length = 0; length < der.Length; length++)
        {
            Should.Throw<CryptoException>(() => load(der[..length]));
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryByteFlipped_LoadsOrRaisesCryptoException(string kind)
    {
        (byte[] der, Action<byte[]> load) = Subject(kind);
        int loaded = 0;

        for (int i = 0; i < der.Length; i++)
        {
            byte[] mutated = (byte[])der.Clone();
            mutated[i] ^= 0xFF;
            try
            {
                load(mutated);
                loaded++;
            }
            catch (CryptoException)
            {
            }
        }

        loaded.ShouldBeLessThan(der.Length); // some corruptions must be caught; none may escape as another exception type
    }
}

/// <summary>Timestamps in the forms <c>ASN1_TIME_set_string</c> accepts, and v1 certificates.</summary>
public sealed class X509TimeAndVersionTests
{
    [Theory]
    [InlineData("20040203040506Z", "20040203040506Z")]
    [InlineData("20040203040506.5Z", "20040203040506Z")]
    [InlineData("200402030405Z", "20200402030405Z")]      // 12 digits: UTCTime (YYMMDDhhmmss) is tried first, as OpenSSL does
    [InlineData("0402030405Z", "20040203040500Z")]        // UTCTime without seconds
    [InlineData("500101000000Z", "19500101000000Z")]      // UTCTime years 50..99 are 19xx
    [InlineData("491231235959Z", "20491231235959Z")]
    [InlineData("20040203040506+1200", "20040202160506Z")]
    [InlineData("99991231235959Z", "99991231235959Z")]
    public void SetRevDate_ThenSignedCrl_HoldsTheUtcInstant(string when, string utc)
    {
        var revoked = new Revoked();
        revoked.SetSerial("01");
        revoked.SetRevDate(when);
        revoked.GetRevDate().ShouldBe(when);
        var crl = new CRL();
        crl.AddRevoked(revoked);
        X509 ca = Crypto.LoadCertificate(FileType.Pem, X509Fixtures.Bytes(X509Fixtures.CaCertPem));
        PKey key = Crypto.LoadPrivateKey(FileType.Pem, X509Fixtures.Bytes(X509Fixtures.CaKeyPem));

        CRL signed = Crypto.LoadCrl(FileType.Asn1, crl.Export(ca, key, FileType.Asn1, 1, "sha256"));

        signed.GetRevoked()![0].GetRevDate().ShouldBe(utc);
    }

    [Theory]
    [InlineData("20040203040506+1300")]
    [InlineData("20040203040506+0560")]
    [InlineData("20040203040506.Z")]
    [InlineData("20040203Z")]
    [InlineData("20040203040560Z")]
    [InlineData("200402030405061Z")]
    [InlineData("x0040203040506Z")]
    public void SetLastUpdate_Invalid_Throws(string when) =>
        Should.Throw<ArgumentException>(() => new CRL().SetLastUpdate(when)).Message.ShouldStartWith("Invalid string");

    [Fact]
    public void LoadedV1Certificate_VersionZero_NoExtensions_ByteIdentical()
    {
        byte[] pem = X509Fixtures.Bytes(X509Fixtures.V1CertPem);
        X509 cert = Crypto.LoadCertificate(FileType.Pem, pem);

        cert.GetVersion().ShouldBe(0);
        cert.GetExtensionCount().ShouldBe(0);
        Crypto.DumpCertificate(FileType.Pem, cert).ShouldBe(pem);
    }

    [Fact]
    public void Sign_V1WithExtensions_WrittenAsV3_VersionKeptAsSet()
    {
        PKey key = TestKeys.Get("ec");
        X509 cert = X509Tests.SelfSigned(key, "/CN=v1");
        cert.SetVersion(0);
        cert.AddExtensions([new X509Extension("basicConstraints", false, "CA:FALSE")]);

        cert.Sign(key, "sha256");

        cert.GetVersion().ShouldBe(0);
        cert.ToCertificate().Version.ShouldBe(3);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    public void Sign_NoExtensions_WritesTheVersionSet(int version, int x509Version)
    {
        PKey key = TestKeys.Get("ec");
        X509 cert = X509Tests.SelfSigned(key, "/CN=v");
        cert.SetVersion(version);

        cert.Sign(key, "sha256");

        cert.ToCertificate().Version.ShouldBe(x509Version);
        Crypto.LoadCertificate(FileType.Asn1, Crypto.DumpCertificate(FileType.Asn1, cert)).GetVersion().ShouldBe(version);
    }

    [Fact]
    public void Sign_MissingValidityOrKey_RaisesCryptoError()
    {
        PKey key = TestKeys.Get("ec");
        var noKey = new X509();
        noKey.GmtimeAdjNotBefore(0);
        noKey.GmtimeAdjNotAfter(60);
        var noTimes = new X509();
        noTimes.SetPubkey(key);

        Should.Throw<CryptoException>(() => noKey.Sign(key, "sha256"));
        Should.Throw<CryptoException>(() => noTimes.Sign(key, "sha256"));
    }

    [Fact]
    public void Sign_RsaKeyTooSmallForDigest_RaisesCryptoError()
    {
        var small = new PKey();
        small.GenerateKey(KeyType.Rsa, 512);
        X509 cert = X509Tests.SelfSigned(small, "/CN=small");

        Should.Throw<CryptoException>(() => cert.Sign(small, "sha512")).Errors[0].Reason.ShouldBe("digest too big for rsa key");
    }
}
