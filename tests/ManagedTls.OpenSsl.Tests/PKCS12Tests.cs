using ManagedTls.OpenSsl.Tests.TestSupport;

using System.Text;

namespace ManagedTls.OpenSsl.Tests;

/// <summary>pyOpenSSL's PKCS12Tests (16.1), ported; the openssl binary stands in for its <c>_runopenssl</c> checks.</summary>
public sealed class PKCS12Tests
{
    private static byte[] ServerCert => X509Fixtures.Bytes(X509Fixtures.ServerCertPem);

    private static byte[] ServerKey => X509Fixtures.Bytes(X509Fixtures.ServerKeyPem);

    private static byte[] CaCert => X509Fixtures.Bytes(X509Fixtures.CaCertPem);

    private static byte[] CaKey => X509Fixtures.Bytes(X509Fixtures.CaKeyPem);

    private static PKCS12 Gen(byte[]? certPem = null, byte[]? keyPem = null, byte[]? caPem = null, string? friendlyName = null)
    {
        var p12 = new PKCS12();
        if (certPem is not null)
        {
            p12.SetCertificate(Crypto.LoadCertificate(FileType.Pem, certPem));
        }

        if (keyPem is not null)
        {
            p12.SetPrivatekey(Crypto.LoadPrivateKey(FileType.Pem, keyPem));
        }

        if (caPem is not null)
        {
            p12.SetCaCertificates([Crypto.LoadCertificate(FileType.Pem, caPem)]);
        }

        if (friendlyName is not null)
        {
            p12.SetFriendlyname(friendlyName);
        }

        return p12;
    }

    /// <summary>pyOpenSSL's check_recovery: openssl gets the key, the client certificate and the CA certificate back.</summary>
    private static void CheckRecovery(byte[] p12, byte[]? key = null, byte[]? cert = null, byte[]? ca = null, string password = "", params string[] extra)
    {
        string path = TempFiles.Write(p12, ".p12");
        if (key is not null)
        {
            string recovered = OpenSslPeer.Run(["pkcs12", "-in", path, "-nocerts", "-nodes", "-passin", "pass:" + password, .. extra]).Stdout;
            Crypto.LoadPrivateKey(FileType.Pem, Encoding.ASCII.GetBytes(recovered)).PublicKey
                .ShouldBe(Crypto.LoadPrivateKey(FileType.Pem, key).PublicKey);
        }

        if (cert is not null)
        {
            string recovered = OpenSslPeer.Run(["pkcs12", "-in", path, "-clcerts", "-nokeys", "-passin", "pass:" + password, .. extra]).Stdout;
            recovered.ShouldEndWith(Encoding.ASCII.GetString(cert));
        }

        if (ca is not null)
        {
            string recovered = OpenSslPeer.Run(["pkcs12", "-in", path, "-cacerts", "-nokeys", "-passin", "pass:" + password, .. extra]).Stdout;
            recovered.ShouldEndWith(Encoding.ASCII.GetString(ca));
        }
    }

    private static void VerifyContainer(PKCS12 p12)
    {
        Crypto.DumpCertificate(FileType.Pem, p12.GetCertificate()!).ShouldBe(ServerCert);
        Crypto.DumpPrivateKey(FileType.Pem, p12.GetPrivatekey()!).ShouldBe(Crypto.DumpPrivateKey(FileType.Pem, Crypto.LoadPrivateKey(FileType.Pem, ServerKey)));
        p12.GetCaCertificates().ShouldBeNull();
    }

    [Fact]
    public void EmptyConstruction_AllNull()
    {
        var p12 = new PKCS12();

        p12.GetCertificate().ShouldBeNull();
        p12.GetPrivatekey().ShouldBeNull();
        p12.GetCaCertificates().ShouldBeNull();
        p12.GetFriendlyname().ShouldBeNull();
    }

    [Fact]
    public void SetCaCertificates_NullElement_Throws() =>
        Should.Throw<ArgumentException>(() => new PKCS12().SetCaCertificates([null!])).Message.ShouldStartWith("iterable must only contain X509 instances");

    [Fact]
    public void KeyOnly_ExportThenLoad_KeyBackNoCertificates()
    {
        var p12 = new PKCS12();
        PKey pkey = Crypto.LoadPrivateKey(FileType.Pem, ServerKey);
        p12.SetPrivatekey(pkey);
        p12.GetCertificate().ShouldBeNull();
        p12.GetPrivatekey().ShouldBeSameAs(pkey);

        PKCS12 loaded = Crypto.LoadPkcs12(p12.Export("blah", iter: 2, maciter: 3), "blah");

        loaded.GetCaCertificates().ShouldBeNull();
        loaded.GetCertificate().ShouldBeNull();
        loaded.GetPrivatekey()!.PublicKey.ShouldBe(pkey.PublicKey);
    }

    [Fact]
    public void CertOnly_ExportThenLoad_CertificateIsInCaList()
    {
        var p12 = new PKCS12();
        X509 cert = Crypto.LoadCertificate(FileType.Pem, ServerCert);
        p12.SetCertificate(cert);
        p12.GetCertificate().ShouldBeSameAs(cert);
        p12.GetPrivatekey().ShouldBeNull();

        PKCS12 loaded = Crypto.LoadPkcs12(p12.Export("blah", iter: 2, maciter: 3), "blah");

        // As OpenSSL's PKCS12_parse: without a key, every certificate is a CA certificate.
        loaded.GetPrivatekey().ShouldBeNull();
        loaded.GetCertificate().ShouldBeNull();
        Crypto.DumpCertificate(FileType.Pem, loaded.GetCaCertificates()![0]).ShouldBe(ServerCert);
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void LoadPkcs12_FromOpenSslExport(bool legacy)
    {
        string cert = TempFiles.Write(ServerCert, ".pem");
        string key = TempFiles.Write(ServerKey, ".pem");
        string output = TempFiles.NewPath(".p12");
        string[] legacyFlag = legacy ? ["-legacy"] : [];
        OpenSslPeer.Run(["pkcs12", "-export", "-clcerts", "-in", cert, "-inkey", key, "-passout", "pass:whatever", "-out", output, .. legacyFlag]);

        VerifyContainer(Crypto.LoadPkcs12(File.ReadAllBytes(output), "whatever"));
        VerifyContainer(Crypto.LoadPkcs12(File.ReadAllBytes(output), Encoding.ASCII.GetBytes("whatever")));
    }

    [SkippableFact]
    public void LoadPkcs12_NoPassphrase_OpenSslEmptyPassword()
    {
        string cert = TempFiles.Write(ServerCert, ".pem");
        string key = TempFiles.Write(ServerKey, ".pem");
        string output = TempFiles.NewPath(".p12");
        OpenSslPeer.Run("pkcs12", "-export", "-clcerts", "-in", cert, "-inkey", key, "-passout", "pass:", "-out", output);

        VerifyContainer(Crypto.LoadPkcs12(File.ReadAllBytes(output)));
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData(null, null)]
    [InlineData("", "")]
    [InlineData("", null)]
    public void DumpAndLoad_NullAndEmptyPassphrases_Interchangeable(string? dump, string? load)
    {
        PKCS12 p12 = Gen(ServerCert, ServerKey);

        VerifyContainer(Crypto.LoadPkcs12(p12.Export(dump, iter: 2, maciter: 3), load));
    }

    [Fact]
    public void LoadPkcs12_Garbage_Asn1Error()
    {
        CryptoException e = Should.Throw<CryptoException>(() => Crypto.LoadPkcs12(Encoding.ASCII.GetBytes("fruit loops"), "whatever"));

        e.Errors[0].Library.ShouldBe("asn1 encoding routines");
    }

    [Fact]
    public void LoadPkcs12_WrongPassphrase_MacVerifyFailure()
    {
        byte[] exported = Gen(ServerCert, ServerKey).Export("right");

        CryptoException e = Should.Throw<CryptoException>(() => Crypto.LoadPkcs12(exported, "wrong"));

        e.Errors[^1].Reason.ShouldBe("mac verify failure");
    }

    [Fact]
    public void Replace_SettersReplace()
    {
        PKCS12 p12 = Gen(ServerCert, ServerKey, CaCert);
        X509 root = Crypto.LoadCertificate(FileType.Pem, CaCert);
        X509 client = Crypto.LoadCertificate(FileType.Pem, ServerCert);

        p12.SetCaCertificates([root]);
        p12.GetCaCertificates()!.ShouldBe([root]);
        p12.SetCaCertificates([client, root]);
        p12.GetCaCertificates()!.ShouldBe([client, root]);
    }

    [SkippableTheory]
    [InlineData("Serverlicious")]
    [InlineData(null)]
    [InlineData("###")]
    public void FriendlyName_RoundTripsAndOpenSslRecovers(string? name)
    {
        const string Password = "Dogmeat[]{}!@#$%^&*()~`?/.,<>-_+=\";:";
        PKCS12 p12 = Gen(ServerCert, ServerKey, CaCert);
        p12.SetFriendlyname(name);
        p12.GetFriendlyname().ShouldBe(name);

        byte[] dumped = p12.Export(Password, iter: 2, maciter: 3);

        Crypto.LoadPkcs12(dumped, Password).GetFriendlyname().ShouldBe(name);
        CheckRecovery(dumped, key: ServerKey, cert: ServerCert, ca: CaCert, password: Password);
    }

    [SkippableFact]
    public void VariousEmptyPassphrases_OpenSslReadsWithEmpty()
    {
        PKCS12 p12 = Gen(ServerCert, ServerKey, CaCert);

        foreach (byte[] dumped in new[] { p12.Export("", iter: 2, maciter: 0), p12.Export(null, iter: 3, maciter: 2), p12.Export(iter: 9, maciter: 4) })
        {
            CheckRecovery(dumped, key: ServerKey, cert: ServerCert, ca: CaCert, password: "");
        }
    }

    [Fact]
    public void RemovingCaCert_NullClears()
    {
        PKCS12 p12 = Gen(ServerCert, ServerKey, CaCert);

        p12.SetCaCertificates(null);

        p12.GetCaCertificates().ShouldBeNull();
    }

    [SkippableFact]
    public void ExportWithoutMac_OpenSslReadsWithNoMacVer_WeLoad()
    {
        PKCS12 p12 = Gen(ServerCert, ServerKey, CaCert);

        byte[] dumped = p12.Export("Lake Michigan", iter: 2, maciter: -1);

        CheckRecovery(dumped, ServerKey, ServerCert, null, "Lake Michigan", "-nomacver");
        VerifyContainerWithCa(Crypto.LoadPkcs12(dumped, "Lake Michigan"));
    }

    [SkippableFact]
    public void ExportWithoutArgs_EmptyPassword()
    {
        byte[] dumped = Gen(ServerCert, ServerKey, CaCert).Export();

        CheckRecovery(dumped, key: ServerKey, cert: ServerCert, password: "");
    }

    [SkippableFact]
    public void ExportLegacy_OpenSslLegacyInfo()
    {
        byte[] dumped = Gen(ServerCert, ServerKey, CaCert, "old").Export("pw", legacy: true);
        string path = TempFiles.Write(dumped, ".p12");

        ProcessResult info = OpenSslPeer.Run("pkcs12", "-legacy", "-in", path, "-info", "-noout", "-passin", "pass:pw");

        info.Stderr.ShouldBe("MAC: sha1, Iteration 1\nMAC length: 20, salt length: 8\nPKCS7 Encrypted data: pbeWithSHA1And40BitRC2-CBC, Iteration 2048\n"
            + "Certificate bag\nCertificate bag\nPKCS7 Data\nShrouded Keybag: pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2048\n");
    }

    [Fact]
    public void KeyCertMismatch_ExportThrows()
    {
        PKCS12 p12 = Gen(ServerCert, CaKey, CaCert);

        Should.Throw<CryptoException>(() => p12.Export()).Errors[0].Reason.ShouldBe("key values mismatch");
    }

    [Fact]
    public void Export_Nothing_InvalidNullArgument() =>
        Should.Throw<CryptoException>(() => new PKCS12().Export()).Errors[0].Reason.ShouldBe("invalid null argument");

    [Fact]
    public void Export_CallbackPassphrase_Throws() =>
        Should.Throw<ArgumentException>(() => Gen(ServerCert, ServerKey).Export(Passphrase.FromCallback(_ => [1])));

    private static void VerifyContainerWithCa(PKCS12 p12)
    {
        Crypto.DumpCertificate(FileType.Pem, p12.GetCertificate()!).ShouldBe(ServerCert);
        Crypto.DumpCertificate(FileType.Pem, p12.GetCaCertificates()!.Single()).ShouldBe(CaCert);
    }
}
