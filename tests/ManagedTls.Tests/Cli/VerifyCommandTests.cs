// `mtls verify` against `openssl verify` on a root/intermediate/leaf chain made with openssl (see vectors/README.md,
// "CLI: verify and rehash"): OK chains, -show_chain, missing issuers, partial chains, expired and not-yet-valid,
// hostname/IP/email mismatches, purposes, CRLs made by `openssl ca -gencrl` (revoked leaf, missing CRL), strict mode,
// -trusted, -CApath, stdin, and the failures (unreadable files, bad -purpose/-attime). Standard output, standard error
// and the exit code must be identical.
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Cli;

public class VerifyCommandTests
{
    private static readonly Lazy<string> s_directory = new(MakeChain);

    public static TheoryData<string[]> Agreements => new()
    {
        new[] { "-CAfile", "ROOT", "-untrusted", "INT", "LEAF" },
        new[] { "-CAfile", "ROOT", "-untrusted", "INT", "-show_chain", "LEAF" },
        new[] { "-CAfile", "ROOT", "-untrusted", "INT", "LEAF", "LEAF" },
        new[] { "-CAfile", "ROOT", "LEAF" },
        new[] { "-CAfile", "INT", "LEAF" },
        new[] { "-CAfile", "INT", "-partial_chain", "-show_chain", "LEAF" },
        new[] { "-CAfile", "LEAF", "LEAF" },
        new[] { "-CAfile", "LEAF", "-partial_chain", "LEAF" },
        new[] { "-CAfile", "INT", "INT" },
        new[] { "-no-CAfile", "-no-CApath", "-untrusted", "INT", "LEAF" },
        new[] { "-no-CAfile", "-no-CApath", "ROOT" },
        new[] { "-CAfile", "ROOT", "-show_chain", "ROOT" },
        new[] { "-CAfile", "ROOT", "-untrusted", "INT", "EXPIRED" },
        new[] { "-CAfile", "ROOT", "-untrusted", "INT", "-attime", "1000000000", "LEAF" },
        new[] { "-CAfile", "ROOT", "-untrusted", "INT", "-verify_hostname", "leaf.test", "LEAF" },
        new[] { "-CAfile", "ROOT", "-untrusted", "INT", "-verify_hostname", "other.test", "LEAF" },
        new[] { "-CAfile", "ROOT", "-untrusted", "INT", "-verify_ip", "10.0.0.1", "LEAF" },
        new[] { "-CAfile", "ROOT", "-untrusted", "INT", "-verify_ip", "10.0.0.2", "LEAF" },
        new[] { "-CAfile", "ROOT", "-untrusted", "INT", "-verify_email", "a@leaf.test", "LEAF" },
        new[] { "-CAfile", "ROOT", "-untrusted", "INT", "-verify_email", "b@leaf.test", "LEAF" },
        new[] { "-CAfile", "ROOT", "-untrusted", "INT", "-purpose", "sslserver", "LEAF" },
        new[] { "-CAfile", "ROOT", "-untrusted", "INT", "-purpose", "sslclient", "LEAF" },
        new[] { "-CAfile", "ROOT", "-untrusted", "INT", "-purpose", "any", "LEAF" },
        new[] { "-CAfile", "ROOT", "-untrusted", "INT", "-CRLfile", "INTCRL", "-crl_check", "LEAF" },
        new[] { "-CAfile", "ROOT", "-untrusted", "INT", "-CRLfile", "INTCRL", "-crl_check", "REVOKED" },
        new[] { "-CAfile", "ROOT", "-untrusted", "INT", "-crl_check", "LEAF" },
        new[] { "-CAfile", "ROOT", "-untrusted", "INT", "-CRLfile", "INTCRL", "-crl_check_all", "LEAF" },
        new[] { "-CAfile", "ROOT", "-untrusted", "INT", "-CRLfile", "INTCRL", "-CRLfile", "ROOTCRL", "-crl_check_all", "LEAF" },
        new[] { "-CAfile", "ROOT", "-untrusted", "INT", "-CRLfile", "INTCRL", "-CRLfile", "ROOTCRL", "-crl_check_all", "REVOKED" },
        new[] { "-CAfile", "ROOT", "-untrusted", "INT", "-x509_strict", "LEAF" },
        new[] { "-CAfile", "ROOT", "-untrusted", "INT", "-policy", "1.2.3.4", "-explicit_policy", "LEAF" },
        new[] { "-trusted", "ROOT", "-untrusted", "INT", "-show_chain", "LEAF" },
        new[] { "-trusted", "INT", "-show_chain", "LEAF" },
        new[] { "-CAfile", "ROOT", "-untrusted", "INT", "/nonexistent/leaf.pem", "LEAF" },
        new[] { "-CAfile", "ROOT", "-untrusted", "INT", "JUNK" },
        new[] { "-CRLfile", "/nonexistent/x.crl", "LEAF" },
        new[] { "-CRLfile", "JUNK", "LEAF" },
        new[] { "-untrusted", "/nonexistent/int.pem", "LEAF" },
        new[] { "-untrusted", "JUNK", "LEAF" },
        new[] { "-trusted", "JUNK", "LEAF" },
        new[] { "-CAfile", "/nonexistent/ca.pem", "LEAF" },
        new[] { "-CAfile", "JUNK", "LEAF" },
        new[] { "-purpose", "nonsense", "LEAF" },
        new[] { "-attime", "soon", "LEAF" },
        new[] { "-CApath", "/nonexistent", "LEAF" },
        new[] { "-bogus", "LEAF" },
        new[] { "-help" },
    };

    [SkippableTheory]
    [MemberData(nameof(Agreements))]
    public void Verify_Options_OutputEqualsOpenSsl(string[] options)
    {
        OpenSslPeer.Require();
        ProcessResult theirs = OpenSslPeer.TryRun(null, ["verify", .. Resolve(options)]);
        if (theirs.Stderr.Contains(":error:", StringComparison.Ordinal))
        {
            // openssl dumps its error queue (thread ids, source lines) between the lines mtls prints.
            ProcessResult ours = Mtls.Run(["verify", .. Resolve(options)]);
            ours.ExitCode.ShouldBe(theirs.ExitCode);
            ours.Stdout.ShouldBe(theirs.Stdout);
            ours.Stderr.Split('\n').ShouldBe(theirs.Stderr.Split('\n').Where(l => !l.Contains(":error:", StringComparison.Ordinal)).ToArray());
            return;
        }

        CliAgreement.Same(["verify", .. Resolve(options)]);
    }

    [SkippableFact]
    public void Verify_Stdin_OutputEqualsOpenSsl()
    {
        OpenSslPeer.Require();
        byte[] leaf = File.ReadAllBytes(Resolve(["LEAF"])[0]);
        CliAgreement.SameWithInput(leaf, ["verify", .. Resolve(["-CAfile", "ROOT", "-untrusted", "INT"])]);
        CliAgreement.SameWithInput(leaf, ["verify", .. Resolve(["-CAfile", "ROOT"])]);
    }

    [SkippableFact]
    public void Verify_CaPath_HashedDirectoryOutputEqualsOpenSsl()
    {
        OpenSslPeer.Require();
        string directory = Directory.CreateTempSubdirectory("mtls-verify-capath-").FullName;
        try
        {
            File.Copy(Resolve(["ROOT"])[0], Path.Combine(directory, "root.pem"));
            File.Copy(Resolve(["INTCRL"])[0], Path.Combine(directory, "int.crl"));
            OpenSslPeer.Run("rehash", directory);

            CliAgreement.Same(["verify", "-CApath", directory, "-no-CAfile", .. Resolve(["-untrusted", "INT", "-show_chain", "LEAF"])]);
            CliAgreement.Same(["verify", "-CApath", directory, "-no-CAfile", .. Resolve(["-untrusted", "INT", "-crl_check", "REVOKED"])]);
            CliAgreement.Same(["verify", "-CApath", directory, "-no-CAfile", .. Resolve(["-untrusted", "INT", "-crl_check", "LEAF"])]);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string[] Resolve(string[] options) =>
        options.Select(o => o is "ROOT" or "INT" or "LEAF" or "EXPIRED" or "REVOKED" or "INTCRL" or "ROOTCRL" or "JUNK"
            ? Path.Combine(s_directory.Value, o.ToLowerInvariant() + (o.EndsWith("CRL", StringComparison.Ordinal) ? ".crl" : ".pem"))
            : o).ToArray();

    // The commands are listed in vectors/README.md ("CLI: verify and rehash").
    private static string MakeChain()
    {
        string d = Directory.CreateTempSubdirectory("mtls-verify-").FullName;
        string P(string name) => Path.Combine(d, name);
        File.WriteAllText(P("ca.ext"), "basicConstraints=critical,CA:true\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n");
        File.WriteAllText(P("leaf.ext"), "subjectAltName=DNS:leaf.test,IP:10.0.0.1,email:a@leaf.test\nextendedKeyUsage=serverAuth\nkeyUsage=digitalSignature\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n");
        File.WriteAllText(P("junk.pem"), "not a certificate\n");
        OpenSslPeer.Run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", P("root.key"), "-subj", "/CN=Verify Root",
            "-addext", "keyUsage=critical,keyCertSign,cRLSign", "-days", "3650", "-out", P("root.pem"));
        OpenSslPeer.Run("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", P("int.key"), "-subj", "/O=Verify/CN=Verify Intermediate", "-out", P("int.csr"));
        OpenSslPeer.Run("x509", "-req", "-in", P("int.csr"), "-CA", P("root.pem"), "-CAkey", P("root.key"), "-set_serial", "2", "-days", "3650", "-extfile", P("ca.ext"), "-out", P("int.pem"));
        OpenSslPeer.Run("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", P("leaf.key"), "-subj", "/CN=leaf.test", "-out", P("leaf.csr"));
        OpenSslPeer.Run("x509", "-req", "-in", P("leaf.csr"), "-CA", P("int.pem"), "-CAkey", P("int.key"), "-set_serial", "16", "-days", "365", "-extfile", P("leaf.ext"), "-out", P("leaf.pem"));
        OpenSslPeer.Run("x509", "-req", "-in", P("leaf.csr"), "-CA", P("int.pem"), "-CAkey", P("int.key"), "-set_serial", "17", "-days", "365", "-extfile", P("leaf.ext"), "-out", P("revoked.pem"));
        foreach ((string ca, string crl, string? revoke) in new[] { ("int", "intcrl.crl", P("revoked.pem")), ("root", "rootcrl.crl", null) })
        {
            File.WriteAllText(P(ca + ".index"), string.Empty);
            File.WriteAllText(P(ca + ".crlnumber"), "01\n");
            File.WriteAllText(P(ca + ".cnf"),
                $"[ca]\ndefault_ca = d\n[d]\ndatabase = {P(ca + ".index")}\ncrlnumber = {P(ca + ".crlnumber")}\ncertificate = {P(ca + ".pem")}\n"
                + $"private_key = {P(ca + ".key")}\ndefault_md = sha256\ndefault_crl_days = 30\nnew_certs_dir = {d}\nserial = {P(ca + ".serial")}\n"
                + "unique_subject = no\npolicy = p\n[p]\ncommonName = supplied\n");
            File.WriteAllText(P(ca + ".serial"), "30\n");
            if (revoke is not null)
            {
                // openssl 3.0's x509 has no -not_before: `ca -startdate/-enddate` makes the expired leaf.
                OpenSslPeer.Run("ca", "-config", P(ca + ".cnf"), "-batch", "-notext", "-in", P("leaf.csr"), "-startdate", "20200101000000Z",
                    "-enddate", "20210101000000Z", "-extfile", P("leaf.ext"), "-out", P("expired.pem"));
                OpenSslPeer.Run("ca", "-config", P(ca + ".cnf"), "-revoke", revoke, "-crl_reason", "keyCompromise");
            }

            OpenSslPeer.Run("ca", "-config", P(ca + ".cnf"), "-gencrl", "-out", P(crl));
        }

        return d;
    }
}
