// `mtls crl` against the openssl binary on CRLs made by `openssl ca` (one with a revoked entry and reason, one empty):
// print options, -text, DER round trips, issuer lookup with -CAfile/-CApath, and failures.
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Cli;

public class CrlCommandTests
{
    private static readonly string[][] s_options =
    [
        [],
        ["-noout", "-issuer", "-lastupdate", "-nextupdate"],
        ["-noout", "-hash", "-hash_old", "-crlnumber"],
        ["-noout", "-fingerprint"],
        ["-noout", "-fingerprint", "-sha256", "-fingerprint"],
        ["-noout", "-md5", "-fingerprint"],
        ["-noout", "-text"],
        ["-text"],
        ["-noout", "-text", "-issuer", "-nameopt", "multiline"],
        ["-noout", "-issuer", "-nameopt", "RFC2253", "-dateopt", "iso_8601", "-nextupdate"],
        ["-outform", "DER"],
        ["-noout", "-CAfile", "CA"],
        ["-noout", "-CAfile", "LEAF"],
        ["-noout", "-verify", "-CAfile", "CA", "-issuer"],
        ["-help"],
    ];

    public static IEnumerable<object[]> CrlsAndOptions =>
        from crl in new[] { "revoked.crl", "empty.crl" }
        from options in s_options
        select new object[] { crl, options };

    [SkippableTheory]
    [MemberData(nameof(CrlsAndOptions))]
    public void Crl_Options_OutputEqualsOpenSsl(string crl, string[] options)
    {
        OpenSslPeer.Require();
        string[] resolved = options.Select(o => o switch { "CA" => X509CliFiles.CaCert, "LEAF" => X509CliFiles.LeafCert, _ => o }).ToArray();
        CliAgreement.Same(["crl", "-in", X509CliFiles.P(crl), .. resolved]);
    }

    [SkippableFact]
    public void Crl_DerInputAndStdin_OutputEqualsOpenSsl()
    {
        byte[] der = OpenSslPeer.Run("crl", "-in", X509CliFiles.RevokedCrl, "-outform", "DER").StdoutBytes;
        string derFile = X509CliFiles.NewPath("der");
        File.WriteAllBytes(derFile, der);

        CliAgreement.Same("crl", "-in", derFile, "-inform", "DER", "-noout", "-issuer", "-crlnumber");
        CliAgreement.Same("crl", "-in", derFile);
        CliAgreement.SameWithInput(der, "crl", "-noout", "-text");
    }

    [SkippableFact]
    public void Crl_CaPath_FindsIssuerByHashLikeOpenSsl()
    {
        OpenSslPeer.Require();
        string directory = Directory.CreateTempSubdirectory("mtls-capath-").FullName;
        try
        {
            string hash = OpenSslPeer.Run("x509", "-in", X509CliFiles.CaCert, "-noout", "-hash").Stdout.Trim();
            File.Copy(X509CliFiles.CaCert, Path.Combine(directory, hash + ".0"));

            CliAgreement.Same("crl", "-in", X509CliFiles.RevokedCrl, "-noout", "-CApath", directory);
            CliAgreement.Same("crl", "-in", X509CliFiles.RevokedCrl, "-noout", "-CApath", "/nonexistent");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    public static TheoryData<string[]> Failures => new()
    {
        new[] { "crl", "-in", "/nonexistent/x.crl" },
        new[] { "crl", "-in", "/etc/hostname" },
        new[] { "crl", "-in", "CRL", "-inform", "DER" },
        new[] { "crl", "-in", "CRL", "-nameopt", "bogus" },
        new[] { "crl", "-in", "CRL", "-noout", "-fingerprint", "-bogusdigest" },
        new[] { "crl", "-in", "CRL", "-CAfile", "/nonexistent/ca.pem" },
        new[] { "crl", "-in", "CRL", "-outform", "TXT" },
        new[] { "crl", "-in", "CRL", "stray" },
    };

    [SkippableTheory]
    [MemberData(nameof(Failures))]
    public void Crl_Failure_FirstAndLastLinesEqualOpenSsl(string[] args)
    {
        CliAgreement.SameFailure(args.Select(a => a == "CRL" ? X509CliFiles.RevokedCrl : a).ToArray());
    }
}
