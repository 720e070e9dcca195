// `mtls genpkey` keys are checked by the openssl binary:
//   openssl pkey -in KEY -check -noout      ("Key is valid")
//   openssl pkey -in KEY -pubcheck -noout
//   openssl pkey -in KEY -passin pass:x     (encrypted output)
using System.Text;
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Cli;

public class GenPkeyCommandTests
{
    public static TheoryData<string, string[]> Algorithms => new()
    {
        { "RSA", ["-pkeyopt", "rsa_keygen_bits:2048"] },
        { "RSA", ["-pkeyopt", "rsa_keygen_bits:1024", "-pkeyopt", "rsa_keygen_pubexp:3"] },
        { "RSA-PSS", ["-pkeyopt", "rsa_keygen_bits:2048"] },
        { "RSA-PSS", ["-pkeyopt", "rsa_keygen_bits:2048", "-pkeyopt", "rsa_pss_keygen_md:sha256", "-pkeyopt", "rsa_pss_keygen_mgf1_md:sha256", "-pkeyopt", "rsa_pss_keygen_saltlen:32"] },
        { "EC", ["-pkeyopt", "ec_paramgen_curve:P-256"] },
        { "EC", ["-pkeyopt", "ec_paramgen_curve:prime256v1", "-pkeyopt", "ec_param_enc:named_curve"] },
        { "EC", ["-pkeyopt", "ec_paramgen_curve:secp384r1"] },
        { "EC", ["-pkeyopt", "ec_paramgen_curve:P-521"] },
        { "EC", ["-pkeyopt", "ec_paramgen_curve:secp256k1"] },
        { "EC", ["-pkeyopt", "ec_paramgen_curve:brainpoolP256r1"] },
        { "ED25519", [] },
        { "ED448", [] },
        { "X25519", [] },
        { "X448", [] },
        { "ed25519", [] },
    };

    [SkippableTheory]
    [MemberData(nameof(Algorithms))]
    public void GenPkey_Algorithm_OpenSslChecksKeyAndPublicKey(string algorithm, string[] pkeyopts)
    {
        OpenSslPeer.Require();

        ProcessResult result = Mtls.Run(["genpkey", "-algorithm", algorithm, .. pkeyopts]);

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldStartWith("-----BEGIN PRIVATE KEY-----\n");
        OpenSslPeer.RunWithInput(result.StdoutBytes, "pkey", "-check", "-noout").Stdout.ShouldBe("Key is valid\n");
        OpenSslPeer.RunWithInput(result.StdoutBytes, "pkey", "-pubcheck", "-noout").Stdout.ShouldBe("Key is valid\n");
    }

    [SkippableFact]
    public void GenPkey_RsaPssWithDigest_WritesOpenSslRestrictions()
    {
        OpenSslPeer.Require();

        ProcessResult result = Mtls.Run("genpkey", "-algorithm", "RSA-PSS", "-pkeyopt", "rsa_keygen_bits:1024", "-pkeyopt", "rsa_pss_keygen_md:sha256");

        string text = OpenSslPeer.RunWithInput(result.StdoutBytes, "pkey", "-text", "-noout").Stdout;
        text.ShouldContain("Hash Algorithm: SHA2-256\n");
        text.ShouldContain("Mask Algorithm: MGF1 with SHA1 (default)\n");
    }

    [SkippableFact]
    public void GenPkey_DsaParamsThenKey_OpenSslChecksBoth()
    {
        OpenSslPeer.Require();
        string parameters = CliKeyFiles.NewPath("pem");
        string key = CliKeyFiles.NewPath("pem");

        Mtls.Run("genpkey", "-genparam", "-algorithm", "DSA", "-pkeyopt", "dsa_paramgen_bits:1024", "-out", parameters).ExitCode.ShouldBe(0);
        Mtls.Run("genpkey", "-paramfile", parameters, "-out", key).ExitCode.ShouldBe(0);

        File.ReadAllText(parameters).ShouldStartWith("-----BEGIN DSA PARAMETERS-----\n");
        OpenSslPeer.Run("pkeyparam", "-in", parameters, "-check", "-noout").Stdout.ShouldBe("Parameters are valid\n");
        OpenSslPeer.Run("pkey", "-in", key, "-check", "-noout").Stdout.ShouldBe("Key is valid\n");
    }

    [SkippableFact]
    public void GenPkey_OpenSslDsaParamFile_MakesKeyInThatDomain()
    {
        OpenSslPeer.Require();
        string key = CliKeyFiles.NewPath("pem");

        Mtls.Run("genpkey", "-paramfile", Path.Combine(CliKeyFiles.Directory, "dsa-params.pem"), "-out", key).ExitCode.ShouldBe(0);

        OpenSslPeer.Run("pkey", "-in", key, "-check", "-noout").Stdout.ShouldBe("Key is valid\n");
    }

    [SkippableFact]
    public void GenPkey_EcGenParam_WritesNamedCurveParametersLikeOpenSsl()
    {
        OpenSslPeer.Require();

        ProcessResult ours = Mtls.Run("genpkey", "-genparam", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256");
        ProcessResult theirs = OpenSslPeer.Run("genpkey", "-genparam", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256");

        ours.Stdout.ShouldBe(theirs.Stdout);
    }

    [SkippableTheory]
    [InlineData("-aes256")]
    [InlineData("-aes-128-cbc")]
    [InlineData("-des3")]
    public void GenPkey_Cipher_OpenSslDecryptsWithPass(string cipher)
    {
        OpenSslPeer.Require();

        ProcessResult result = Mtls.Run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", cipher, "-pass", "pass:x");

        result.Stdout.ShouldStartWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n");
        OpenSslPeer.RunWithInput(result.StdoutBytes, "pkey", "-passin", "pass:x", "-check", "-noout").Stdout.ShouldBe("Key is valid\n");
    }

    [SkippableTheory]
    [InlineData("ED25519")] // PKCS#8, the only DER form
    [InlineData("RSA")] // traditional PKCS#1, as openssl 3.0 genpkey writes DER (i2d_PrivateKey)
    public void GenPkey_OutformDer_WritesDerOpenSslReads(string algorithm)
    {
        OpenSslPeer.Require();

        ProcessResult result = Mtls.Run("genpkey", "-algorithm", algorithm, "-outform", "DER");

        result.StdoutBytes[0].ShouldBe((byte)0x30);
        OpenSslPeer.RunWithInput(result.StdoutBytes, "pkey", "-inform", "DER", "-check", "-noout").Stdout.ShouldBe("Key is valid\n");
    }

    public static TheoryData<string[], string> Failures => new()
    {
        { ["-algorithm", "FOO"], "Error initializing FOO context\n" },
        { [], "genpkey: Use -help for summary.\n" },
        { ["-foo"], "genpkey: Use -help for summary.\n" },
        { ["-algorithm", "RSA", "-pkeyopt", "foo:1"], "genpkey: Error setting foo:1 parameter:\n" },
        { ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:abc"], "genpkey: Error setting rsa_keygen_bits:abc parameter:\n" },
        { ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits"], "genpkey: Error setting rsa_keygen_bits parameter:\n" },
        { ["-algorithm", "ED25519", "-pkeyopt", "foo:bar"], "genpkey: Error setting foo:bar parameter:\n" },
        { ["-algorithm"], "genpkey: Option -algorithm needs a value\ngenpkey: Use -help for summary.\n" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void GenPkey_BadArguments_OpenSslFirstLineAndExit1(string[] args, string expectedStart)
    {
        ProcessResult result = Mtls.Run(["genpkey", .. args]);

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldStartWith(expectedStart);
        result.StdoutBytes.ShouldBeEmpty();
        OpenSslAgreement.StderrStartsWith(["genpkey", .. args], expectedStart);
    }

    [Fact]
    public void GenPkey_MultiPrimeRsa_ClearErrorExit1()
    {
        ProcessResult result = Mtls.Run("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_primes:3");

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain("multi-prime RSA key generation is not supported");
    }

    [Fact]
    public void GenPkey_ExplicitEcParameters_ClearErrorExit1()
    {
        ProcessResult result = Mtls.Run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-pkeyopt", "ec_param_enc:explicit");

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain("explicit EC parameters are not supported");
    }

    [Fact]
    public void GenPkey_CipherWithoutPass_ExplainsAndExits1()
    {
        ProcessResult result = Mtls.Run("genpkey", "-algorithm", "ED25519", "-aes256");

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldStartWith("Error writing key\n");
    }

    [Fact]
    public void GenPkey_OutFile_WritesPemThere()
    {
        string path = CliKeyFiles.NewPath("pem");

        Mtls.Run("genpkey", "-algorithm", "X25519", "-out", path).ExitCode.ShouldBe(0);

        Encoding.ASCII.GetString(File.ReadAllBytes(path)).ShouldStartWith("-----BEGIN PRIVATE KEY-----\n");
    }
}
