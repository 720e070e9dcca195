// `mtls pkeyutl` against `openssl pkeyutl` (3.0.19): EdDSA signatures (-rawin) and digest signatures cross both ways,
// derived secrets are equal:
//   openssl pkeyutl -sign -inkey KEY -rawin -in MSG -out SIG ; openssl pkeyutl -verify -pubin -inkey PUB -rawin -in MSG -sigfile SIG
//   openssl pkeyutl -derive -inkey KEY -peerkey PEER
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Cli;

public class PkeyutlCommandTests
{
    public static TheoryData<string, string[]> SignCases => new()
    {
        { "ed25519", ["-rawin"] },
        { "ed448", ["-rawin"] },
        { "rsa", ["-rawin", "-digest", "sha256"] },
        { "rsa", ["-rawin"] },
        { "rsa", ["-rawin", "-digest", "sha384", "-pkeyopt", "rsa_padding_mode:pss"] },
        { "ec-p256", ["-rawin", "-digest", "sha256"] },
        { "ec-p521", ["-rawin", "-digest", "sha512"] },
        { "dsa", ["-rawin", "-digest", "sha256"] },
        { "rsa-pss", ["-rawin"] },
    };

    [SkippableTheory]
    [MemberData(nameof(SignCases))]
    public void Pkeyutl_OurSignature_OpenSslVerifies(string key, string[] flags)
    {
        OpenSslPeer.Require();
        string signature = CliKeyFiles.NewPath("sig");

        ProcessResult sign = Mtls.Run(["pkeyutl", "-sign", "-inkey", CliKeyFiles.Private(key), "-in", CliKeyFiles.Message, "-out", signature, .. flags]);

        sign.ExitCode.ShouldBe(0, sign.Stderr);
        OpenSslPeer.Run(["pkeyutl", "-verify", "-pubin", "-inkey", CliKeyFiles.Public(key), "-in", CliKeyFiles.Message, "-sigfile", signature, .. flags])
            .Stdout.ShouldBe("Signature Verified Successfully\n");
    }

    [SkippableTheory]
    [MemberData(nameof(SignCases))]
    public void Pkeyutl_OpenSslSignature_WeVerifyAndRejectOtherMessage(string key, string[] flags)
    {
        OpenSslPeer.Require();
        string signature = CliKeyFiles.NewPath("sig");
        OpenSslPeer.Run(["pkeyutl", "-sign", "-inkey", CliKeyFiles.Private(key), "-in", CliKeyFiles.Message, "-out", signature, .. flags]);

        ProcessResult good = Mtls.Run(["pkeyutl", "-verify", "-pubin", "-inkey", CliKeyFiles.Public(key), "-in", CliKeyFiles.Message, "-sigfile", signature, .. flags]);
        ProcessResult bad = Mtls.Run(["pkeyutl", "-verify", "-inkey", CliKeyFiles.Private(key), "-in", CliKeyFiles.Public(key), "-sigfile", signature, .. flags]);

        good.Stdout.ShouldBe("Signature Verified Successfully\n");
        good.ExitCode.ShouldBe(0);
        bad.Stdout.ShouldBe("Signature Verification Failure\n");
        bad.ExitCode.ShouldBe(1);
    }

    [SkippableTheory]
    [InlineData("ed25519")]
    [InlineData("ed448")]
    public void Pkeyutl_EdDsaSignature_EqualsOpenSslBytes(string key)
    {
        OpenSslPeer.Require();
        string[] args = ["pkeyutl", "-sign", "-rawin", "-inkey", CliKeyFiles.Private(key), "-in", CliKeyFiles.Message];

        Mtls.Run(args).StdoutBytes.ShouldBe(OpenSslPeer.Run(args).StdoutBytes);
    }

    [SkippableTheory]
    [InlineData("rsa", new[] { "-rawin" })]
    [InlineData("ed25519", new[] { "-rawin", "-hexdump" })]
    [InlineData("rsa", new[] { "-rawin", "-hexdump" })]
    public void Pkeyutl_DeterministicSignatureAsn1parseOrHexdump_EqualsOpenSsl(string key, string[] flags)
    {
        OpenSslPeer.Require();
        string[] args = ["pkeyutl", "-sign", "-inkey", CliKeyFiles.Private(key), "-in", CliKeyFiles.Message, "-asn1parse", .. flags];

        ProcessResult ours = Mtls.Run(args);
        ProcessResult theirs = OpenSslPeer.Run(args);

        ours.ExitCode.ShouldBe(0);
        ours.Stdout.ShouldBe(theirs.Stdout); // an RSA signature is not DER: "Error in encoding", and the error on stderr
        (ours.Stderr.Length == 0).ShouldBe(theirs.Stderr.Length == 0);
    }

    [SkippableTheory]
    [InlineData("ec-p256", new[] { "-rawin", "-digest", "sha256" })]
    [InlineData("ed25519", new[] { "-rawin" })]
    [InlineData("rsa", new[] { "-rawin" })]
    public void Pkeyutl_CertinVerify_AcceptsOpenSslSignature(string key, string[] flags)
    {
        OpenSslPeer.Require();
        string certificate = CliKeyFiles.NewPath("crt");
        string signature = CliKeyFiles.NewPath("sig");
        OpenSslPeer.Run("req", "-x509", "-new", "-key", CliKeyFiles.Private(key), "-subj", "/CN=mtls certin", "-days", "1", "-out", certificate);
        OpenSslPeer.Run(["pkeyutl", "-sign", "-inkey", CliKeyFiles.Private(key), "-in", CliKeyFiles.Message, "-out", signature, .. flags]);

        ProcessResult ours = Mtls.Run(["pkeyutl", "-verify", "-certin", "-inkey", certificate, "-in", CliKeyFiles.Message, "-sigfile", signature, .. flags]);

        ours.ExitCode.ShouldBe(0, ours.Stderr);
        ours.Stdout.ShouldBe("Signature Verified Successfully\n");
    }

    [SkippableFact]
    public void Pkeyutl_EcdsaAsn1parse_PrintsSequenceOfTwoIntegers()
    {
        OpenSslPeer.Require();

        string[] lines = Mtls.Run("pkeyutl", "-sign", "-rawin", "-inkey", CliKeyFiles.Private("ec-p256"), "-in", CliKeyFiles.Message, "-asn1parse")
            .Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        lines.Length.ShouldBe(3);
        lines[0].ShouldStartWith("    0:d=0  hl=2 l=");
        lines[0].ShouldContain("cons: SEQUENCE");
        lines[1].ShouldContain("prim:  INTEGER           :");
        lines[2].ShouldContain("prim:  INTEGER           :");
    }

    [SkippableTheory]
    [InlineData("ec-p256", "sha256")]
    [InlineData("rsa", "sha256")]
    public void Pkeyutl_PrehashedInput_OpenSslVerifies(string key, string digest)
    {
        OpenSslPeer.Require();
        byte[] hash = OpenSslPeer.Run("dgst", "-" + digest, "-binary", CliKeyFiles.Message).StdoutBytes;
        string hashFile = CliKeyFiles.NewPath("bin");
        File.WriteAllBytes(hashFile, hash);
        string signature = CliKeyFiles.NewPath("sig");
        string[] digestOption = ["-pkeyopt", "digest:" + digest];

        Mtls.Run(["pkeyutl", "-sign", "-inkey", CliKeyFiles.Private(key), "-in", hashFile, "-out", signature, .. digestOption]).ExitCode.ShouldBe(0);

        OpenSslPeer.Run(["pkeyutl", "-verify", "-inkey", CliKeyFiles.Private(key), "-in", hashFile, "-sigfile", signature, .. digestOption])
            .Stdout.ShouldBe("Signature Verified Successfully\n");
    }

    [SkippableTheory]
    [InlineData("x25519", "-hexdump")]
    [InlineData("x448", "-hexdump")] // 56 bytes: a partial last line
    [InlineData("ec-p256", null)]
    [InlineData("ec-p384", "-hexdump")]
    [InlineData("ec-p521", null)]
    public void Pkeyutl_Derive_EqualsOpenSsl(string key, string? flag)
    {
        OpenSslPeer.Require();
        string peer = CliKeyFiles.NewPath("pem");
        string peerPublic = CliKeyFiles.NewPath("pem");
        string[] algorithm = key.StartsWith("ec-", StringComparison.Ordinal)
            ? ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:" + key[3..].ToUpperInvariant().Insert(1, "-")]
            : ["-algorithm", key.ToUpperInvariant()];
        OpenSslPeer.Run(["genpkey", .. algorithm, "-out", peer]);
        OpenSslPeer.Run("pkey", "-in", peer, "-pubout", "-out", peerPublic);
        string[] extra = flag is null ? [] : [flag];
        string[] args = ["pkeyutl", "-derive", "-inkey", CliKeyFiles.Private(key), "-peerkey", peerPublic, .. extra];

        ProcessResult ours = Mtls.Run(args);

        ours.ExitCode.ShouldBe(0, ours.Stderr);
        ours.StdoutBytes.ShouldBe(OpenSslPeer.Run(args).StdoutBytes);
        Mtls.Run(["pkeyutl", "-derive", "-inkey", peer, "-peerkey", CliKeyFiles.Public(key), .. extra]).StdoutBytes.ShouldBe(ours.StdoutBytes);
    }

    [SkippableFact]
    public void Pkeyutl_EdDsaWithoutRawin_ErrorInitializingContext()
    {
        OpenSslPeer.Require();

        ProcessResult result = Mtls.Run("pkeyutl", "-sign", "-inkey", CliKeyFiles.Private("ed25519"), "-in", CliKeyFiles.Message);

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldStartWith("pkeyutl: Error initializing context\n");
    }

    [SkippableFact]
    public void Pkeyutl_DeriveMismatchedPeer_ErrorSettingUpPeerKey()
    {
        OpenSslPeer.Require();

        ProcessResult result = Mtls.Run("pkeyutl", "-derive", "-inkey", CliKeyFiles.Private("ec-p256"), "-peerkey", CliKeyFiles.Public("x25519"));

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldStartWith("pkeyutl: Error setting up peer key\n");
    }

    [SkippableTheory]
    [InlineData("-sign", "ec-p256")]
    [InlineData("-derive", "x25519")]
    public void Pkeyutl_PublicKeyForPrivateOperation_SameStderrAsOpenSsl(string operation, string key)
    {
        OpenSslPeer.Require();
        string[] peer = operation == "-derive" ? ["-peerkey", CliKeyFiles.Public(key)] : [];
        string[] args = ["pkeyutl", operation, "-pubin", "-inkey", CliKeyFiles.Public(key), "-in", CliKeyFiles.Public(key), .. peer];

        ProcessResult ours = Mtls.Run(args);

        ours.ExitCode.ShouldBe(1);
        ours.Stderr.ShouldBe(OpenSslPeer.TryRun([], args).Stderr);
    }

    [SkippableFact]
    public void Pkeyutl_VerifyWithoutSigfile_SaysSoAfterLoadingKey()
    {
        OpenSslPeer.Require();
        string[] args = ["pkeyutl", "-verify", "-pubin", "-inkey", CliKeyFiles.Public("ed25519"), "-rawin", "-in", CliKeyFiles.Message];

        ProcessResult ours = Mtls.Run(args);

        ours.ExitCode.ShouldBe(1);
        ours.Stderr.ShouldBe("pkeyutl: No signature file specified for verify\n");
        OpenSslPeer.TryRun([], args).Stderr.ShouldBe(ours.Stderr);
    }

    public static TheoryData<string[], string> UsageErrors => new()
    {
        { ["-sign"], "pkeyutl: no private key given (-inkey parameter).\npkeyutl: Use -help for summary.\n" },
        { ["-sign", "-inkey", "k", "-digest", "sha256"], "pkeyutl: -digest can only be used with -rawin\npkeyutl: Use -help for summary.\n" },
        { ["-bogus"], "pkeyutl: Unknown option: -bogus\npkeyutl: Use -help for summary.\n" },
        { ["-sign", "-inkey", "k", "-peerkey", "p"], "pkeyutl: no peer key given (-peerkey parameter).\npkeyutl: Use -help for summary.\n" },
        { ["-derive", "-inkey", "k", "-rawin"], "pkeyutl: -rawin can only be used with -sign or -verify\npkeyutl: Use -help for summary.\n" },
        { ["-sign", "-inkey", "k", "-rawin", "-rev"], "pkeyutl: -rev cannot be used with raw input\npkeyutl: Use -help for summary.\n" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public void Pkeyutl_BadArguments_OpenSslWordingExit1(string[] args, string expected)
    {
        ProcessResult result = Mtls.Run(["pkeyutl", .. args]);

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldBe(expected);
        OpenSslAgreement.StderrStartsWith(["pkeyutl", .. args], expected);
    }
}
