using System.Text;
using ManagedTls.Tests.Asn1;
using ManagedTls.Tests.TestSupport;
using ManagedTls.X509;
using Xunit.Abstractions;

namespace ManagedTls.Tests.X509;

/// <summary>Every extension's text against <c>openssl x509 -noout -ext</c> (OpenSSL 3.0): system roots, config-made certificates, edge values.</summary>
public sealed class ExtensionTextTests
{
    private readonly ITestOutputHelper _output;

    public ExtensionTextTests(ITestOutputHelper output) => _output = output;

    [SkippableFact]
    public void ToOpenSslString_EverySystemCertificateExtension_MatchesOpenssl()
    {
        OpenSslPeer.Require();
        var failures = new List<string>();
        int certificates = 0, extensions = 0, printed = 0;
        foreach ((string name, byte[] der) in CertificateCorpus.Require())
        {
            Certificate certificate = Certificate.Decode(der);
            List<X509Extension> named = OpenSslExtensionText.Named(certificate);
            certificates++;
            extensions += named.Count;
            printed += named.Count(e => e.ToOpenSslString() is not null);
            if (named.Count == 0)
            {
                continue;
            }

            string expected = OpenSslExtensionText.Print(der, named);
            string actual = OpenSslExtensionText.Describe(named);
            if (actual != expected)
            {
                failures.Add($"{name}:\n--- openssl\n{expected}--- ManagedTls\n{actual}");
            }
        }

        _output.WriteLine($"{certificates} certificates, {extensions} named extensions, {printed} printed by ManagedTls, {failures.Count} differ");
        certificates.ShouldBeGreaterThan(0);
        failures.ShouldBeEmpty(string.Join("\n", failures.Take(3)));
    }

    public static TheoryData<string, string> ConfigRows => new()
    {
        { "crldp", "crlDistributionPoints=dp1,URI:http://b.example/c.crl,dp2,dp3\nfreshestCRL=dp4,URI:http://fresh.example/x.crl" },
        { "crldp-single", "crlDistributionPoints=critical,URI:http://only.example/a.crl\nfreshestCRL=dp2" },
        { "aia", "authorityInfoAccess=OCSP;URI:http://ocsp.example/,caIssuers;URI:http://ca.example/ca.crt,1.2.3.4;email:a@b.c,caIssuers;dirName:dn_sect,OCSP;IP:10.1.2.3\nsubjectInfoAccess=caRepository;URI:http://repo.example/,1.3.6.1.5.5.7.48.3;URI:http://ts.example/,caRepository;DNS:repo.example" },
        { "policies", "certificatePolicies=1.2.3.4,@pol1,@pol2,@pol3" },
        { "policies-ia5org", "certificatePolicies=critical,ia5org,@pol1,@pol3,2.5.29.32.0" },
        { "policy-mappings", "policyMappings=critical,1.2.3.4:1.2.3.5,2.5.29.32.0:1.5.6,1.3.6.1.5.5.7.3.1:2.5.29.32.0\npolicyConstraints=requireExplicitPolicy:3,inhibitPolicyMapping:1\ninhibitAnyPolicy=2" },
        { "policy-constraints", "policyConstraints=critical,requireExplicitPolicy:0\ninhibitAnyPolicy=critical,0" },
        { "policy-constraints-big", "policyConstraints=inhibitPolicyMapping:340282366920938463463374607431768211456\ninhibitAnyPolicy=170141183460469231731687303715884105727" },
        { "ncons", "nameConstraints=critical,permitted;DNS:x.example,permitted;IP:192.168.0.0/255.255.0.0,permitted;IP:2001:db8::/ffff:ffff::,permitted;email:.good.example,permitted;URI:.u.example,permitted;dirName:dn_sect,permitted;otherName:1.3.6.1.4.1.311.20.2.3;UTF8:upn,excluded;email:bad@bad.example,excluded;dirName:dn_sect,excluded;URI:.bad.example,excluded;IP:10.0.0.0/255.0.0.0,excluded;IP:::/::" },
        { "ncons-excluded", "nameConstraints=excluded;DNS:bad.example,excluded;IP:0.0.0.0/0.0.0.0" },
        { "ncons-permitted", "nameConstraints=permitted;DNS:.example.com" },
        { "tlsfeature", "tlsfeature=status_request" },
        { "tlsfeature-more", "tlsfeature=critical,status_request,status_request_v2,7" },
        { "netscape", "nsCertType=client,server,email,objsign,reserved,sslCA,emailCA,objCA\nnsComment=Hello, comment: with punctuation!\nnsBaseUrl=http://base.example/\nnsRevocationUrl=http://rev.example/\nnsCaRevocationUrl=http://carev.example/\nnsRenewalUrl=http://renew.example/\nnsCaPolicyUrl=http://policy.example/\nnsSslServerName=server.example" },
        { "netscape-server", "nsCertType=critical,server\nnsComment=OpenSSL Generated Certificate" },
        { "ct-poison", "ct_precert_poison=critical,NULL\nbasicConstraints=CA:FALSE" },
        { "everything-core", "basicConstraints=critical,CA:TRUE,pathlen:3\nkeyUsage=critical,keyCertSign,cRLSign\nextendedKeyUsage=serverAuth\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid:always,issuer:always\nsubjectAltName=DNS:a.example,IP:::1,otherName:1.3.6.1.5.5.7.8.7;IA5:_srv.example\nissuerAltName=URI:http://issuer.example/" },
    };

    [SkippableTheory]
    [MemberData(nameof(ConfigRows))]
    public void ToOpenSslString_ConfigMadeCertificate_MatchesOpenssl(string label, string extensionLines)
    {
        OpenSslPeer.Require();
        byte[] der = OpenSslExtensionCertificates.CreateFromSection("[ext]\n" + extensionLines + "\n");
        Certificate certificate = Certificate.Decode(der);
        List<X509Extension> named = OpenSslExtensionText.Named(certificate);

        string actual = OpenSslExtensionText.Describe(named);

        actual.ShouldBe(OpenSslExtensionText.Print(der, named), label);
        named.ShouldAllBe(e => e.ToOpenSslString(4) != null, label);
    }

    public static TheoryData<string, string, string> DerRows => new()
    {
        // { label, extension name, extnValue hex } — edge values openssl's config syntax cannot write.
        { "policy-mappings-empty", "policyMappings", "3000" },
        { "policy-constraints-empty", "policyConstraints", "3000" },
        { "tlsfeature-empty", "tlsfeature", "3000" },
        { "tlsfeature-big", "tlsfeature", "300C020A0100000000000000000005" },
        { "san-ip-5", "subjectAltName", "3007870501020304 05" },
        { "san-ip-0", "subjectAltName", "30028700" },
        { "san-empty", "subjectAltName", "3000" },
        { "bc-trailing", "basicConstraints", "3000FF" },
        { "aia-empty", "authorityInfoAccess", "3000" },
        { "crldp-empty", "crlDistributionPoints", "3000" },
        { "crldp-empty-point", "crlDistributionPoints", "30023000" },
        { "crldp-reasons-empty", "crlDistributionPoints", "300530038101 00".Replace(" ", string.Empty, StringComparison.Ordinal) },
        { "crldp-relative-multi", "crlDistributionPoints", "30233021A01FA11D300B06035504030C0472656C31300E060355040A0C0752656C204F7267" },
        { "crldp-x400-edi", "crlDistributionPoints", "30143012A010A00EA3053003020100A505A1030C0161" },
        { "crldp-nonprintable-uri", "crlDistributionPoints", "300C300AA008A0068604610A7FFF" },
        { "policies-empty", "certificatePolicies", "3000" },
        { "policies-unknown-qualifier", "certificatePolicies", "3015301306032A0304300C300A06032A03050C03616263" },
        { "policies-empty-notice", "certificatePolicies", "3017301506032A0304300E300C06082B060105050702023000" },
        { "policies-notice-no-numbers", "certificatePolicies", "301E301C06032A03043015301306082B06010505070202300730051601613000" },
        { "ncons-empty", "nameConstraints", "3000" },
        { "ncons-odd-ip", "nameConstraints", "300FA00D300B870901020304050607 0809".Replace(" ", string.Empty, StringComparison.Ordinal) },
        { "ncons-minmax", "nameConstraints", "300EA00C300A820178800101810201F4" },
        { "ns-type-empty", "nsCertType", "030100" },
        { "ns-comment-empty", "nsComment", "1600" },
        { "ns-comment-nul", "nsComment", "16036100 62".Replace(" ", string.Empty, StringComparison.Ordinal) },
        { "ns-comment-high", "nsComment", "1603E97EFF" },
        { "ku-empty", "keyUsage", "030100" },
        { "inhibit-negative", "inhibitAnyPolicy", "0201FF" },
        { "inhibit-huge-negative", "inhibitAnyPolicy", "021180000000000000000000000000000000FF" },
        { "crl-number", "crlNumber", "0211010203040506070809101112131415161718" },
        { "delta-crl", "deltaCRL", "020105" },
        { "crl-reason-known", "CRLReason", "0A0101" },
        { "crl-reason-remove", "CRLReason", "0A0108" },
        { "crl-reason-unknown", "CRLReason", "0A0107" },
        { "crl-reason-big", "CRLReason", "0A09010000000000000000" },
        { "crl-reason-negative", "CRLReason", "0A01FB" },
        { "crl-reason-integer", "CRLReason", "020101" },
        { "invalidity-date", "invalidityDate", "180F32303233303331343132333435365A" },
        { "invalidity-date-fraction", "invalidityDate", "181332303233303331343132333435362E3738395A" },
        { "certificate-issuer", "certificateIssuer", "30" + "2B" + "A41B3019310B3009060355040613025553310A300806035504030C0161" + "820C6973737565722E6C6F63616C" },
        { "idp-full", "issuingDistributionPoint", "302FA01DA01B8619687474703A2F2F63726C2E6578616D706C652F63612E63726C8101FF8201FF830203488401FF8501FF".Replace(" ", string.Empty, StringComparison.Ordinal) },
        { "idp-empty", "issuingDistributionPoint", "3000" },
        { "idp-relative", "issuingDistributionPoint", "3013A011A10F300D06035504030C0672656C6E616D65" },
        { "idp-reasons-only", "issuingDistributionPoint", "3003830100" },
        { "poison-not-null", "ct_precert_poison", "0101FF" },
        { "pkup", "privateKeyUsagePeriod", "3022800F32303036313132373230323334325A810F32303236313132373230353334325A" },
        { "pkup-before", "privateKeyUsagePeriod", "3011800F32303036313132373230323334325A" },
        { "pkup-empty", "privateKeyUsagePeriod", "3000" },
        { "aki-serial-only", "authorityKeyIdentifier", "3004820200FF" },
    };

    [SkippableTheory]
    [MemberData(nameof(DerRows))]
    public void ToOpenSslString_EdgeValue_MatchesOpenssl(string label, string name, string hex)
    {
        OpenSslPeer.Require();
        hex = hex.Replace(" ", string.Empty, StringComparison.Ordinal);
        byte[] der = OpenSslExtensionCertificates.CreateFromSection($"[ext]\n{name}=DER:{hex}\n");
        Certificate certificate = Certificate.Decode(der);
        X509Extension extension = certificate.Extensions.Single(e => Convert.ToHexString(e.Value.Span) == hex.ToUpperInvariant());

        OpenSslExtensionText.Describe([extension]).ShouldBe(OpenSslExtensionText.Print(der, [extension]), label);
        (extension.ToOpenSslString(4) is null).ShouldBe(s_unprintable.Contains(label), label);
    }

    // The rows whose value OpenSSL's own printer rejects (openssl prints its fallback dump for them).
    private static readonly HashSet<string> s_unprintable =
    [
        "policy-mappings-empty", "policy-constraints-empty", "tlsfeature-empty", "ns-type-empty", "ns-comment-empty", "ku-empty",
        "crl-reason-integer", "poison-not-null",
    ];

    public static TheoryData<string, string> SctRows => new()
    {
        { "one-ecdsa", SctList(Sct(0x01, 1678797296789, [], 3, 71)) },
        { "rsa-with-extensions-and-zero-ms", SctList(Sct(0x22, 1700000000000, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17], 1, 256)) },
        { "three", SctList(Sct(0x01, 1678797296789, [], 3, 72), Sct(0x7F, 1, [0xAB], 3, 1), UnknownVersion(20)) },
        { "unknown-version-only", SctList(UnknownVersion(40)) },
        { "empty-list", "0000" },
        { "single-byte-extension-and-signature", SctList(Sct(0xFE, 0, [0x42], 1, 1)) },
    };

    [SkippableTheory]
    [MemberData(nameof(SctRows))]
    public void ToOpenSslString_SignedCertificateTimestamps_MatchOpenssl(string label, string tlsListHex)
    {
        OpenSslPeer.Require();
        byte[] list = Convert.FromHexString(tlsListHex);
        string octetString = "04" + DerLength(list.Length) + tlsListHex;
        byte[] der = OpenSslExtensionCertificates.CreateFromSection($"[ext]\nct_precert_scts=DER:{octetString}\n");
        Certificate certificate = Certificate.Decode(der);
        X509Extension extension = certificate.FindExtension("1.3.6.1.4.1.11129.2.4.2")!;

        OpenSslExtensionText.Describe([extension]).ShouldBe(OpenSslExtensionText.Print(der, [extension]), label);
        extension.ToOpenSslString(4).ShouldNotBeNull(label);
        certificate.GetSignedCertificateTimestamps()!.Encode().ShouldBe(extension.Value.ToArray(), label);
    }

    [Fact]
    public void ToOpenSslString_SignedCertificateTimestamp_KnownText()
    {
        byte[] value = Convert.FromHexString("04" + DerLength(Convert.FromHexString(SctList(Sct(0x01, 1678797296789, [], 3, 18))).Length) + SctList(Sct(0x01, 1678797296789, [], 3, 18)));
        var extension = new X509Extension("1.3.6.1.4.1.11129.2.4.2", false, value);

        extension.ToOpenSslString(0).ShouldBe(
            "Signed Certificate Timestamp:\n" +
            "    Version   : v1 (0x0)\n" +
            "    Log ID    : 01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:0F:10:\n" +
            "                11:12:13:14:15:16:17:18:19:1A:1B:1C:1D:1E:1F:20\n" +
            "    Timestamp : Mar 14 12:34:56.789 2023 GMT\n" +
            "    Extensions: none\n" +
            "    Signature : ecdsa-with-SHA256\n" +
            "                00:01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:0F:\n" +
            "                10:11");
    }

    /// <summary>A v1 SCT: log id = first, first+1, ...; signature octets 0, 1, 2, ...</summary>
    internal static string Sct(byte firstLogIdByte, ulong timestamp, byte[] extensions, byte signatureAlgorithm, int signatureLength)
    {
        var sct = new List<byte> { 0 };
        for (int i = 0; i < 32; i++)
        {
            sct.Add((byte)(firstLogIdByte + i));
        }

        for (int shift = 56; shift >= 0; shift -= 8)
        {
            sct.Add((byte)(timestamp >> shift));
        }

        sct.Add((byte)(extensions.Length >> 8));
        sct.Add((byte)extensions.Length);
        sct.AddRange(extensions);
        sct.Add(4);
        sct.Add(signatureAlgorithm);
        sct.Add((byte)(signatureLength >> 8));
        sct.Add((byte)signatureLength);
        for (int i = 0; i < signatureLength; i++)
        {
            sct.Add((byte)i);
        }

        return Convert.ToHexString([.. sct]);
    }

    internal static string UnknownVersion(int length)
    {
        byte[] sct = new byte[length];
        sct[0] = 1;
        for (int i = 1; i < length; i++)
        {
            sct[i] = (byte)(0xA0 + i);
        }

        return Convert.ToHexString(sct);
    }

    internal static string SctList(params string[] scts)
    {
        var body = new StringBuilder();
        foreach (string sct in scts)
        {
            body.Append((sct.Length / 2).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)).Append(sct);
        }

        return (body.Length / 2).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) + body;
    }

    internal static string DerLength(int length) =>
        length < 0x80 ? length.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)
        : length < 0x100 ? "81" + length.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)
        : "82" + length.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
}
