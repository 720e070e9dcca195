using System.Text;
using ManagedTls.OpenSsl.Tests.TestSupport;
using ManagedTls.Tls;

namespace ManagedTls.OpenSsl.Tests;

/// <summary>pyOpenSSL's <c>TestContext</c>, ported: every setter/getter, refused methods, identity loading and checks.</summary>
public sealed class ContextTests
{
    private static SslPki Pki => SslPki.Instance;

    [Theory]
    [InlineData(SslMethod.Sslv2, "RFC 6176")]
    [InlineData(SslMethod.Sslv3, "RFC 7568")]
    [InlineData(SslMethod.Tlsv1, "RFC 8996")]
    [InlineData(SslMethod.Tlsv1_1, "RFC 8996")]
    public void Context_RefusedMethod_ThrowsSslExceptionCitingTheRfc(SslMethod method, string rfc)
    {
        SslException e = Should.Throw<SslException>(() => new Context(method));

        e.Errors.Count.ShouldBe(1);
        e.Errors[0].Library.ShouldBe("SSL routines");
        e.Errors[0].Function.ShouldBe("SSL_CTX_new");
        e.Errors[0].Reason.ShouldStartWith("unsupported protocol: ");
        e.Message.ShouldContain(rfc);
    }

    [Theory]
    [InlineData(SslMethod.Sslv23)]
    [InlineData(SslMethod.Tlsv1_2)]
    [InlineData(SslMethod.Tls)]
    [InlineData(SslMethod.TlsServer)]
    [InlineData(SslMethod.TlsClient)]
    public void Context_SupportedMethod_Constructs(SslMethod method)
    {
        var context = new Context(method);

        context.Method.ShouldBe(method);
    }

    [Fact]
    public void Context_UnknownMethod_ThrowsNoSuchProtocol()
    {
        Should.Throw<ArgumentException>(() => new Context((SslMethod)10)).Message.ShouldStartWith("No such protocol");
    }

    [Theory]
    [InlineData(SslMethod.Sslv2, 1)]
    [InlineData(SslMethod.Sslv3, 2)]
    [InlineData(SslMethod.Sslv23, 3)]
    [InlineData(SslMethod.Tlsv1, 4)]
    [InlineData(SslMethod.Tlsv1_1, 5)]
    [InlineData(SslMethod.Tlsv1_2, 6)]
    [InlineData(SslMethod.Tls, 7)]
    [InlineData(SslMethod.TlsServer, 8)]
    [InlineData(SslMethod.TlsClient, 9)]
    public void SslMethod_Value_IsPyOpenSsls(SslMethod method, int value) => ((int)method).ShouldBe(value);

    [Fact]
    public void SetOptions_NewContext_ReturnsOpenSsl30DefaultsPlusTheAddedOptions()
    {
        var context = new Context(SslMethod.Tls);

        context.SetOptions(SslOptions.None).ShouldBe(SslOptions.NoCompression | SslOptions.EnableMiddleboxCompat);
        context.SetOptions(SslOptions.NoTicket).ShouldBe(SslOptions.NoCompression | SslOptions.EnableMiddleboxCompat | SslOptions.NoTicket);
        context.SetOptions(SslOptions.CipherServerPreference).HasFlag(SslOptions.NoTicket).ShouldBeTrue();
        context.ClearOptions(SslOptions.NoTicket).HasFlag(SslOptions.NoTicket).ShouldBeFalse();
        context.GetOptions().HasFlag(SslOptions.CipherServerPreference).ShouldBeTrue();
    }

    [Fact]
    public void SetMode_NewContext_HasAutoRetryAndPartialWriteLikePyOpenSsl()
    {
        var context = new Context(SslMethod.Tls);

        context.SetMode(SslMode.None).ShouldBe(SslMode.AutoRetry | SslMode.EnablePartialWrite);
        context.SetMode(SslMode.ReleaseBuffers).ShouldBe(SslMode.AutoRetry | SslMode.EnablePartialWrite | SslMode.ReleaseBuffers);
    }

    [Fact]
    public void Timeout_Default300_SetReturnsPrevious()
    {
        var context = new Context(SslMethod.Tls);

        context.GetTimeout().ShouldBe(300);
        context.SetTimeout(1234).ShouldBe(300);
        context.GetTimeout().ShouldBe(1234);
    }

    [Fact]
    public void SessionCacheMode_DefaultServer_SetReturnsPrevious()
    {
        var context = new Context(SslMethod.Tls);

        context.GetSessionCacheMode().ShouldBe(SessionCacheMode.Server);
        context.SetSessionCacheMode(SessionCacheMode.Off).ShouldBe(SessionCacheMode.Server);
        context.GetSessionCacheMode().ShouldBe(SessionCacheMode.Off);
        context.SetSessionCacheMode(SessionCacheMode.Both | SessionCacheMode.NoInternal).ShouldBe(SessionCacheMode.Off);
        ((int)context.GetSessionCacheMode()).ShouldBe(0x303);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(32, true)]
    [InlineData(33, false)]
    [InlineData(3000, false)]
    public void SetSessionId_Length_AcceptedUpTo32Bytes(int length, bool accepted)
    {
        var context = new Context(SslMethod.Tls);
        byte[] id = Encoding.ASCII.GetBytes(new string('a', length));

        if (accepted)
        {
            context.SetSessionId(id);
            context.GetSessionId().ShouldBe(id);
        }
        else
        {
            Should.Throw<SslException>(() => context.SetSessionId(id)).Errors
                .ShouldBe([new OpenSslErrorEntry("SSL routines", "SSL_CTX_set_session_id_context", "ssl session id context too long")]);
        }
    }

    [Fact]
    public void AppData_Default_IsNull_ThenWhatWasSet()
    {
        var context = new Context(SslMethod.Tls);
        object data = new();

        context.GetAppData().ShouldBeNull();
        context.SetAppData(data);
        context.GetAppData().ShouldBeSameAs(data);
    }

    [Fact]
    public void Verify_Defaults_AreOpenSsls()
    {
        var context = new Context(SslMethod.Tls);

        context.GetVerifyMode().ShouldBe(VerifyMode.None);
        context.GetVerifyDepth().ShouldBe(-1);
        context.GetVerifyCallback().ShouldBeNull();
    }

    [Fact]
    public void SetVerify_ModeAndCallback_AreReturnedByTheGetters()
    {
        var context = new Context(SslMethod.Tls);
        VerifyCallback callback = (_, _, _, _, ok) => ok == 1;

        context.SetVerify(VerifyMode.Peer | VerifyMode.FailIfNoPeerCert, callback);
        context.SetVerifyDepth(5);

        context.GetVerifyMode().ShouldBe(VerifyMode.Peer | VerifyMode.FailIfNoPeerCert);
        context.GetVerifyCallback().ShouldBeSameAs(callback);
        context.GetVerifyDepth().ShouldBe(5);
        context.SetVerify(VerifyMode.None);
        context.GetVerifyCallback().ShouldBeNull();
    }

    [Theory]
    [InlineData(VerifyMode.None, 0)]
    [InlineData(VerifyMode.Peer, 1)]
    [InlineData(VerifyMode.FailIfNoPeerCert, 2)]
    [InlineData(VerifyMode.ClientOnce, 4)]
    public void VerifyMode_Value_IsOpenSsls(VerifyMode mode, int value)
    {
        ((int)mode).ShouldBe(value);
        ((int)(TlsVerifyMode)(int)mode).ShouldBe(value);
    }

    [Fact]
    public void GetCertStore_ReturnsTheSameStore_WhoseCertificatesAreTrusted()
    {
        var context = new Context(SslMethod.Tls);

        X509Store store = context.GetCertStore();
        store.AddCert(Pki.Root);

        context.GetCertStore().ShouldBeSameAs(store);
        store.TrustStore.Anchors.Count.ShouldBe(1);
    }

    [Fact]
    public void LoadVerifyLocations_CaFile_AddsItsCertificates()
    {
        var context = new Context(SslMethod.Tls);

        context.LoadVerifyLocations(Pki.RootPem);

        context.GetCertStore().TrustStore.Anchors.Count.ShouldBe(1);
    }

    [Fact]
    public void LoadVerifyLocations_MissingFile_ThrowsSslException()
    {
        var context = new Context(SslMethod.Tls);

        SslException e = Should.Throw<SslException>(() => context.LoadVerifyLocations(TempFiles.NewPath(".pem")));

        e.Errors[0].Library.ShouldBe("system library");
    }

    [Fact]
    public void LoadVerifyLocations_BothNull_ThrowsSslException()
    {
        Should.Throw<SslException>(() => new Context(SslMethod.Tls).LoadVerifyLocations(null, null));
    }

    [Fact]
    public void LoadVerifyLocations_Directory_IsAccepted()
    {
        var context = new Context(SslMethod.Tls);

        context.LoadVerifyLocations(null, Path.GetDirectoryName(Pki.RootPem));

        context.GetCertStore().TrustStore.Anchors.Count.ShouldBe(0);
    }

    [SkippableFact]
    public void SetDefaultVerifyPaths_OnThisMachine_TrustsTheSystemBundle()
    {
        Skip.IfNot(File.Exists("/etc/ssl/certs/ca-certificates.crt"), "no Debian-layout system bundle here");
        var context = new Context(SslMethod.Tls);

        context.SetDefaultVerifyPaths();

        context.GetCertStore().TrustStore.Anchors.Count.ShouldBeGreaterThan(10);
    }

    [Fact]
    public void CheckPrivatekey_MatchingPair_ReturnsNormally()
    {
        var context = new Context(SslMethod.Tls);
        context.UseCertificate(Pki.Server);
        context.UsePrivatekey(Pki.ServerKey);

        context.CheckPrivatekey();

        context.GetCertificate()!.Digest("sha256").ShouldBe(Pki.Server.Digest("sha256"));
    }

    [Fact]
    public void CheckPrivatekey_Nothing_ThrowsNoCertificateAssigned()
    {
        Should.Throw<SslException>(() => new Context(SslMethod.Tls).CheckPrivatekey()).Errors
            .ShouldBe([new OpenSslErrorEntry("SSL routines", "SSL_CTX_check_private_key", "no certificate assigned")]);
    }

    [Fact]
    public void CheckPrivatekey_CertificateOnly_ThrowsNoPrivateKeyAssigned()
    {
        var context = new Context(SslMethod.Tls);
        context.UseCertificate(Pki.Server);

        Should.Throw<SslException>(context.CheckPrivatekey).Errors
            .ShouldBe([new OpenSslErrorEntry("SSL routines", "SSL_CTX_check_private_key", "no private key assigned")]);
    }

    [Fact]
    public void UseCertificate_NotMatchingTheKey_DropsTheKeyAsOpenSsl30()
    {
        // pyOpenSSL's test_check_privatekey_invalid: use_privatekey(client key) then use_certificate(server cert).
        var context = new Context(SslMethod.Tls);
        context.UsePrivatekey(Pki.ClientKey);
        context.UseCertificate(Pki.Server);

        Should.Throw<SslException>(context.CheckPrivatekey).Errors[0].Reason.ShouldBe("no private key assigned");
    }

    [Fact]
    public void UsePrivatekey_NotMatchingTheCertificate_ThrowsKeyValuesMismatch()
    {
        var context = new Context(SslMethod.Tls);
        context.UseCertificate(Pki.Server);

        Should.Throw<SslException>(() => context.UsePrivatekey(Pki.ClientKey)).Errors
            .ShouldBe([new OpenSslErrorEntry("x509 certificate routines", "X509_check_private_key", "key values mismatch")]);
        context.UsePrivatekey(Pki.ServerKey);
        context.CheckPrivatekey();
    }

    [Fact]
    public void UsePrivatekey_OtherKeyType_UsesItsOwnSlot()
    {
        // OpenSSL keeps one certificate/key per key type; the last one set is the one checked.
        var context = new Context(SslMethod.Tls);
        context.UseCertificate(Pki.RsaServer);
        context.UsePrivatekey(Pki.ServerKey);

        Should.Throw<SslException>(context.CheckPrivatekey).Errors[0].Reason.ShouldBe("no certificate assigned");
        context.UseCertificate(Pki.Server);
        context.CheckPrivatekey();
    }

    [Fact]
    public void UsePrivatekey_PublicOnly_ThrowsArgumentException()
    {
        var context = new Context(SslMethod.Tls);

        Should.Throw<ArgumentException>(() => context.UsePrivatekey(Pki.Server.GetPubkey())).Message.ShouldStartWith("Key has only public part");
    }

    [Theory]
    [InlineData(FileType.Pem)]
    [InlineData(FileType.Asn1)]
    public void UseCertificateFileAndPrivatekeyFile_BothEncodings_Match(FileType type)
    {
        var context = new Context(SslMethod.Tls);

        context.UseCertificateFile(type == FileType.Pem ? Pki.ServerPem : Pki.ServerDer, type);
        context.UsePrivatekeyFile(type == FileType.Pem ? Pki.ServerKeyPem : Pki.ServerKeyDer, type);

        context.CheckPrivatekey();
    }

    [Fact]
    public void UseCertificateFile_Missing_ThrowsFopenEntries()
    {
        var context = new Context(SslMethod.Tls);

        SslException e = Should.Throw<SslException>(() => context.UseCertificateFile(TempFiles.NewPath(".pem")));

        e.Errors.ShouldBe(
        [
            new OpenSslErrorEntry("system library", "fopen", "No such file or directory"),
            new OpenSslErrorEntry("BIO routines", "BIO_new_file", "no such file"),
            new OpenSslErrorEntry("SSL routines", "SSL_CTX_use_certificate_file", "system lib"),
        ]);
    }

    [Theory]
    [InlineData(FileType.Pem, "PEM lib")]
    [InlineData(FileType.Asn1, "ASN1 lib")]
    public void UseCertificateFile_NotACertificate_EndsWithTheLibEntry(FileType type, string reason)
    {
        var context = new Context(SslMethod.Tls);
        string path = TempFiles.Write(Encoding.ASCII.GetBytes("this is not a certificate\n"), ".txt");

        SslException e = Should.Throw<SslException>(() => context.UseCertificateFile(path, type));

        e.Errors[^1].ShouldBe(new OpenSslErrorEntry("SSL routines", "SSL_CTX_use_certificate_file", reason));
        e.InnerException.ShouldBeOfType<CryptoException>();
    }

    [Fact]
    public void UseCertificateFile_TextType_ThrowsArgumentException()
    {
        Should.Throw<ArgumentException>(() => new Context(SslMethod.Tls).UseCertificateFile(Pki.ServerPem, FileType.Text));
    }

    [Fact]
    public void UseCertificateChainFile_LeafThenIntermediate_PresentsBoth()
    {
        var context = new Context(SslMethod.Tls);

        context.UseCertificateChainFile(Pki.ServerChainPem);
        context.UsePrivatekey(Pki.ServerKey);

        context.CheckPrivatekey();
        var identity = context.Identity!.Value;
        identity.Leaf.RawData.ToArray().ShouldBe(Pki.Server.ToCertificate().RawData.ToArray());
        identity.Chain.Count.ShouldBe(1);
        identity.Chain[0].RawData.ToArray().ShouldBe(Pki.Intermediate.ToCertificate().RawData.ToArray());
    }

    [Fact]
    public void AddExtraChainCert_WithoutSlotChain_IsTheChainPresented()
    {
        Context context = Pki.ServerContext();

        var identity = context.Identity!.Value;

        identity.Chain.Count.ShouldBe(1);
        identity.Chain[0].RawData.ToArray().ShouldBe(Pki.Intermediate.ToCertificate().RawData.ToArray());
    }

    [Fact]
    public void UseCertificateChainFile_NoCertificate_ThrowsPemLib()
    {
        string path = TempFiles.Write(Encoding.ASCII.GetBytes("nothing here\n"), ".pem");

        Should.Throw<SslException>(() => new Context(SslMethod.Tls).UseCertificateChainFile(path)).Errors[^1]
            .ShouldBe(new OpenSslErrorEntry("SSL routines", "SSL_CTX_use_certificate_chain_file", "PEM lib"));
    }

    [Fact]
    public void UsePrivatekeyFile_EncryptedWithoutCallback_ThrowsPemLib()
    {
        var context = new Context(SslMethod.Tls);

        SslException e = Should.Throw<SslException>(() => context.UsePrivatekeyFile(Pki.ServerKeyEncryptedPem));

        e.Errors[^1].ShouldBe(new OpenSslErrorEntry("SSL routines", "SSL_CTX_use_PrivateKey_file", "PEM lib"));
    }

    [Fact]
    public void SetPasswdCb_RightPassphrase_LoadsTheKeyAndGetsPyOpenSslsArguments()
    {
        var context = new Context(SslMethod.Tls);
        var calls = new List<(int MaxLength, bool Twice, object? UserData)>();
        object userdata = "my data";
        context.SetPasswdCb((max, twice, data) =>
        {
            calls.Add((max, twice, data));
            return Encoding.ASCII.GetBytes(SslPki.KeyPassphrase);
        }, userdata);

        context.UseCertificate(Pki.Server);
        context.UsePrivatekeyFile(Pki.ServerKeyEncryptedPem);

        context.CheckPrivatekey();
        calls.ShouldBe([(1024, false, userdata)]);
    }

    [Fact]
    public void SetPasswdCb_UnencryptedKey_IsNotCalled()
    {
        var context = new Context(SslMethod.Tls);
        int calls = 0;
        context.SetPasswdCb((_, _, _) => { calls++; return []; });

        context.UsePrivatekeyFile(Pki.ServerKeyPem);

        calls.ShouldBe(0);
    }

    [Theory]
    [InlineData("wrong passphrase")]
    [InlineData("")]
    [InlineData(null)]
    public void SetPasswdCb_WrongOrNoPassphrase_ThrowsSslException(string? passphrase)
    {
        var context = new Context(SslMethod.Tls);
        context.SetPasswdCb((_, _, _) => passphrase is null ? null : Encoding.ASCII.GetBytes(passphrase));

        SslException e = Should.Throw<SslException>(() => context.UsePrivatekeyFile(Pki.ServerKeyEncryptedPem));

        e.Errors[^1].Function.ShouldBe("SSL_CTX_use_PrivateKey_file");
        e.InnerException.ShouldBeOfType<CryptoException>();
    }

    [Fact]
    public void SetPasswdCb_CallbackThrows_TheExceptionPropagatesUnchanged()
    {
        var context = new Context(SslMethod.Tls);
        var boom = new InvalidOperationException("boom");
        context.SetPasswdCb((_, _, _) => throw boom);

        Should.Throw<InvalidOperationException>(() => context.UsePrivatekeyFile(Pki.ServerKeyEncryptedPem)).ShouldBeSameAs(boom);
    }

    [Fact]
    public void SetPasswdCb_TooLongResult_IsTruncatedToMaxLength()
    {
        // pyOpenSSL's truncate=True: a passphrase of exactly 1024 bytes followed by junk still opens the key.
        string passphrase = new('p', 1024);
        var key = new PKey();
        key.GenerateEcKey("prime256v1");
        string path = TempFiles.Write(Crypto.DumpPrivateKey(FileType.Pem, key, "aes-128-cbc", passphrase), ".pem");
        var context = new Context(SslMethod.Tls);
        context.SetPasswdCb((max, _, _) => Encoding.ASCII.GetBytes(passphrase + "junk-after-the-limit"));

        context.UsePrivatekeyFile(path);

        Should.Throw<SslException>(context.CheckPrivatekey).Errors[0].Reason.ShouldBe("no certificate assigned");
    }

    [Fact]
    public void UsePrivatekeyFile_Missing_ThrowsSystemLib()
    {
        Should.Throw<SslException>(() => new Context(SslMethod.Tls).UsePrivatekeyFile(TempFiles.NewPath(".pem"))).Errors[^1]
            .ShouldBe(new OpenSslErrorEntry("SSL routines", "SSL_CTX_use_PrivateKey_file", "system lib"));
    }

    [Fact]
    public void ProtoVersions_SetAndGet_RoundTrip()
    {
        var context = new Context(SslMethod.Tls);

        context.GetMinProtoVersion().ShouldBe(SslVersion.Any);
        context.SetMinProtoVersion(SslVersion.Tls1_2);
        context.SetMaxProtoVersion(SslVersion.Tls1_3);

        context.GetMinProtoVersion().ShouldBe(SslVersion.Tls1_2);
        context.GetMaxProtoVersion().ShouldBe(SslVersion.Tls1_3);
        Should.Throw<SslException>(() => context.SetMinProtoVersion((SslVersion)0x0305)).Errors[0].Reason.ShouldBe("bad protocol version number");
    }

    [Theory]
    [InlineData(SslVersion.Ssl3, 0x300)]
    [InlineData(SslVersion.Tls1, 0x301)]
    [InlineData(SslVersion.Tls1_1, 0x302)]
    [InlineData(SslVersion.Tls1_2, 0x303)]
    [InlineData(SslVersion.Tls1_3, 0x304)]
    public void SslVersion_Value_IsTheWireNumber(SslVersion version, int value) => ((int)version).ShouldBe(value);

    [Theory]
    [InlineData(SslMethod.Tls, SslVersion.Tls1_3, SslVersion.Any, SslOptions.NoTlsv1_3)]
    [InlineData(SslMethod.Tls, SslVersion.Any, SslVersion.Tls1_1, SslOptions.None)]
    [InlineData(SslMethod.Tlsv1_2, SslVersion.Any, SslVersion.Any, SslOptions.NoTlsv1_2)]
    [InlineData(SslMethod.Tlsv1_2, SslVersion.Tls1_3, SslVersion.Any, SslOptions.None)]
    public void DoHandshake_NoVersionLeft_ThrowsNoProtocolsAvailable(SslMethod method, SslVersion min, SslVersion max, SslOptions options)
    {
        var context = new Context(method);
        context.SetMinProtoVersion(min);
        context.SetMaxProtoVersion(max);
        context.SetOptions(options);
        var connection = new Connection(context);
        connection.SetConnectState();

        Should.Throw<SslException>(connection.DoHandshake).Errors[0].Reason.ShouldBe("no protocols available");
    }

    [Fact]
    public void SetTmpEcdh_Curve_RestrictsTheGroupsToIt()
    {
        var context = new Context(SslMethod.Tls);

        context.SetTmpEcdh(Crypto.GetEllipticCurve("secp384r1"));

        context.Groups.ShouldBe([TlsNamedGroup.Secp384r1]);
    }

    [Fact]
    public void LoadTmpDh_Ffdhe2048_IsLoaded()
    {
        var context = new Context(SslMethod.Tls);

        context.LoadTmpDh(Pki.DhPem);

        context.TmpDh.ShouldNotBeNull().Bits.ShouldBe(2048);
    }

    [Fact]
    public void LoadTmpDh_MissingFile_ThrowsSslException()
    {
        Should.Throw<SslException>(() => new Context(SslMethod.Tls).LoadTmpDh(TempFiles.NewPath(".pem"))).Errors[0].Function.ShouldBe("fopen");
    }

    [Fact]
    public void LoadTmpDh_NotDhParameters_ThrowsNoStartLine()
    {
        Should.Throw<SslException>(() => new Context(SslMethod.Tls).LoadTmpDh(Pki.ServerPem)).Errors[0].Reason.ShouldBe("no start line");
    }

    [Theory]
    [InlineData("")]
    [InlineData("a-name-that-is-far-too-long-a-name-that-is-far-too-long-a-name-that-is-far-too-long-a-name-that-is-far-too-long-a-name-that-is-far-too-long-a-name-that-is-far-too-long-a-name-that-is-far-too-long-a-name-that-is-far-too-long-a-name-that-is-far-too-long-a-name-that")]
    public void SetAlpnProtos_BadName_ThrowsArgumentException(string name)
    {
        Should.Throw<ArgumentException>(() => new Context(SslMethod.Tls).SetAlpnProtos(["h2", name]));
    }

    [Fact]
    public void Callbacks_Setters_AcceptCallbacks()
    {
        var context = new Context(SslMethod.Tls);

        context.SetKeylogCallback((_, _) => { });
        context.SetTlsextServernameCallback(_ => { });
        context.SetAlpnProtos(["h2", "http/1.1"]);

        context.KeylogCallbackValue.ShouldNotBeNull();
        context.ServernameCallbackValue.ShouldNotBeNull();
        context.AlpnProtocols.ShouldBe(["h2", "http/1.1"]);
    }

    [Fact]
    public void ClientCaList_SetAddLoad_AreReportedByAServerConnection()
    {
        var context = new Context(SslMethod.TlsServer);

        context.SetClientCaList([Pki.Root.GetSubject()]);
        context.AddClientCa(Pki.Intermediate);
        IReadOnlyList<X509Name> set = new Connection(context).GetClientCaList();
        context.LoadClientCa(Pki.ServerChainPem);
        IReadOnlyList<X509Name> loaded = new Connection(context).GetClientCaList();

        set.Select(n => n.CN).ShouldBe(["Facade Test Root", "Facade Test Intermediate"]);
        loaded.Select(n => n.CN).ShouldBe(["localhost", "Facade Test Intermediate"]);
        new Connection(new Context(SslMethod.TlsClient)).GetClientCaList().ShouldBeEmpty();
    }

    [Fact]
    public void LoadClientCa_NoCertificate_ThrowsSslException()
    {
        string path = TempFiles.Write(Encoding.ASCII.GetBytes("no certificates\n"), ".pem");

        Should.Throw<SslException>(() => new Context(SslMethod.Tls).LoadClientCa(path));
    }
}
