using ManagedTls.Tests.TestSupport;
using ManagedTls.X509.Verification;

namespace ManagedTls.OpenSsl.Tests;

/// <summary>
/// <see cref="X509Store"/> and <see cref="X509StoreFlags"/>: pyOpenSSL's X509StoreTests (add_cert, add_crl,
/// set_flags, load_locations with a CA file and a hashed CA directory, set_default_paths) and OpenSSL's flag values.
/// </summary>
public sealed class X509StoreTests(X509StorePki pki) : IClassFixture<X509StorePki>
{
    [Theory]
    [InlineData(X509StoreFlags.CrlCheck, 0x4)]
    [InlineData(X509StoreFlags.CrlCheckAll, 0x8)]
    [InlineData(X509StoreFlags.IgnoreCritical, 0x10)]
    [InlineData(X509StoreFlags.X509Strict, 0x20)]
    [InlineData(X509StoreFlags.AllowProxyCerts, 0x40)]
    [InlineData(X509StoreFlags.PolicyCheck, 0x80)]
    [InlineData(X509StoreFlags.ExplicitPolicy, 0x100)]
    [InlineData(X509StoreFlags.InhibitAny, 0x200)]
    [InlineData(X509StoreFlags.InhibitMap, 0x400)]
    [InlineData(X509StoreFlags.NotifyPolicy, 0x800)]
    [InlineData(X509StoreFlags.ExtendedCrlSupport, 0x1000)]
    [InlineData(X509StoreFlags.UseDeltas, 0x2000)]
    [InlineData(X509StoreFlags.CheckSsSignature, 0x4000)]
    [InlineData(X509StoreFlags.TrustedFirst, 0x8000)]
    [InlineData(X509StoreFlags.PartialChain, 0x80000)]
    [InlineData(X509StoreFlags.NoAltChains, 0x100000)]
    [InlineData(X509StoreFlags.NoCheckTime, 0x200000)]
    public void Flags_HaveOpenSslsValues(X509StoreFlags flag, int expected) => ((int)flag).ShouldBe(expected);

    [Fact]
    public void SetFlags_OrsIntoTheDefaults()
    {
        var store = new X509Store();
        store.Flags.ShouldBe(X509StoreFlags.TrustedFirst);
        store.SetFlags(X509StoreFlags.CrlCheck);
        store.SetFlags(X509StoreFlags.CrlCheckAll);
        store.Flags.ShouldBe(X509StoreFlags.TrustedFirst | X509StoreFlags.CrlCheck | X509StoreFlags.CrlCheckAll);
    }

    [Fact]
    public void SetTime_IsKept()
    {
        var store = new X509Store();
        var when = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
        store.SetTime(when);
        store.Time.ShouldBe(when);
        store.Flags.HasFlag(X509StoreFlags.UseCheckTime).ShouldBeTrue();
    }

    [Fact]
    public void AddCert_RejectsNullAndUnsigned()
    {
        Should.Throw<ArgumentNullException>(() => new X509Store().AddCert(null!));
        Should.Throw<ArgumentNullException>(() => new X509Store().AddCrl(null!));
        Should.Throw<CryptoException>(() => new X509Store().AddCert(new X509()));
    }

    [SkippableFact]
    public void AddCert_Duplicate_IsAcceptedAsOpenSsl3Does()
    {
        Skip.IfNot(pki.Available, "openssl not available");
        var store = new X509Store();
        store.AddCert(pki.Cert("root"));
        store.AddCert(pki.Cert("root"));
        store.TrustStore.Anchors.Count.ShouldBe(1);
    }

    [SkippableFact]
    public void AddCrl_IsUsedWithCrlCheck()
    {
        Skip.IfNot(pki.Available, "openssl not available");
        var store = new X509Store();
        store.AddCert(pki.Cert("root"));
        store.AddCert(pki.Cert("int"));
        store.AddCrl(pki.Crl("int-revoking-crl"));
        new X509StoreContext(store, pki.Cert("server")).VerifyCertificate();
        store.SetFlags(X509StoreFlags.CrlCheck);
        Should.Throw<X509StoreContextException>(new X509StoreContext(store, pki.Cert("server")).VerifyCertificate)
            .Errors.ShouldBe([23, 0, "certificate revoked"]);
    }

    [Fact]
    public void LoadLocations_BothNull_IsCryptoError() =>
        Should.Throw<CryptoException>(() => new X509Store().LoadLocations(null, null));

    [Theory]
    [InlineData("missing")]
    [InlineData("empty")]
    [InlineData("garbage")]
    public void LoadLocations_UnusableFile_IsCryptoError(string kind)
    {
        string path = TestSupport.TempFiles.NewPath(".pem");
        if (kind != "missing")
        {
            File.WriteAllText(path, kind == "empty" ? "" : "-----BEGIN CERTIFICATE-----\n@@@@\n-----END CERTIFICATE-----\n");
        }

        Should.Throw<CryptoException>(() => new X509Store().LoadLocations(path));
    }

    [SkippableTheory]
    [InlineData("cafile root, no intermediate", "root", null, false)]
    [InlineData("cafile root+int", "root,int", null, true)]
    [InlineData("capath root+int", null, "root,int", true)]
    [InlineData("capath int only", null, "int", false)]
    [InlineData("cafile root, capath int", "root", "int", true)]
    [InlineData("empty capath (test_verify_failure_with_empty_ca_directory)", null, "", false)]
    public void LoadLocations_SameVerdictAsOpenSsl(string scenario, string? cafile, string? capath, bool valid)
    {
        Skip.IfNot(pki.Available, "openssl not available");
        var store = new X509Store();
        List<string> args = ["verify"];
        string? file = null;
        string? dir = null;
        if (cafile is not null)
        {
            file = pki.P(Guid.NewGuid().ToString("N") + ".pem");
            File.WriteAllText(file, string.Concat(cafile.Split(',').Select(n => File.ReadAllText(pki.P(n + ".pem")))));
            args.AddRange(["-CAfile", file]);
        }
        else
        {
            args.Add("-no-CAfile");
        }

        if (capath is not null)
        {
            dir = Directory.CreateDirectory(pki.P(Guid.NewGuid().ToString("N"))).FullName;
            foreach (string name in capath.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                File.Copy(pki.P(name + ".pem"), Path.Combine(dir, name + ".pem"));
            }

            OpenSslPeer.Run("rehash", dir);
            args.AddRange(["-CApath", dir]);
        }
        else
        {
            args.Add("-no-CApath");
        }

        args.AddRange(["-no-CAstore", pki.P("server.pem")]);
        ProcessResult openssl = OpenSslPeer.TryRun(null, [.. args]);
        (openssl.ExitCode == 0).ShouldBe(valid, $"{scenario}: openssl {openssl.Stdout} {openssl.Stderr}");

        store.LoadLocations(file, dir);
        Exception? error = Record.Exception(new X509StoreContext(store, pki.Cert("server")).VerifyCertificate);
        (error is null).ShouldBe(valid, $"{scenario}: {error?.Message}");
        if (!valid)
        {
            error.ShouldBeOfType<X509StoreContextException>().Message.ShouldBe(
                System.Text.RegularExpressions.Regex.Match(openssl.Stderr + openssl.Stdout, @"depth lookup: (.*)").Groups[1].Value.Trim());
        }
    }

    [SkippableFact]
    public void LoadLocations_CaPathIsReadAtVerification()
    {
        Skip.IfNot(pki.Available, "openssl not available");
        string dir = Directory.CreateDirectory(pki.P(Guid.NewGuid().ToString("N"))).FullName;
        var store = new X509Store();
        store.LoadLocations(null, dir);
        var context = new X509StoreContext(store, pki.Cert("int"));
        Should.Throw<X509StoreContextException>(context.VerifyCertificate).Errors[0].ShouldBe(20);
        File.Copy(pki.P("root.pem"), Path.Combine(dir, CertificateDirectory.GetFileName(pki.Cert("root").SubjectNameHash(), 0)));
        context.VerifyCertificate();
    }

    [SkippableFact]
    public void SetDefaultPaths_HonoursSslCertFileAndDir()
    {
        Skip.IfNot(pki.Available, "openssl not available");
        string? oldFile = Environment.GetEnvironmentVariable(DefaultVerifyLocations.CertificateFileVariable);
        string? oldDir = Environment.GetEnvironmentVariable(DefaultVerifyLocations.CertificateDirectoryVariable);
        string dir = Directory.CreateDirectory(pki.P(Guid.NewGuid().ToString("N"))).FullName;
        File.Copy(pki.P("int.pem"), Path.Combine(dir, CertificateDirectory.GetFileName(pki.Cert("int").SubjectNameHash(), 0)));
        try
        {
            Environment.SetEnvironmentVariable(DefaultVerifyLocations.CertificateFileVariable, pki.P("root.pem"));
            Environment.SetEnvironmentVariable(DefaultVerifyLocations.CertificateDirectoryVariable, dir);
            DefaultVerifyLocations.GetCertificateFile().ShouldBe(pki.P("root.pem"));
            DefaultVerifyLocations.GetCertificateDirectory().ShouldBe(dir);
            var store = new X509Store();
            store.SetDefaultPaths();
            new X509StoreContext(store, pki.Cert("server")).VerifyCertificate();

            // openssl honours the same variables.
            ProcessResult openssl = OpenSslPeer.TryRun(null, "verify", pki.P("server.pem"));
            openssl.ExitCode.ShouldBe(0, openssl.Stderr);
        }
        finally
        {
            Environment.SetEnvironmentVariable(DefaultVerifyLocations.CertificateFileVariable, oldFile);
            Environment.SetEnvironmentVariable(DefaultVerifyLocations.CertificateDirectoryVariable, oldDir);
        }
    }

    [SkippableFact]
    public void SetDefaultPaths_WithoutVariables_TrustsTheSystemRoots()
    {
        string? bundle = DefaultVerifyLocations.CandidateFiles.FirstOrDefault(File.Exists);
        Skip.If(bundle is null, "no system CA bundle");
        string? oldFile = Environment.GetEnvironmentVariable(DefaultVerifyLocations.CertificateFileVariable);
        string? oldDir = Environment.GetEnvironmentVariable(DefaultVerifyLocations.CertificateDirectoryVariable);
        try
        {
            Environment.SetEnvironmentVariable(DefaultVerifyLocations.CertificateFileVariable, null);
            Environment.SetEnvironmentVariable(DefaultVerifyLocations.CertificateDirectoryVariable, null);
            DefaultVerifyLocations.GetCertificateFile().ShouldBe(bundle);
            X509 root = Crypto.LoadCertificate(FileType.Pem, File.ReadAllBytes(bundle!));
            var store = new X509Store();
            Should.Throw<X509StoreContextException>(new X509StoreContext(store, root).VerifyCertificate).Errors[0].ShouldBe(18);
            store.SetDefaultPaths();
            new X509StoreContext(store, root).VerifyCertificate();
        }
        finally
        {
            Environment.SetEnvironmentVariable(DefaultVerifyLocations.CertificateFileVariable, oldFile);
            Environment.SetEnvironmentVariable(DefaultVerifyLocations.CertificateDirectoryVariable, oldDir);
        }
    }
}
