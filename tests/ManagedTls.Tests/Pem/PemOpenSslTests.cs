using System.Text;
using ManagedTls.Pem;
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Pem;

/// <summary>Interop with files the openssl binary writes and with the system CA bundle.</summary>
public class PemOpenSslTests
{
    private const string CaBundle = "/etc/ssl/certs/ca-certificates.crt";

    [SkippableFact]
    public void ReadAll_SystemCaBundle_ReadsEveryCertificateAndRewritesItByteForByte()
    {
        Skip.IfNot(File.Exists(CaBundle), $"{CaBundle} is not present on this machine.");
        byte[] bundle = File.ReadAllBytes(CaBundle);
        int beginLines = File.ReadLines(CaBundle).Count(l => l.Contains("BEGIN", StringComparison.Ordinal)); // grep -c BEGIN

        IReadOnlyList<PemBlock> blocks = PemReader.ReadAll(bundle);

        blocks.Count.ShouldBe(beginLines);
        blocks.Count.ShouldBeGreaterThan(10);
        foreach (PemBlock block in blocks)
        {
            block.Label.ShouldBe(PemLabels.Certificate);
            block.Data.Span[0].ShouldBe((byte)0x30); // a DER SEQUENCE
            byte[] original = bundle.AsSpan(block.Offset, block.Length + 1).ToArray();
            PemWriter.Write(block.Label, block.Data.Span).ShouldBe(original, $"certificate at line {block.Line}");
        }

        PemReader.ReadAll(bundle, PemReaderOptions.StrictDefault).Count.ShouldBe(blocks.Count);
    }

    [SkippableFact]
    public void ReadAll_SystemCaBundleWithCrlf_SameBlocks()
    {
        Skip.IfNot(File.Exists(CaBundle), $"{CaBundle} is not present on this machine.");
        string text = File.ReadAllText(CaBundle);
        IReadOnlyList<PemBlock> lf = PemReader.ReadAll(text);
        IReadOnlyList<PemBlock> crlf = PemReader.ReadAll(Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal)));

        crlf.Count.ShouldBe(lf.Count);
        for (int i = 0; i < lf.Count; i++)
        {
            crlf[i].Data.ToArray().ShouldBe(lf[i].Data.ToArray());
            crlf[i].Line.ShouldBe(lf[i].Line);
        }
    }

    [SkippableFact]
    public void ReadFirst_OpenSslCertificate_DecodesToItsDerAndWriterMatchesOpenSsl()
    {
        using var dir = new TempDir();
        string cert = dir.File("c.pem");
        OpenSslPeer.Run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", dir.File("k.pem"),
            "-subj", "/CN=pem test", "-days", "1", "-out", cert);
        byte[] pem = OpenSslPeer.Run("x509", "-in", cert, "-outform", "PEM").StdoutBytes;
        byte[] der = OpenSslPeer.Run("x509", "-in", cert, "-outform", "DER").StdoutBytes;

        PemBlock block = PemReader.ReadFirst(pem, PemLabels.Certificate, PemReaderOptions.StrictDefault);

        block.Data.ToArray().ShouldBe(der);
        PemWriter.Write(PemLabels.Certificate, der).ShouldBe(pem);

        // And openssl reads what we write.
        string ours = dir.File("ours.pem");
        File.WriteAllBytes(ours, PemWriter.Write(PemLabels.Certificate, der));
        OpenSslPeer.Run("x509", "-in", ours, "-outform", "DER").StdoutBytes.ShouldBe(der);
    }

    [SkippableFact]
    public void ReadAll_TraditionalEncryptedKey_HeadersParsedAndRewrittenByteForByte()
    {
        using var dir = new TempDir();
        OpenSslPeer.Run("genrsa", "-out", dir.File("k.pem"), "1024");
        OpenSslPeer.Run("rsa", "-in", dir.File("k.pem"), "-aes128", "-traditional", "-passout", "pass:x", "-out", dir.File("ke.pem"));
        byte[] file = File.ReadAllBytes(dir.File("ke.pem"));

        PemBlock block = PemReader.ReadFirst(file, PemLabels.RsaPrivateKey);

        block.IsEncrypted.ShouldBeTrue();
        block.Headers.Length.ShouldBe(2);
        block.Headers[0].ShouldBe(new PemHeader(PemHeader.ProcType, PemHeader.ProcTypeEncrypted));
        block.Headers[1].Name.ShouldBe(PemHeader.DekInfo);
        block.Headers[1].Value.ShouldMatch("^AES-128-CBC,[0-9A-F]{32}$");
        PemDekInfo dek = block.GetDekInfo().ShouldNotBeNull();
        dek.Cipher.ShouldBe("AES-128-CBC");
        dek.Iv.Length.ShouldBe(16);
        dek.ToHeaders().ShouldBe(block.Headers.ToArray());
        (block.Data.Length % 16).ShouldBe(0); // CBC ciphertext
        PemWriter.Write(block.Label, block.Data.Span, block.Headers.AsSpan()).ShouldBe(file);
        Should.Throw<PemException>(() => PemReader.ReadAll(file, PemReaderOptions.StrictDefault)).Reason.ShouldBe(PemError.HeadersNotAllowed);
    }

    [SkippableFact]
    public void ReadAll_OpenSslKeyAndParameters_LabelsMatchConstants()
    {
        using var dir = new TempDir();
        OpenSslPeer.Run("ecparam", "-name", "prime256v1", "-genkey", "-out", dir.File("ec.pem"));
        OpenSslPeer.Run("pkcs8", "-topk8", "-nocrypt", "-in", dir.File("ec.pem"), "-out", dir.File("p8.pem"));
        OpenSslPeer.Run("pkey", "-in", dir.File("ec.pem"), "-pubout", "-out", dir.File("pub.pem"));

        PemReader.ReadAll(File.ReadAllBytes(dir.File("ec.pem"))).Select(b => b.Label).ShouldBe([PemLabels.EcParameters, PemLabels.EcPrivateKey]);
        PemReader.ReadAll(File.ReadAllBytes(dir.File("p8.pem"))).ShouldHaveSingleItem().Label.ShouldBe(PemLabels.PrivateKey);
        PemReader.ReadAll(File.ReadAllBytes(dir.File("pub.pem"))).ShouldHaveSingleItem().Label.ShouldBe(PemLabels.PublicKey);
    }

    /// <summary>
    /// Variants of a real certificate, each read by <c>openssl x509</c> and by the lax reader. They agree except for
    /// two deliberate differences: a blank line inside the base64 (RFC 7468 lax allows it; OpenSSL takes the lines
    /// above it for headers) and headers other than Proc-Type (OpenSSL refuses them; the reader returns them and
    /// leaves the decision to the layer that knows the label).
    /// </summary>
    [SkippableTheory]
    [InlineData("ok", true)]
    [InlineData("crlf", true)]
    [InlineData("no final newline", true)]
    [InlineData("text around", true)]
    [InlineData("trailing whitespace", true)]
    [InlineData("whitespace inside base64", true)]
    [InlineData("blank line after BEGIN", true)]
    [InlineData("one long line", true)]
    [InlineData("76-column lines", true)]
    [InlineData("byte order mark", true)]
    [InlineData("mismatched END label", false)]
    [InlineData("END without dashes", false)]
    [InlineData("text after END", false)]
    [InlineData("space before END", false)]
    [InlineData("bad base64 character", false)]
    [InlineData("header without blank line", false)]
    public void ReadAll_CertificateVariant_AgreesWithOpenSsl(string variant, bool accepted)
    {
        using var dir = new TempDir();
        OpenSslPeer.Run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", dir.File("k.pem"),
            "-subj", "/CN=variant", "-days", "1", "-out", dir.File("c.pem"));
        string[] lines = File.ReadAllText(dir.File("c.pem")).TrimEnd('\n').Split('\n');
        string[] body = lines[1..^1];
        string Make(string? begin = null, IEnumerable<string>? bodyLines = null, string? end = null, string nl = "\n", string pre = "", string post = "\n") =>
            pre + string.Join(nl, new[] { begin ?? lines[0] }.Concat(bodyLines ?? body).Append(end ?? "-----END CERTIFICATE-----")) + post;
        string all = string.Concat(body);
        string text = variant switch
        {
            "ok" => Make(),
            "crlf" => Make(nl: "\r\n"),
            "no final newline" => Make(post: ""),
            "text around" => Make(pre: "hello\n\n", post: "\nbye\n"),
            "trailing whitespace" => Make(begin: "-----BEGIN CERTIFICATE----- \t", bodyLines: body.Select(l => l + "  ")),
            "whitespace inside base64" => Make(bodyLines: body.Select(l => "  " + l[..10] + " " + l[10..])),
            "blank line after BEGIN" => Make(bodyLines: body.Prepend("")),
            "one long line" => Make(bodyLines: [all]),
            "76-column lines" => Make(bodyLines: all.Chunk(76).Select(c => new string(c))),
            "byte order mark" => Make(pre: "\uFEFF"),
            "mismatched END label" => Make(end: "-----END PRIVATE KEY-----"),
            "END without dashes" => Make(end: "-----END CERTIFICATE"),
            "text after END" => Make(end: "-----END CERTIFICATE----- x"),
            "space before END" => Make(end: " -----END CERTIFICATE-----"),
            "bad base64 character" => Make(bodyLines: body.Select((l, i) => i == 0 ? l[..5] + "*" + l[6..] : l)),
            "header without blank line" => Make(bodyLines: body.Prepend("Comment: hi")),
            _ => throw new ArgumentOutOfRangeException(nameof(variant)),
        };
        string file = dir.File("v.pem");
        File.WriteAllText(file, text); // UTF-8 without BOM; the BOM variant carries its own

        bool openSslAccepts = OpenSslPeer.TryRun(null, "x509", "-in", file, "-noout").ExitCode == 0;
        Exception? ours = Record.Exception(() => PemReader.ReadFirst(File.ReadAllBytes(file), PemLabels.Certificate));

        openSslAccepts.ShouldBe(accepted, "openssl");
        (ours is null).ShouldBe(accepted, ours?.Message);
        (ours is null or PemException).ShouldBeTrue();
    }

    private sealed class TempDir : IDisposable
    {
        public TempDir() => Path = Directory.CreateTempSubdirectory("mtls-pem-").FullName;

        public string Path { get; }

        public string File(string name) => System.IO.Path.Combine(Path, name);

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
