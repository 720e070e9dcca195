using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using ManagedTls.Tests.TestSupport;
using Xunit.Abstractions;

namespace ManagedTls.Tests.Cli;

/// <summary>
/// The proof that <c>mtls asn1parse</c> prints what <c>openssl asn1parse</c> prints: both run over every certificate
/// in /etc/ssl/certs and over keys, a CSR and a CRL generated here (commands as in vectors/README.md), plain, with
/// <c>-i</c>, and with <c>-strparse</c> into the public key BIT STRING and the first extension OCTET STRING;
/// stdout bytes and exit codes must be identical.
/// </summary>
public sealed class Asn1ParseInteropTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("asn1parse-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [SkippableFact]
    public void Asn1Parse_SystemCertificatesKeysCsrCrl_OutputIdenticalToOpenSsl()
    {
        OpenSslPeer.Require();
        var stopwatch = Stopwatch.StartNew();
        var files = new List<string>();
        if (Directory.Exists("/etc/ssl/certs"))
        {
            files.AddRange(Directory.GetFiles("/etc/ssl/certs", "*.pem").Order(StringComparer.Ordinal));
        }

        int systemCerts = files.Count;
        files.AddRange(GenerateKeysCsrCrl());

        var cases = new List<string[]>();
        foreach (string file in files)
        {
            cases.Add(["-in", file]);
            cases.Add(["-i", "-in", file]);
            foreach (string offset in StrParseOffsets(file))
            {
                cases.Add(["-in", file, "-strparse", offset]);
            }
        }

        foreach (string file in files.Skip(systemCerts))
        {
            cases.Add(["-dump", "-in", file]);
            cases.Add(["-dlimit", "20", "-i", "-in", file]);
            cases.Add(["-offset", "4", "-in", file]);
            if (file.EndsWith(".der", StringComparison.Ordinal))
            {
                cases.Add(["-inform", "DER", "-in", file]);
                cases.Add(["-inform", "DER", "-i", "-dump", "-in", file]);
                cases.Add(["-inform", "DER", "-in", file, "-strparse", "5"]);
                cases.Add(["-inform", "DER", "-in", file, "-strparse", "48"]);
            }
        }

        var failures = new ConcurrentBag<string>();
        int identical = 0;
        Parallel.ForEach(cases, new ParallelOptions { MaxDegreeOfParallelism = 4 }, args =>
        {
            ProcessResult expected = OpenSslPeer.TryRun(null, ["asn1parse", .. args]);
            ProcessResult actual = Mtls.Run(["asn1parse", .. args]);
            if (actual.ExitCode == expected.ExitCode && actual.StdoutBytes.AsSpan().SequenceEqual(expected.StdoutBytes))
            {
                Interlocked.Increment(ref identical);
            }
            else
            {
                failures.Add($"asn1parse {string.Join(' ', args)}: exit {actual.ExitCode} vs {expected.ExitCode}\n{FirstDifference(actual.Stdout, expected.Stdout)}");
            }
        });

        output.WriteLine($"{identical}/{cases.Count} runs identical ({systemCerts} system certificates, {files.Count - systemCerts} generated files) in {stopwatch.Elapsed.TotalSeconds:F1} s");
        failures.ShouldBeEmpty(string.Join("\n", failures.Take(5)));
        identical.ShouldBeGreaterThan(0);
    }

    /// <summary>
    /// Seeded mutations (byte flips, truncations, inserted and deleted bytes) of a certificate's DER and of its PEM text:
    /// whatever openssl makes of broken input, mtls must print the same bytes and exit with the same code.
    /// </summary>
    [SkippableFact]
    public void Asn1Parse_MutatedCertificate_OutputIdenticalToOpenSsl()
    {
        OpenSslPeer.Require();
        string pem = Path.Combine(_dir, "ca.pem");
        OpenSslPeer.Run("req", "-x509", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", Path.Combine(_dir, "k.pem"), "-subj", "/CN=mutant", "-addext", "subjectAltName=DNS:a.test", "-out", pem);
        byte[] der = OpenSslPeer.Run("x509", "-in", pem, "-outform", "DER").StdoutBytes;
        byte[] text = File.ReadAllBytes(pem);
        var random = new System.Random(20261123);
        var inputs = new List<(string Name, byte[] Data, string Inform)>();
        for (int i = 0; i < 150; i++)
        {
            inputs.Add(($"der{i}", Mutate(der, random), "DER"));
            inputs.Add(($"pem{i}", Mutate(text, random), "PEM"));
        }

        var failures = new ConcurrentBag<string>();
        int identical = 0;
        Parallel.ForEach(inputs, new ParallelOptions { MaxDegreeOfParallelism = 4 }, input =>
        {
            string path = Path.Combine(_dir, input.Name);
            File.WriteAllBytes(path, input.Data);
            ProcessResult expected = OpenSslPeer.TryRun(null, "asn1parse", "-inform", input.Inform, "-in", path);
            ProcessResult actual = Mtls.Run("asn1parse", "-inform", input.Inform, "-in", path);
            if (actual.ExitCode == expected.ExitCode && actual.StdoutBytes.AsSpan().SequenceEqual(expected.StdoutBytes))
            {
                Interlocked.Increment(ref identical);
            }
            else
            {
                failures.Add($"{input.Name} ({Convert.ToHexString(input.Data)[..Math.Min(200, input.Data.Length * 2)]}): exit {actual.ExitCode} vs {expected.ExitCode}\n{FirstDifference(actual.Stdout, expected.Stdout)}");
            }
        });

        output.WriteLine($"{identical}/{inputs.Count} mutated inputs identical");
        failures.ShouldBeEmpty(string.Join("\n", failures.Take(5)));
    }

    /// <summary>
    /// The base64 BIO's corner cases: one long line with and without a final newline, junk lines longer than its
    /// 1024-byte buffer, a junk line ending exactly at the buffer's end (openssl then decodes nothing), CRLF, and
    /// a bad line in the middle.
    /// </summary>
    [SkippableTheory]
    [InlineData("one-line")]
    [InlineData("one-line-no-newline")]
    [InlineData("long-junk-line")]
    [InlineData("long-base64-line")]
    [InlineData("junk-1022")]
    [InlineData("junk-1023")]
    [InlineData("junk-1024")]
    [InlineData("crlf")]
    [InlineData("bad-middle-line")]
    public void Asn1Parse_Base64Layouts_OutputIdenticalToOpenSsl(string layout)
    {
        OpenSslPeer.Require();
        string pemPath = Path.Combine(_dir, "c.pem");
        OpenSslPeer.Run("req", "-x509", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", Path.Combine(_dir, "k.pem"), "-subj", "/CN=layout", "-out", pemPath);
        string pem = File.ReadAllText(pemPath);
        string[] body = pem.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("-----", StringComparison.Ordinal)).ToArray();
        string text = layout switch
        {
            "one-line" => string.Concat(body) + "\n",
            "one-line-no-newline" => string.Concat(body),
            "long-junk-line" => new string('x', 2000) + ":junk\n" + pem,
            "long-base64-line" => new string('A', 1500) + "\n" + pem,
            "junk-1022" => new string('#', 1022) + "\n" + pem,
            "junk-1023" => new string('#', 1023) + "\n" + pem,
            "junk-1024" => new string('#', 1024) + "\n" + pem,
            "crlf" => pem.Replace("\n", "\r\n", StringComparison.Ordinal),
            _ => string.Join("\n", body.Take(5)) + "\n!!!!\n" + string.Join("\n", body.Skip(5)) + "\n",
        };
        string path = Path.Combine(_dir, layout);
        File.WriteAllText(path, text);

        ProcessResult expected = OpenSslPeer.TryRun(null, "asn1parse", "-in", path);
        ProcessResult actual = Mtls.Run("asn1parse", "-in", path);

        actual.Stdout.ShouldBe(expected.Stdout);
        actual.ExitCode.ShouldBe(expected.ExitCode);
    }

    private static byte[] Mutate(byte[] data, System.Random random)
    {
        var bytes = new List<byte>(data);
        int edits = random.Next(1, 4);
        for (int e = 0; e < edits && bytes.Count > 1; e++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(4))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 2:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
                default:
                    bytes.RemoveAt(at);
                    break;
            }
        }

        return [.. bytes];
    }

    private static IEnumerable<string> StrParseOffsets(string file)
    {
        // Our own listing picks the offsets; both tools are then asked to dig at them.
        string listing = Mtls.Run("asn1parse", "-in", file).Stdout;
        string? bitString = null;
        string? octetString = null;
        foreach (string line in listing.Split('\n'))
        {
            if (bitString is null && line.Contains("prim: BIT STRING", StringComparison.Ordinal))
            {
                bitString = line[..line.IndexOf(':', StringComparison.Ordinal)].Trim();
            }

            if (octetString is null && line.Contains("prim: OCTET STRING      [HEX DUMP]", StringComparison.Ordinal))
            {
                octetString = line[..line.IndexOf(':', StringComparison.Ordinal)].Trim();
            }
        }

        return new[] { bitString, octetString }.OfType<string>();
    }

    private List<string> GenerateKeysCsrCrl()
    {
        string P(string name) => Path.Combine(_dir, name);
        void Run(params string[] args) => OpenSslPeer.Run(args);

        Run("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", P("rsa.pkcs8.pem"));
        Run("pkey", "-in", P("rsa.pkcs8.pem"), "-traditional", "-out", P("rsa.trad.pem"));
        Run("pkey", "-in", P("rsa.pkcs8.pem"), "-pubout", "-out", P("rsa.pub.pem"));
        Run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", P("ec.pkcs8.pem"));
        Run("pkey", "-in", P("ec.pkcs8.pem"), "-traditional", "-out", P("ec.trad.pem"));
        Run("pkcs8", "-topk8", "-in", P("ec.pkcs8.pem"), "-passout", "pass:secret", "-out", P("ec.enc.pem"));
        Run("ecparam", "-name", "prime256v1", "-out", P("ecparams.pem"));
        Run("genpkey", "-algorithm", "ED25519", "-out", P("ed25519.pkcs8.pem"));
        Run("pkey", "-in", P("ed25519.pkcs8.pem"), "-pubout", "-out", P("ed25519.pub.pem"));
        Run("req", "-new", "-key", P("ec.pkcs8.pem"), "-subj", "/CN=asn1parse test/O=ManagedTls", "-addext", "subjectAltName=DNS:example.test", "-out", P("req.csr.pem"));
        Run("req", "-x509", "-new", "-key", P("rsa.pkcs8.pem"), "-subj", "/CN=Test CA", "-days", "30", "-out", P("ca.pem"));
        Run("x509", "-in", P("ca.pem"), "-outform", "DER", "-out", P("ca.der"));

        Directory.CreateDirectory(P("ca"));
        File.WriteAllText(P("ca/index.txt"), string.Empty);
        File.WriteAllText(P("ca/crlnumber"), "01\n");
        File.WriteAllText(P("ca.cnf"), $"[ca]\ndefault_ca = test\n[test]\ndatabase = {P("ca/index.txt")}\ncrlnumber = {P("ca/crlnumber")}\ndefault_md = sha256\ndefault_crl_days = 30\n");
        Run("ca", "-config", P("ca.cnf"), "-revoke", P("ca.pem"), "-keyfile", P("rsa.pkcs8.pem"), "-cert", P("ca.pem"), "-crl_reason", "keyCompromise");
        Run("ca", "-config", P("ca.cnf"), "-gencrl", "-keyfile", P("rsa.pkcs8.pem"), "-cert", P("ca.pem"), "-out", P("crl.pem"));

        // BER with indefinite lengths, unknown OIDs, odd integers and strings, as DER (-inform is PEM by default,
        // so these run through the base64 reader too, which finds no start line: "offset out of range" on both).
        File.WriteAllBytes(P("ber.der"), Convert.FromHexString(
            "3080020105248004026162000006042A03040502020080020200FF0201FF0A0101010100130141160142" +
            "1E0400410042A003020101BF810003020101DF1F0101A08000000C03C3A9410000"));
        return [.. new[]
        {
            "rsa.pkcs8.pem", "rsa.trad.pem", "rsa.pub.pem", "ec.pkcs8.pem", "ec.trad.pem", "ec.enc.pem", "ecparams.pem",
            "ed25519.pkcs8.pem", "ed25519.pub.pem", "req.csr.pem", "ca.pem", "crl.pem", "ca.der", "ber.der",
        }.Select(P)];
    }

    private static string FirstDifference(string actual, string expected)
    {
        string[] a = actual.Split('\n');
        string[] e = expected.Split('\n');
        for (int i = 0; i < Math.Max(a.Length, e.Length); i++)
        {
            string left = i < a.Length ? a[i] : "<end>";
            string right = i < e.Length ? e[i] : "<end>";
            if (left != right)
            {
                return new StringBuilder().Append("  line ").Append(i + 1).Append("\n  mtls:    ").Append(left).Append("\n  openssl: ").Append(right).ToString();
            }
        }

        return "  (stdout identical)";
    }
}
