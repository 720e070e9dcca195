using System.Numerics;
using ManagedTls.Asn1;
using ManagedTls.Keys;
using ManagedTls.X509;

namespace ManagedTls.Tests.X509.Building;

/// <summary>What the builders write, read back through the parsers, and what they refuse.</summary>
public sealed class CertificateBuilderTests
{
    private static readonly PrivateKey s_key = KeyGenerator.GenerateEc(EcNamedCurve.P256);

    public static TheoryData<string> Serials => new() { "0", "-1", "1", "127", "128", "-129", "255", "1461501637330902918203684832716283019655932542975", "-987654321098765432109876543210987654321" };

    [Theory]
    [MemberData(nameof(Serials))]
    public void Sign_Serial_RoundTrips(string serial)
    {
        var builder = new CertificateBuilder { SerialNumber = BigInteger.Parse(serial), PublicKey = s_key.PublicKey };

        Certificate certificate = builder.Sign(s_key);

        certificate.SerialNumberValue.ShouldBe(BigInteger.Parse(serial));
        certificate.SerialNumber.ToArray().ShouldBe(BigInteger.Parse(serial).ToByteArray(isUnsigned: false, isBigEndian: true));
    }

    public static TheoryData<string, byte> Times => new()
    {
        { "1950-01-01T00:00:00Z", 0x17 },
        { "1949-12-31T23:59:59Z", 0x18 },
        { "2049-12-31T23:59:59Z", 0x17 },
        { "2050-01-01T00:00:00Z", 0x18 },
        { "9999-12-31T23:59:59Z", 0x18 },
        { "2024-02-29T12:34:56.789+02:00", 0x17 },
    };

    [Theory]
    [MemberData(nameof(Times))]
    public void Sign_Time_Rfc5280Encoding(string time, byte tag)
    {
        DateTimeOffset value = DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture);
        var builder = new CertificateBuilder { NotBefore = value, NotAfter = value, PublicKey = s_key.PublicKey };

        Certificate certificate = builder.Sign(s_key);

        DateTimeOffset expected = new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        certificate.NotBefore.ShouldBe(expected);
        certificate.NotAfter.ShouldBe(expected);
        ValidityTags(certificate).ShouldBe([tag, tag]);
        string text = tag == 0x17 ? expected.ToString("yyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) : expected.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        System.Text.Encoding.ASCII.GetString(certificate.RawTbsCertificate.Span).ShouldContain(text + "Z");
    }

    [Fact]
    public void Sign_EveryField_DecodesBack()
    {
        PublicKey subjectKey = KeyGenerator.GenerateEdwards(KeyAlgorithm.Ed25519).PublicKey;
        var builder = new CertificateBuilder
        {
            Version = 3,
            SerialNumber = 0x0102030405,
            Issuer = DistinguishedName.Parse("/C=US/O=Issuer Org/CN=Issuer"),
            Subject = DistinguishedName.Parse("/C=GB/O=Subject+OU=Unit/CN=Subject"),
            NotBefore = new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.Zero),
            NotAfter = new DateTimeOffset(2060, 6, 7, 8, 9, 10, TimeSpan.Zero),
            PublicKey = subjectKey,
            IssuerUniqueId = new byte[] { 1, 2, 3 },
            SubjectUniqueId = new byte[] { 4, 5 },
        };
        builder.Extensions.Add(Der.BasicConstraintsLeaf);
        builder.Extensions.Add(new X509Extension("1.2.3.4.5", false, [0x05, 0x00]));
        builder.Extensions.Add(Der.SubjectAltNameDns("x.example"));

        Certificate certificate = builder.Sign(s_key);

        certificate.Version.ShouldBe(3);
        certificate.SerialNumberValue.ShouldBe(new BigInteger(0x0102030405));
        certificate.Issuer.ShouldBe(builder.Issuer);
        certificate.Subject.ShouldBe(builder.Subject);
        certificate.NotBefore.ShouldBe(builder.NotBefore);
        certificate.NotAfter.ShouldBe(builder.NotAfter);
        certificate.GetPublicKey().ShouldBe(subjectKey);
        certificate.IssuerUniqueId!.Value.ToArray().ShouldBe([1, 2, 3]);
        certificate.SubjectUniqueId!.Value.ToArray().ShouldBe([4, 5]);
        certificate.Extensions.Select(e => Convert.ToHexString(e.RawData.Span)).ShouldBe(builder.Extensions.Select(e => Convert.ToHexString(e.RawData.Span)));
        certificate.SignatureAlgorithmsMatch.ShouldBeTrue();
        certificate.SignatureAlgorithm.Oid.ShouldBe("1.2.840.10045.4.3.2");
        certificate.VerifySignature(s_key.PublicKey).ShouldBeTrue();

        Certificate again = CertificateBuilder.From(certificate).Sign(s_key);
        again.RawTbsCertificate.ToArray().ShouldBe(certificate.RawTbsCertificate.ToArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Sign_Version_WrittenAsDer(int version)
    {
        var builder = new CertificateBuilder { Version = version, PublicKey = s_key.PublicKey };

        Certificate certificate = builder.Sign(s_key);

        certificate.Version.ShouldBe(version);
        certificate.HasExplicitVersion.ShouldBeFalse();
        certificate.Extensions.ShouldBeEmpty();
        // v1 leaves the DEFAULT version out: the TBS then starts with the serial INTEGER.
        var reader = new DerReader(certificate.RawTbsCertificate.Span);
        DerReader tbs = reader.ReadSequence();
        tbs.NextTagIs(Asn1Tag.Integer).ShouldBe(version == 1);
    }

    [Fact]
    public void Sign_RawSpki_WinsOverPublicKey()
    {
        PrivateKey other = KeyGenerator.GenerateEc(EcNamedCurve.P384);
        var builder = new CertificateBuilder { PublicKey = s_key.PublicKey, SubjectPublicKeyInfo = other.PublicKey.SubjectPublicKeyInfo };

        builder.Sign(s_key).GetPublicKey().ShouldBe(other.PublicKey);
    }

    public static TheoryData<string, X509BuildError> Rejections => new()
    {
        { "version 0", X509BuildError.InvalidVersion },
        { "version 4", X509BuildError.InvalidVersion },
        { "no key", X509BuildError.MissingPublicKey },
        { "bad spki", X509BuildError.InvalidPublicKeyInfo },
        { "v1 extensions", X509BuildError.ExtensionsNotAllowed },
        { "v2 extensions", X509BuildError.ExtensionsNotAllowed },
        { "v1 issuer unique id", X509BuildError.UniqueIdNotAllowed },
        { "v1 subject unique id", X509BuildError.UniqueIdNotAllowed },
        { "duplicate extension", X509BuildError.DuplicateExtension },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public void Sign_InvalidFields_ThrowsTyped(string label, X509BuildError reason)
    {
        var builder = new CertificateBuilder { PublicKey = s_key.PublicKey };
        switch (label)
        {
            case "version 0": builder.Version = 0; break;
            case "version 4": builder.Version = 4; break;
            case "no key": builder.PublicKey = null; break;
            case "bad spki": builder.SubjectPublicKeyInfo = new byte[] { 0x30, 0x03, 0x02, 0x01 }; break;
            case "v1 extensions": builder.Version = 1; builder.Extensions.Add(Der.BasicConstraintsLeaf); break;
            case "v2 extensions": builder.Version = 2; builder.Extensions.Add(Der.BasicConstraintsLeaf); break;
            case "v1 issuer unique id": builder.Version = 1; builder.IssuerUniqueId = new byte[] { 1 }; break;
            case "v1 subject unique id": builder.Version = 1; builder.SubjectUniqueId = new byte[] { 1 }; break;
            case "duplicate extension": builder.Extensions.Add(Der.BasicConstraintsLeaf); builder.Extensions.Add(Der.BasicConstraintsCa); break;
        }

        X509BuildException e = Should.Throw<X509BuildException>(() => builder.Sign(s_key));
        e.Reason.ShouldBe(reason);
    }

    [Fact]
    public void Sign_V2UniqueIds_Allowed()
    {
        var builder = new CertificateBuilder { Version = 2, PublicKey = s_key.PublicKey, SubjectUniqueId = new byte[] { 9 } };

        Certificate certificate = builder.Sign(s_key);

        certificate.Version.ShouldBe(2);
        certificate.SubjectUniqueId!.Value.ToArray().ShouldBe([9]);
    }

    [Fact]
    public void Sign_DigestForEd25519_ThrowsSignatureException()
    {
        PrivateKey key = KeyGenerator.GenerateEdwards(KeyAlgorithm.Ed25519);
        var builder = new CertificateBuilder { PublicKey = key.PublicKey };

        Should.Throw<ManagedTls.Signatures.SignatureException>(() => builder.Sign(key, ManagedTls.Crypto.HashAlgorithmId.Sha256));
    }

    [Fact]
    public void Setters_Null_Throw()
    {
        var builder = new CertificateBuilder();

        Should.Throw<ArgumentNullException>(() => builder.Subject = null!);
        Should.Throw<ArgumentNullException>(() => builder.Issuer = null!);
        builder.Subject.IsEmpty.ShouldBeTrue();
        (builder.NotAfter - builder.NotBefore).ShouldBe(TimeSpan.FromDays(30));
    }

    private static byte[] ValidityTags(Certificate certificate)
    {
        var reader = new DerReader(certificate.RawTbsCertificate.Span);
        DerReader tbs = reader.ReadSequence();
        tbs.TryReadExplicit(0, out _);
        tbs.ReadIntegerBytes();
        tbs.ReadEncodedValue();
        tbs.ReadEncodedValue();
        ReadOnlySpan<byte> validity = tbs.ReadEncodedValue();
        int second = 2 + validity[3] + 2;
        return [validity[2], validity[second]];
    }
}
