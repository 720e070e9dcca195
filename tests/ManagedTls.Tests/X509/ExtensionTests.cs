using ManagedTls.Asn1;
using ManagedTls.Tests.Asn1;
using ManagedTls.Tests.TestSupport;
using ManagedTls.X509;

namespace ManagedTls.Tests.X509;

/// <summary>Typed extensions: decoding tables, and the printed text against <c>openssl x509 -ext</c>.</summary>
public sealed class ExtensionTests
{
    private const string Handled = "basicConstraints,keyUsage,extendedKeyUsage,subjectAltName,issuerAltName,subjectKeyIdentifier,authorityKeyIdentifier";

    [Theory]
    [InlineData(false, "30090603551d130402 3000")]
    [InlineData(true, "300c0603551d130101ff04023000")]
    public void Constructor_FromParts_EncodesDerAndRoundTrips(bool critical, string expectedHex)
    {
        var extension = new X509Extension(Oids.BasicConstraints, critical, [0x30, 0x00]);

        Convert.ToHexString(extension.RawData.Span).ShouldBe(expectedHex.Replace(" ", string.Empty, StringComparison.Ordinal), StringCompareShould.IgnoreCase);
        var reader = new DerReader(extension.RawData.Span);
        X509Extension decoded = X509Extension.Decode(ref reader);
        decoded.Oid.ShouldBe(Oids.BasicConstraints);
        decoded.Critical.ShouldBe(critical);
        decoded.HasExplicitCriticalField.ShouldBeFalse();
        decoded.Value.ToArray().ShouldBe(new byte[] { 0x30, 0x00 });
        extension.Value.ToArray().ShouldBe(new byte[] { 0x30, 0x00 });
    }

    [SkippableFact]
    public void ToOpenSslString_EverySystemCertificate_MatchesOpensslExt()
    {
        OpenSslPeer.Require();
        var failures = new List<string>();
        foreach ((string name, byte[] der) in CertificateCorpus.Require())
        {
            string expected = OpenSslX509.TryPrint(der, "-ext", Handled).Stdout;
            string actual = DescribeHandled(Certificate.Decode(der));
            if (actual != expected)
            {
                failures.Add($"{name}:\n--- openssl\n{expected}--- ManagedTls\n{actual}");
            }
        }

        failures.ShouldBeEmpty(string.Join("\n", failures.Take(3)));
    }

    public static TheoryData<string[]> ReqExtensions => new()
    {
        new[] { "subjectAltName=DNS:a.example,IP:1.2.3.4,IP:2001:db8::1,email:a@b.c,URI:http://x/y,RID:1.2.3.4,RID:1.3.6.1.5.5.7.3.1,dirName:dn_sect,otherName:1.3.6.1.4.1.311.20.2.3;UTF8:upn@x,otherName:1.2.3.4;UTF8:other" },
        new[] { "extendedKeyUsage=critical,serverAuth,clientAuth,codeSigning,emailProtection,timeStamping,OCSPSigning,1.2.3.4", "keyUsage=digitalSignature,nonRepudiation,keyEncipherment,dataEncipherment,keyAgreement,keyCertSign,cRLSign,encipherOnly,decipherOnly" },
        new[] { "basicConstraints=critical,CA:TRUE,pathlen:0", "subjectKeyIdentifier=hash", "authorityKeyIdentifier=keyid:always,issuer:always" },
        new[] { "basicConstraints=CA:FALSE", "issuerAltName=DNS:issuer.example,email:ca@example.com", "subjectKeyIdentifier=0102030405" },
    };

    [SkippableTheory]
    [MemberData(nameof(ReqExtensions))]
    public void ToOpenSslString_ExtensionsFromOpensslReq_MatchOpensslExt(string[] extensions)
    {
        byte[] der = ReqCertificate(extensions);

        DescribeHandled(Certificate.Decode(der)).ShouldBe(OpenSslX509.Print(der, "-ext", Handled));
    }

    [Fact]
    public void GetTypedExtensions_CraftedCertificate_Decoded()
    {
        byte[] sanContent = Convert.FromHexString(
            "8209612E6578616D706C65" + // dNSName a.example
            "870401020304" + // iPAddress
            "8710" + "20010DB8000000000000000000000001" +
            "810461406221" + // rfc822Name a@b!
            "860A687474703A2F2F782F79" + // URI http://x/y
            "88032A0304" + // registeredID 1.2.3.4
            "A40F300D310B300906035504030C0264" + "6E" + // directoryName CN=dn
            "A0140603" + "2A0304" + "A00D0C0B6F746865722D76616C7565" + // otherName 1.2.3.4 UTF8 other-value
            "A3053003020100" + // x400Address (raw)
            "A5053003020100"); // ediPartyName (raw)
        byte[] san = [0x30, (byte)sanContent.Length, .. sanContent];
        var spec = new TestCertificate
        {
            Extensions =
            [
                ("2.5.29.19", true, Convert.FromHexString("30060101FF020102")),
                ("2.5.29.15", true, Convert.FromHexString("03030780 80".Replace(" ", string.Empty))),
                ("2.5.29.37", null, Convert.FromHexString("301406082B0601050507030106082B06010505070302")),
                ("2.5.29.17", null, san),
                ("2.5.29.14", null, Convert.FromHexString("0403010203")),
                ("2.5.29.35", null, Convert.FromHexString("301A" + "80020102" + "A10F" + "A40D300B3109300706035504" + "0A0C00" + "820300FF01")),
            ],
        };
        Certificate certificate = Certificate.Decode(spec.ToDer());

        certificate.GetBasicConstraints().ShouldBe(new BasicConstraints(true, 2));
        certificate.GetKeyUsage()!.Flags.ShouldBe(KeyUsageFlags.DigitalSignature | KeyUsageFlags.DecipherOnly);
        certificate.GetExtendedKeyUsage()!.Oids.ShouldBe(["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"]);
        IReadOnlyList<GeneralName> names = certificate.GetSubjectAlternativeNames()!.Names;
        names.Select(n => n.Kind).ShouldBe(
        [
            GeneralNameKind.DnsName, GeneralNameKind.IPAddress, GeneralNameKind.IPAddress, GeneralNameKind.Rfc822Name, GeneralNameKind.Uri,
            GeneralNameKind.RegisteredId, GeneralNameKind.DirectoryName, GeneralNameKind.OtherName, GeneralNameKind.X400Address, GeneralNameKind.EdiPartyName,
        ]);
        names[0].Text.ShouldBe("a.example");
        names[1].IPAddressOctets!.Value.ToArray().ShouldBe(new byte[] { 1, 2, 3, 4 });
        names[3].Text.ShouldBe("a@b!");
        names[4].Text.ShouldBe("http://x/y");
        names[5].Oid.ShouldBe("1.2.3.4");
        names[6].DirectoryName!.ToString().ShouldBe("CN = dn");
        names[7].Oid.ShouldBe("1.2.3.4");
        names[7].OtherNameValue!.Value.ToArray().ShouldBe(Convert.FromHexString("0C0B6F746865722D76616C7565"));
        names[8].RawContent.ToArray().ShouldBe(Convert.FromHexString("3003020100"));
        certificate.GetSubjectKeyIdentifier()!.KeyIdentifier.ToArray().ShouldBe(new byte[] { 1, 2, 3 });
        AuthorityKeyIdentifier aki = certificate.GetAuthorityKeyIdentifier()!;
        aki.KeyIdentifier!.Value.ToArray().ShouldBe(new byte[] { 1, 2 });
        aki.AuthorityCertIssuer!.ShouldHaveSingleItem().Kind.ShouldBe(GeneralNameKind.DirectoryName);
        aki.AuthorityCertSerialNumber!.Value.ToArray().ShouldBe(new byte[] { 0x00, 0xFF, 0x01 });
        certificate.GetIssuerAlternativeNames().ShouldBeNull();

        certificate.FindExtension("2.5.29.19")!.ToOpenSslString().ShouldBe("CA:TRUE, pathlen:2");
        certificate.FindExtension("2.5.29.15")!.ToOpenSslString().ShouldBe("Digital Signature, Decipher Only");
        certificate.FindExtension("2.5.29.37")!.ToOpenSslString().ShouldBe("TLS Web Server Authentication, TLS Web Client Authentication");
        certificate.FindExtension("2.5.29.17")!.ToOpenSslString().ShouldBe(
            "DNS:a.example, IP Address:1.2.3.4, IP Address:2001:DB8:0:0:0:0:0:1, email:a@b!, URI:http://x/y, Registered ID:1.2.3.4, DirName:/CN=dn, othername: 1.2.3.4::other-value, X400Name:<unsupported>, EdiPartyName:<unsupported>");
        certificate.FindExtension("2.5.29.35")!.ToOpenSslString(4).ShouldBe("    keyid:01:02\n    DirName:/O=\n    serial:FF:01");
    }

    public static TheoryData<string, string, string> Malformed => new()
    {
        { "basicConstraints trailing", "2.5.29.19", "3000FF" },
        { "basicConstraints negative pathlen", "2.5.29.19", "30030201FF" },
        { "keyUsage not a BIT STRING", "2.5.29.15", "0401FF" },
        { "extendedKeyUsage empty", "2.5.29.37", "3000" },
        { "subjectAltName empty", "2.5.29.17", "3000" },
        { "subjectAltName universal tag", "2.5.29.17", "30030C0161" },
        { "subjectAltName tag 9", "2.5.29.17", "3003890161" },
        { "SKI not an OCTET STRING", "2.5.29.14", "0C0161" },
        { "AKI wrong order", "2.5.29.35", "30078201018001AA" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void GetTypedExtension_MalformedValue_ThrowsInvalidExtensionButCertificateLoads(string label, string oid, string value)
    {
        Certificate certificate = Certificate.Decode(new TestCertificate { Extensions = [(oid, null, Convert.FromHexString(value))] }.ToDer());

        Action get = oid switch
        {
            "2.5.29.19" => () => certificate.GetBasicConstraints(),
            "2.5.29.15" => () => certificate.GetKeyUsage(),
            "2.5.29.37" => () => certificate.GetExtendedKeyUsage(),
            "2.5.29.17" => () => certificate.GetSubjectAlternativeNames(),
            "2.5.29.14" => () => certificate.GetSubjectKeyIdentifier(),
            _ => () => certificate.GetAuthorityKeyIdentifier(),
        };
        Should.Throw<X509FormatException>(get, label).Reason.ShouldBe(X509FormatError.InvalidExtension);
        // OpenSSL's printer ignores octets after the value and prints an empty GeneralNames as <EMPTY>
        // (ExtensionTextTests.DerRows proves both against the binary); every other malformed value fails to print.
        string? expectedText = label switch
        {
            "basicConstraints trailing" => "CA:FALSE",
            "subjectAltName empty" => "<EMPTY>\n",
            _ => null,
        };
        certificate.Extensions.ShouldHaveSingleItem().ToOpenSslString().ShouldBe(expectedText);
    }

    [Fact]
    public void GeneralName_EveryProperPrefix_Throws()
    {
        byte[] der = Convert.FromHexString("A40F300D310B300906035504030C02646E");
        for (int length = 0; length < der.Length; length++)
        {
            byte[] prefix = der[..length];
            Should.Throw<DecodeException>(() =>
            {
                var reader = new DerReader(prefix);
                GeneralName.Decode(ref reader);
            });
        }
    }

    private static string DescribeHandled(Certificate certificate)
    {
        string[] handled = ["2.5.29.19", "2.5.29.15", "2.5.29.37", "2.5.29.17", "2.5.29.18", "2.5.29.14", "2.5.29.35"];
        var text = new System.Text.StringBuilder();
        foreach (X509Extension extension in certificate.Extensions.Where(e => handled.Contains(e.Oid)))
        {
            text.Append(extension.LongName).Append(": ").Append(extension.Critical ? "critical" : string.Empty).Append('\n');
            text.Append(extension.ToOpenSslString(4)).Append('\n');
        }

        return text.ToString();
    }

    private static byte[] ReqCertificate(string[] extensions)
    {
        string dir = Path.Combine(Path.GetTempPath(), "mtls-x509-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string key = Path.Combine(dir, "key.pem");
            string config = Path.Combine(dir, "req.cnf");
            string cert = Path.Combine(dir, "cert.der");
            File.WriteAllText(config, "[req]\ndistinguished_name=dn\n[dn]\n[dn_sect]\nC=US\nO=Dir Org\nCN=dir\n");
            OpenSslPeer.Run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", key);
            var args = new List<string> { "req", "-new", "-x509", "-config", config, "-key", key, "-subj", "/CN=ext test", "-days", "30", "-outform", "DER", "-out", cert };
            foreach (string extension in extensions)
            {
                args.Add("-addext");
                args.Add(extension);
            }

            OpenSslPeer.Run([.. args]);
            return File.ReadAllBytes(cert);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
