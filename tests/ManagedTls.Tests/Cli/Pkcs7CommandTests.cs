// `mtls pkcs7`, `mtls crl2pkcs7` and `mtls smime` against the openssl binary: identical output for the same arguments
// (p7b printing and conversion, byte-identical crl2pkcs7, S/MIME verification of openssl's messages), openssl
// verifying what `mtls smime -sign` writes, and the same failures for tampered or untrusted input.
using ManagedTls.Tests.Pkcs.Cms;
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Cli;

public sealed class Pkcs7CommandTests
{
    private static readonly Lazy<(string Pem, string Der, string WithCrl)> s_bundles = new(() =>
    {
        string pem = CmsFiles.NewPath("p7b");
        string der = CmsFiles.NewPath("p7b.der");
        string withCrl = CmsFiles.NewPath("p7b");
        OpenSslPeer.Run("crl2pkcs7", "-nocrl", "-certfile", CmsFiles.Cert("ec"), "-certfile", CmsFiles.InterCert, "-certfile", CmsFiles.CaCert, "-out", pem);
        OpenSslPeer.Run("crl2pkcs7", "-nocrl", "-certfile", CmsFiles.Cert("rsa"), "-outform", "DER", "-out", der);
        OpenSslPeer.Run("crl2pkcs7", "-in", X509CliFiles.RevokedCrl, "-certfile", X509CliFiles.LeafCert, "-out", withCrl);
        return (pem, der, withCrl);
    });

    public static TheoryData<string, string[]> Pkcs7Options() => new()
    {
        { "PEM", ["-print_certs"] },
        { "PEM", ["-print_certs", "-noout"] },
        { "PEM", ["-print_certs", "-text"] },
        { "PEM", [] },
        { "PEM", ["-outform", "DER"] },
        { "PEM", ["-noout"] },
        { "DER", ["-inform", "DER", "-print_certs"] },
        { "DER", ["-inform", "DER", "-outform", "PEM"] },
        { "CRL", ["-print_certs"] },
        { "CRL", ["-print_certs", "-noout", "-text"] },
        { "CRL", ["-outform", "DER"] },
        { "NONE", ["-help"] },
    };

    [SkippableTheory]
    [MemberData(nameof(Pkcs7Options))]
    public void Pkcs7_Options_OutputEqualsOpenSsl(string input, string[] options)
    {
        OpenSslPeer.Require();
        string[] inArgs = input switch
        {
            "PEM" => ["-in", s_bundles.Value.Pem],
            "DER" => ["-in", s_bundles.Value.Der],
            "CRL" => ["-in", s_bundles.Value.WithCrl],
            _ => [],
        };

        CliAgreement.Same(["pkcs7", .. inArgs, .. options]);
    }

    [SkippableFact]
    public void Pkcs7_StdinAndBerInput_OutputEqualsOpenSsl()
    {
        string ber = CmsFiles.NewPath("ber");
        OpenSslPeer.Run("cms", "-sign", "-nodetach", "-stream", "-in", CmsFiles.Message, "-signer", CmsFiles.Cert("rsa"), "-inkey", CmsFiles.Key("rsa"), "-outform", "DER", "-out", ber);

        CliAgreement.Same("pkcs7", "-inform", "DER", "-in", ber, "-outform", "DER");
        CliAgreement.Same("pkcs7", "-inform", "DER", "-in", ber, "-print_certs");
        CliAgreement.SameWithInput(File.ReadAllBytes(s_bundles.Value.Pem), "pkcs7", "-print_certs", "-noout");
    }

    [SkippableTheory]
    [InlineData("DERASPEM")]
    [InlineData("CERT")]
    [InlineData("MISSING")]
    public void Pkcs7_BadInput_FailsLikeOpenSsl(string input)
    {
        string path = input switch
        {
            "DERASPEM" => s_bundles.Value.Der,
            "CERT" => CmsFiles.CaCert,
            _ => "/nonexistent/file.p7b",
        };

        CliAgreement.SameFailure("pkcs7", "-in", path, "-print_certs");
    }

    [SkippableTheory]
    [InlineData("-nocrl", "-certfile", "EC", "-certfile", "INTER")]
    [InlineData("-nocrl", "-certfile", "RSA", "-outform", "DER")]
    [InlineData("-nocrl")]
    [InlineData("-in", "CRL", "-certfile", "RSA")]
    [InlineData("-in", "CRLDER", "-inform", "DER", "-outform", "DER")]
    [InlineData("-help")]
    public void Crl2Pkcs7_Options_ByteIdenticalToOpenSsl(params string[] options)
    {
        OpenSslPeer.Require();
        string crlDer = CmsFiles.NewPath("crl.der");
        OpenSslPeer.Run("crl", "-in", X509CliFiles.RevokedCrl, "-outform", "DER", "-out", crlDer);
        string[] resolved = [.. options.Select(o => o switch
        {
            "EC" => CmsFiles.Cert("ec"),
            "INTER" => CmsFiles.InterCert,
            "RSA" => CmsFiles.Cert("rsa"),
            "CRL" => X509CliFiles.RevokedCrl,
            "CRLDER" => crlDer,
            _ => o,
        })];

        CliAgreement.Same(["crl2pkcs7", .. resolved]);
    }

    [SkippableFact]
    public void Crl2Pkcs7_MissingCertfile_FailsLikeOpenSsl()
    {
        CliAgreement.SameFailure("crl2pkcs7", "-nocrl", "-certfile", "/nonexistent/chain.pem");
    }

    public static TheoryData<string, string, string[]> OpenSslMessages()
    {
        var rows = new TheoryData<string, string, string[]>();
        foreach (string signer in new[] { "rsa", "ec" })
        {
            rows.Add("smime", signer, []);
            rows.Add("smime", signer, ["-nodetach"]);
            rows.Add("cms", signer, []);
            rows.Add("cms", signer, ["-nodetach", "-stream"]);
        }

        return rows;
    }

    [SkippableTheory]
    [MemberData(nameof(OpenSslMessages))]
    public void SmimeVerify_OpenSslMime_SameAsOpenSsl(string tool, string signer, string[] flags)
    {
        string mime = CmsFiles.NewPath("eml");
        OpenSslPeer.Run([tool, "-sign", .. flags, "-in", CmsFiles.Message, "-signer", CmsFiles.Cert(signer), "-inkey", CmsFiles.Key(signer), "-certfile", CmsFiles.InterCert, "-out", mime]);

        ProcessResult ours = CliAgreement.Same("smime", "-verify", "-in", mime, "-CAfile", CmsFiles.CaCert);

        ours.Stderr.ShouldBe("Verification successful\n");
        CliAgreement.Same("smime", "-verify", "-in", mime, "-noverify");
    }

    [SkippableTheory]
    [InlineData("rsa", false)]
    [InlineData("ec", true)]
    public void SmimeVerify_DerWithContentFile_SameAsOpenSsl(string signer, bool binary)
    {
        string der = CmsFiles.NewPath("der");
        string input = binary ? CmsFiles.Binary : CmsFiles.Message;
        string[] binaryFlag = binary ? ["-binary"] : [];
        OpenSslPeer.Run(["cms", "-sign", .. binaryFlag, "-in", input, "-signer", CmsFiles.Cert(signer), "-inkey", CmsFiles.Key(signer), "-certfile", CmsFiles.InterCert, "-outform", "DER", "-out", der]);

        // Without -binary, the detached content was canonicalised (CRLF) when signed; the LF file no longer matches.
        ProcessResult result = binary
            ? CliAgreement.Same(["smime", "-verify", "-binary", "-inform", "DER", "-in", der, "-content", input, "-CAfile", CmsFiles.CaCert])
            : CliAgreement.SameFailure(["smime", "-verify", "-inform", "DER", "-in", der, "-content", input, "-CAfile", CmsFiles.CaCert]);

        result.Stderr.ShouldStartWith(binary ? "Verification successful" : "Verification failure");
    }

    [SkippableTheory]
    [InlineData("TAMPER")]
    [InlineData("UNTRUSTED")]
    [InlineData("PURPOSE")]
    public void SmimeVerify_Failures_SameExitStdoutAndFirstLineAsOpenSsl(string failure)
    {
        string signer = failure == "PURPOSE" ? "tls" : "rsa";
        string mime = CmsFiles.NewPath("eml");
        OpenSslPeer.Run("smime", "-sign", "-in", CmsFiles.Message, "-signer", CmsFiles.Cert(signer), "-inkey", CmsFiles.Key(signer), "-out", mime);
        if (failure == "TAMPER")
        {
            File.WriteAllText(mime, File.ReadAllText(mime).Replace("Hello world", "Hello World", StringComparison.Ordinal));
        }

        string ca = failure == "UNTRUSTED" ? X509CliFiles.CaCert : CmsFiles.CaCert;

        ProcessResult ours = CliAgreement.SameFailure("smime", "-verify", "-in", mime, "-CAfile", ca);

        ours.ExitCode.ShouldBe(4);
        ours.Stderr.ShouldStartWith("Verification failure\n");
        string reason = OpenSslPeer.TryRun(null, "smime", "-verify", "-in", mime, "-CAfile", ca).Stderr;
        reason.ShouldContain(ours.Stderr.Split('\n')[1].Split(':')[^1].Trim());
    }

    public static TheoryData<string, string[], string> OurSignings()
    {
        var rows = new TheoryData<string, string[], string>();
        foreach (string signer in new[] { "rsa", "ec" })
        {
            rows.Add(signer, [], "SMIME");
            rows.Add(signer, ["-nodetach"], "SMIME");
            rows.Add(signer, ["-nodetach", "-outform", "PEM"], "PEM");
            rows.Add(signer, ["-outform", "DER", "-binary"], "DER");
            rows.Add(signer, ["-nodetach", "-outform", "DER", "-md", "sha512", "-noattr"], "DER");
            rows.Add(signer, ["-nocerts", "-text"], "SMIME");
        }

        return rows;
    }

    [SkippableTheory]
    [MemberData(nameof(OurSignings))]
    public void SmimeSign_VerifiedByOpenSslSmimeAndCms(string signer, string[] flags, string form)
    {
        OpenSslPeer.Require();
        string output = CmsFiles.NewPath("out");
        bool binary = flags.Contains("-binary");
        string input = binary ? CmsFiles.Binary : CmsFiles.Message;
        ProcessResult signed = Mtls.Run(["smime", "-sign", .. flags, "-in", input, "-signer", CmsFiles.Cert(signer), "-inkey", CmsFiles.Key(signer), "-certfile", CmsFiles.InterCert, "-out", output]);
        signed.ExitCode.ShouldBe(0, signed.Stderr);
        bool detached = !flags.Contains("-nodetach");
        string[] formArgs = form == "SMIME" ? [] : ["-inform", form];
        string[] contentArgs = detached && form != "SMIME" ? ["-content", input] : [];
        string[] extra = [.. binary ? ["-binary"] : Array.Empty<string>(), .. flags.Contains("-nocerts") ? ["-certfile", CmsFiles.Cert(signer)] : Array.Empty<string>(), .. flags.Contains("-text") ? ["-text"] : Array.Empty<string>()];

        foreach (string tool in new[] { "smime", "cms" })
        {
            ProcessResult theirs = OpenSslPeer.TryRun(null, [tool, "-verify", .. formArgs, "-in", output, .. contentArgs, .. extra, "-CAfile", CmsFiles.CaCert]);
            theirs.ExitCode.ShouldBe(0, $"{tool}: {theirs.Stderr}");
            theirs.Stderr.ShouldEndWith("Verification successful\n");
            ProcessResult ours = Mtls.Run(["smime", "-verify", .. formArgs, "-in", output, .. contentArgs, .. extra, "-CAfile", CmsFiles.CaCert]);
            ours.Stderr.ShouldBe("Verification successful\n");
            ours.StdoutBytes.ShouldBe(theirs.StdoutBytes);
        }
    }

    [SkippableFact]
    public void SmimeSign_Ed25519_VerifiedByMtls_OpenSsl30CannotSignIt()
    {
        OpenSslPeer.Require();
        string output = CmsFiles.NewPath("der");

        Mtls.Run("smime", "-sign", "-nodetach", "-in", CmsFiles.Message, "-signer", CmsFiles.Cert("ed"), "-inkey", CmsFiles.Key("ed"), "-outform", "DER", "-out", output).ExitCode.ShouldBe(0);

        ProcessResult ours = Mtls.Run("smime", "-verify", "-inform", "DER", "-in", output, "-CAfile", CmsFiles.CaCert);
        ours.Stderr.ShouldBe("Verification successful\n");
        OpenSslPeer.TryRun(null, "smime", "-sign", "-in", CmsFiles.Message, "-signer", CmsFiles.Cert("ed"), "-inkey", CmsFiles.Key("ed")).ExitCode.ShouldNotBe(0);
    }
}
