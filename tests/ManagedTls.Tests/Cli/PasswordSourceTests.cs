// Pass phrase sources (-passin/-passout: pass:, env:, file:, fd:, stdin) through `mtls pkey`, on a key that
//   openssl pkey -in rsa.pem -aes128 -passout pass:secret
// encrypted; messages are openssl's (checked against `openssl pkey -passin ...`).
using System.Text;
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Cli;

public class PasswordSourceTests
{
    private static readonly Lazy<string> s_encrypted = new(() =>
    {
        string path = CliKeyFiles.NewPath("pem");
        OpenSslPeer.Run("pkey", "-in", CliKeyFiles.Private("ec-p256"), "-aes128", "-passout", "pass:secret", "-out", path);
        return path;
    });

    private static string WriteFile(string text)
    {
        string path = CliKeyFiles.NewPath("txt");
        File.WriteAllText(path, text);
        return path;
    }

    [SkippableTheory]
    [InlineData("pass")]
    [InlineData("env")]
    [InlineData("file")]
    [InlineData("fileWithTwoLines")]
    [InlineData("stdin")]
    public void Passin_Source_DecryptsKey(string kind)
    {
        OpenSslPeer.Require();
        Environment.SetEnvironmentVariable("MTLS_TEST_PASSWORD", "secret");
        (string argument, byte[]? stdin) = kind switch
        {
            "pass" => ("pass:secret", null),
            "env" => ("env:MTLS_TEST_PASSWORD", null),
            "file" => ("file:" + WriteFile("secret"), null),
            "fileWithTwoLines" => ("file:" + WriteFile("secret\nother\n"), null),
            _ => ("stdin", Encoding.ASCII.GetBytes("secret\n")),
        };

        ProcessResult result = Mtls.RunWithInput(stdin, "pkey", "-in", s_encrypted.Value, "-passin", argument, "-check", "-noout");

        result.Stderr.ShouldBeEmpty();
        result.Stdout.ShouldBe("Key is valid\n");
    }

    [SkippableFact]
    public void Passin_FileLineWithCarriageReturn_KeepsIt()
    {
        OpenSslPeer.Require();

        ProcessResult result = Mtls.Run("pkey", "-in", s_encrypted.Value, "-passin", "file:" + WriteFile("secret\r\n"), "-noout");

        result.ExitCode.ShouldBe(1); // openssl strips only the "\n", so "secret\r" is the (wrong) pass phrase
    }

    public static TheoryData<string, string> BadSources => new()
    {
        { "bogus", "Invalid password argument, missing ':' within the first 5 chars\nError getting passwords\n" },
        { "toolong:x", "Invalid password argument, missing ':' within the first 5 chars\nError getting passwords\n" },
        { "foo:x", "Invalid password argument, starting with \"foo:\"\nError getting passwords\n" },
        { "env:MTLS_SURELY_UNSET_VARIABLE", "No environment variable MTLS_SURELY_UNSET_VARIABLE\nError getting passwords\n" },
        { "stdin", "Error reading password from BIO\nError getting passwords\n" },
    };

    [SkippableTheory]
    [MemberData(nameof(BadSources))]
    public void Passin_BadSource_SameMessageAsOpenSsl(string argument, string expected)
    {
        OpenSslPeer.Require();
        string[] args = ["pkey", "-in", s_encrypted.Value, "-passin", argument, "-noout"];

        ProcessResult ours = Mtls.Run(args);

        ours.ExitCode.ShouldBe(1);
        ours.Stderr.ShouldBe(expected);
        OpenSslPeer.TryRun([], args).Stderr.ShouldStartWith(expected);
    }
}
