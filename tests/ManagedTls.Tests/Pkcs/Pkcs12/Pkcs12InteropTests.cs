using ManagedTls.Keys;
using ManagedTls.Pkcs;
using ManagedTls.Pkcs.Pkcs12;
using ManagedTls.Tests.TestSupport;
using ManagedTls.X509;

namespace ManagedTls.Tests.Pkcs.Pkcs12;

/// <summary>PKCS#12 both ways with OpenSSL 3.0: its exports read by us, ours read back by <c>openssl pkcs12</c>.</summary>
public sealed class Pkcs12InteropTests
{
    public static TheoryData<string, string[], string> OpenSslProfiles => new()
    {
        { "modern", ["-passout", "pass:secret"], "secret" },
        { "legacy", ["-legacy", "-passout", "pass:secret"], "secret" },
        { "nomac", ["-nomac", "-passout", "pass:secret"], "secret" },
        { "empty password", ["-passout", "pass:"], "" },
        { "empty password legacy", ["-legacy", "-passout", "pass:"], "" },
        { "sha512 mac", ["-macalg", "sha512", "-passout", "pass:secret"], "secret" },
        { "sha1 mac, 3DES certs", ["-macalg", "sha1", "-descert", "-passout", "pass:secret"], "secret" },
        { "RC2-128 and 3DES keys", ["-certpbe", "PBE-SHA1-RC2-128", "-keypbe", "PBE-SHA1-3DES", "-passout", "pass:secret", "-provider", "legacy", "-provider", "default"], "secret" },
        { "PBES2 AES-128", ["-certpbe", "AES-128-CBC", "-keypbe", "AES-128-CBC", "-passout", "pass:secret"], "secret" },
        { "unencrypted key, plain certs", ["-keypbe", "NONE", "-certpbe", "NONE", "-passout", "pass:secret"], "secret" },
        { "iter 1, no mac iteration", ["-iter", "1", "-nomaciter", "-passout", "pass:secret"], "secret" },
        { "non-ASCII password", ["-passout", "pass:pässwörd €"], "pässwörd €" },
    };

    [SkippableTheory]
    [MemberData(nameof(OpenSslProfiles))]
    public void Load_OpenSslExport_KeyLeafCaAndName(string profile, string[] arguments, string password)
    {
        Pkcs12Pki pki = Pkcs12Pki.Instance;
        byte[] pfx = pki.OpenSslExport([.. arguments, "-certfile", pki.P("chain.pem"), "-name", "friendly " + profile]);

        Pkcs12Archive archive = Pkcs12Archive.Load(pfx, password);

        archive.Certificate.ShouldBe(Certificate.Load(pki.Bytes("leaf.pem")), profile);
        archive.PrivateKey!.PublicKey.ShouldBe(KeyDecoder.DecodePrivateKey(pki.Bytes("leaf.key")).PublicKey);
        archive.FriendlyName.ShouldBe("friendly " + profile);
        archive.CaCertificates.ShouldBe([Certificate.Load(pki.Bytes("int.pem")), Certificate.Load(pki.Bytes("root.pem"))]);
        (archive.Mac is null).ShouldBe(profile == "nomac");
    }

    [SkippableTheory]
    [InlineData("modern", "sha256")]
    [InlineData("legacy", "sha1")]
    public void Load_MacDescribedAsOpenSslInfo(string profile, string mac)
    {
        Pkcs12Pki pki = Pkcs12Pki.Instance;
        byte[] pfx = pki.OpenSslExport(profile == "legacy" ? ["-legacy", "-passout", "pass:x"] : ["-passout", "pass:x"]);

        Pkcs12Archive archive = Pkcs12Archive.Load(pfx, "x");

        ProcessResult info = OpenSslPeer.Run("pkcs12", "-in", pki.Write(pfx), "-info", "-noout", "-passin", "pass:x", "-legacy");
        info.Stderr.ShouldStartWith(archive.Mac!.Describe());
        archive.Mac.AlgorithmName.ShouldBe(mac);
        info.Stderr.ShouldContain("PKCS7 Encrypted data: " + archive.Safes[0].Encryption + "\n");
        info.Stderr.ShouldContain("Shrouded Keybag: " + archive.Safes[1].Bags[0].KeyEncryption + "\n");
    }

    public static TheoryData<string, bool> OurProfiles => new()
    {
        { "modern", false },
        { "legacy", true },
    };

    [SkippableTheory]
    [MemberData(nameof(OurProfiles))]
    public void Export_ReadByOpenSslInfo_KeyAndCertificatesRecovered(string profile, bool legacy)
    {
        Pkcs12Pki pki = Pkcs12Pki.Instance;
        PrivateKey key = KeyDecoder.DecodePrivateKey(pki.Bytes("leaf.key"));
        Certificate leaf = Certificate.Load(pki.Bytes("leaf.pem"));
        IReadOnlyList<Certificate> chain = Certificate.LoadAll(pki.Bytes("chain.pem"));
        byte[] pfx = Pkcs12Builder.Export(key, leaf, chain, "ours " + profile, "pw"u8.ToArray(), legacy ? Pkcs12ExportOptions.Legacy() : Pkcs12ExportOptions.Default);
        string path = pki.Write(pfx);

        string[] legacyFlag = legacy ? ["-legacy"] : [];
        ProcessResult info = OpenSslPeer.Run(["pkcs12", "-in", path, "-info", "-nodes", "-passin", "pass:pw", .. legacyFlag]);
        info.Stderr.ShouldStartWith(legacy
            ? "MAC: sha1, Iteration 2048\nMAC length: 20, salt length: 8\nPKCS7 Encrypted data: pbeWithSHA1And40BitRC2-CBC, Iteration 2048\n"
            : "MAC: sha256, Iteration 2048\nMAC length: 32, salt length: 8\nPKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC, Iteration 2048, PRF hmacWithSHA256\n");
        info.Stdout.ShouldContain("friendlyName: ours " + profile + "\n");
        info.Stdout.ShouldContain(leaf.ToPem());
        info.Stdout.ShouldContain(chain[1].ToPem());
        ProcessResult keyOut = OpenSslPeer.Run(["pkcs12", "-in", path, "-nocerts", "-nodes", "-passin", "pass:pw", .. legacyFlag]);
        KeyDecoder.DecodePrivateKey(System.Text.Encoding.ASCII.GetBytes(keyOut.Stdout)).PublicKey.ShouldBe(key.PublicKey);
        ProcessResult caOut = OpenSslPeer.Run(["pkcs12", "-in", path, "-cacerts", "-nokeys", "-passin", "pass:pw", .. legacyFlag]);
        Certificate.LoadAll(System.Text.Encoding.ASCII.GetBytes(caOut.Stdout)).ShouldBe(chain);
    }

    [SkippableTheory]
    [InlineData(new[] { "-nodes" }, -1)]
    [InlineData(new[] { "-nodes" }, 1)]
    [InlineData(new[] { "-nodes" }, 0)]
    public void Export_NoMacOrOneIteration_OpenSslReads(string[] extra, int macIterations)
    {
        Pkcs12Pki pki = Pkcs12Pki.Instance;
        PrivateKey key = KeyDecoder.DecodePrivateKey(pki.Bytes("leaf.key"));
        Certificate leaf = Certificate.Load(pki.Bytes("leaf.pem"));
        byte[] pfx = Pkcs12Builder.Export(key, leaf, null, null, "pw"u8.ToArray(), Pkcs12ExportOptions.Modern(3, macIterations));

        ProcessResult info = OpenSslPeer.Run(["pkcs12", "-in", pki.Write(pfx), "-info", "-passin", "pass:pw", .. extra]);

        info.Stderr.ShouldStartWith(macIterations == -1 ? "Warning: MAC is absent!\n" : "MAC: sha256, Iteration 1\n");
        info.Stdout.ShouldContain(leaf.ToPem());
        Pkcs12Archive.Load(pfx, "pw").PrivateKey!.PublicKey.ShouldBe(key.PublicKey);
    }

    [SkippableTheory]
    [InlineData(null)]
    [InlineData("")]
    public void Export_AbsentOrEmptyPassword_OpenSslReadsWithEmptyPassin(string? password)
    {
        Pkcs12Pki pki = Pkcs12Pki.Instance;
        PrivateKey key = KeyDecoder.DecodePrivateKey(pki.Bytes("leaf.key"));
        Certificate leaf = Certificate.Load(pki.Bytes("leaf.pem"));

        foreach (Pkcs12ExportOptions options in new[] { Pkcs12ExportOptions.Default, Pkcs12ExportOptions.Legacy() })
        {
            byte[] pfx = Pkcs12Builder.Export(key, leaf, null, "n", password is null ? null : [], options);
            ProcessResult run = OpenSslPeer.Run("pkcs12", "-in", pki.Write(pfx), "-nodes", "-passin", "pass:", "-legacy");
            run.Stdout.ShouldContain(leaf.ToPem());
            Pkcs12Archive.Load(pfx, null).Certificate.ShouldBe(leaf);
            Pkcs12Archive.Load(pfx, "").Certificate.ShouldBe(leaf);
        }
    }

    [SkippableFact]
    public void Export_Ed25519KeyAndCertificate_RoundTripsThroughOpenSsl()
    {
        Pkcs12Pki pki = Pkcs12Pki.Instance;
        string cert = pki.P("ed.pem");
        Pkcs12Pki.Run("req", "-x509", "-key", pki.P("ed.key"), "-subj", "/CN=ed", "-days", "2", "-out", cert);
        string pfxPath = pki.P("ed-openssl.p12");
        Pkcs12Pki.Run("pkcs12", "-export", "-in", cert, "-inkey", pki.P("ed.key"), "-passout", "pass:e", "-out", pfxPath);

        Pkcs12Archive archive = Pkcs12Archive.Load(File.ReadAllBytes(pfxPath), "e");
        byte[] ours = Pkcs12Builder.Export(archive.PrivateKey, archive.Certificate, null, null, "f"u8.ToArray());

        OpenSslPeer.Run("pkcs12", "-in", pki.Write(ours), "-nodes", "-passin", "pass:f").Stdout.ShouldContain("-----BEGIN PRIVATE KEY-----");
        archive.PrivateKey!.Algorithm.ShouldBe(KeyAlgorithm.Ed25519);
    }
}
