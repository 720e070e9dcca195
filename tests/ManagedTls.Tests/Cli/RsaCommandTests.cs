// `mtls rsa` against `openssl rsa` (3.0.19) on the same key files (CliKeyFiles): identical stdout and stderr
// ("writing RSA key"), PKCS#8 PRIVATE KEY unless -traditional.
using ManagedTls.Keys;
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Cli;

public class RsaCommandTests
{
    public static TheoryData<string, string[]> Cases => new()
    {
        { "rsa", [] },
        { "rsa", ["-traditional"] },
        { "rsa", ["-pubout"] },
        { "rsa", ["-RSAPublicKey_out"] },
        { "rsa", ["-outform", "DER"] },
        { "rsa", ["-traditional", "-outform", "DER"] },
        { "rsa", ["-RSAPublicKey_out", "-outform", "DER"] },
        { "rsa", ["-modulus", "-noout"] },
        { "rsa", ["-check", "-noout"] },
        { "rsa", ["-modulus", "-check"] },
        { "rsa", ["-noout"] },
        { "rsa-pss", [] },
        { "rsa.pub", ["-pubin"] },
        { "rsa.pub", ["-pubin", "-RSAPublicKey_out"] },
        { "rsa.pub", ["-pubin", "-modulus", "-noout"] },
    };

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Rsa_Flags_OutputEqualsOpenSsl(string file, string[] flags)
    {
        OpenSslPeer.Require();
        string path = Path.Combine(CliKeyFiles.Directory, file + ".pem");
        string[] args = ["rsa", "-in", path, .. flags];

        ProcessResult ours = Mtls.Run(args);
        ProcessResult theirs = OpenSslPeer.TryRun(null, args);

        ours.ExitCode.ShouldBe(0, ours.Stderr);
        ours.StdoutBytes.ShouldBe(theirs.StdoutBytes);
        ours.Stderr.ShouldBe(theirs.Stderr);
    }

    [SkippableFact]
    public void Rsa_RsaPublicKeyIn_ReadsPkcs1PublicKey()
    {
        OpenSslPeer.Require();
        string pkcs1 = CliKeyFiles.NewPath("pem");
        OpenSslPeer.Run("rsa", "-in", CliKeyFiles.Private("rsa"), "-RSAPublicKey_out", "-out", pkcs1);

        ProcessResult ours = Mtls.Run("rsa", "-RSAPublicKey_in", "-in", pkcs1);

        ours.Stdout.ShouldBe(File.ReadAllText(CliKeyFiles.Public("rsa")));
    }

    [SkippableFact]
    public void Rsa_CipherPassout_OpenSslDecrypts()
    {
        OpenSslPeer.Require();

        ProcessResult ours = Mtls.Run("rsa", "-in", CliKeyFiles.Private("rsa"), "-aes256", "-passout", "pass:x");

        ours.Stdout.ShouldStartWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n");
        OpenSslPeer.RunWithInput(ours.StdoutBytes, "rsa", "-passin", "pass:x", "-check", "-noout").Stdout.ShouldBe("RSA key ok\n");
    }

    [SkippableTheory]
    [InlineData("ec-p256", "Not an RSA key\n")]
    [InlineData("ed25519", "Not an RSA key\n")]
    public void Rsa_NotRsa_SaysSoExit1(string key, string expected)
    {
        OpenSslPeer.Require();

        ProcessResult ours = Mtls.Run("rsa", "-in", CliKeyFiles.Private(key));

        ours.ExitCode.ShouldBe(1);
        ours.Stderr.ShouldBe(expected);
    }

    [SkippableFact]
    public void Rsa_PubinCheck_OnlyPrivateKeysCanBeChecked()
    {
        OpenSslPeer.Require();

        ProcessResult ours = Mtls.Run("rsa", "-pubin", "-in", CliKeyFiles.Public("rsa"), "-check");

        ours.ExitCode.ShouldBe(1);
        ours.Stderr.ShouldBe("Only private keys can be checked\n");
    }

    [Fact]
    public void Rsa_UnknownFlag_UnknownCipher()
    {
        ProcessResult result = Mtls.Run("rsa", "-foo");

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldBe("rsa: Unknown cipher: foo\nrsa: Use -help for summary.\n");
    }

    [SkippableTheory]
    [InlineData("rsa", "", "RSA key not ok\n")]
    [InlineData("pkey", "", "Key is invalid\n")]
    public void Check_WrongCrtExponent_ReportsLikeOpenSsl(string verb, string expectedStdout, string expectedStderrStart)
    {
        OpenSslPeer.Require();
        var good = (RsaPrivateKey)KeyDecoder.DecodePrivateKey(File.ReadAllBytes(CliKeyFiles.Private("rsa")));
        byte[] dp = good.DP.ToArray();
        dp[^1] ^= 2;
        var bad = new RsaPrivateKey(good.PublicKey, good.D.Span, good.P.Span, good.Q.Span, dp, good.DQ.Span, good.QInv.Span);
        string path = CliKeyFiles.NewPath("pem");
        File.WriteAllBytes(path, KeyEncoder.EncodeTraditionalPem(bad));
        string[] args = [verb, "-in", path, "-check", "-noout"];

        ProcessResult ours = Mtls.Run(args);
        ProcessResult theirs = OpenSslPeer.TryRun(null, args);

        ours.Stdout.ShouldBe(expectedStdout);
        theirs.Stdout.ShouldBe(expectedStdout);
        ours.Stderr.ShouldStartWith(expectedStderrStart);
        theirs.Stderr.ShouldStartWith(expectedStderrStart);
        ours.ExitCode.ShouldBe(theirs.ExitCode);
    }
}
