using ManagedTls.Asn1;
using ManagedTls.Tests.TestSupport;
using Xunit.Abstractions;

namespace ManagedTls.Tests.Asn1.Oids;

public class OidRegistryTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(ManagedTls.Asn1.Oids.CommonName, "CN", "commonName")]
    [InlineData(ManagedTls.Asn1.Oids.Sha256WithRsaEncryption, "RSA-SHA256", "sha256WithRSAEncryption")]
    [InlineData(ManagedTls.Asn1.Oids.EcPublicKey, "id-ecPublicKey", "id-ecPublicKey")]
    [InlineData(ManagedTls.Asn1.Oids.Secp256r1, "prime256v1", "prime256v1")]
    [InlineData(ManagedTls.Asn1.Oids.BasicConstraints, "basicConstraints", "X509v3 Basic Constraints")]
    [InlineData(ManagedTls.Asn1.Oids.Ed25519, "ED25519", "ED25519")]
    [InlineData("1.2.840.113549", "rsadsi", "RSA Data Security, Inc.")]
    [InlineData("1.3", "ORG", "org")]
    [InlineData("1.2.804.2.1.1.1.1.3.1.1.2.7", "uacurve7", "DSTU curve 7")]
    public void TryGetByDotted_KnownOid_ReturnsOpenSslNames(string dotted, string shortName, string longName)
    {
        OidRegistry.TryGetByDotted(dotted, out OidInfo? info).ShouldBeTrue();
        info.ShouldBe(new OidInfo(dotted, shortName, longName));
    }

    [Theory]
    [InlineData("1.2.3.4.5")]
    [InlineData("2.5.4.3.0")]
    [InlineData("")]
    public void TryGetByDotted_UnknownOid_ReturnsFalse(string dotted)
    {
        OidRegistry.TryGetByDotted(dotted, out OidInfo? info).ShouldBeFalse();
        info.ShouldBeNull();
    }

    [Theory]
    [InlineData("550403", "2.5.4.3")]
    [InlineData("2A864886F70D01010B", "1.2.840.113549.1.1.11")]
    [InlineData("2A8648CE3D030107", "1.2.840.10045.3.1.7")]
    [InlineData("2B", "1.3")]
    public void TryGetByEncoded_KnownContent_ReturnsEntry(string hex, string dotted)
    {
        OidRegistry.TryGetByEncoded(Convert.FromHexString(hex), out OidInfo? info).ShouldBeTrue();
        info!.Dotted.ShouldBe(dotted);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2A03")]
    [InlineData("550480")]
    [InlineData("2A864886F70D01010B00")]
    public void TryGetByEncoded_UnknownContent_ReturnsFalse(string hex)
    {
        OidRegistry.TryGetByEncoded(Convert.FromHexString(hex), out _).ShouldBeFalse();
    }

    [Fact]
    public void TryGetByEncoded_Lookup_DoesNotAllocate()
    {
        byte[] content = Convert.FromHexString("2A864886F70D01010B");
        OidRegistry.TryGetByEncoded(content, out _); // warm up the static constructor
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            OidRegistry.TryGetByEncoded(content, out _);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }

    [Theory]
    [InlineData("CN", "2.5.4.3")]
    [InlineData("commonName", "2.5.4.3")]
    [InlineData("prime256v1", "1.2.840.10045.3.1.7")]
    [InlineData("sha256WithRSAEncryption", "1.2.840.113549.1.1.11")]
    [InlineData("RSA-SHA256", "1.2.840.113549.1.1.11")]
    [InlineData("X509v3 Basic Constraints", "2.5.29.19")]
    public void TryGetByName_ShortOrLongName_ReturnsEntry(string name, string dotted)
    {
        OidRegistry.TryGetByName(name, out OidInfo? info).ShouldBeTrue();
        info!.Dotted.ShouldBe(dotted);
    }

    [Theory]
    [InlineData("cn")]
    [InlineData("no such name")]
    public void TryGetByName_UnknownOrWrongCase_ReturnsFalse(string name)
    {
        OidRegistry.TryGetByName(name, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("550403", "commonName")]
    [InlineData("2A0304", "1.2.3.4")]
    [InlineData("8837", "2.999")]
    [InlineData("2A8FFFFFFFFFFFFFFFFFFFFF7F", "1.2.2417851639229258349412351")] // openssl asn1parse prints this arc (81 bits)
    [InlineData("00", "0.0")]
    [InlineData("4F", "1.39")]
    public void GetDisplayName_Content_MatchesObjObj2txt(string hex, string expected)
    {
        OidRegistry.GetDisplayName(Convert.FromHexString(hex)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2A86")]
    [InlineData("2A8001")]
    [InlineData("80")]
    public void GetDisplayName_InvalidContent_Throws(string hex)
    {
        Should.Throw<ArgumentException>(() => OidRegistry.GetDisplayName(Convert.FromHexString(hex)));
    }

    [Fact]
    public void GetDisplayName_UnknownContentOver586Octets_ThrowsAsObjObj2txtFails()
    {
        byte[] at586 = [0x2A, .. Enumerable.Repeat((byte)0x81, 584), 0x01];
        byte[] over = [0x2A, .. Enumerable.Repeat((byte)0x81, 585), 0x01];

        OidRegistry.GetDisplayName(at586).ShouldStartWith("1.2.");
        Should.Throw<ArgumentException>(() => OidRegistry.GetDisplayName(over));
    }

    [Fact]
    public void All_HasEveryOpenSslObjectWithAnOid()
    {
        OidRegistry.All.Count.ShouldBe(1104);
        OidRegistry.All.Select(i => i.Dotted).Distinct().Count().ShouldBe(1103); // 1.3 is listed twice, as in OpenSSL
    }

    [Fact]
    public void Oids_EveryConstant_IsInRegistry()
    {
        var fields = typeof(ManagedTls.Asn1.Oids).GetFields().Where(f => f.IsLiteral).ToList();
        fields.Count.ShouldBeGreaterThan(100);
        foreach (var field in fields)
        {
            OidRegistry.TryGetByDotted((string)field.GetRawConstantValue()!, out _).ShouldBeTrue(field.Name);
        }
    }

    /// <summary>Every registry entry, encoded and fed to <c>openssl asn1parse</c>, prints the long name we hold.</summary>
    [SkippableFact]
    public void GetDisplayName_EveryEntry_MatchesOpenSslAsn1Parse()
    {
        OpenSslPeer.Require();
        var distinct = OidRegistry.All.DistinctBy(i => i.Dotted).ToList();
        var body = new MemoryStream();
        foreach (OidInfo info in distinct)
        {
            byte[] content = OidCodec.Encode(info.Dotted);
            body.WriteByte(0x06);
            body.WriteByte((byte)content.Length);
            body.Write(content);
        }

        byte[] der = [0x30, 0x83, (byte)(body.Length >> 16), (byte)(body.Length >> 8), (byte)body.Length, .. body.ToArray()];
        string path = Path.Combine(Path.GetTempPath(), $"oids-{Environment.ProcessId}.der");
        File.WriteAllBytes(path, der);
        try
        {
            string[] lines = OpenSslPeer.Run("asn1parse", "-inform", "DER", "-in", path).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            lines.Length.ShouldBe(distinct.Count + 1);
            for (int i = 0; i < distinct.Count; i++)
            {
                string printed = lines[i + 1][(lines[i + 1].IndexOf(":", lines[i + 1].IndexOf("OBJECT", StringComparison.Ordinal), StringComparison.Ordinal) + 1)..];
                printed.ShouldBe(OidRegistry.GetDisplayName(OidCodec.Encode(distinct[i].Dotted)), distinct[i].Dotted);
            }

            output.WriteLine($"{distinct.Count} OIDs print identically in openssl asn1parse and OidRegistry.");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
