using ManagedTls.Asn1;
using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Crypto;

public sealed class FiniteFieldDhTests
{
    private static readonly ICryptoProvider s_provider = CryptoProviders.Default;

    [Theory]
    [InlineData(KeyAgreementAlgorithmId.Ffdhe2048, 256)]
    [InlineData(KeyAgreementAlgorithmId.Ffdhe3072, 384)]
    [InlineData(KeyAgreementAlgorithmId.Ffdhe4096, 512)]
    public void NamedGroup_BothSidesDeriveTheSamePaddedSecret(KeyAgreementAlgorithmId group, int size)
    {
        using IKeyAgreement a = s_provider.GenerateKeyAgreement(group);
        using IKeyAgreement b = s_provider.GenerateKeyAgreement(group);
        byte[] sa = new byte[a.SharedSecretSize];
        byte[] sb = new byte[b.SharedSecretSize];

        a.PublicKey.Length.ShouldBe(size);
        a.Algorithm.ShouldBe(group);
        a.TryDeriveSharedSecret(b.PublicKey, sa).ShouldBeTrue();
        b.TryDeriveSharedSecret(a.PublicKey, sb).ShouldBeTrue();

        sa.ShouldBe(sb);
        sa.Length.ShouldBe(size);
    }

    [Fact]
    public void LoadedParameters_AgreeAndAreNotANamedGroup()
    {
        DhParameters parameters = DhParameters.Load(ManagedTls.Tests.Keys.DhParametersTests.Dh1024Pem);
        using IKeyAgreement a = s_provider.GenerateFiniteFieldDh(parameters.Prime.Span, parameters.Generator.Span, 1023);
        using IKeyAgreement b = s_provider.GenerateFiniteFieldDh(parameters.Prime.Span, parameters.Generator.Span, 256);
        byte[] sa = new byte[128];
        byte[] sb = new byte[128];

        a.Algorithm.ShouldBe(KeyAgreementAlgorithmId.FiniteFieldDh);
        a.TryDeriveSharedSecret(b.PublicKey, sa).ShouldBeTrue();
        b.TryDeriveSharedSecret(a.PublicKey, sb).ShouldBeTrue();
        sa.ShouldBe(sb);
    }

    [Fact]
    public void GenerateFiniteFieldDh_Rfc7919Prime_IsIdentifiedAsTheGroup()
    {
        using IKeyAgreement key = s_provider.GenerateFiniteFieldDh(FfdheGroups.Prime(KeyAgreementAlgorithmId.Ffdhe3072).Span, [2], 320);

        key.Algorithm.ShouldBe(KeyAgreementAlgorithmId.Ffdhe3072);
    }

    // RFC 7919 §5.1: 1 < y < p-1; also empty and longer-than-p encodings.
    [Theory]
    [InlineData("zero")]
    [InlineData("one")]
    [InlineData("p-1")]
    [InlineData("p")]
    [InlineData("p+1")]
    [InlineData("empty")]
    [InlineData("too-long")]
    public void TryDeriveSharedSecret_PeerValueOutOfRange_IsFalseAndZeroes(string value)
    {
        using IKeyAgreement key = s_provider.GenerateKeyAgreement(KeyAgreementAlgorithmId.Ffdhe2048);
        byte[] p = FfdheGroups.Prime(KeyAgreementAlgorithmId.Ffdhe2048).ToArray();
        byte[] peer = value switch
        {
            "zero" => new byte[256],
            "one" => [1],
            "p-1" => Adjust(p, -1),
            "p" => p,
            "p+1" => Adjust(p, +1),
            "empty" => [],
            _ => new byte[257],
        };
        byte[] secret = Enumerable.Repeat((byte)0xAA, 256).ToArray();

        key.TryDeriveSharedSecret(peer, secret).ShouldBeFalse();
        secret.ShouldAllBe(b => b == 0);
    }

    [Fact]
    public void TryDeriveSharedSecret_ShortestValidPeerValueTwo_IsAccepted()
    {
        using IKeyAgreement key = s_provider.GenerateKeyAgreement(KeyAgreementAlgorithmId.Ffdhe2048);

        key.TryDeriveSharedSecret([2], new byte[256]).ShouldBeTrue();
    }

    [Theory]
    [InlineData("even")]
    [InlineData("small")]
    [InlineData("g1")]
    [InlineData("gp")]
    public void GenerateFiniteFieldDh_BadParameters_Throw(string what)
    {
        byte[] p = FfdheGroups.Prime(KeyAgreementAlgorithmId.Ffdhe2048).ToArray();
        (byte[] prime, byte[] g) = what switch
        {
            "even" => (Adjust(p, -1), new byte[] { 2 }),
            "small" => (p[..32], new byte[] { 2 }),
            "g1" => (p, new byte[] { 1 }),
            _ => (p, p),
        };

        Should.Throw<ArgumentException>(() => s_provider.GenerateFiniteFieldDh(prime, g, 256));
    }

    // Known answer against OpenSSL: our key imported from openssl's private value derives openssl's secret.
    [SkippableFact]
    public void Derive_MatchesOpenSslPkeyutl()
    {
        OpenSslPeer.Require();
        string dir = Directory.CreateTempSubdirectory("ffdh").FullName;
        try
        {
            string a = Path.Combine(dir, "a.pem");
            string b = Path.Combine(dir, "b.pem");
            string bPub = Path.Combine(dir, "bpub.pem");
            OpenSslPeer.Run("genpkey", "-algorithm", "DH", "-pkeyopt", "group:ffdhe2048", "-out", a);
            OpenSslPeer.Run("genpkey", "-algorithm", "DH", "-pkeyopt", "group:ffdhe2048", "-out", b);
            OpenSslPeer.Run("pkey", "-in", b, "-pubout", "-out", bPub);
            byte[] expected = OpenSslPeer.Run("pkeyutl", "-derive", "-inkey", a, "-peerkey", bPub).StdoutBytes;
            byte[] privateDer = OpenSslPeer.Run("pkey", "-in", a, "-outform", "DER").StdoutBytes;
            byte[] publicDer = OpenSslPeer.Run("pkey", "-in", b, "-pubout", "-outform", "DER").StdoutBytes;

            using IKeyAgreement ours = s_provider.ImportKeyAgreement(KeyAgreementAlgorithmId.Ffdhe2048, PrivateValue(privateDer));
            byte[] secret = new byte[256];
            ours.TryDeriveSharedSecret(PublicValue(publicDer), secret).ShouldBeTrue();

            // pkeyutl leaves DH secrets unpadded (EVP_PKEY_CTX_set_dh_pad 0): compare without leading zeros.
            secret.SkipWhile(x => x == 0).ShouldBe(expected.SkipWhile(x => x == 0));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static byte[] PrivateValue(byte[] pkcs8)
    {
        var outer = new DerReader(pkcs8);
        DerReader info = outer.ReadSequence();
        info.ReadInteger();
        info.ReadSequence();
        var x = new DerReader(info.ReadOctetString());
        return x.ReadUnsignedIntegerBytes().ToArray();
    }

    private static byte[] PublicValue(byte[] spki)
    {
        var outer = new DerReader(spki);
        DerReader info = outer.ReadSequence();
        info.ReadSequence();
        var y = new DerReader(info.ReadBitString(out _));
        return y.ReadUnsignedIntegerBytes().ToArray();
    }

    // p ends in 64 one bits, so p-1 only changes the last byte.
    private static byte[] Adjust(byte[] value, int delta)
    {
        if (delta > 0)
        {
            return AddOne(value);
        }

        byte[] copy = (byte[])value.Clone();
        copy[^1]--;
        return copy;
    }

    private static byte[] AddOne(byte[] value)
    {
        byte[] result = new byte[value.Length];
        int carry = 1;
        for (int i = value.Length - 1; i >= 0; i--)
        {
            int sum = value[i] + carry;
            result[i] = (byte)sum;
            carry = sum >> 8;
        }

        return carry == 0 ? result : [1, .. result];
    }
}
