// Our key text is compared byte for byte with what the openssl binary (OpenSSL 3.0) prints for the same file.
// Inputs are OpenSslKeyFixture's keys (commands atop OpenSslKeyFixture.cs) plus KeyTextExtraKeys' edge keys
// (commands atop KeyTextExtraKeys.cs). For each private-key file F and public-key file P the commands are:
//   openssl pkey -in F [-inform DER] -text -noout        vs KeyTextFormatter.FormatPrivateKey
//   openssl pkey -in F [-inform DER] -text_pub -noout    vs KeyTextFormatter.FormatPublicKey(private.PublicKey)
//   openssl pkey -pubin -in P [-inform DER] -text -noout vs KeyTextFormatter.FormatPublicKey
//                                                         (P: SPKI, compressed-point SPKI, PKCS#1 RSA PUBLIC KEY)
//   openssl rsa -in F -text -noout / openssl rsa -pubin -in P -text -noout    (RSA and RSA-PSS)
//   openssl ec -in F -text -noout / openssl ec -pubin -in P -text -noout      (EC; "read EC key" goes to stderr)
//   openssl req -x509 -new -key F -subj /CN=keytext -days 1 | openssl x509 -text -noout   (indent 16)
using ManagedTls.Asn1;
using ManagedTls.Keys;
using ManagedTls.Tests.TestSupport;
using Xunit.Abstractions;

namespace ManagedTls.Tests.Keys.Text;

/// <summary>One comparison: an openssl command line and the function producing our text for the same input.</summary>
public sealed record KeyTextCase(string Name, string[] OpenSslArgs, Func<byte[], string> Format, string File);

[Collection(KeyTextCollection.Name)]
public class KeyTextOpenSslTests(OpenSslKeyFixture fixture, KeyTextExtraKeys extras, ITestOutputHelper output)
{
    [SkippableFact]
    public void Format_EveryOpenSslKeyAndCommand_IdenticalToOpenSsl()
    {
        List<KeyTextCase> cases = [.. FixtureCases(), .. extras.Cases()];

        int identical = 0;
        List<string> failures = [];
        foreach (KeyTextCase c in cases)
        {
            string expected = OpenSslPeer.Run(c.OpenSslArgs).Stdout;
            string actual;
            try
            {
                actual = c.Format(File.ReadAllBytes(c.File));
            }
            catch (Exception e) when (e is KeyFormatException or NotSupportedException or ArgumentException)
            {
                actual = $"<{e.GetType().Name}: {e.Message}>";
            }

            if (actual == expected)
            {
                identical++;
            }
            else
            {
                failures.Add($"--- {c.Name}: openssl {string.Join(' ', c.OpenSslArgs)}\n{FirstDifference(expected, actual)}");
            }
        }

        output.WriteLine($"key text identical to openssl: {identical}/{cases.Count}");
        foreach (string failure in failures)
        {
            output.WriteLine(failure);
        }

        failures.ShouldBeEmpty();
        cases.Count.ShouldBeGreaterThan(100);
    }

    [SkippableTheory]
    [InlineData("rsa2048")]
    [InlineData("rsa3prime")]
    [InlineData("rsapss-sha256")]
    [InlineData("dsa1024")]
    [InlineData("prime256v1")]
    [InlineData("secp521r1")]
    [InlineData("brainpoolP384t1")]
    [InlineData("ed25519")]
    [InlineData("ed448")]
    public void FormatPublicKey_Indent16_MatchesX509TextSubjectPublicKeyInfo(string key)
    {
        string orig = fixture.PathOf(key, "orig.pem");
        byte[] certificate = OpenSslPeer.Run("req", "-x509", "-new", "-key", orig, "-subj", "/CN=keytext", "-days", "1").StdoutBytes;
        string text = OpenSslPeer.RunWithInput(certificate, "x509", "-text", "-noout").Stdout;

        // The lines after "Public Key Algorithm: ..." indented by 16 are EVP_PKEY_print_public(bio, key, 16).
        string[] lines = text.Split('\n');
        int start = Array.FindIndex(lines, l => l.StartsWith("            Public Key Algorithm:", StringComparison.Ordinal)) + 1;
        string expected = string.Concat(lines.Skip(start).TakeWhile(l => l.StartsWith(new string(' ', 16), StringComparison.Ordinal)).Select(l => l + "\n"));

        string actual = KeyTextFormatter.FormatPublicKey(KeyDecoder.DecodePrivateKey(File.ReadAllBytes(orig)).PublicKey, indent: 16);

        start.ShouldBeGreaterThan(0);
        actual.ShouldBe(expected);
    }

    [SkippableTheory]
    [InlineData("prime256v1")]
    [InlineData("secp521r1")]
    [InlineData("brainpoolP256t1")]
    public void FormatPrivateKey_EcPkcs8WithoutPublicKey_DerivedPointMatchesOpenSsl(string key)
    {
        // PKCS#8 whose SEC1 ECPrivateKey has neither [0] parameters nor [1] publicKey: both sides derive d·G.
        var original = (EcPrivateKey)KeyDecoder.DecodePrivateKey(fixture.Read(key, "orig.pem"));
        using var writer = new DerWriter();
        using (writer.PushSequence())
        {
            writer.WriteInteger(0);
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier("1.2.840.10045.2.1");
                writer.WriteObjectIdentifier(original.Curve.Oid);
            }

            using (writer.PushOctetString())
            using (writer.PushSequence())
            {
                writer.WriteInteger(1);
                writer.WriteOctetString(original.Scalar.Span);
            }
        }

        byte[] der = writer.ToArray();
        string expected = OpenSslPeer.RunWithInput(der, "pkey", "-inform", "DER", "-text", "-noout").Stdout;

        KeyTextFormatter.FormatPrivateKey(KeyDecoder.DecodePrivateKey(der)).ShouldBe(expected);
        expected.ShouldBe(OpenSslPeer.Run("pkey", "-in", fixture.PathOf(key, "orig.pem"), "-text", "-noout").Stdout);
    }

    private IEnumerable<KeyTextCase> FixtureCases()
    {
        foreach (KeySpec spec in OpenSslKeyFixture.Specs)
        {
            List<string> privateFiles = ["orig.pem", "pkcs8.der", "trad.der"];
            List<string> publicFiles = ["spki.pem", "spki.der"];
            if (spec.Algorithm == KeyAlgorithm.Ec)
            {
                privateFiles.AddRange(["compressed.pem", "pkcs8-compressed.der"]);
                publicFiles.Add("spki-compressed.der");
            }

            if (spec.IsRsa)
            {
                publicFiles.AddRange(["rsapub.pem", "rsapub.der"]);
            }

            foreach (KeyTextCase c in KeyTextCases.ForPrivate(spec.Name, spec.Algorithm, privateFiles.Select(f => fixture.PathOf(spec.Name, f))))
            {
                yield return c;
            }

            foreach (KeyTextCase c in KeyTextCases.ForPublic(spec.Name, spec.Algorithm, publicFiles.Select(f => fixture.PathOf(spec.Name, f))))
            {
                yield return c;
            }
        }
    }

    private static string FirstDifference(string expected, string actual)
    {
        int i = 0;
        while (i < expected.Length && i < actual.Length && expected[i] == actual[i])
        {
            i++;
        }

        int lineStart = expected.LastIndexOf('\n', Math.Max(0, Math.Min(i, expected.Length) - 1)) + 1;
        string Window(string s) => s.Substring(Math.Min(lineStart, s.Length), Math.Min(200, s.Length - Math.Min(lineStart, s.Length)));
        return $"  differs at char {i}\n  openssl: {Window(expected).Replace("\n", "\\n", StringComparison.Ordinal)}\n  ours:    {Window(actual).Replace("\n", "\\n", StringComparison.Ordinal)}";
    }
}
