using System.Text.RegularExpressions;
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Guard;

/// <summary>Belt and braces beside the banned-API analyzer: text scans of src/ for names that must not appear.</summary>
public class SourceGuardTests
{
    private static readonly string s_src = Path.Combine(SharedVectors.RepositoryRoot, "src");
    private static readonly string s_adapterFolder = Path.Combine(s_src, "ManagedTls", "Crypto", "BouncyCastle") + Path.DirectorySeparatorChar;

    [Fact]
    public void Sources_OutsideBouncyCastleAdapter_NeverNameOrgBouncyCastle()
    {
        string[] offenders = SourceFiles()
            .Where(f => !f.StartsWith(s_adapterFolder, StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("Org.BouncyCastle", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(SharedVectors.RepositoryRoot, f))
            .ToArray();

        offenders.ShouldBeEmpty("only src/ManagedTls/Crypto/BouncyCastle/ may name Org.BouncyCastle (the provider seam)");
    }

    [Fact]
    public void Sources_BouncyCastleAdapter_IsWhereBouncyCastleIsUsed()
    {
        // Guards the guard: if the folder moved, the test above would pass vacuously.
        SourceFiles().Count(f => f.StartsWith(s_adapterFolder, StringComparison.Ordinal)
            && File.ReadAllText(f).Contains("Org.BouncyCastle", StringComparison.Ordinal)).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Sources_Anywhere_NeverNameSystemSecurityCryptography()
    {
        // Comments and string literals may explain why it is banned; code may not name it. (A reflection trick with a
        // string would still be caught at run time by LibsslFreeRunTests.)
        string[] offenders = SourceFiles()
            .Where(f => CodeOnly(File.ReadAllText(f)).Contains("System.Security.Cryptography", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(SharedVectors.RepositoryRoot, f))
            .ToArray();

        offenders.ShouldBeEmpty("System.Security.Cryptography loads native libssl/libcrypto on Linux");
    }

    [Theory]
    [InlineData("N:System.Security.Cryptography")]
    [InlineData("T:System.Random")]
    [InlineData("T:System.Net.Security.SslStream")]
    public void BannedSymbols_ProductCode_BansNamespace(string symbol)
    {
        string banned = File.ReadAllText(Path.Combine(s_src, "BannedSymbols.txt"));
        banned.Split('\n').Select(l => l.Split(';')[0].Trim()).ShouldContain(symbol);

        string props = File.ReadAllText(Path.Combine(s_src, "Directory.Build.props"));
        props.ShouldContain("Microsoft.CodeAnalysis.BannedApiAnalyzers");
        props.ShouldContain("BannedSymbols.txt");
    }

    [Theory]
    [InlineData("// System.Security.Cryptography loads libcrypto\nint x;", false)]
    [InlineData("/// <c>System.Security.Cryptography</c>\nint x;", false)]
    [InlineData("throw new X(\"System.Security.Cryptography is banned\");", false)]
    [InlineData("/* System.Security.Cryptography */ int x;", false)]
    [InlineData("using System.Security.Cryptography;", true)]
    [InlineData("var r = System.Security.Cryptography.RandomNumberGenerator.Create(); // ok", true)]
    public void CodeOnly_CommentsAndStrings_AreIgnored(string source, bool flagged) =>
        CodeOnly(source).Contains("System.Security.Cryptography", StringComparison.Ordinal).ShouldBe(flagged);

    private static string CodeOnly(string source) => Regex.Replace(
        source,
        """//[^\n]*|/\*.*?\*/|@?"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])'""",
        string.Empty,
        RegexOptions.Singleline);

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(s_src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
}
