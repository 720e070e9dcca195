using System.Text;
using ManagedTls.Pkcs.Cms;

namespace ManagedTls.OpenSsl.Tests;

/// <summary>pyOpenSSL's PKCS7 tests (test_crypto.py: PKCS7Tests, load_pkcs7_data), plus the certificate getters.</summary>
public sealed class PKCS7Tests
{
    private static byte[] Pem => Encoding.ASCII.GetBytes(Pkcs7Fixtures.ChainP7bPem);

    private static byte[] Der => Pkcs7.LoadPem(Pem).Encode();

    [Fact]
    public void TypeIsSigned_SignedData_True() =>
        Crypto.LoadPkcs7Data(FileType.Pem, Pem).TypeIsSigned().ShouldBeTrue();

    [Fact]
    public void TypeIsEnveloped_SignedData_False() =>
        Crypto.LoadPkcs7Data(FileType.Pem, Pem).TypeIsEnveloped().ShouldBeFalse();

    [Fact]
    public void TypeIsSignedAndEnveloped_SignedData_False() =>
        Crypto.LoadPkcs7Data(FileType.Pem, Pem).TypeIsSignedAndEnveloped().ShouldBeFalse();

    [Fact]
    public void TypeIsData_SignedData_False() =>
        Crypto.LoadPkcs7Data(FileType.Pem, Pem).TypeIsData().ShouldBeFalse();

    [Fact]
    public void GetTypeName_SignedData_IsOpenSslShortName() =>
        Crypto.LoadPkcs7Data(FileType.Pem, Pem).GetTypeName().ShouldBe("pkcs7-signedData");

    [Fact]
    public void LoadPkcs7Data_Asn1_SameAsPem()
    {
        PKCS7 pkcs7 = Crypto.LoadPkcs7Data(FileType.Asn1, Der);

        pkcs7.TypeIsSigned().ShouldBeTrue();
        pkcs7.ToPkcs7().RawData.ToArray().ShouldBe(Der);
    }

    [Fact]
    public void LoadPkcs7Data_BerIndefiniteLengths_Loads()
    {
        PKCS7 pkcs7 = Crypto.LoadPkcs7Data(FileType.Asn1, Convert.FromBase64String(Pkcs7Fixtures.BerSignedDataBase64));

        pkcs7.GetTypeName().ShouldBe("pkcs7-signedData");
        pkcs7.GetCertificates().ShouldBeNull();
        pkcs7.ToPkcs7().SignedData!.Content.ShouldBe(Encoding.ASCII.GetBytes("signed receipt\n"));
    }

    [Theory]
    [InlineData(FileType.Pem, "foo")]
    [InlineData(FileType.Asn1, "foo")]
    [InlineData(FileType.Pem, "-----BEGIN PKCS7-----\nMIIB\n-----END PKCS7-----\n")]
    public void LoadPkcs7Data_Invalid_ThrowsCryptoException(FileType type, string data)
    {
        CryptoException e = Should.Throw<CryptoException>(() => Crypto.LoadPkcs7Data(type, Encoding.ASCII.GetBytes(data)));

        e.Errors.ShouldNotBeEmpty();
        e.InnerException.ShouldBeOfType<Pkcs7Exception>();
    }

    [Fact]
    public void LoadPkcs7Data_NoPemBlock_IsNoStartLine()
    {
        CryptoException e = Should.Throw<CryptoException>(() => Crypto.LoadPkcs7Data(FileType.Pem, Encoding.ASCII.GetBytes(X509Fixtures.CaCertPem)));

        e.Errors[0].Reason.ShouldBe("no start line");
    }

    [Fact]
    public void LoadPkcs7Data_TextType_ThrowsValueErrorMessage()
    {
        ArgumentException e = Should.Throw<ArgumentException>(() => Crypto.LoadPkcs7Data(FileType.Text, Pem));

        e.Message.ShouldStartWith("type argument must be FILETYPE_PEM or FILETYPE_ASN1");
    }

    [Fact]
    public void GetCertificates_P7b_ReturnsTheBundleInOrder()
    {
        X509[] certificates = Crypto.LoadPkcs7Data(FileType.Pem, Pem).GetCertificates()!;

        certificates.Length.ShouldBe(2);
        Crypto.DumpCertificate(FileType.Pem, certificates[0]).ShouldBe(Encoding.ASCII.GetBytes(Normalize(X509Fixtures.ServerCertPem)));
        Crypto.DumpCertificate(FileType.Pem, certificates[1]).ShouldBe(Encoding.ASCII.GetBytes(Normalize(X509Fixtures.CaCertPem)));
    }

    [Fact]
    public void GetCrls_P7b_ReturnsTheCrl()
    {
        CRL[] crls = Crypto.LoadPkcs7Data(FileType.Pem, Pem).GetCrls()!;

        crls.Length.ShouldBe(1);
        Crypto.DumpCrl(FileType.Pem, crls[0]).ShouldBe(Encoding.ASCII.GetBytes(Normalize(X509Fixtures.CrlPem)));
    }

    private static string Normalize(string pem) => pem.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n";
}
