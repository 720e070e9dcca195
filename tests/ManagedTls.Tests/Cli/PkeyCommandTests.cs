// `mtls pkey` against the openssl binary: keys from `openssl genpkey` (CliKeyFiles) load, and what we write equals
// what `openssl pkey` writes for the same flags; encrypted keys cross in both directions:
//   openssl pkey -in KEY [-pubout|-traditional|-outform DER]       (expected bytes)
//   openssl pkey -in KEY -CIPHER -passout pass:x [-traditional]      (keys for us to decrypt)
//   openssl pkey -passin pass:x -check -noout                        (our encrypted output)
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Cli;

public class PkeyCommandTests
{
    public static IEnumerable<object[]> Keys => CliKeyFiles.All;

    private static readonly string[][] s_outputFlags =
    [
        [],
        ["-pubout"],
        ["-outform", "DER"],
        ["-pubout", "-outform", "DER"],
        ["-traditional"],
        ["-traditional", "-outform", "DER"],
    ];

    public static IEnumerable<object[]> KeysAndFlags =>
        from key in CliKeyFiles.Names
        from flags in s_outputFlags
        where !(key is "ed25519" or "ed448" or "x25519" or "x448" or "rsa-pss" && flags.Contains("-traditional"))
        select new object[] { key, flags };

    [SkippableTheory]
    [MemberData(nameof(KeysAndFlags))]
    public void Pkey_OpenSslKey_OutputEqualsOpenSsl(string key, string[] flags)
    {
        OpenSslPeer.Require();
        string[] args = ["pkey", "-in", CliKeyFiles.Private(key), .. flags];

        ProcessResult ours = Mtls.Run(args);
        ProcessResult theirs = OpenSslPeer.TryRun(null, args);

        ours.ExitCode.ShouldBe(0, ours.Stderr);
        ours.StdoutBytes.ShouldBe(theirs.StdoutBytes);
        ours.Stderr.ShouldBe(theirs.Stderr);
    }

    [SkippableFact]
    public void Pkey_NameEqualsValue_SameAsSeparateValue()
    {
        OpenSslPeer.Require();

        ProcessResult ours = Mtls.Run("pkey", "-in=" + CliKeyFiles.Private("ec-p256"), "-outform=DER", "-aes256", "-passout=pass:x", "-outform=PEM");

        ours.ExitCode.ShouldBe(0, ours.Stderr);
        OpenSslPeer.RunWithInput(ours.StdoutBytes, "pkey", "-passin", "pass:x", "-check", "-noout").Stdout.ShouldBe("Key is valid\n");
    }

    [SkippableTheory]
    [MemberData(nameof(Keys))]
    public void Pkey_PubIn_RoundTripsPublicKeyLikeOpenSsl(string key)
    {
        OpenSslPeer.Require();

        ProcessResult ours = Mtls.Run("pkey", "-pubin", "-in", CliKeyFiles.Public(key));

        ours.ExitCode.ShouldBe(0, ours.Stderr);
        ours.Stdout.ShouldBe(File.ReadAllText(CliKeyFiles.Public(key)));
    }

    [SkippableTheory]
    [MemberData(nameof(Keys))]
    public void Pkey_Check_PrintsKeyIsValidLikeOpenSsl(string key)
    {
        OpenSslPeer.Require();

        foreach (string flag in new[] { "-check", "-pubcheck" })
        {
            ProcessResult ours = Mtls.Run("pkey", "-in", CliKeyFiles.Private(key), flag, "-noout");

            ours.ExitCode.ShouldBe(0, ours.Stderr);
            ours.Stdout.ShouldBe(OpenSslPeer.Run("pkey", "-in", CliKeyFiles.Private(key), flag, "-noout").Stdout);
        }
    }

    public static TheoryData<string, string> OurCiphers => new()
    {
        { "-aes256", "rsa" }, { "-aes128", "ec-p256" }, { "-aes192", "ed25519" }, { "-des3", "dsa" }, { "-aes-256-cbc", "x448" },
    };

    [SkippableTheory]
    [MemberData(nameof(OurCiphers))]
    public void Pkey_CipherPassout_OpenSslDecrypts(string cipher, string key)
    {
        OpenSslPeer.Require();

        ProcessResult ours = Mtls.Run("pkey", "-in", CliKeyFiles.Private(key), cipher, "-passout", "pass:x");

        ours.ExitCode.ShouldBe(0, ours.Stderr);
        ours.Stdout.ShouldStartWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n");
        OpenSslPeer.RunWithInput(ours.StdoutBytes, "pkey", "-passin", "pass:x").Stdout
            .ShouldBe(OpenSslPeer.Run("pkey", "-in", CliKeyFiles.Private(key)).Stdout);
    }

    [SkippableTheory]
    [InlineData("-aes128", "rsa")]
    [InlineData("-aes256", "ec-p384")]
    [InlineData("-des3", "dsa")]
    public void Pkey_TraditionalCipher_OpenSslDecryptsDekInfoPem(string cipher, string key)
    {
        OpenSslPeer.Require();

        ProcessResult ours = Mtls.Run("pkey", "-in", CliKeyFiles.Private(key), "-traditional", cipher, "-passout", "pass:x");

        ours.ExitCode.ShouldBe(0, ours.Stderr);
        ours.Stdout.ShouldContain("Proc-Type: 4,ENCRYPTED\nDEK-Info: ");
        OpenSslPeer.RunWithInput(ours.StdoutBytes, "pkey", "-passin", "pass:x", "-traditional").Stdout
            .ShouldBe(OpenSslPeer.Run("pkey", "-in", CliKeyFiles.Private(key), "-traditional").Stdout);
    }

    public static TheoryData<string, string, bool> TheirCiphers => new()
    {
        { "rsa", "-aes256", false }, { "rsa", "-aes128", false }, { "ec-p256", "-aes192", false }, { "ed448", "-des3", false },
        { "x25519", "-aes-128-cbc", false }, { "dsa", "-aes256", false },
        { "rsa", "-aes256", true }, { "rsa", "-des3", true }, { "ec-p256", "-aes128", true }, { "dsa", "-aes192", true },
        { "rsa", "-des", true },
    };

    [SkippableTheory]
    [MemberData(nameof(TheirCiphers))]
    public void Pkey_OpenSslEncryptedKey_DecryptsWithPassin(string key, string cipher, bool traditional)
    {
        OpenSslPeer.Require();
        string encrypted = CliKeyFiles.NewPath("pem");
        string[] trad = traditional ? ["-traditional"] : [];
        string[] legacy = cipher == "-des" ? ["-provider", "legacy", "-provider", "default"] : [];
        OpenSslPeer.Run(["pkey", "-in", CliKeyFiles.Private(key), cipher, "-passout", "pass:secret", "-out", encrypted, .. trad, .. legacy]);

        ProcessResult ours = Mtls.Run("pkey", "-in", encrypted, "-passin", "pass:secret");

        ours.ExitCode.ShouldBe(0, ours.Stderr);
        ours.Stdout.ShouldBe(OpenSslPeer.Run("pkey", "-in", CliKeyFiles.Private(key)).Stdout);
    }

    public static TheoryData<string[]> Pkcs8Schemes => new()
    {
        { ["-v2", "aes-256-cbc", "-v2prf", "hmacWithSHA512"] },
        { ["-v2", "aes-128-cbc", "-v2prf", "hmacWithSHA1"] },
        { ["-v2", "des3", "-iter", "100000"] },
        { ["-v1", "PBE-SHA1-3DES"] },
        { ["-v1", "PBE-SHA1-2DES"] },
    };

    [SkippableTheory]
    [MemberData(nameof(Pkcs8Schemes))]
    public void Pkey_OpenSslPkcs8Scheme_DecryptsWithPassin(string[] scheme)
    {
        OpenSslPeer.Require();
        string encrypted = CliKeyFiles.NewPath("pem");
        OpenSslPeer.Run(["pkcs8", "-topk8", "-in", CliKeyFiles.Private("rsa"), "-passout", "pass:x", "-out", encrypted, .. scheme]);

        ProcessResult ours = Mtls.Run("pkey", "-in", encrypted, "-passin", "pass:x");

        ours.ExitCode.ShouldBe(0, ours.Stderr);
        ours.Stdout.ShouldBe(OpenSslPeer.Run("pkey", "-in", CliKeyFiles.Private("rsa")).Stdout);
    }

    [SkippableFact]
    public void Pkey_StdinGarbage_CouldNotReadKeyFromStdin()
    {
        OpenSslPeer.Require();

        ProcessResult ours = Mtls.RunWithInput("hi\n"u8.ToArray(), "pkey");

        ours.ExitCode.ShouldBe(1);
        ours.Stderr.ShouldStartWith(OpenSslPeer.TryRun("hi\n"u8.ToArray(), "pkey").Stderr.Split('\n')[0] + "\n");
    }

    [SkippableFact]
    public void Pkey_EncryptedDer_DecryptsWithPassin()
    {
        OpenSslPeer.Require();
        byte[] der = OpenSslPeer.Run("pkcs8", "-topk8", "-in", CliKeyFiles.Private("ec-p256"), "-passout", "pass:x", "-outform", "DER").StdoutBytes;

        ProcessResult ours = Mtls.RunWithInput(der, "pkey", "-inform", "DER", "-passin", "pass:x");

        ours.ExitCode.ShouldBe(0, ours.Stderr);
        ours.Stdout.ShouldBe(OpenSslPeer.Run("pkey", "-in", CliKeyFiles.Private("ec-p256")).Stdout);
    }

    [SkippableTheory]
    [InlineData(false, "pass:wrong", "bad decrypt")]
    [InlineData(true, "pass:wrong", "bad decrypt")]
    [InlineData(false, null, "no pass phrase was given")]
    [InlineData(true, null, "no pass phrase was given")]
    public void Pkey_WrongOrMissingPassphrase_CouldNotReadKeyExit1(bool traditional, string? passin, string reason)
    {
        OpenSslPeer.Require();
        string encrypted = CliKeyFiles.NewPath("pem");
        string[] trad = traditional ? ["-traditional"] : [];
        OpenSslPeer.Run(["pkey", "-in", CliKeyFiles.Private("rsa"), "-aes256", "-passout", "pass:right", "-out", encrypted, .. trad]);
        string[] pass = passin is null ? [] : ["-passin", passin];

        ProcessResult ours = Mtls.Run(["pkey", "-in", encrypted, .. pass]);

        ours.ExitCode.ShouldBe(1);
        ours.StdoutBytes.ShouldBeEmpty();
        ours.Stderr.ShouldStartWith($"Could not read key from {encrypted}\n");
        ours.Stderr.ShouldContain(reason);
    }

    public static TheoryData<string[], string> UsageErrors => new()
    {
        { ["-foo"], "pkey: Unknown cipher: foo\npkey: Use -help for summary.\n" },
        { ["-in"], "pkey: Option -in needs a value\npkey: Use -help for summary.\n" },
        { ["-foo=bar"], "pkey: Unknown cipher: foo\npkey: Use -help for summary.\n" },
        { ["-noout=x"], "pkey: Option -noout does not take a value\npkey: Use -help for summary.\n" },
        { ["-outform", "XYZ"], "pkey: Bad format \"XYZ\"\npkey: Invalid format \"XYZ\" for option -outform\npkey: Use -help for summary.\n" },
        { ["-aes-128-gcm"], "pkey: AEAD ciphers not supported\npkey: Use -help for summary.\n" },
        { ["-in", "x", "extra"], "pkey: Use -help for summary.\n" },
        { ["-passin", "bogus", "-in", "x"], "Invalid password argument, missing ':' within the first 5 chars\nError getting passwords\n" },
        { ["-passin", "env:MTLS_SURELY_UNSET_VARIABLE", "-in", "x"], "No environment variable MTLS_SURELY_UNSET_VARIABLE\nError getting passwords\n" },
        { ["-passin", "file:/nonexistent/pass", "-in", "x"], "Can't open file /nonexistent/pass\nError getting passwords\n" },
        { ["-provider", "foo"], "pkey: unable to load provider foo\nHint: use -provider-path option or OPENSSL_MODULES environment variable.\n" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public void Pkey_BadArguments_OpenSslWordingExit1(string[] args, string expected)
    {
        ProcessResult result = Mtls.Run(["pkey", .. args]);

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldBe(expected);
        OpenSslAgreement.StderrStartsWith(["pkey", .. args], expected);
    }

    [SkippableTheory]
    [InlineData(new[] { "-noout", "-aes256", "-passout", "pass:x" }, "Error: Cipher options are supported only for PEM output\n")]
    [InlineData(new[] { "-noout", "-passout", "pass:x" }, "Warning: The -passout option is ignored without a cipher option\n")]
    [InlineData(new[] { "-noout", "-traditional" }, "Warning: The -traditional is ignored since there is no PEM output\n")]
    [InlineData(new[] { "-text", "-outform", "DER" }, "Error: Text output cannot be combined with DER output\n")]
    public void Pkey_WarningsAndErrors_SameStderrAsOpenSsl(string[] flags, string expected)
    {
        OpenSslPeer.Require();
        string[] args = ["pkey", "-in", CliKeyFiles.Private("rsa"), .. flags];

        ProcessResult ours = Mtls.Run(args);
        ProcessResult theirs = OpenSslPeer.TryRun(null, args);

        ours.Stderr.ShouldBe(expected);
        theirs.Stderr.ShouldBe(expected);
        ours.ExitCode.ShouldBe(theirs.ExitCode);
    }

    [SkippableFact]
    public void Pkey_PrivateKeyWithPubin_CouldNotReadPublicKey()
    {
        OpenSslPeer.Require();

        ProcessResult ours = Mtls.Run("pkey", "-pubin", "-in", CliKeyFiles.Private("rsa"));

        ours.ExitCode.ShouldBe(1);
        ours.Stderr.ShouldStartWith($"Could not read key of Public Key from {CliKeyFiles.Private("rsa")}\n");
    }

    [SkippableFact]
    public void Pkey_EcConvFormCompressed_PublicKeyEqualsOpenSsl()
    {
        OpenSslPeer.Require();
        string[] args = ["pkey", "-in", CliKeyFiles.Private("ec-p256"), "-pubout", "-ec_conv_form", "compressed"];

        Mtls.Run(args).StdoutBytes.ShouldBe(OpenSslPeer.Run(args).StdoutBytes);
    }

    [SkippableFact]
    public void Pkey_PassinAndPassoutSameFile_ReadsFirstAndSecondLine()
    {
        OpenSslPeer.Require();
        string encrypted = CliKeyFiles.NewPath("pem");
        string passwords = CliKeyFiles.NewPath("txt");
        File.WriteAllText(passwords, "first\nsecond\n");
        OpenSslPeer.Run("pkey", "-in", CliKeyFiles.Private("rsa"), "-aes128", "-passout", "pass:first", "-out", encrypted);

        ProcessResult ours = Mtls.Run("pkey", "-in", encrypted, "-passin", "file:" + passwords, "-aes256", "-passout", "file:" + passwords);

        ours.ExitCode.ShouldBe(0, ours.Stderr);
        OpenSslPeer.RunWithInput(ours.StdoutBytes, "pkey", "-passin", "pass:second", "-check", "-noout").Stdout.ShouldBe("Key is valid\n");
    }
}
