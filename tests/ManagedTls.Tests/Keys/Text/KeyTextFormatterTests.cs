// Known-answer texts for keys built from components (no openssl needed), and a cross-check of the small-integer
// quirks against the openssl binary: our PKCS#8 PEM of the same key is fed to
//   openssl pkey -text -noout        (stdin)
// and to libcrypto's RSA_print (see RsaPrintTests.cs).
using ManagedTls.Keys;
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Keys.Text;

public class KeyTextFormatterTests
{
    private const string Sha256 = "2.16.840.1.101.3.4.2.1";

    // The textbook key p = 61, q = 53, n = 3233, e = 17, d = 2753: every field fits in eight octets, so prints in decimal.
    private static readonly RsaPrivateKey s_tiny = new(new RsaPublicKey([0x0c, 0xa1], [0x11]), [0x0a, 0xc1], [61], [53], [53], [49], [38]);

    // Three primes 61 · 53 · 47 = 151951; the other values need not be consistent for printing.
    private static readonly RsaPrivateKey s_tinyThreePrime =
        new(new RsaPublicKey([0x02, 0x51, 0x8f], [0x11]), [0x07], [61], [53], [0x01], [0x02], [0x03], [new RsaOtherPrime([47], [0x04], [0x00])]);

    [Fact]
    public void FormatPrivateKey_TinyRsa_DecimalFields()
    {
        KeyTextFormatter.FormatPrivateKey(s_tiny).ShouldBe(
            "Private-Key: (12 bit, 2 primes)\n" +
            "modulus: 3233 (0xca1)\n" +
            "publicExponent: 17 (0x11)\n" +
            "privateExponent: 2753 (0xac1)\n" +
            "prime1: 61 (0x3d)\n" +
            "prime2: 53 (0x35)\n" +
            "exponent1: 53 (0x35)\n" +
            "exponent2: 49 (0x31)\n" +
            "coefficient: 38 (0x26)\n");
    }

    [Fact]
    public void FormatPublicKey_TinyRsa_CapitalisedLabels()
    {
        KeyTextFormatter.FormatPublicKey(s_tiny.PublicKey).ShouldBe(
            "Public-Key: (12 bit)\n" +
            "Modulus: 3233 (0xca1)\n" +
            "Exponent: 17 (0x11)\n");
    }

    [Fact]
    public void FormatRsaPrint_TinyRsa_RsaHeader()
    {
        KeyTextFormatter.FormatRsaPrint(s_tiny).ShouldBe("RSA " + KeyTextFormatter.FormatPrivateKey(s_tiny));
    }

    [Fact]
    public void FormatPrivateKey_TinyThreePrime_OtherPrimeFieldsHaveNoSpaceBeforeSmallValues()
    {
        string text = KeyTextFormatter.FormatPrivateKey(s_tinyThreePrime);

        text.ShouldStartWith("Private-Key: (18 bit, 3 primes)\n");
        text.ShouldEndWith("coefficient: 3 (0x3)\nprime3:47 (0x2f)\nexponent3:4 (0x4)\ncoefficient3:0\n");
        KeyTextFormatter.FormatRsaPrint(s_tinyThreePrime).ShouldEndWith("coefficient: 3 (0x3)\nprime3: 47 (0x2f)\nexponent3: 4 (0x4)\ncoefficient3: 0\n");
    }

    [SkippableFact]
    public void FormatPrivateKey_TinyKeys_IdenticalToOpenSsl()
    {
        foreach (RsaPrivateKey key in new[] { s_tiny, s_tinyThreePrime })
        {
            string expected = OpenSslPeer.RunWithInput(KeyEncoder.EncodePkcs8Pem(key), "pkey", "-text", "-noout").Stdout;

            KeyTextFormatter.FormatPrivateKey(key).ShouldBe(expected);
        }
    }

    [Fact]
    public void FormatPublicKey_PssWithoutParameters_NoRestrictions()
    {
        KeyTextFormatter.FormatPublicKey(s_tiny.PublicKey.AsPss(null)).ShouldEndWith("Exponent: 17 (0x11)\nNo PSS parameter restrictions\n");
    }

    [Fact]
    public void FormatPrivateKey_PssWithParameters_RestrictionsBlock()
    {
        RsaPrivateKey key = s_tiny.AsPss(RsaPssParameters.Create(Sha256, Sha256, 32));

        KeyTextFormatter.FormatPrivateKey(key).ShouldEndWith(
            "coefficient: 38 (0x26)\n" +
            "PSS parameter restrictions:\n" +
            "  Hash Algorithm: SHA2-256\n" +
            "  Mask Algorithm: MGF1 with SHA2-256\n" +
            "  Minimum Salt Length: 32\n" +
            "  Trailer Field: 0x1 (default)\n");
        KeyTextFormatter.FormatRsaPrint(key).ShouldNotContain("PSS");
    }

    [Fact]
    public void FormatPublicKey_PssDefaults_EachMarkedDefault()
    {
        RsaPublicKey key = s_tiny.PublicKey.AsPss(RsaPssParameters.Create("1.3.14.3.2.26", "1.3.14.3.2.26", 20));

        KeyTextFormatter.FormatPublicKey(key).ShouldEndWith(
            "PSS parameter restrictions:\n" +
            "  Hash Algorithm: SHA1 (default)\n" +
            "  Mask Algorithm: MGF1 with SHA1 (default)\n" +
            "  Minimum Salt Length: 20 (default)\n" +
            "  Trailer Field: 0x1 (default)\n");
    }

    [Theory]
    [InlineData(KeyAlgorithm.Ed25519, "ED25519")]
    [InlineData(KeyAlgorithm.X25519, "X25519")]
    public void FormatPrivateKey_Ecx_TypeHeaderPrivThenPub(KeyAlgorithm algorithm, string type)
    {
        byte[] priv = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        byte[] pub = Enumerable.Range(0x80, 32).Select(i => (byte)i).ToArray();
        var key = new EcxPrivateKey(algorithm, priv, pub);

        string expectedPub =
            "pub:\n" +
            "    80:81:82:83:84:85:86:87:88:89:8a:8b:8c:8d:8e:\n" +
            "    8f:90:91:92:93:94:95:96:97:98:99:9a:9b:9c:9d:\n" +
            "    9e:9f\n";
        KeyTextFormatter.FormatPrivateKey(key).ShouldBe(
            $"{type} Private-Key:\n" +
            "priv:\n" +
            "    00:01:02:03:04:05:06:07:08:09:0a:0b:0c:0d:0e:\n" +
            "    0f:10:11:12:13:14:15:16:17:18:19:1a:1b:1c:1d:\n" +
            "    1e:1f\n" + expectedPub);
        KeyTextFormatter.FormatPublicKey(key.PublicKey).ShouldBe($"{type} Public-Key:\n" + expectedPub);
    }

    [Fact]
    public void Format_NullKey_Throws()
    {
        Should.Throw<ArgumentNullException>(() => KeyTextFormatter.FormatPrivateKey(null!));
        Should.Throw<ArgumentNullException>(() => KeyTextFormatter.FormatPublicKey(null!));
        Should.Throw<ArgumentNullException>(() => KeyTextFormatter.FormatRsaPrint(null!));
    }

    [Fact]
    public void FormatPublicKey_NegativeIndent_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => KeyTextFormatter.FormatPublicKey(s_tiny.PublicKey, -1));
}
