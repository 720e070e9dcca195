using System.Text.RegularExpressions;
using ManagedTls.Tests.TestSupport;
using ManagedTls.X509;
using ManagedTls.X509.Verification;

namespace ManagedTls.Tests.X509.Verification;

/// <summary>
/// <see cref="CertificateDirectory"/>: OpenSSL's hashed CApath layout (made by <c>openssl rehash</c>) and CAfile
/// bundles, cross-checked with <c>openssl verify -CApath/-CAfile</c> for the same verdict, error number and depth.
/// </summary>
public sealed partial class CertificateDirectoryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mtls-capath-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string P(string name) => Path.Combine(_dir, name);

    [Theory]
    [InlineData(0x9d66eef0u, 0, false, "9d66eef0.0")]
    [InlineData(0x0000000au, 1, false, "0000000a.1")]
    [InlineData(0xffffffffu, 12, true, "ffffffff.r12")]
    public void GetFileName_IsOpenSslsHashedName(uint hash, int index, bool crl, string expected)
    {
        CertificateDirectory.GetFileName(hash, index, crl).ShouldBe(expected);
        CertificateDirectory.TryParseFileName(expected, out uint h, out int i, out bool c).ShouldBeTrue();
        (h, i, c).ShouldBe((hash, index, crl));
    }

    [Theory]
    [InlineData("9D66EEF0.0")]
    [InlineData("9d66eef0")]
    [InlineData("9d66eef0.")]
    [InlineData("9d66eef0.r")]
    [InlineData("9d66eef.0")]
    [InlineData("9d66eef0.0.pem")]
    [InlineData("9d66eefg.0")]
    [InlineData("ca-certificates.crt")]
    [InlineData("9d66eef0.1234567890")]
    public void TryParseFileName_RejectsOtherNames(string name) =>
        CertificateDirectory.TryParseFileName(name, out _, out _, out _).ShouldBeFalse();

    private void MakePki()
    {
        File.WriteAllText(P("ext.cnf"), """
            [ca_ext]
            basicConstraints = critical, CA:TRUE
            keyUsage = critical, keyCertSign, cRLSign
            subjectKeyIdentifier = hash
            authorityKeyIdentifier = keyid
            [leaf_ext]
            basicConstraints = CA:FALSE
            keyUsage = critical, digitalSignature
            subjectKeyIdentifier = hash
            authorityKeyIdentifier = keyid
            [ca]
            default_ca = int_ca
            [int_ca]
            database = DIR/index.txt
            crlnumber = DIR/crlnumber
            default_md = sha256
            default_crl_days = 30
            """.Replace("DIR", _dir));
        File.WriteAllText(P("index.txt"), "");
        File.WriteAllText(P("crlnumber"), "01\n");
        string[] ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"];
        OpenSslPeer.Run(["req", "-x509", .. ec, "-keyout", P("root.key"), "-out", P("root.pem"), "-subj", "/CN=CApath Root", "-days", "3650",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"]);
        OpenSslPeer.Run(["req", "-new", .. ec, "-keyout", P("int.key"), "-out", P("int.csr"), "-subj", "/CN=CApath Intermediate"]);
        OpenSslPeer.Run("x509", "-req", "-in", P("int.csr"), "-CA", P("root.pem"), "-CAkey", P("root.key"), "-set_serial", "2", "-days", "1000",
            "-extfile", P("ext.cnf"), "-extensions", "ca_ext", "-out", P("int.pem"));
        OpenSslPeer.Run(["req", "-new", .. ec, "-keyout", P("leaf.key"), "-out", P("leaf.csr"), "-subj", "/CN=leaf.example"]);
        OpenSslPeer.Run("x509", "-req", "-in", P("leaf.csr"), "-CA", P("int.pem"), "-CAkey", P("int.key"), "-set_serial", "3", "-days", "30",
            "-extfile", P("ext.cnf"), "-extensions", "leaf_ext", "-out", P("leaf.pem"));
        OpenSslPeer.Run("ca", "-config", P("ext.cnf"), "-gencrl", "-keyfile", P("int.key"), "-cert", P("int.pem"), "-out", P("empty-crl.pem"));
        OpenSslPeer.Run("ca", "-config", P("ext.cnf"), "-revoke", P("leaf.pem"), "-keyfile", P("int.key"), "-cert", P("int.pem"));
        OpenSslPeer.Run("ca", "-config", P("ext.cnf"), "-gencrl", "-keyfile", P("int.key"), "-cert", P("int.pem"), "-out", P("crl.pem"));
        File.WriteAllText(P("bundle.pem"), File.ReadAllText(P("root.pem")) + File.ReadAllText(P("int.pem")) + File.ReadAllText(P("crl.pem")));
    }

    /// <summary>Makes a CApath directory: files copied in, then named by <c>openssl rehash</c> (or by hand for the odd layouts).</summary>
    private string MakeCaPath(string name, string layout)
    {
        string dir = P(name);
        Directory.CreateDirectory(dir);
        if (layout.StartsWith("rehash:", StringComparison.Ordinal))
        {
            foreach (string file in layout["rehash:".Length..].Split(','))
            {
                File.Copy(P(file), Path.Combine(dir, file));
            }

            // rehash makes <hash>.N symbolic links to the copies, which stay (their names are not hashed names).
            OpenSslPeer.Run("rehash", dir);
            Directory.GetFiles(dir).Length.ShouldBe(2 * layout.Split(',').Length);
            return dir;
        }

        // Hand-made: "file=hashof:index" (hashof names the certificate whose subject hash is used).
        foreach (string entry in layout.Split(','))
        {
            string[] parts = entry.Split('=', ':');
            string hash = OpenSslPeer.Run("x509", "-noout", "-subject_hash", "-in", P(parts[1])).Stdout.Trim();
            File.Copy(P(parts[0]), Path.Combine(dir, hash + "." + parts[2]));
        }

        return dir;
    }

    [SkippableTheory]
    [InlineData("root only, intermediate untrusted", "rehash:root.pem", "-untrusted int.pem")]
    [InlineData("root and intermediate", "rehash:root.pem,int.pem", "")]
    [InlineData("intermediate only", "rehash:int.pem", "")]
    [InlineData("intermediate only, partial chain", "rehash:int.pem", "-partial_chain")]
    [InlineData("empty CRL in the directory", "rehash:root.pem,int.pem,empty-crl.pem", "-crl_check")]
    [InlineData("revoking CRL in the directory", "rehash:root.pem,int.pem,crl.pem", "-crl_check")]
    [InlineData("CRL check, no CRL in the directory", "rehash:root.pem,int.pem", "-crl_check")]
    [InlineData("root stored under the wrong hash", "root.pem=int.pem:0,int.pem=int.pem:1", "")]
    [InlineData("gap in the sequence: .1 without .0", "root.pem=root.pem:1,int.pem=int.pem:0", "")]
    [InlineData("root as .1 after a .0", "leaf.pem=root.pem:0,root.pem=root.pem:1,int.pem=int.pem:0", "")]
    public void CaPath_SameVerdictErrorAndDepthAsOpenSsl(string scenario, string layout, string extra)
    {
        OpenSslPeer.Require();
        MakePki();
        string dir = MakeCaPath("capath", layout);
        string[] extraArgs = extra.Length == 0 ? [] : extra.Split(' ');
        ProcessResult openssl = OpenSslPeer.TryRun(null, ["verify", "-CApath", dir, .. extraArgs.Select(a => a.EndsWith(".pem", StringComparison.Ordinal) ? P(a) : a), P("leaf.pem")]);
        Match match = ErrorLine().Match(openssl.Stderr + openssl.Stdout);
        int expectedError = openssl.ExitCode == 0 ? 0 : int.Parse(match.Groups[1].Value);

        var store = new TrustStore();
        new CertificateDirectory(dir).LoadAll(store);
        var options = new VerificationOptions();
        var untrusted = new List<Certificate>();
        for (int i = 0; i < extraArgs.Length; i++)
        {
            switch (extraArgs[i])
            {
                case "-untrusted":
                    untrusted.Add(Load(extraArgs[++i]));
                    break;
                case "-crl_check":
                    options.Flags |= X509VerifyFlags.CrlCheck;
                    break;
                case "-partial_chain":
                    options.Flags |= X509VerifyFlags.PartialChain;
                    break;
            }
        }

        VerificationResult ours = ChainVerifier.Verify(Load("leaf.pem"), untrusted, store, options);
        ((int)ours.Error).ShouldBe(expectedError, $"{scenario}: ours {ours}, openssl {openssl.Stderr.Trim()} {openssl.Stdout.Trim()}");
        if (expectedError != 0)
        {
            ours.ErrorDepth.ShouldBe(int.Parse(match.Groups[2].Value), scenario);
        }
    }

    [SkippableFact]
    public void Load_ByName_ReadsOnlyThatNamesCertificatesAndCrls()
    {
        OpenSslPeer.Require();
        MakePki();
        string dir = MakeCaPath("capath", "rehash:root.pem,int.pem,crl.pem");
        Certificate root = Load("root.pem");
        Certificate intermediate = Load("int.pem");

        var store = new TrustStore();
        new CertificateDirectory(dir).Load(store, intermediate.Subject).ShouldBe(2);
        store.Anchors.Select(a => a.Certificate).ShouldBe([intermediate]);
        store.Crls.Count.ShouldBe(1);
        store.Crls[0].Issuer.ShouldBe(intermediate.Subject);

        // Loading the same name again adds nothing; another name adds its certificate.
        new CertificateDirectory(dir).Load(store, intermediate.Subject).ShouldBe(0);
        new CertificateDirectory(dir).Load(store, root.Subject).ShouldBe(1);
        store.Anchors.Count.ShouldBe(2);
    }

    [SkippableFact]
    public void LoadAll_SearchesEveryDirectoryOfAPathList()
    {
        OpenSslPeer.Require();
        MakePki();
        string first = MakeCaPath("a", "rehash:root.pem");
        string second = MakeCaPath("b", "rehash:int.pem");
        var store = new TrustStore();
        var directory = new CertificateDirectory(first + Path.PathSeparator + P("missing") + Path.PathSeparator + second);
        directory.Directories.Count.ShouldBe(3);
        directory.LoadAll(store).ShouldBe(2);
        ChainVerifier.Verify(Load("leaf.pem"), null, store).IsValid.ShouldBeTrue();
    }

    [SkippableFact]
    public void LoadAll_SkipsUnreadableFilesAndOtherNames()
    {
        OpenSslPeer.Require();
        MakePki();
        string dir = MakeCaPath("capath", "rehash:root.pem");
        string hash = OpenSslPeer.Run("x509", "-noout", "-subject_hash", "-in", P("int.pem")).Stdout.Trim();
        File.WriteAllText(Path.Combine(dir, hash + ".0"), "not a certificate");
        File.Copy(P("int.pem"), Path.Combine(dir, hash + ".1"));
        File.Copy(P("int.pem"), Path.Combine(dir, "int.pem"));
        var store = new TrustStore();
        new CertificateDirectory(dir).LoadAll(store).ShouldBe(1);
        store.Anchors.Single().Certificate.ShouldBe(Load("root.pem"));
    }

    [SkippableTheory]
    [InlineData("-CAfile bundle.pem", "", 3)]
    [InlineData("-CAfile bundle.pem -crl_check", "", 3)]
    [InlineData("-CAfile root.pem", "-untrusted int.pem", 1)]
    public void LoadFile_SameVerdictAsOpenSslCaFile(string caFile, string extra, int count)
    {
        OpenSslPeer.Require();
        MakePki();
        string[] caArgs = caFile.Split(' ');
        string[] extraArgs = extra.Length == 0 ? [] : extra.Split(' ');
        ProcessResult openssl = OpenSslPeer.TryRun(null, ["verify", .. caArgs.Concat(extraArgs).Select(a => a.EndsWith(".pem", StringComparison.Ordinal) ? P(a) : a), P("leaf.pem")]);
        Match match = ErrorLine().Match(openssl.Stderr + openssl.Stdout);
        int expectedError = openssl.ExitCode == 0 ? 0 : int.Parse(match.Groups[1].Value);

        var store = new TrustStore();
        CertificateDirectory.LoadFile(store, P(caArgs[1])).ShouldBe(count);
        var options = new VerificationOptions();
        if (caArgs.Contains("-crl_check"))
        {
            options.Flags |= X509VerifyFlags.CrlCheck;
        }

        List<Certificate> untrusted = extraArgs.Length == 2 ? [Load(extraArgs[1])] : [];
        VerificationResult ours = ChainVerifier.Verify(Load("leaf.pem"), untrusted, store, options);
        ((int)ours.Error).ShouldBe(expectedError, $"ours {ours}, openssl {openssl.Stderr.Trim()} {openssl.Stdout.Trim()}");
    }

    [Theory]
    [InlineData("")]
    [InlineData("just text\n")]
    [InlineData("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")]
    public void LoadData_WithoutCertificateOrCrl_Throws(string text) =>
        Should.Throw<X509FormatException>(() => CertificateDirectory.LoadData(new TrustStore(), System.Text.Encoding.ASCII.GetBytes(text)))
            .Reason.ShouldBe(X509FormatError.NoPemBlock);

    [SkippableFact]
    public void LoadData_ReadsOneDerCertificateOrCrl()
    {
        OpenSslPeer.Require();
        MakePki();
        OpenSslPeer.Run("x509", "-in", P("root.pem"), "-outform", "DER", "-out", P("root.der"));
        OpenSslPeer.Run("crl", "-in", P("crl.pem"), "-outform", "DER", "-out", P("crl.der"));
        var store = new TrustStore();
        CertificateDirectory.LoadData(store, File.ReadAllBytes(P("root.der"))).ShouldBe(1);
        CertificateDirectory.LoadData(store, File.ReadAllBytes(P("crl.der"))).ShouldBe(1);
        store.Anchors.Count.ShouldBe(1);
        store.Crls.Count.ShouldBe(1);
    }

    private Certificate Load(string name) => Certificate.Load(File.ReadAllBytes(P(name)));

    [GeneratedRegex(@"error (\d+) at (\d+) depth lookup")]
    private static partial Regex ErrorLine();
}
