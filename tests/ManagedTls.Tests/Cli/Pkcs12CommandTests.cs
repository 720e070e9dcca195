// `mtls pkcs12` and `mtls spkac` against the openssl binary, on files made by openssl and by mtls (commands in
// vectors/README.md, "PKCS#12 and SPKAC").
using ManagedTls.Pkcs.Pkcs12;
using ManagedTls.Tests.Pkcs.Pkcs12;
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Cli;

public class Pkcs12CommandTests
{
    private static readonly Lazy<Dictionary<string, string>> s_files = new(MakeFiles);

    private static Dictionary<string, string> Files
    {
        get
        {
            OpenSslPeer.Require();
            return s_files.Value;
        }
    }

    public static TheoryData<string, string[]> ImportCases => new()
    {
        { "modern", ["-info", "-nodes", "-passin", "pass:secret"] },
        { "modern", ["-nocerts", "-nodes", "-passin", "pass:secret"] },
        { "modern", ["-clcerts", "-nokeys", "-passin", "pass:secret"] },
        { "modern", ["-cacerts", "-nokeys", "-passin", "pass:secret"] },
        { "modern", ["-info", "-noout", "-passin", "pass:secret"] },
        { "legacy", ["-legacy", "-info", "-nodes", "-passin", "pass:secret"] },
        { "nomac", ["-info", "-nodes", "-passin", "pass:secret"] },
        { "empty", ["-info", "-nodes", "-passin", "pass:"] },
        { "plain", ["-info", "-nodes", "-password", "pass:secret"] },
    };

    [SkippableTheory]
    [MemberData(nameof(ImportCases))]
    public void Import_OutputEqualsOpenSsl(string file, string[] options) =>
        CliAgreement.Same(["pkcs12", "-in", Files[file], .. options]);

    [SkippableTheory]
    [InlineData("modern", "pass:wrong")]
    [InlineData("modern", "pass:")]
    public void Import_WrongPassword_SameFirstLinesAndExitCode(string file, string password)
    {
        ProcessResult ours = SameStart("pkcs12", "-in", Files[file], "-info", "-noout", "-passin", password);

        ours.Stderr.ShouldContain("MAC length: 32, salt length: 8\nMac verify error: invalid password?\nmac verify failure: invalid password");
    }

    /// <summary>Both fail with exit code 1, the same standard output and the same first two lines of standard error.</summary>
    private static ProcessResult SameStart(params string[] args)
    {
        ProcessResult ours = Mtls.Run(args);
        ProcessResult theirs = OpenSslPeer.TryRun(null, args);
        ours.ExitCode.ShouldBe(1);
        theirs.ExitCode.ShouldBe(1);
        ours.Stdout.ShouldBe(theirs.Stdout);
        string[] mine = ours.Stderr.Split('\n');
        string[] openssl = theirs.Stderr.Split('\n');
        mine[0].ShouldBe(openssl[0]);
        if (openssl.Length > 2 && !openssl[1].Contains(":error:", StringComparison.Ordinal))
        {
            mine[1].ShouldBe(openssl[1]);
        }

        return ours;
    }

    [SkippableFact]
    public void Import_TamperedMac_MacVerifyError()
    {
        byte[] pfx = File.ReadAllBytes(Files["modern"]);
        pfx[^20] ^= 1;
        string path = Pkcs12Pki.Instance.Write(pfx);

        ProcessResult ours = SameStart("pkcs12", "-in", path, "-noout", "-passin", "pass:secret");

        ours.Stderr.ShouldContain("the password decrypts the contents but the MAC does not match");
    }

    [SkippableFact]
    public void Import_Truncated_FailsCleanly()
    {
        byte[] pfx = File.ReadAllBytes(Files["modern"]);
        string path = Pkcs12Pki.Instance.Write(pfx[..(pfx.Length / 2)]);

        ProcessResult ours = Mtls.Run("pkcs12", "-in", path, "-noout", "-passin", "pass:secret");

        ours.ExitCode.ShouldBe(1);
        ours.Stderr.ShouldStartWith("Could not read PKCS#12 input: Malformed PKCS#12 data");
        OpenSslPeer.TryRun(null, "pkcs12", "-in", path, "-noout", "-passin", "pass:secret").ExitCode.ShouldBe(1);
    }

    public static TheoryData<string, string[], string[]> ExportCases => new()
    {
        { "modern", [], [] },
        { "legacy", ["-legacy"], ["-legacy"] },
        { "nomac", ["-nomac", "-iter", "7"], [] },
        { "sha512 mac, 3DES certs", ["-macalg", "sha512", "-descert", "-name", "named"], [] },
        { "plain key", ["-keypbe", "NONE", "-certpbe", "NONE", "-nomaciter"], [] },
    };

    [SkippableTheory]
    [MemberData(nameof(ExportCases))]
    public void Export_OpenSslInfoReadsIt_SameAsFromItsOwnExport(string profile, string[] exportOptions, string[] readOptions)
    {
        Pkcs12Pki pki = Pkcs12Pki.Instance;
        string ours = pki.P($"cli-ours-{Guid.NewGuid():N}.p12");
        string theirs = pki.P($"cli-theirs-{Guid.NewGuid():N}.p12");
        string[] common = ["pkcs12", "-export", "-in", pki.P("leaf.pem"), "-inkey", pki.P("leaf.key"), "-certfile", pki.P("chain.pem"), "-passout", "pass:pw", .. exportOptions];
        Mtls.Run([.. common, "-out", ours]).ExitCode.ShouldBe(0, profile);
        OpenSslPeer.Run([.. common, "-out", theirs]);

        string[] read = ["pkcs12", "-info", "-nodes", "-passin", "pass:pw", .. readOptions];
        ProcessResult fromOurs = OpenSslPeer.Run([.. read, "-in", ours]);
        ProcessResult fromTheirs = OpenSslPeer.Run([.. read, "-in", theirs]);

        fromOurs.Stderr.ShouldBe(fromTheirs.Stderr, profile);
        fromOurs.Stdout.ShouldBe(fromTheirs.Stdout, profile);
    }

    [SkippableFact]
    public void Export_NoCertificateMatchesKey_Fails()
    {
        Pkcs12Pki pki = Pkcs12Pki.Instance;

        ProcessResult ours = CliAgreement.SameFailure("pkcs12", "-export", "-in", pki.P("root.pem"), "-inkey", pki.P("leaf.key"), "-passout", "pass:x", "-out", pki.P("never.p12"));

        ours.Stderr.ShouldStartWith("No cert in -in file");
    }

    [SkippableTheory]
    [InlineData("spkac-rsa", new string[0])]
    [InlineData("spkac-rsa", new[] { "-verify" })]
    [InlineData("spkac-ec", new[] { "-verify", "-noout", "-pubkey" })]
    [InlineData("spkac-ec", new[] { "-pubkey" })]
    [InlineData("spkac-bad", new[] { "-verify", "-noout" })]
    public void Spkac_OutputEqualsOpenSsl(string file, string[] options)
    {
        if (file == "spkac-bad")
        {
            CliAgreement.SameFailure(["spkac", "-in", Files[file], .. options]).Stderr.ShouldStartWith("Signature Failure");
            return;
        }

        CliAgreement.Same(["spkac", "-in", Files[file], .. options]);
    }

    [SkippableTheory]
    [InlineData("root.key", "md5")]
    [InlineData("root.key", "sha256")]
    [InlineData("leaf.key", "sha256")]
    public void Spkac_Create_OpenSslVerifies(string key, string digest)
    {
        Pkcs12Pki pki = Pkcs12Pki.Instance;
        string output = pki.P($"spkac-ours-{Guid.NewGuid():N}.txt");

        Mtls.Run("spkac", "-key", pki.P(key), "-challenge", "mtls", "-digest", digest, "-out", output).ExitCode.ShouldBe(0);

        OpenSslPeer.Run("spkac", "-in", output, "-verify", "-noout").Stderr.ShouldBe("Signature OK\n");
    }

    [SkippableFact]
    public void Spkac_EcWithDefaultMd5_FailsAsOpenSsl() =>
        SameStart("spkac", "-key", Pkcs12Pki.Instance.P("leaf.key"), "-challenge", "x").Stderr.ShouldStartWith("Error signing SPKAC\n");

    [SkippableTheory]
    [InlineData("pkcs12")]
    [InlineData("spkac")]
    public void Help_EqualsOpenSsl(string verb) => CliAgreement.Same(verb, "-help");

    [SkippableFact]
    public void Export_NodesIgnored_SameWarning()
    {
        Pkcs12Pki pki = Pkcs12Pki.Instance;
        string[] args = ["pkcs12", "-export", "-nodes", "-in", pki.P("leaf.pem"), "-inkey", pki.P("leaf.key"), "-passout", "pass:x", "-out"];

        ProcessResult ours = Mtls.Run([.. args, pki.P("nodes-ours.p12")]);
        ProcessResult theirs = OpenSslPeer.Run([.. args, pki.P("nodes-theirs.p12")]);

        ours.Stderr.ShouldBe(theirs.Stderr);
        ours.ExitCode.ShouldBe(0);
    }

    [SkippableFact]
    public void Spkac_MissingName_SameFailure() =>
        CliAgreement.SameFailure("spkac", "-in", Files["spkac-rsa"], "-spkac", "OTHER");

    private static Dictionary<string, string> MakeFiles()
    {
        Pkcs12Pki pki = Pkcs12Pki.Instance;
        var files = new Dictionary<string, string>
        {
            ["modern"] = pki.Write(pki.OpenSslExport("-passout", "pass:secret", "-certfile", pki.P("chain.pem"), "-name", "cli leaf")),
            ["legacy"] = pki.Write(pki.OpenSslExport("-legacy", "-passout", "pass:secret", "-certfile", pki.P("chain.pem"))),
            ["nomac"] = pki.Write(pki.OpenSslExport("-nomac", "-passout", "pass:secret")),
            ["empty"] = pki.Write(pki.OpenSslExport("-passout", "pass:")),
            ["plain"] = pki.Write(pki.OpenSslExport("-keypbe", "NONE", "-certpbe", "NONE", "-passout", "pass:secret", "-name", "plain")),
        };
        files["spkac-rsa"] = pki.P("cli-rsa.spkac");
        OpenSslPeer.Run("spkac", "-key", pki.P("root.key"), "-challenge", "cli", "-out", files["spkac-rsa"]);
        files["spkac-ec"] = pki.P("cli-ec.spkac");
        OpenSslPeer.Run("spkac", "-key", pki.P("leaf.key"), "-challenge", "cli ec", "-digest", "sha256", "-out", files["spkac-ec"]);
        string line = File.ReadAllText(files["spkac-rsa"]).Trim();
        byte[] der = Convert.FromBase64String(line["SPKAC=".Length..]);
        der[^5] ^= 1;
        files["spkac-bad"] = pki.Write(System.Text.Encoding.ASCII.GetBytes("SPKAC=" + Convert.ToBase64String(der) + "\n"), ".spkac");
        _ = typeof(Pkcs12Archive);
        return files;
    }
}
