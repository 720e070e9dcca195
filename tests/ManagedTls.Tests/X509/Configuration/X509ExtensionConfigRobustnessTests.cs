using ManagedTls.Keys;
using ManagedTls.X509;
using ManagedTls.X509.Configuration;

namespace ManagedTls.Tests.X509.Configuration;

/// <summary>Hostile values: every outcome is an extension or an <see cref="ExtensionConfigException"/>, never another exception.</summary>
public sealed class X509ExtensionConfigRobustnessTests
{
    private static readonly string[] s_names =
    [
        "basicConstraints", "keyUsage", "extendedKeyUsage", "subjectAltName", "issuerAltName", "subjectKeyIdentifier",
        "authorityKeyIdentifier", "crlDistributionPoints", "freshestCRL", "authorityInfoAccess", "subjectInfoAccess",
        "certificatePolicies", "policyConstraints", "inhibitAnyPolicy", "nameConstraints", "policyMappings", "tlsfeature",
        "nsCertType", "nsComment", "1.2.3.4", "nosuch",
    ];

    private static readonly string[] s_values =
    [
        "", ",", ":", ";", "@", "@@", "critical,", "DER:", "ASN1:", "ASN1:SEQ", "ASN1:EXP:,INT:1", "ASN1:IMP:1,IMP:2,INT:1",
        "DNS:\u00e9", "email:\u00e9@x", "URI:\u0000", "IP:", "IP:/", "IP:1.2.3.4/", "IP:::/::", "IP:1:2:3:4:5:6:7:1.2.3.4",
        "RID:", "RID:1", "RID:3.1", "dirName:", "otherName:;", "otherName:1.2;", "otherName:1.2;SEQ:x", "pathlen:99999999999999999999",
        "CA:TRUE,pathlen:-1", "keyid:always", "OCSP;", ";URI:x", "permitted;", "permitted;IP:1.2.3.4/1.2.3.4.5", "1.2:", ":1.2",
        "\u00ff\u00fe", "a,b,c,d,e", "status_request:99999", "ASN1:FORMAT:BITLIST,BITSTR:99999999999", "ASN1:UTCTIME:x",
        "ASN1:BMP:\ud800", "ASN1:UNIV:\U0001F600", "ASN1:NUMERIC:a", "ASN1:IA5:\u00e9", "ASN1:T61:\u4e00", "ASN1:EXP:99999999999999,INT:1",
    ];

    public static TheoryData<string> Names => new(s_names);

    [Theory]
    [MemberData(nameof(Names))]
    public void Create_HostileValues_OnlyTypedErrors(string name)
    {
        PublicKey key = KeyGenerator.GenerateEc(EcNamedCurve.P256).PublicKey;
        var context = new X509ExtensionContext { SubjectPublicKey = key, IssuerPublicKey = key, Config = OpenSslConfig.Parse("[ s ]\nx = 1\n") };
        foreach (string value in s_values)
        {
            Exception? error = Record.Exception(() => X509ExtensionConfig.Create(name, value, context));
            (error is null or ExtensionConfigException).ShouldBeTrue($"{name} = {value}: {error}");
        }
    }
}

/// <summary>Hostile configuration text: parses or throws <see cref="OpenSslConfigException"/>, nothing else.</summary>
public sealed class OpenSslConfigRobustnessTests
{
    public static TheoryData<string> Texts => new()
    {
        "[", "]", "[]", "=", "==", "a=${", "a=$(", "a=${}", "a=$::", "a=${s::}", "\\", "\\\\", "a=\\", "\"", "'", "`",
        "a='unterminated", ".include", ".include=", ".pragma", ".pragma=:", ".pragma x:", "a::b::c=1", "::=1", "[ a ] b",
        "\u0000=\u0000", "\ufeff\ufeffa=1", "a=1\r\r\n[b]\rc=2", "a = $a", "a=1\nb=$a$a$a$a$a$a$a$a",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Parse_HostileText_OnlyTypedErrors(string text)
    {
        Exception? error = Record.Exception(() => OpenSslConfig.Parse(text));

        (error is null or OpenSslConfigException).ShouldBeTrue(error?.ToString());
    }
}
