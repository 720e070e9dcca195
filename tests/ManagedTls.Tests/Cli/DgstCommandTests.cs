// `mtls dgst` against `openssl dgst` (3.0.19): digest lines byte for byte, and signatures crossing both ways:
//   openssl dgst -DIGEST [-r|-c|-hex|-binary|-hmac key] FILE...
//   openssl dgst -sha256 -sign KEY -out SIG FILE ; openssl dgst -sha256 -verify PUB -signature SIG FILE
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Cli;

public class DgstCommandTests
{
    public static TheoryData<string[]> DigestFlags => new()
    {
        { [] },
        { ["-sha256"] },
        { ["-sha1"] },
        { ["-md5"] },
        { ["-sha224"] },
        { ["-sha384"] },
        { ["-sha512"] },
        { ["-sha512-224"] },
        { ["-sha512-256"] },
        { ["-sha3-224"] },
        { ["-sha3-256"] },
        { ["-sha3-384"] },
        { ["-sha3-512"] },
        { ["-SHA256"] },
        { ["-sha-256"] },
        { ["-RSA-SHA256"] },
        { ["-sha256", "-r"] },
        { ["-sha1", "-c"] },
        { ["-sha256", "-binary"] },
        { ["-sha256", "-hex"] },
        { ["-hmac", "key"] },
        { ["-sha512", "-hmac", "secret"] },
        { ["-sha256", "-mac", "HMAC", "-macopt", "hexkey:00112233"] },
        { ["-fips-fingerprint"] },
    };

    [SkippableTheory]
    [MemberData(nameof(DigestFlags))]
    public void Dgst_Files_OutputEqualsOpenSsl(string[] flags)
    {
        OpenSslPeer.Require();
        string[] args = ["dgst", .. flags, CliKeyFiles.Message, CliKeyFiles.Private("rsa")];

        ProcessResult ours = Mtls.Run(args);

        ours.ExitCode.ShouldBe(0, ours.Stderr);
        ours.StdoutBytes.ShouldBe(OpenSslPeer.Run(args).StdoutBytes);
    }

    [SkippableTheory]
    [InlineData("-sha256")]
    [InlineData("-r")]
    public void Dgst_Stdin_NamesItStdin(string flag)
    {
        OpenSslPeer.Require();
        byte[] input = "hello"u8.ToArray();

        ProcessResult ours = Mtls.RunWithInput(input, "dgst", flag);

        ours.Stdout.ShouldBe(OpenSslPeer.RunWithInput(input, "dgst", flag).Stdout);
    }

    public static IEnumerable<object[]> SigningKeys => CliKeyFiles.Signing;

    [SkippableTheory]
    [MemberData(nameof(SigningKeys))]
    public void Dgst_OurSignature_OpenSslVerifies(string key)
    {
        OpenSslPeer.Require();
        string signature = CliKeyFiles.NewPath("sig");

        Mtls.Run("dgst", "-sha256", "-sign", CliKeyFiles.Private(key), "-out", signature, CliKeyFiles.Message).ExitCode.ShouldBe(0);

        OpenSslPeer.Run("dgst", "-sha256", "-verify", CliKeyFiles.Public(key), "-signature", signature, CliKeyFiles.Message)
            .Stdout.ShouldBe("Verified OK\n");
    }

    [SkippableTheory]
    [MemberData(nameof(SigningKeys))]
    public void Dgst_OpenSslSignature_WeVerifyAndRejectOtherDigest(string key)
    {
        OpenSslPeer.Require();
        string signature = CliKeyFiles.NewPath("sig");
        OpenSslPeer.Run("dgst", "-sha384", "-sign", CliKeyFiles.Private(key), "-out", signature, CliKeyFiles.Message);

        ProcessResult good = Mtls.Run("dgst", "-sha384", "-verify", CliKeyFiles.Public(key), "-signature", signature, CliKeyFiles.Message);
        ProcessResult privateVerify = Mtls.Run("dgst", "-sha384", "-prverify", CliKeyFiles.Private(key), "-signature", signature, CliKeyFiles.Message);
        ProcessResult bad = Mtls.Run("dgst", "-sha256", "-verify", CliKeyFiles.Public(key), "-signature", signature, CliKeyFiles.Message);

        good.Stdout.ShouldBe("Verified OK\n");
        good.ExitCode.ShouldBe(0);
        privateVerify.Stdout.ShouldBe("Verified OK\n");
        bad.Stdout.ShouldBe("Verification failure\n");
        bad.ExitCode.ShouldBe(1);
    }

    [SkippableTheory]
    [InlineData("rsa", new[] { "-sha256" })]
    [InlineData("rsa", new[] { "-sha1", "-c" })]
    [InlineData("rsa", new string[0])]
    public void Dgst_DeterministicSignHex_EqualsOpenSsl(string key, string[] flags)
    {
        OpenSslPeer.Require();
        string[] args = ["dgst", .. flags, "-hex", "-sign", CliKeyFiles.Private(key), CliKeyFiles.Message];

        Mtls.Run(args).Stdout.ShouldBe(OpenSslPeer.Run(args).Stdout);
    }

    [SkippableTheory]
    [InlineData("rsa_pss_saltlen:digest")]
    [InlineData("rsa_pss_saltlen:max")]
    [InlineData("rsa_pss_saltlen:20")]
    public void Dgst_PssSigopt_CrossesBothWays(string saltOption)
    {
        OpenSslPeer.Require();
        string ours = CliKeyFiles.NewPath("sig");
        string theirs = CliKeyFiles.NewPath("sig");
        string[] sigopts = ["-sigopt", "rsa_padding_mode:pss", "-sigopt", saltOption];
        Mtls.Run(["dgst", "-sha256", "-sign", CliKeyFiles.Private("rsa"), .. sigopts, "-out", ours, CliKeyFiles.Message]).ExitCode.ShouldBe(0);
        OpenSslPeer.Run(["dgst", "-sha256", "-sign", CliKeyFiles.Private("rsa"), .. sigopts, "-out", theirs, CliKeyFiles.Message]);

        OpenSslPeer.Run(["dgst", "-sha256", "-verify", CliKeyFiles.Public("rsa"), .. sigopts, "-signature", ours, CliKeyFiles.Message]).Stdout.ShouldBe("Verified OK\n");
        Mtls.Run(["dgst", "-sha256", "-verify", CliKeyFiles.Public("rsa"), "-sigopt", "rsa_padding_mode:pss", "-signature", theirs, CliKeyFiles.Message]).Stdout.ShouldBe("Verified OK\n");
    }

    public static TheoryData<string[], string> Failures => new()
    {
        { ["-foo"], "dgst: Unknown option or message digest: foo\ndgst: Use -help for summary.\n" },
        { ["-sha256", "-xoflen", "20"], "Length can only be specified for XOF\n" },
        { ["-sha256", "-out"], "dgst: Option -out needs a value\ndgst: Use -help for summary.\n" },
        { ["-sha256", "/nonexistent/file"], "/nonexistent/file: No such file or directory\n" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Dgst_BadArguments_OpenSslWordingExit1(string[] args, string expected)
    {
        ProcessResult result = Mtls.Run(["dgst", .. args]);

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldBe(expected);
        OpenSslAgreement.StderrStartsWith(["dgst", .. args], expected);
    }

    [SkippableFact]
    public void Dgst_VerifyWithoutSignature_SaysUseSignature()
    {
        OpenSslPeer.Require();

        ProcessResult result = Mtls.Run("dgst", "-sha256", "-verify", CliKeyFiles.Public("rsa"), CliKeyFiles.Message);

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldBe("No signature to verify: use the -signature option\n");
    }

    [SkippableFact]
    public void Dgst_SignWithEd25519_KeyTypeNotSupported()
    {
        OpenSslPeer.Require();

        ProcessResult result = Mtls.Run("dgst", "-sign", CliKeyFiles.Private("ed25519"), CliKeyFiles.Message);

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldBe("Key type not supported for this operation\n");
    }

    [Fact]
    public void Dgst_List_StartsLikeOpenSsl()
    {
        ProcessResult result = Mtls.Run("dgst", "-list");

        result.ExitCode.ShouldBe(0);
        result.Stdout.ShouldStartWith("Supported digests:\n-md5                       -sha1                      -sha224                    \n");
    }
}
