using System.Numerics;
using ManagedTls.Keys;
using ManagedTls.X509;

namespace ManagedTls.Tests.X509.Building;

/// <summary>Certification request and CRL builders: fields read back, versions, rejections.</summary>
public sealed class RequestAndCrlBuilderTests
{
    private static readonly PrivateKey s_key = KeyGenerator.GenerateEc(EcNamedCurve.P256);

    [Fact]
    public void RequestSign_Fields_DecodeBack()
    {
        var builder = new CertificationRequestBuilder { Subject = DistinguishedName.Parse("/CN=req"), PublicKey = s_key.PublicKey, ChallengePassword = "pw" };
        builder.Attributes.Add(new X509Attribute("1.2.840.113549.1.9.2", [new byte[] { 0x0C, 0x03, (byte)'f', (byte)'o', (byte)'o' }]));
        builder.Extensions.Add(Der.SubjectAltNameDns("r.example"));

        CertificationRequest request = builder.Sign(s_key);

        request.Version.ShouldBe(0);
        request.Subject.ShouldBe(builder.Subject);
        request.GetPublicKey().ShouldBe(s_key.PublicKey);
        request.Attributes.Select(a => a.Oid).ShouldBe(["1.2.840.113549.1.9.2", "1.2.840.113549.1.9.7", "1.2.840.113549.1.9.14"], ignoreOrder: true);
        request.Attributes.Single(a => a.Oid == "1.2.840.113549.1.9.7").Values[0].ToArray().ShouldBe(new byte[] { 0x0C, 0x02, (byte)'p', (byte)'w' });
        request.GetRequestedExtensions().Single().RawData.ToArray().ShouldBe(builder.Extensions[0].RawData.ToArray());
        request.VerifySignature().ShouldBeTrue();

        CertificationRequestBuilder copy = CertificationRequestBuilder.From(request);
        copy.ChallengePassword.ShouldBeNull();
        copy.Extensions.Count.ShouldBe(1);
        copy.Sign(s_key).RawCertificationRequestInfo.ToArray().ShouldBe(request.RawCertificationRequestInfo.ToArray());
    }

    [Fact]
    public void RequestSign_NoAttributes_WritesEmptyField()
    {
        CertificationRequest request = new CertificationRequestBuilder { PublicKey = s_key.PublicKey }.Sign(s_key);

        request.HasAttributesField.ShouldBeTrue();
        request.Attributes.ShouldBeEmpty();
        request.Subject.IsEmpty.ShouldBeTrue();
    }

    public static TheoryData<string, X509BuildError> RequestRejections => new()
    {
        { "version 1", X509BuildError.InvalidVersion },
        { "no key", X509BuildError.MissingPublicKey },
        { "duplicate extension", X509BuildError.DuplicateExtension },
        { "extensionRequest twice", X509BuildError.DuplicateAttribute },
        { "challengePassword twice", X509BuildError.DuplicateAttribute },
    };

    [Theory]
    [MemberData(nameof(RequestRejections))]
    public void RequestSign_Invalid_ThrowsTyped(string label, X509BuildError reason)
    {
        var builder = new CertificationRequestBuilder { PublicKey = s_key.PublicKey };
        switch (label)
        {
            case "version 1": builder.Version = 1; break;
            case "no key": builder.PublicKey = null; break;
            case "duplicate extension": builder.Extensions.Add(Der.BasicConstraintsCa); builder.Extensions.Add(Der.BasicConstraintsLeaf); break;
            case "extensionRequest twice":
                builder.Extensions.Add(Der.BasicConstraintsCa);
                builder.Attributes.Add(new X509Attribute("1.2.840.113549.1.9.14", [new byte[] { 0x30, 0x00 }]));
                break;
            case "challengePassword twice":
                builder.ChallengePassword = "a";
                builder.Attributes.Add(new X509Attribute("1.2.840.113549.1.9.7", [new byte[] { 0x0C, 0x01, 0x62 }]));
                break;
        }

        Should.Throw<X509BuildException>(() => builder.Sign(s_key)).Reason.ShouldBe(reason);
    }

    [Fact]
    public void AttributeConstructor_SortsValuesAndRejectsGarbage()
    {
        var attribute = new X509Attribute("2.5.4.3", [new byte[] { 0x0C, 0x01, 0x62 }, new byte[] { 0x0C, 0x01, 0x61 }]);

        attribute.Values.Select(v => Convert.ToHexString(v.Span)).ShouldBe(["0C0161", "0C0162"]);
        Convert.ToHexString(attribute.RawData.Span).ShouldBe("300D06035504033106" + "0C0161" + "0C0162");
        Should.Throw<ArgumentException>(() => new X509Attribute("2.5.4.3", [new byte[] { 0x0C, 0x05, 0x61 }]));
    }

    public static TheoryData<string, int> CrlVersions => new()
    {
        // label, expected version
        { "v1 plain", 1 },
        { "v2 asked", 2 },
        { "crl extension", 2 },
        { "entry extension", 2 },
    };

    [Theory]
    [MemberData(nameof(CrlVersions))]
    public void CrlSign_Version_FollowsExtensions(string label, int expected)
    {
        var builder = new CertificateRevocationListBuilder { Issuer = DistinguishedName.Parse("/CN=CA") };
        var entry = new RevokedCertificateEntry(7, new DateTimeOffset(2051, 1, 1, 0, 0, 0, TimeSpan.Zero));
        builder.Revoked.Add(entry);
        switch (label)
        {
            case "v2 asked": builder.Version = 2; break;
            case "crl extension": builder.Extensions.Add(Der.CrlNumber(1)); break;
            case "entry extension": entry.Extensions.Add(Der.ReasonCode(4)); break;
        }

        CertificateRevocationList crl = builder.Sign(s_key);

        crl.Version.ShouldBe(expected);
        crl.RevokedCertificates.Single().SerialNumberValue.ShouldBe(new BigInteger(7));
        crl.RevokedCertificates.Single().RevocationDate.Year.ShouldBe(2051);
        crl.NextUpdate.ShouldBeNull();
        crl.VerifySignature(s_key.PublicKey).ShouldBeTrue();
    }

    [Fact]
    public void CrlFrom_EveryField_Kept()
    {
        var builder = new CertificateRevocationListBuilder
        {
            Issuer = DistinguishedName.Parse("/O=Org/CN=CA"),
            ThisUpdate = new DateTimeOffset(2049, 12, 31, 23, 59, 59, TimeSpan.Zero),
            NextUpdate = new DateTimeOffset(2050, 1, 1, 0, 0, 0, TimeSpan.Zero),
        };
        var entry = new RevokedCertificateEntry(-5, new DateTimeOffset(2001, 2, 3, 4, 5, 6, TimeSpan.Zero));
        entry.Extensions.Add(Der.ReasonCode(1));
        builder.Revoked.Add(entry);
        builder.Revoked.Add(new RevokedCertificateEntry(BigInteger.Pow(2, 200), new DateTimeOffset(2002, 2, 3, 4, 5, 6, TimeSpan.Zero)));
        builder.Extensions.Add(Der.CrlNumber(9));
        CertificateRevocationList crl = builder.Sign(s_key);

        crl.Issuer.ShouldBe(builder.Issuer);
        crl.ThisUpdate.ShouldBe(builder.ThisUpdate);
        crl.NextUpdate.ShouldBe(builder.NextUpdate);
        crl.RevokedCertificates.Select(r => r.SerialNumberValue).ShouldBe([new BigInteger(-5), BigInteger.Pow(2, 200)]);
        crl.RevokedCertificates[0].GetReasonCode().ShouldBe(1);
        crl.GetCrlNumber().ShouldBe(new BigInteger(9));

        CertificateRevocationList copy = CertificateRevocationListBuilder.From(crl).Sign(s_key);
        copy.RawTbsCertList.ToArray().ShouldBe(crl.RawTbsCertList.ToArray());
    }

    public static TheoryData<string> CrlRejections => new() { "version 0", "version 3", "duplicate crl extension", "duplicate entry extension" };

    [Theory]
    [MemberData(nameof(CrlRejections))]
    public void CrlSign_Invalid_ThrowsTyped(string label)
    {
        var builder = new CertificateRevocationListBuilder();
        var entry = new RevokedCertificateEntry(1, DateTimeOffset.UtcNow);
        builder.Revoked.Add(entry);
        X509BuildError reason = X509BuildError.DuplicateExtension;
        switch (label)
        {
            case "version 0": builder.Version = 0; reason = X509BuildError.InvalidVersion; break;
            case "version 3": builder.Version = 3; reason = X509BuildError.InvalidVersion; break;
            case "duplicate crl extension": builder.Extensions.Add(Der.CrlNumber(1)); builder.Extensions.Add(Der.CrlNumber(2)); break;
            case "duplicate entry extension": entry.Extensions.Add(Der.ReasonCode(1)); entry.Extensions.Add(Der.ReasonCode(2)); break;
        }

        Should.Throw<X509BuildException>(() => builder.Sign(s_key)).Reason.ShouldBe(reason);
    }
}
