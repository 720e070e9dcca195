// Domain-parameter text against the openssl binary:
//   openssl ecparam -name CURVE -text -noout                     (every curve EcNamedCurve knows)
//   openssl ecparam -name CURVE | openssl pkeyparam -text -noout
//   openssl dsaparam -in PARAM -text -noout ; openssl pkeyparam -in PARAM -text -noout
//           (PARAM: OpenSslKeyFixture's dsaparam.pem; our input is `openssl dsaparam -in PARAM -outform DER`)
using ManagedTls.Asn1;
using ManagedTls.Keys;
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Keys.Text;

[Collection(KeyTextCollection.Name)]
public class KeyParametersTextTests(OpenSslKeyFixture fixture)
{
    public static TheoryData<string> Curves => new(EcNamedCurve.All.Select(c => c.Name));

    [SkippableTheory]
    [MemberData(nameof(Curves))]
    public void FormatEcParameters_NamedCurve_IdenticalToOpenSsl(string name)
    {
        EcNamedCurve.TryGetByName(name, out EcNamedCurve? curve).ShouldBeTrue();
        string ecparam = OpenSslPeer.Run("ecparam", "-name", name, "-text", "-noout").Stdout;
        byte[] pem = OpenSslPeer.Run("ecparam", "-name", name).StdoutBytes;
        string pkeyparam = OpenSslPeer.RunWithInput(pem, "pkeyparam", "-text", "-noout").Stdout;

        string ours = KeyTextFormatter.FormatEcParameters(curve!);

        ours.ShouldBe(ecparam);
        ours.ShouldBe(pkeyparam);
    }

    [SkippableFact]
    public void FormatDsaParameters_OpenSslParameters_IdenticalToOpenSsl()
    {
        string param = fixture.PathOf(null, "dsaparam.pem");
        byte[] der = OpenSslPeer.Run("dsaparam", "-in", param, "-outform", "DER").StdoutBytes;
        var reader = new DerReader(der);
        DsaDomainParameters parameters = DsaDomainParameters.Decode(ref reader);

        string ours = KeyTextFormatter.FormatDsaParameters(parameters);

        ours.ShouldBe(OpenSslPeer.Run("dsaparam", "-in", param, "-text", "-noout").Stdout);
        ours.ShouldBe(OpenSslPeer.Run("pkeyparam", "-in", param, "-text", "-noout").Stdout);
        ours.ShouldStartWith("DSA-Parameters: (1024 bit)\nP:   \n    00:");
    }

    [Fact]
    public void FormatEcParameters_Secp256k1_NoNistLine() =>
        KeyTextFormatter.FormatEcParameters(EcNamedCurve.Secp256k1).ShouldBe("EC-Parameters: (256 bit)\nASN1 OID: secp256k1\n");

    [Fact]
    public void FormatEcParameters_P521_NistLine() =>
        KeyTextFormatter.FormatEcParameters(EcNamedCurve.P521).ShouldBe("EC-Parameters: (521 bit)\nASN1 OID: secp521r1\nNIST CURVE: P-521\n");
}
