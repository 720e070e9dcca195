// `mtls req` against the openssl binary: reading openssl-made requests (identical output), new requests and
// self-signed or CA-signed certificates checked by `openssl req -verify` / `openssl verify`, the stock-config
// extensions byte-identical to openssl's for the same key, generated keys read back by `openssl pkey`.
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Cli;

public class ReqCommandTests
{
    private static readonly string[][] s_readOptions =
    [
        [],
        ["-noout", "-text"],
        ["-text"],
        ["-noout", "-verify"],
        ["-noout", "-subject", "-pubkey"],
        ["-noout", "-modulus"],
        ["-noout", "-subject", "-nameopt", "RFC2253"],
        ["-noout", "-text", "-nameopt", "multiline"],
        ["-outform", "DER"],
        ["-newhdr"],
        ["-verify", "-subject", "-text", "-pubkey"],
    ];

    public static IEnumerable<object[]> RequestsAndOptions =>
        from request in new[] { "leaf.csr", "ed.csr" }
        from options in s_readOptions
        select new object[] { request, options };

    [SkippableTheory]
    [MemberData(nameof(RequestsAndOptions))]
    public void Req_ReadOptions_OutputEqualsOpenSsl(string request, string[] options)
    {
        CliAgreement.Same(["req", "-in", X509CliFiles.P(request), .. options]);
    }

    [SkippableFact]
    public void Req_Help_EqualsOpenSsl() => CliAgreement.Same("req", "-help");

    [SkippableFact]
    public void Req_DerInput_OutputEqualsOpenSsl()
    {
        byte[] der = OpenSslPeer.Run("req", "-in", X509CliFiles.LeafCsr, "-outform", "DER").StdoutBytes;
        string derFile = X509CliFiles.NewPath("der");
        File.WriteAllBytes(derFile, der);

        CliAgreement.Same("req", "-in", derFile, "-inform", "DER", "-noout", "-subject", "-verify");
        CliAgreement.SameWithInput(der, "req", "-inform", "DER");
    }

    public static TheoryData<string> Keys => new() { "rsa", "rsa-pss", "ec-p256", "ec-p521", "ed25519", "ed448", "dsa" };

    [SkippableTheory]
    [MemberData(nameof(Keys))]
    public void Req_NewWithKey_OpenSslVerifies(string key)
    {
        OpenSslPeer.Require();
        string output = X509CliFiles.NewPath("csr");

        ProcessResult ours = Mtls.Run("req", "-new", "-key", CliKeyFiles.Private(key), "-subj", "/C=US/O=mtls/CN=new request", "-out", output);

        ours.ExitCode.ShouldBe(0, ours.Stderr);
        ours.Stderr.ShouldBeEmpty();
        OpenSslPeer.Run("req", "-in", output, "-verify", "-noout", "-subject").Stdout.ShouldBe("subject=C = US, O = mtls, CN = new request\n");
    }

    [SkippableTheory]
    [MemberData(nameof(Keys))]
    public void Req_X509WithKey_OpenSslVerifiesAndExtensionsEqualOpenSsls(string key)
    {
        OpenSslPeer.Require();
        string ours = X509CliFiles.NewPath("pem");
        string theirs = X509CliFiles.NewPath("pem");
        string[] args = ["req", "-x509", "-key", CliKeyFiles.Private(key), "-subj", "/CN=self", "-days", "9", "-set_serial", "12345"];

        ProcessResult result = Mtls.Run([.. args, "-out", ours]);
        OpenSslPeer.Run([.. args, "-out", theirs]);

        result.ExitCode.ShouldBe(0, result.Stderr);
        OpenSslPeer.Run("verify", "-CAfile", ours, ours).Stdout.ShouldBe($"{ours}: OK\n");
        string[] fields = ["-noout", "-subject", "-issuer", "-serial", "-pubkey", "-ext", "subjectKeyIdentifier,authorityKeyIdentifier,basicConstraints"];
        OpenSslPeer.Run(["x509", "-in", ours, .. fields]).Stdout.ShouldBe(OpenSslPeer.Run(["x509", "-in", theirs, .. fields]).Stdout);
        ExtensionsDer(ours).ShouldBe(ExtensionsDer(theirs));
    }

    [SkippableFact]
    public void Req_X509SignedByCa_OpenSslVerifies()
    {
        OpenSslPeer.Require();
        string output = X509CliFiles.NewPath("pem");

        ProcessResult ours = Mtls.Run("req", "-new", "-key", X509CliFiles.LeafKey, "-subj", "/CN=by ca", "-x509", "-CA", X509CliFiles.CaCert,
            "-CAkey", X509CliFiles.CaKey, "-out", output);

        ours.ExitCode.ShouldBe(0, ours.Stderr);
        OpenSslPeer.Run("verify", "-CAfile", X509CliFiles.CaCert, output).Stdout.ShouldBe($"{output}: OK\n");
        OpenSslPeer.Run("x509", "-in", output, "-noout", "-issuer", "-ext", "authorityKeyIdentifier").Stdout
            .ShouldBe(OpenSslPeer.Run("x509", "-in", X509CliFiles.CaCert, "-noout", "-subject").Stdout.Replace("subject=", "issuer=", StringComparison.Ordinal)
                + OpenSslPeer.Run("x509", "-in", X509CliFiles.CaCert, "-noout", "-ext", "subjectKeyIdentifier").Stdout
                    .Replace("Subject Key Identifier", "Authority Key Identifier", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Req_InToX509_WarnsLikeOpenSslAndVerifies()
    {
        OpenSslPeer.Require();
        string output = X509CliFiles.NewPath("pem");
        string[] args = ["req", "-in", X509CliFiles.LeafCsr, "-x509", "-key", X509CliFiles.LeafKey, "-noout"];

        ProcessResult ours = Mtls.Run([.. args[..^1], "-out", output]);

        ours.ExitCode.ShouldBe(0, ours.Stderr);
        ours.Stderr.ShouldBe(OpenSslPeer.TryRun(null, args).Stderr);
        OpenSslPeer.Run("verify", "-CAfile", output, output).Stdout.ShouldBe($"{output}: OK\n");
    }

    public static TheoryData<string[], string> NewKeys => new()
    {
        { new[] { "-newkey", "rsa:1024" }, "RSA" },
        { new[] { "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-384" }, "EC" },
        { new[] { "-newkey", "ed25519" }, "ED25519" },
        { new[] { "-newkey", "ed448" }, "ED448" },
    };

    [SkippableTheory]
    [MemberData(nameof(NewKeys))]
    public void Req_NewKey_WritesKeyAndRequestOpenSslReads(string[] newKey, string algorithm)
    {
        OpenSslPeer.Require();
        string keyFile = X509CliFiles.NewPath("key");
        string output = X509CliFiles.NewPath("csr");

        ProcessResult ours = Mtls.Run(["req", "-new", .. newKey, "-nodes", "-keyout", keyFile, "-subj", "/CN=generated", "-out", output]);

        ours.ExitCode.ShouldBe(0, ours.Stderr);
        ours.Stderr.ShouldBe("-----\n");
        OpenSslPeer.Run("pkey", "-in", keyFile, "-check", "-noout").Stdout.ShouldBe("Key is valid\n");
        OpenSslPeer.Run("req", "-in", output, "-verify", "-noout").Stderr.ShouldBe("Certificate request self-signature verify OK\n");
        OpenSslPeer.Run("pkey", "-in", keyFile, "-pubout").Stdout.ShouldBe(OpenSslPeer.Run("req", "-in", output, "-pubkey", "-noout").Stdout);
        OpenSslPeer.Run("req", "-in", output, "-noout", "-text").Stdout.ShouldContain(algorithm == "RSA" ? "rsaEncryption" : algorithm == "EC" ? "id-ecPublicKey" : algorithm);
    }

    [SkippableFact]
    public void Req_NewKeyEncrypted_OpenSslDecryptsWithPassout()
    {
        OpenSslPeer.Require();
        string keyFile = X509CliFiles.NewPath("key");
        string output = X509CliFiles.NewPath("pem");

        ProcessResult ours = Mtls.Run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-keyout", keyFile, "-passout", "pass:secret",
            "-subj", "/CN=enc", "-out", output);

        ours.ExitCode.ShouldBe(0, ours.Stderr);
        File.ReadAllText(keyFile).ShouldStartWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n");
        OpenSslPeer.Run("pkey", "-in", keyFile, "-passin", "pass:secret", "-pubout").Stdout
            .ShouldBe(OpenSslPeer.Run("x509", "-in", output, "-noout", "-pubkey").Stdout);
        OpenSslPeer.Run("verify", "-CAfile", output, output).Stdout.ShouldBe($"{output}: OK\n");
    }

    [SkippableFact]
    public void Req_OutputOrder_EqualsOpenSslForExistingRequest()
    {
        CliAgreement.Same("req", "-in", X509CliFiles.LeafCsr, "-modulus", "-subject", "-text", "-pubkey", "-noout");
    }

    public static TheoryData<string[]> Failures => new()
    {
        new[] { "req", "-in", "/nonexistent.csr" },
        new[] { "req", "-in", "/etc/hostname" },
        new[] { "req", "-in", "CSR", "-outform", "TXT" },
        new[] { "req", "-in", "CSR", "-inform", "XML" },
        new[] { "req", "-new", "-key", "LEAFKEY", "-subj", "/CN=x", "-set_serial", "1", "-set_serial", "2" },
        new[] { "req", "-new", "-key", "LEAFKEY", "-subj", "/CN=x", "-x509", "-CA", "CA" },
        new[] { "req", "-new", "-key", "LEAFKEY", "-subj", "/CN=x", "-days", "-3" },
        new[] { "req", "-in", "CSR", "-nameopt", "nope" },
        new[] { "req", "-in", "CSR", "extra" },
    };

    [SkippableTheory]
    [MemberData(nameof(Failures))]
    public void Req_Failure_FirstAndLastLinesEqualOpenSsl(string[] args)
    {
        CliAgreement.SameFailure(args.Select(a => a switch
        {
            "CSR" => X509CliFiles.LeafCsr,
            "LEAFKEY" => X509CliFiles.LeafKey,
            "CA" => X509CliFiles.CaCert,
            _ => a,
        }).ToArray());
    }

    [SkippableFact]
    public void Req_DaysWithoutX509_WarnsLikeOpenSsl()
    {
        OpenSslPeer.Require();
        string[] args = ["req", "-new", "-key", X509CliFiles.LeafKey, "-subj", "/CN=a", "-days", "3", "-noout"];

        ProcessResult ours = Mtls.Run(args);

        ours.ExitCode.ShouldBe(0);
        ours.Stderr.ShouldBe(OpenSslPeer.TryRun(null, args).Stderr);
    }

    private static string ExtensionsDer(string certificate) => string.Join(
        ',', ManagedTls.X509.Certificate.Load(File.ReadAllBytes(certificate)).Extensions.Select(e => Convert.ToHexString(e.RawData.Span)));
}
