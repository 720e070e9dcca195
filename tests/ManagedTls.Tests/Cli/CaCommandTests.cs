// `mtls ca -revoke/-gencrl` against the openssl binary: the help, the database lines openssl writes for the same
// revocations, CRLs openssl verifies with the CA (-CAfile) and prints like its own, and each tool reading the other's
// database.
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Cli;

public class CaCommandTests
{
    [SkippableFact]
    public void Ca_Help_EqualsOpenSsl() => CliAgreement.Same("ca", "-help");

    public static TheoryData<string[], string> Revocations => new()
    {
        { new[] { "-crl_reason", "keyCompromise" }, ",keyCompromise" },
        { new[] { "-crl_reason", "superseded" }, ",superseded" },
        { new[] { "-crl_reason", "CESSATIONOFOPERATION" }, ",cessationOfOperation" },
        { new[] { "-crl_compromise", "20260101000000Z" }, ",keyTime,20260101000000Z" },
        { new[] { "-crl_CA_compromise", "20250601120000Z" }, ",CAkeyTime,20250601120000Z" },
        { Array.Empty<string>(), "" },
    };

    [SkippableTheory]
    [MemberData(nameof(Revocations))]
    public void Ca_RevokeThenGenCrl_OpenSslVerifiesAndPrintsSameEntries(string[] reason, string databaseSuffix)
    {
        OpenSslPeer.Require();
        string name = "db" + Guid.NewGuid().ToString("N");
        string config = X509CliFiles.WriteCaConfig(X509CliFiles.Directory, name);
        string crl = X509CliFiles.NewPath("crl");

        ProcessResult revoke = Mtls.Run(["ca", "-config", config, "-revoke", X509CliFiles.LeafCert, .. reason]);
        ProcessResult gencrl = Mtls.Run("ca", "-config", config, "-gencrl", "-crldays", "3", "-out", crl);

        revoke.ExitCode.ShouldBe(0, revoke.Stderr);
        revoke.Stderr.ShouldBe($"Using configuration from {config}\nAdding Entry with serial number 1000 to DB for /C=US/O=Example, Inc./CN=leaf.example\n"
            + "Revoking Certificate 1000.\nDatabase updated\n");
        string[] fields = File.ReadAllText(X509CliFiles.P(name + ".index")).TrimEnd('\n').Split('\t');
        fields[0].ShouldBe("R");
        fields[2].ShouldEndWith("Z" + databaseSuffix);
        fields[3..].ShouldBe(["1000", "unknown", "/C=US/O=Example, Inc./CN=leaf.example"]);
        gencrl.ExitCode.ShouldBe(0, gencrl.Stderr);
        OpenSslPeer.Run("crl", "-in", crl, "-CAfile", X509CliFiles.CaCert, "-noout").Stderr.ShouldBe("verify OK\n");

        // openssl signs a CRL from our database; the revoked entries print alike.
        string theirs = X509CliFiles.NewPath("crl");
        OpenSslPeer.Run("ca", "-config", config, "-gencrl", "-crldays", "3", "-out", theirs);
        Entries(OpenSslPeer.Run("crl", "-in", crl, "-noout", "-text").Stdout).ShouldBe(Entries(OpenSslPeer.Run("crl", "-in", theirs, "-noout", "-text").Stdout));
        OpenSslPeer.Run("crl", "-in", crl, "-noout", "-crlnumber").Stdout.ShouldBe("crlNumber=0x01\n");
        OpenSslPeer.Run("crl", "-in", theirs, "-noout", "-crlnumber").Stdout.ShouldBe("crlNumber=0x02\n");
    }

    [SkippableFact]
    public void Ca_OpenSslDatabase_ReadByMtls()
    {
        OpenSslPeer.Require();
        string name = "db" + Guid.NewGuid().ToString("N");
        string config = X509CliFiles.WriteCaConfig(X509CliFiles.Directory, name);
        OpenSslPeer.Run("ca", "-config", config, "-revoke", X509CliFiles.LeafCert, "-crl_compromise", "20240229235959Z");
        string crl = X509CliFiles.NewPath("crl");

        ProcessResult ours = Mtls.Run("ca", "-config", config, "-gencrl", "-crlhours", "12", "-out", crl);

        ours.ExitCode.ShouldBe(0, ours.Stderr);
        string text = OpenSslPeer.Run("crl", "-in", crl, "-noout", "-text").Stdout;
        text.ShouldContain("    Serial Number: 1000\n");
        text.ShouldContain("            X509v3 CRL Reason Code: \n                Key Compromise\n            Invalidity Date: \n                Feb 29 23:59:59 2024 GMT\n");
        DateTimeOffset last = DateTimeOffset.Parse(OpenSslPeer.Run("crl", "-in", crl, "-noout", "-lastupdate", "-dateopt", "iso_8601").Stdout[11..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        DateTimeOffset next = DateTimeOffset.Parse(OpenSslPeer.Run("crl", "-in", crl, "-noout", "-nextupdate", "-dateopt", "iso_8601").Stdout[11..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        (next - last).ShouldBe(TimeSpan.FromHours(12));
    }

    [SkippableFact]
    public void Ca_RevokeTwice_FailsLikeOpenSsl()
    {
        OpenSslPeer.Require();
        string config = X509CliFiles.WriteCaConfig(X509CliFiles.Directory, "db" + Guid.NewGuid().ToString("N"));
        Mtls.Run("ca", "-config", config, "-revoke", X509CliFiles.LeafCert).ExitCode.ShouldBe(0);

        ProcessResult ours = Mtls.Run("ca", "-config", config, "-revoke", X509CliFiles.LeafCert);
        ProcessResult theirs = OpenSslPeer.TryRun(null, "ca", "-config", config, "-revoke", X509CliFiles.LeafCert);

        ours.ExitCode.ShouldBe(1);
        theirs.ExitCode.ShouldBe(1);
        ours.Stderr.ShouldBe(theirs.Stderr);
    }

    [SkippableFact]
    public void Ca_UnknownReason_FailsLikeOpenSsl()
    {
        OpenSslPeer.Require();
        string config = X509CliFiles.WriteCaConfig(X509CliFiles.Directory, "db" + Guid.NewGuid().ToString("N"));
        string[] args = ["ca", "-config", config, "-revoke", X509CliFiles.LeafCert, "-crl_reason", "bored"];

        ProcessResult ours = Mtls.Run(args);
        ProcessResult theirs = OpenSslPeer.TryRun(null, args);

        ours.ExitCode.ShouldBe(theirs.ExitCode);
        ours.Stderr.ShouldBe(theirs.Stderr);
    }

    private static string Entries(string crlText)
    {
        int start = crlText.IndexOf("Revoked Certificates:", StringComparison.Ordinal);
        int end = crlText.IndexOf("    Signature Algorithm:", start, StringComparison.Ordinal);
        return crlText[start..end];
    }
}
