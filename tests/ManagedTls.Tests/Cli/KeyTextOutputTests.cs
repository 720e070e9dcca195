// `-text` output of the key verbs equals openssl's byte for byte (OpenSSL 3.0.19):
//   openssl pkey -in KEY -text -noout | -text_pub -noout | -text ;  openssl pkey -pubin -in PUB -text -noout
//   openssl rsa -in KEY -text -noout ;  openssl rsa -pubin -in PUB -text -noout
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Cli;

public class KeyTextOutputTests
{
    public static IEnumerable<object[]> Cases =>
        from key in CliKeyFiles.Names
        from flags in new[] { new[] { "-text", "-noout" }, ["-text_pub", "-noout"], ["-text"], ["-pubout", "-text"] }
        select new object[] { key, flags };

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Pkey_Text_EqualsOpenSsl(string key, string[] flags)
    {
        OpenSslPeer.Require();
        string[] args = ["pkey", "-in", CliKeyFiles.Private(key), .. flags];

        ProcessResult ours = Mtls.Run(args);

        ours.ExitCode.ShouldBe(0, ours.Stderr);
        ours.Stdout.ShouldBe(OpenSslPeer.Run(args).Stdout);
    }

    [SkippableTheory]
    [MemberData(nameof(CliKeyFiles.All), MemberType = typeof(CliKeyFiles))]
    public void Pkey_PubinText_EqualsOpenSsl(string key)
    {
        OpenSslPeer.Require();
        string[] args = ["pkey", "-pubin", "-in", CliKeyFiles.Public(key), "-text", "-noout"];

        Mtls.Run(args).Stdout.ShouldBe(OpenSslPeer.Run(args).Stdout);
    }

    [SkippableTheory]
    [InlineData("rsa.pem", new[] { "-text", "-noout" })]
    [InlineData("rsa-pss.pem", new[] { "-text", "-noout" })]
    [InlineData("rsa.pem", new[] { "-text", "-modulus" })]
    [InlineData("rsa.pub.pem", new[] { "-pubin", "-text", "-noout" })]
    public void Rsa_Text_EqualsOpenSsl(string file, string[] flags)
    {
        OpenSslPeer.Require();
        string[] args = ["rsa", "-in", Path.Combine(CliKeyFiles.Directory, file), .. flags];

        ProcessResult ours = Mtls.Run(args);
        ProcessResult theirs = OpenSslPeer.TryRun(null, args);

        ours.Stdout.ShouldBe(theirs.Stdout);
        ours.Stderr.ShouldBe(theirs.Stderr);
    }

    [SkippableTheory]
    [InlineData("ED25519")]
    [InlineData("EC")]
    public void GenPkey_Text_IsOpenSslTextOfTheKeyWritten(string algorithm)
    {
        OpenSslPeer.Require();
        string[] options = algorithm == "EC" ? ["-pkeyopt", "ec_paramgen_curve:P-256"] : [];

        string output = Mtls.Run(["genpkey", "-algorithm", algorithm, .. options, "-text"]).Stdout;

        int end = output.IndexOf("-----END PRIVATE KEY-----\n", StringComparison.Ordinal) + "-----END PRIVATE KEY-----\n".Length;
        string pem = output[..end];
        output[end..].ShouldBe(OpenSslPeer.RunWithInput(System.Text.Encoding.ASCII.GetBytes(pem), "pkey", "-text", "-noout").Stdout);
    }

    [SkippableFact]
    public void GenPkey_GenParamText_EqualsOpenSsl()
    {
        OpenSslPeer.Require();
        string[] args = ["genpkey", "-genparam", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384", "-text"];

        Mtls.Run(args).Stdout.ShouldBe(OpenSslPeer.Run(args).Stdout);
    }

    [SkippableFact]
    public void GenPkey_DsaGenParamText_IsOpenSslTextOfTheParameters()
    {
        OpenSslPeer.Require();

        string output = Mtls.Run("genpkey", "-genparam", "-algorithm", "DSA", "-pkeyopt", "dsa_paramgen_bits:1024", "-text").Stdout;

        const string end = "-----END DSA PARAMETERS-----\n";
        int split = output.IndexOf(end, StringComparison.Ordinal) + end.Length;
        output[split..].ShouldBe(OpenSslPeer.RunWithInput(System.Text.Encoding.ASCII.GetBytes(output[..split]), "pkeyparam", "-text", "-noout").Stdout);
    }
}
