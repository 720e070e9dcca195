using System.Text.RegularExpressions;
using ManagedTls.Tests.TestSupport;
using ManagedTls.X509;
using ManagedTls.X509.Verification;

namespace ManagedTls.Tests.X509.Verification;

/// <summary>Chains made by <c>openssl req/x509/ca</c>, verified by <c>openssl verify</c> and by <see cref="ChainVerifier"/>: same verdict, error number and depth.</summary>
public sealed partial class ChainVerifierOpenSslTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mtls-verify-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string P(string name) => Path.Combine(_dir, name);

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
            extendedKeyUsage = serverAuth
            subjectAltName = DNS:example.com
            subjectKeyIdentifier = hash
            authorityKeyIdentifier = keyid
            [nc_ext]
            basicConstraints = critical, CA:TRUE
            keyUsage = critical, keyCertSign, cRLSign
            subjectKeyIdentifier = hash
            authorityKeyIdentifier = keyid
            nameConstraints = critical, permitted;DNS:example.com
            [nc_bad_ext]
            basicConstraints = critical, CA:TRUE
            keyUsage = critical, keyCertSign, cRLSign
            subjectKeyIdentifier = hash
            authorityKeyIdentifier = keyid
            nameConstraints = critical, permitted;DNS:example.org
            [policy_ext]
            basicConstraints = critical, CA:TRUE
            keyUsage = critical, keyCertSign, cRLSign
            subjectKeyIdentifier = hash
            authorityKeyIdentifier = keyid
            certificatePolicies = 1.3.6.1.4.1.99999.1
            [leaf_policy_ext]
            basicConstraints = CA:FALSE
            keyUsage = critical, digitalSignature
            extendedKeyUsage = serverAuth
            subjectAltName = DNS:example.com
            subjectKeyIdentifier = hash
            authorityKeyIdentifier = keyid
            certificatePolicies = 1.3.6.1.4.1.99999.1
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
        OpenSslPeer.Run(["req", "-x509", .. ec, "-keyout", P("root.key"), "-out", P("root.pem"), "-subj", "/CN=Test Root", "-days", "3650",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"]);
        OpenSslPeer.Run(["req", "-new", .. ec, "-keyout", P("int.key"), "-out", P("int.csr"), "-subj", "/CN=Test Intermediate"]);
        OpenSslPeer.Run("x509", "-req", "-in", P("int.csr"), "-CA", P("root.pem"), "-CAkey", P("root.key"), "-set_serial", "2", "-days", "1000",
            "-extfile", P("ext.cnf"), "-extensions", "ca_ext", "-out", P("int.pem"));
        OpenSslPeer.Run(["req", "-new", .. ec, "-keyout", P("leaf.key"), "-out", P("leaf.csr"), "-subj", "/CN=example.com"]);
        OpenSslPeer.Run("x509", "-req", "-in", P("leaf.csr"), "-CA", P("int.pem"), "-CAkey", P("int.key"), "-set_serial", "3", "-days", "30",
            "-extfile", P("ext.cnf"), "-extensions", "leaf_ext", "-out", P("leaf.pem"));
        OpenSslPeer.Run(["req", "-x509", .. ec, "-keyout", P("self.key"), "-out", P("self.pem"), "-subj", "/CN=Self", "-days", "30"]);

        // The intermediate's key and name re-issued with name constraints (permitting and excluding the leaf's
        // example.com) and with a certificate policy (the leaf re-issued under it with the same policy).
        foreach ((string file, string section) in new[] { ("int-nc.pem", "nc_ext"), ("int-nc-bad.pem", "nc_bad_ext"), ("int-policy.pem", "policy_ext") })
        {
            OpenSslPeer.Run("x509", "-req", "-in", P("int.csr"), "-CA", P("root.pem"), "-CAkey", P("root.key"), "-set_serial", "5", "-days", "1000",
                "-extfile", P("ext.cnf"), "-extensions", section, "-out", P(file));
        }

        OpenSslPeer.Run("x509", "-req", "-in", P("leaf.csr"), "-CA", P("int-policy.pem"), "-CAkey", P("int.key"), "-set_serial", "6", "-days", "30",
            "-extfile", P("ext.cnf"), "-extensions", "leaf_policy_ext", "-out", P("leaf-policy.pem"));

        // A second root cross-signed by the first: the chain leaf -> int2 -> root2 (cross) -> root.
        OpenSslPeer.Run(["req", "-x509", .. ec, "-keyout", P("root2.key"), "-out", P("root2.pem"), "-subj", "/CN=Second Root", "-days", "3650",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"]);
        OpenSslPeer.Run("x509", "-x509toreq", "-in", P("root2.pem"), "-key", P("root2.key"), "-out", P("root2.csr"));
        OpenSslPeer.Run("x509", "-req", "-in", P("root2.csr"), "-CA", P("root.pem"), "-CAkey", P("root.key"), "-set_serial", "7", "-days", "1000",
            "-extfile", P("ext.cnf"), "-extensions", "ca_ext", "-out", P("root2-cross.pem"));
        OpenSslPeer.Run(["req", "-new", .. ec, "-keyout", P("int2.key"), "-out", P("int2.csr"), "-subj", "/CN=Second Intermediate"]);
        OpenSslPeer.Run("x509", "-req", "-in", P("int2.csr"), "-CA", P("root2.pem"), "-CAkey", P("root2.key"), "-set_serial", "8", "-days", "1000",
            "-extfile", P("ext.cnf"), "-extensions", "ca_ext", "-out", P("int2.pem"));
        OpenSslPeer.Run("x509", "-req", "-in", P("leaf.csr"), "-CA", P("int2.pem"), "-CAkey", P("int2.key"), "-set_serial", "9", "-days", "30",
            "-extfile", P("ext.cnf"), "-extensions", "leaf_ext", "-out", P("leaf2.pem"));

        // The same intermediate key and name under a root that carries no keyUsage (X509_STRICT: error 92).
        OpenSslPeer.Run(["req", "-x509", "-key", P("root.key"), "-out", P("root-noku.pem"), "-subj", "/CN=Test Root", "-days", "3650",
            "-addext", "basicConstraints=critical,CA:TRUE"]);
        OpenSslPeer.Run("x509", "-req", "-in", P("int.csr"), "-CA", P("root-noku.pem"), "-CAkey", P("root.key"), "-set_serial", "4", "-days", "1000",
            "-extfile", P("ext.cnf"), "-extensions", "ca_ext", "-out", P("int-noku-root.pem"));
        OpenSslPeer.Run("ca", "-config", P("ext.cnf"), "-gencrl", "-keyfile", P("int.key"), "-cert", P("int.pem"), "-out", P("empty-crl.pem"));
        OpenSslPeer.Run("ca", "-config", P("ext.cnf"), "-revoke", P("leaf.pem"), "-keyfile", P("int.key"), "-cert", P("int.pem"));
        OpenSslPeer.Run("ca", "-config", P("ext.cnf"), "-gencrl", "-keyfile", P("int.key"), "-cert", P("int.pem"), "-out", P("crl.pem"));
    }

    [SkippableTheory]
    [InlineData("valid", "-CAfile root.pem -untrusted int.pem leaf.pem")]
    [InlineData("missing intermediate", "-CAfile root.pem leaf.pem")]
    [InlineData("expired at -attime", "-CAfile root.pem -untrusted int.pem -attime 4102444800 leaf.pem")]
    [InlineData("not yet valid at -attime", "-CAfile root.pem -untrusted int.pem -attime 946684800 leaf.pem")]
    [InlineData("untrusted self-signed", "-CAfile root.pem self.pem")]
    [InlineData("trusted intermediate without partial chain", "-CAfile int.pem leaf.pem")]
    [InlineData("trusted intermediate with partial chain", "-CAfile int.pem -partial_chain leaf.pem")]
    [InlineData("CRL without the leaf", "-CAfile root.pem -untrusted int.pem -crl_check -CRLfile empty-crl.pem leaf.pem")]
    [InlineData("revoked leaf", "-CAfile root.pem -untrusted int.pem -crl_check -CRLfile crl.pem leaf.pem")]
    [InlineData("CRL check without a CRL", "-CAfile root.pem -untrusted int.pem -crl_check leaf.pem")]
    [InlineData("wrong hostname", "-CAfile root.pem -untrusted int.pem -verify_hostname other.example leaf.pem")]
    [InlineData("right hostname", "-CAfile root.pem -untrusted int.pem -verify_hostname example.com leaf.pem")]
    [InlineData("strict, root with keyUsage", "-CAfile root.pem -untrusted int.pem -x509_strict leaf.pem")]
    [InlineData("name constraints permit the leaf", "-CAfile root.pem -untrusted int-nc.pem leaf.pem")]
    [InlineData("name constraints exclude the leaf", "-CAfile root.pem -untrusted int-nc-bad.pem leaf.pem")]
    [InlineData("policy required and present", "-CAfile root.pem -untrusted int-policy.pem -policy 1.3.6.1.4.1.99999.1 -explicit_policy leaf-policy.pem")]
    [InlineData("policy required, other policy asked", "-CAfile root.pem -untrusted int-policy.pem -policy 1.3.6.1.4.1.99999.2 -explicit_policy leaf-policy.pem")]
    [InlineData("explicit policy, chain without policies", "-CAfile root.pem -untrusted int.pem -explicit_policy leaf.pem")]
    [InlineData("cross-signed root, old root trusted", "-CAfile root.pem -untrusted int2.pem -untrusted root2-cross.pem leaf2.pem")]
    [InlineData("cross-signed root, new root trusted", "-CAfile root2.pem -untrusted int2.pem -untrusted root2-cross.pem leaf2.pem")]
    [InlineData("cross-signed root, no trusted root", "-CAfile self.pem -untrusted int2.pem -untrusted root2-cross.pem leaf2.pem")]
    [InlineData("root without keyUsage, not strict", "-CAfile root-noku.pem -untrusted int-noku-root.pem leaf.pem")]
    [InlineData("strict, root without keyUsage", "-CAfile root-noku.pem -untrusted int-noku-root.pem -x509_strict leaf.pem")]
    public void Verify_SameVerdictErrorAndDepthAsOpenSsl(string scenario, string arguments)
    {
        OpenSslPeer.Require();
        MakePki();
        string[] args = arguments.Split(' ');
        ProcessResult openssl = OpenSslPeer.TryRun(null, ["verify", .. args.Select(a => a.EndsWith(".pem", StringComparison.Ordinal) ? P(a) : a)]);
        Match match = ErrorLine().Match(openssl.Stderr + openssl.Stdout);
        int expectedError = openssl.ExitCode == 0 ? 0 : int.Parse(match.Groups[1].Value);
        int expectedDepth = openssl.ExitCode == 0 ? -1 : int.Parse(match.Groups[2].Value);

        var store = new TrustStore();
        var untrusted = new List<Certificate>();
        var options = new VerificationOptions();
        Certificate? leaf = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "-CAfile":
                    store.AddCertificate(Load(args[++i]));
                    break;
                case "-untrusted":
                    untrusted.Add(Load(args[++i]));
                    break;
                case "-CRLfile":
                    store.AddCrl(CertificateRevocationList.Load(File.ReadAllBytes(P(args[++i]))));
                    break;
                case "-crl_check":
                    options.Flags |= X509VerifyFlags.CrlCheck;
                    break;
                case "-partial_chain":
                    options.Flags |= X509VerifyFlags.PartialChain;
                    break;
                case "-x509_strict":
                    options.Flags |= X509VerifyFlags.X509Strict;
                    break;
                case "-policy":
                    options.InitialPolicies.Add(args[++i]);
                    options.Flags |= X509VerifyFlags.PolicyCheck;
                    break;
                case "-explicit_policy":
                    options.Flags |= X509VerifyFlags.ExplicitPolicy | X509VerifyFlags.PolicyCheck;
                    break;
                case "-attime":
                    options.Time = DateTimeOffset.FromUnixTimeSeconds(long.Parse(args[++i]));
                    break;
                case "-verify_hostname":
                    options.ExpectedHostnames.Add(args[++i]);
                    break;
                default:
                    leaf = Load(args[i]);
                    break;
            }
        }

        VerificationResult ours = ChainVerifier.Verify(leaf!, untrusted, store, options);

        ((int)ours.Error).ShouldBe(expectedError, $"{scenario}: ours {ours} chain {string.Join(" / ", ours.Chain.Select(c => c.Subject + " <- " + c.Issuer))} anchors {store.Anchors.Count}, openssl {openssl.Stderr.Trim()} {openssl.Stdout.Trim()}");
        ours.ErrorDepth.ShouldBe(expectedDepth, scenario);
    }

    private Certificate Load(string name) => Certificate.Load(File.ReadAllBytes(P(name)));

    [GeneratedRegex(@"error (\d+) at (\d+) depth lookup")]
    private static partial Regex ErrorLine();
}
