// `mtls rehash` against `openssl rehash` on copies of the same directory: certificates, a CRL, a duplicate, a bundle,
// a file without PEM, unrelated files, a stale link, a correct link with a high number and a dangling hash link.
// The link names and targets, standard output, standard error and exit code must be identical.
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Cli;

public class RehashCommandTests
{
    public static TheoryData<string[]> Options => new()
    {
        Array.Empty<string>(),
        new[] { "-v" },
        new[] { "-n", "-v" },
        new[] { "-old", "-v" },
        new[] { "-compat", "-v" },
        new[] { "-compat", "-n" },
    };

    [SkippableTheory]
    [MemberData(nameof(Options))]
    public void Rehash_Directory_LinksEqualOpenSsl(string[] options)
    {
        OpenSslPeer.Require();
        string root = Directory.CreateTempSubdirectory("mtls-rehash-").FullName;
        try
        {
            string theirs = Populate(Path.Combine(root, "openssl"));
            string ours = Populate(Path.Combine(root, "mtls"));

            ProcessResult expected = OpenSslPeer.TryRun(null, ["rehash", .. options, theirs]);
            ProcessResult actual = Mtls.Run(["rehash", .. options, ours]);

            actual.Stdout.Replace(ours, theirs, StringComparison.Ordinal).ShouldBe(expected.Stdout);
            actual.Stderr.Replace(ours, theirs, StringComparison.Ordinal).ShouldBe(expected.Stderr);
            actual.ExitCode.ShouldBe(expected.ExitCode);
            Links(ours).ShouldBe(Links(theirs));
            Links(ours).ShouldNotBeEmpty();
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [SkippableFact]
    public void Rehash_SecondRun_KeepsLinksLikeOpenSsl()
    {
        OpenSslPeer.Require();
        string root = Directory.CreateTempSubdirectory("mtls-rehash-").FullName;
        try
        {
            string theirs = Populate(Path.Combine(root, "openssl"));
            string ours = Populate(Path.Combine(root, "mtls"));
            OpenSslPeer.Run("rehash", theirs);
            OpenSslPeer.Run("rehash", ours);

            ProcessResult expected = OpenSslPeer.TryRun(null, "rehash", "-v", theirs);
            ProcessResult actual = Mtls.Run("rehash", "-v", ours);

            actual.Stdout.Replace(ours, theirs, StringComparison.Ordinal).ShouldBe(expected.Stdout);
            Links(ours).ShouldBe(Links(theirs));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    public static TheoryData<string[]> Usage => new()
    {
        new[] { "rehash", "-help" },
        new[] { "rehash", "-h" },
        new[] { "rehash", "-bogus" },
        new[] { "rehash", "/nonexistent/certs" },
    };

    [SkippableTheory]
    [MemberData(nameof(Usage))]
    public void Rehash_UsageAndMissingDirectory_OutputEqualsOpenSsl(string[] args) => CliAgreement.Same(args);

    private static string Populate(string directory)
    {
        Directory.CreateDirectory(directory);
        string P(string name) => Path.Combine(directory, name);
        string[] system = X509CliFiles.SystemCertificates.Take(3).ToArray();
        for (int i = 0; i < system.Length; i++)
        {
            File.Copy(system[i], P($"system{i}.crt"));
        }

        File.Copy(X509CliFiles.CaCert, P("ca.pem"));
        File.Copy(X509CliFiles.CaCert, P("ca-copy.pem"));
        File.Copy(X509CliFiles.LeafCert, P("leaf.cer"));
        File.Copy(X509CliFiles.RevokedCrl, P("revoked.crl"));
        File.WriteAllText(P("bundle.pem"), File.ReadAllText(X509CliFiles.CaCert) + File.ReadAllText(X509CliFiles.LeafCert));
        File.WriteAllText(P("notes.pem"), "no PEM here\n");
        File.WriteAllText(P("readme.txt"), "not a certificate file name\n");
        File.WriteAllBytes(P("der.pem"), OpenSslPeer.Run("x509", "-in", X509CliFiles.CaCert, "-outform", "DER").StdoutBytes);

        // A stale link, a correct link with a high number, and a hash link to nothing.
        string leafHash = OpenSslPeer.Run("x509", "-in", X509CliFiles.LeafCert, "-noout", "-hash").Stdout.Trim();
        File.CreateSymbolicLink(P("0badcafe.0"), "ca.pem");
        File.CreateSymbolicLink(P(leafHash + ".4"), "leaf.cer");
        File.CreateSymbolicLink(P("deadbeef.r1"), "missing.crl");
        return directory;
    }

    private static string[] Links(string directory) => Directory.GetFileSystemEntries(directory)
        .Select(path => new FileInfo(path))
        .Where(info => info.LinkTarget is not null)
        .Select(info => info.Name + " -> " + info.LinkTarget)
        .Order(StringComparer.Ordinal)
        .ToArray();
}
