// `mtls x509` against the openssl binary: the read-only print options over system roots and openssl-made
// certificates (identical stdout/stderr/exit code), failures (first and last stderr lines), and the signing paths,
// whose fresh serials and signatures are checked by `openssl verify` / `openssl x509` reading our output.
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Cli;

public class X509CommandTests
{
    private static readonly string[][] s_printOptions =
    [
        [],
        ["-noout", "-subject", "-issuer", "-serial"],
        ["-noout", "-dates", "-startdate", "-enddate"],
        ["-noout", "-dateopt", "iso_8601", "-dates"],
        ["-noout", "-fingerprint"],
        ["-noout", "-fingerprint", "-sha256"],
        ["-noout", "-md5", "-fingerprint", "-sha1"],
        ["-noout", "-fingerprint", "-sha512"],
        ["-noout", "-hash", "-subject_hash", "-subject_hash_old", "-issuer_hash", "-issuer_hash_old"],
        ["-noout", "-pubkey", "-modulus"],
        ["-noout", "-email", "-next_serial", "-ocspid"],
        ["-noout", "-text"],
        ["-text"],
        ["-noout", "-serial", "-subject", "-serial"],
        ["-noout", "-ext", "subjectKeyIdentifier,authorityKeyIdentifier,basicConstraints,keyUsage,subjectAltName"],
        ["-noout", "-ext", "nosuchExtension"],
        ["-noout", "-text", "-ext", "basicConstraints"],
        ["-noout", "-text", "-email", "-clrext"],
        ["-noout", "-subject", "-issuer", "-text", "-nameopt", "RFC2253"],
        ["-noout", "-subject", "-text", "-nameopt", "multiline"],
        ["-noout", "-subject", "-text", "-nameopt", "compat"],
        ["-outform", "DER"],
        ["-noout", "-checkend", "0"],
        ["-noout", "-checkend", "2000000000"],
        ["-subject", "-nocert"],
    ];

    public static IEnumerable<object[]> CertificatesAndOptions =>
        from certificate in X509CliFiles.AllCertificates
        from options in s_printOptions
        select new object[] { certificate, options };

    [SkippableTheory]
    [MemberData(nameof(CertificatesAndOptions))]
    public void X509_PrintOptions_OutputEqualsOpenSsl(string certificate, string[] options)
    {
        CliAgreement.Same(["x509", "-in", certificate, .. options]);
    }

    [SkippableFact]
    public void X509_DerInputAndStdin_OutputEqualsOpenSsl()
    {
        byte[] der = OpenSslPeer.Run("x509", "-in", X509CliFiles.LeafCert, "-outform", "DER").StdoutBytes;
        string derFile = X509CliFiles.NewPath("der");
        File.WriteAllBytes(derFile, der);

        CliAgreement.Same("x509", "-in", derFile, "-inform", "DER", "-noout", "-subject", "-fingerprint");
        CliAgreement.Same("x509", "-in", derFile, "-noout", "-serial");
        CliAgreement.SameWithInput(File.ReadAllBytes(X509CliFiles.LeafCert), "x509", "-noout", "-subject", "-text");
        CliAgreement.SameWithInput(der, "x509", "-inform", "DER", "-outform", "PEM");
    }

    [SkippableFact]
    public void X509_Help_EqualsOpenSsl() => CliAgreement.Same("x509", "-help");

    public static TheoryData<string[]> Failures => new()
    {
        new[] { "x509", "-in", "/nonexistent/cert.pem" },
        new[] { "x509", "-in", "/etc/hostname" },
        new[] { "x509", "-in", "LEAF", "-inform", "DER" },
        new[] { "x509", "-in", "LEAF", "-outform", "XML" },
        new[] { "x509", "-in", "LEAF", "-nameopt", "no_such_option" },
        new[] { "x509", "-in", "LEAF", "-dateopt", "iso" },
        new[] { "x509", "-in", "LEAF", "-days", "ten" },
        new[] { "x509", "-in", "LEAF", "-set_serial", "xyz" },
        new[] { "x509", "-in", "LEAF", "-noout", "-fingerprint", "-nosuchdigest" },
        new[] { "x509", "-in", "LEAF", "extra" },
        new[] { "x509", "-new", "-key", "LEAFKEY" },
        new[] { "x509", "-new", "-subj", "/CN=x" },
        new[] { "x509", "-new", "-subj", "/CN=x", "-key", "LEAFKEY", "-in", "LEAF" },
        new[] { "x509", "-req", "-in", "CSR" },
        new[] { "x509", "-req", "-in", "CSR", "-key", "CAKEY", "-CA", "CA" },
        new[] { "x509", "-req", "-in", "CSR", "-key", "LEAFKEY", "-preserve_dates", "-days", "3" },
        new[] { "x509", "-req", "-in", "CSR", "-CA", "CA", "-CAkey", "LEAFKEY", "-noout" },
        new[] { "x509", "-req", "-in", "CSR", "-CA", "CA", "-CAkey", "CAKEY", "-CAserial", "/nonexistent/ca.srl" },
    };

    [SkippableTheory]
    [MemberData(nameof(Failures))]
    public void X509_Failure_FirstAndLastLinesEqualOpenSsl(string[] args)
    {
        string[] resolved = args.Select(Resolve).ToArray();
        CliAgreement.SameFailure(resolved);
    }

    [SkippableFact]
    public void X509_ReqSignedByCa_OpenSslVerifiesAndReadsExtensions()
    {
        OpenSslPeer.Require();
        string serialFile = X509CliFiles.NewPath("srl");
        string output = X509CliFiles.NewPath("pem");

        ProcessResult ours = Mtls.Run("x509", "-req", "-in", X509CliFiles.LeafCsr, "-CA", X509CliFiles.CaCert, "-CAkey", X509CliFiles.CaKey,
            "-CAserial", serialFile, "-CAcreateserial", "-days", "10", "-copy_extensions", "copy", "-out", output);

        ours.ExitCode.ShouldBe(0, ours.Stderr);
        ours.Stderr.ShouldBe("Certificate request self-signature ok\nsubject=C = US, O = \"Example, Inc.\", CN = leaf.example\n");
        OpenSslPeer.Run("verify", "-CAfile", X509CliFiles.CaCert, output).Stdout.ShouldBe($"{output}: OK\n");
        string serial = File.ReadAllText(serialFile);
        OpenSslPeer.Run("x509", "-in", output, "-noout", "-serial").Stdout.ShouldBe($"serial={serial}");
        string text = OpenSslPeer.Run("x509", "-in", output, "-noout", "-text").Stdout;
        text.ShouldContain("X509v3 Subject Alternative Name: \n                DNS:leaf.example, email:leaf@example.test\n");
        text.ShouldContain("X509v3 Authority Key Identifier: \n");
        text.ShouldContain("X509v3 Subject Key Identifier: \n");
        text.ShouldContain("Version: 3 (0x2)");
        OpenSslPeer.Run("x509", "-in", output, "-noout", "-dates").Stdout.ShouldContain("notAfter=");

        // A second run increments the serial file, as openssl's x509_load_serial does.
        Mtls.Run("x509", "-req", "-in", X509CliFiles.LeafCsr, "-CA", X509CliFiles.CaCert, "-CAkey", X509CliFiles.CaKey, "-CAserial", serialFile, "-noout")
            .ExitCode.ShouldBe(0);
        File.ReadAllText(serialFile).ShouldNotBe(serial);
    }

    [SkippableFact]
    public void X509_ReqWithoutExtensions_IsVersion1LikeOpenSsl()
    {
        OpenSslPeer.Require();
        string ours = X509CliFiles.NewPath("pem");
        string theirs = X509CliFiles.NewPath("pem");
        string[] args = ["x509", "-req", "-in", X509CliFiles.LeafCsr, "-CA", X509CliFiles.CaCert, "-CAkey", X509CliFiles.CaKey, "-set_serial", "77", "-days", "5"];

        Mtls.Run([.. args, "-out", ours]).ExitCode.ShouldBe(0);
        OpenSslPeer.Run([.. args, "-out", theirs]);

        OpenSslPeer.Run("verify", "-CAfile", X509CliFiles.CaCert, ours).Stdout.ShouldBe($"{ours}: OK\n");
        string[] fields = ["-noout", "-subject", "-issuer", "-serial", "-pubkey", "-ext", "subjectAltName"];
        OpenSslPeer.Run(["x509", "-in", ours, .. fields]).Stdout.ShouldBe(OpenSslPeer.Run(["x509", "-in", theirs, .. fields]).Stdout);
        OpenSslPeer.Run("x509", "-in", ours, "-noout", "-text").Stdout.ShouldContain("Version: 1 (0x0)");
    }

    public static TheoryData<string, string> SelfSignKeys => new()
    {
        { "rsa", "-sha256" }, { "rsa", "-sha384" }, { "ec-p256", "-sha256" }, { "ec-p384", "-sha512" }, { "ed25519", "-sha256" }, { "ed448", "-sha256" },
        { "rsa-pss", "-sha256" }, { "dsa", "-sha256" },
    };

    [SkippableTheory]
    [MemberData(nameof(SelfSignKeys))]
    public void X509_NewSelfSigned_OpenSslVerifies(string key, string digest)
    {
        OpenSslPeer.Require();
        string output = X509CliFiles.NewPath("pem");

        ProcessResult ours = Mtls.Run("x509", "-new", "-key", CliKeyFiles.Private(key), "-subj", "/CN=self/O=mtls", "-days", "2", digest,
            "-set_serial", "0x0102", "-out", output);

        ours.ExitCode.ShouldBe(0, ours.Stderr);
        OpenSslPeer.Run("verify", "-CAfile", output, output).Stdout.ShouldBe($"{output}: OK\n");
        OpenSslPeer.Run("x509", "-in", output, "-noout", "-subject", "-serial").Stdout.ShouldBe("subject=CN = self, O = mtls\nserial=0102\n");
    }

    [SkippableFact]
    public void X509_ResignWithKey_KeepsFieldsAndOpenSslVerifies()
    {
        OpenSslPeer.Require();
        string output = X509CliFiles.NewPath("pem");

        string[] fields = ["-noout", "-subject", "-issuer", "-serial", "-ext", "subjectKeyIdentifier,authorityKeyIdentifier,basicConstraints"];

        ProcessResult ours = Mtls.Run("x509", "-in", X509CliFiles.CaCert, "-key", X509CliFiles.CaKey, "-days", "3", "-out", output);

        ours.ExitCode.ShouldBe(0, ours.Stderr);
        OpenSslPeer.Run("verify", "-CAfile", output, output).Stdout.ShouldBe($"{output}: OK\n");
        OpenSslPeer.Run(["x509", "-in", output, .. fields]).Stdout.ShouldBe(OpenSslPeer.Run(["x509", "-in", X509CliFiles.CaCert, .. fields]).Stdout);
        OpenSslPeer.Run("x509", "-in", output, "-noout", "-enddate").Stdout.ShouldNotBe(OpenSslPeer.Run("x509", "-in", X509CliFiles.CaCert, "-noout", "-enddate").Stdout);
    }

    [SkippableFact]
    public void X509_SignKeyMismatch_WarnsLikeOpenSsl()
    {
        OpenSslPeer.Require();
        string[] args = ["x509", "-in", X509CliFiles.LeafCert, "-key", X509CliFiles.CaKey, "-noout"];

        ProcessResult ours = Mtls.Run(args);

        ours.ExitCode.ShouldBe(0);
        ours.Stderr.ShouldBe(OpenSslPeer.TryRun(null, args).Stderr);
    }

    [SkippableFact]
    public void X509_ExtfileSection_ExtensionsEqualOpenSsls()
    {
        OpenSslPeer.Require();
        string config = X509CliFiles.NewPath("cnf");
        File.WriteAllText(config, """
            [ v3_leaf ]
            basicConstraints = critical, CA:FALSE
            keyUsage = digitalSignature, keyEncipherment
            extendedKeyUsage = serverAuth, clientAuth
            subjectAltName = DNS:example.test, IP:192.0.2.1, email:a@example.test
            authorityInfoAccess = OCSP;URI:http://ocsp.example.test
            crlDistributionPoints = URI:http://crl.example.test/ca.crl
            certificatePolicies = 2.23.140.1.2.1
            authorityKeyIdentifier = keyid, issuer

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        string ours = X509CliFiles.NewPath("pem");
        string theirs = X509CliFiles.NewPath("pem");
        string[] args = ["x509", "-req", "-in", X509CliFiles.LeafCsr, "-CA", X509CliFiles.CaCert, "-CAkey", X509CliFiles.CaKey, "-set_serial", "9",
            "-extfile", config, "-extensions", "v3_leaf"];

        Mtls.Run([.. args, "-out", ours]).ExitCode.ShouldBe(0);
        OpenSslPeer.Run([.. args, "-out", theirs]);

        OpenSslPeer.Run("verify", "-CAfile", X509CliFiles.CaCert, ours).Stdout.ShouldBe($"{ours}: OK\n");
        string Extensions(string file) => string.Join(',', ManagedTls.X509.Certificate.Load(File.ReadAllBytes(file)).Extensions.Select(e => Convert.ToHexString(e.RawData.Span)));
        Extensions(ours).ShouldBe(Extensions(theirs));
    }

    private static string Resolve(string arg) => arg switch
    {
        "LEAF" => X509CliFiles.LeafCert,
        "LEAFKEY" => X509CliFiles.LeafKey,
        "CSR" => X509CliFiles.LeafCsr,
        "CA" => X509CliFiles.CaCert,
        "CAKEY" => X509CliFiles.CaKey,
        _ => arg,
    };
}
