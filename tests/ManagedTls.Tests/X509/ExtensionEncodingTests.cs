using ManagedTls.Asn1;
using ManagedTls.Tests.TestSupport;
using ManagedTls.X509;

namespace ManagedTls.Tests.X509;

/// <summary>Typed extensions built from their parts: DER identical to what openssl writes, and encode→decode round trips.</summary>
public sealed class ExtensionEncodingTests
{
    public static TheoryData<string, string> OpensslRows => new()
    {
        { "bc-ca-pathlen", "basicConstraints=critical,CA:TRUE,pathlen:0" },
        { "bc-ca", "basicConstraints=CA:TRUE" },
        { "bc-ee", "basicConstraints=CA:FALSE" },
        { "bc-pathlen-big", "basicConstraints=critical,CA:TRUE,pathlen:300" },
        { "ku-ds", "keyUsage=digitalSignature" },
        { "ku-ca", "keyUsage=critical,keyCertSign,cRLSign" },
        { "ku-all", "keyUsage=digitalSignature,nonRepudiation,keyEncipherment,dataEncipherment,keyAgreement,keyCertSign,cRLSign,encipherOnly,decipherOnly" },
        { "ku-ke", "keyUsage=keyEncipherment,encipherOnly" },
        { "eku", "extendedKeyUsage=serverAuth,clientAuth,codeSigning,emailProtection,timeStamping,OCSPSigning,1.2.3.4" },
        { "san", "subjectAltName=DNS:a.example,IP:1.2.3.4,IP:2001:db8::1,email:a@b.c,URI:http://x/y,RID:1.2.3.4,dirName:dn_sect,otherName:1.3.6.1.4.1.311.20.2.3;UTF8:upn@x" },
        { "ian", "issuerAltName=critical,DNS:issuer.example,email:ca@example.com" },
        { "ski", "subjectKeyIdentifier=0102030405" },
        { "ski-hash", "subjectKeyIdentifier=hash" },
        { "aki-full", "authorityKeyIdentifier=keyid:always,issuer:always" },
        { "aki-issuer", "authorityKeyIdentifier=issuer:always" },
    };

    [SkippableTheory]
    [MemberData(nameof(OpensslRows))]
    public void ToExtension_FromParts_EqualsOpensslDer(string label, string addext)
    {
        OpenSslPeer.Require();
        Certificate certificate = Certificate.Decode(OpenSslExtensionCertificates.Create([addext]));
        string name = addext[..addext.IndexOf('=', StringComparison.Ordinal)];
        X509Extension expected = certificate.Extensions.Single(e => e.ShortName == name);

        X509Extension built = Build(label, certificate);

        Convert.ToHexString(built.RawData.Span).ShouldBe(Convert.ToHexString(expected.RawData.Span), label);
    }

    [SkippableTheory]
    [MemberData(nameof(OpensslRows))]
    public void Encode_DecodedOpensslExtension_ReproducesValue(string label, string addext)
    {
        OpenSslPeer.Require();
        Certificate certificate = Certificate.Decode(OpenSslExtensionCertificates.Create([addext]));
        X509Extension extension = certificate.Extensions.Single(e => e.ShortName == addext[..addext.IndexOf('=', StringComparison.Ordinal)]);

        byte[] encoded = extension.Oid switch
        {
            Oids.BasicConstraints => BasicConstraints.Decode(extension.Value.Span).Encode(),
            Oids.KeyUsage => KeyUsage.Decode(extension.Value.Span).Encode(),
            Oids.ExtKeyUsage => ExtendedKeyUsage.Decode(extension.Value.Span).Encode(),
            Oids.SubjectAltName or Oids.IssuerAltName => AlternativeNames.Decode(extension.Value.Span).Encode(),
            Oids.SubjectKeyIdentifier => SubjectKeyIdentifier.Decode(extension.Value.Span).Encode(),
            _ => AuthorityKeyIdentifier.Decode(extension.Value.Span).Encode(),
        };

        encoded.ShouldBe(extension.Value.ToArray(), label);
    }

    public static TheoryData<string, string> NewTypeRows => new()
    {
        { "crldp", "crlDistributionPoints=URI:http://only.example/a.crl,dp1" },
        { "freshest", "freshestCRL=critical,dp2" },
        { "aia", "authorityInfoAccess=OCSP;URI:http://ocsp.example/,caIssuers;URI:http://ca.example/ca.crt" },
        { "sia", "subjectInfoAccess=caRepository;URI:http://repo.example/" },
        { "policies", "certificatePolicies=1.2.3.4,@pol3" },
        { "policy-mappings", "policyMappings=1.2.3.4:1.2.3.5,2.5.29.32.0:1.5.6" },
        { "policy-constraints", "policyConstraints=critical,requireExplicitPolicy:3,inhibitPolicyMapping:1" },
        { "inhibit", "inhibitAnyPolicy=critical,2" },
        { "ncons", "nameConstraints=critical,permitted;DNS:x.example,permitted;IP:192.168.0.0/255.255.0.0,excluded;email:.bad.example,excluded;dirName:dn_sect" },
        { "tlsfeature", "tlsfeature=status_request" },
        { "ns-type", "nsCertType=client,server,objCA" },
        { "ns-comment", "nsComment=Made by openssl" },
    };

    [SkippableTheory]
    [MemberData(nameof(NewTypeRows))]
    public void ToExtension_NewTypesFromParts_EqualOpensslDer(string label, string line)
    {
        OpenSslPeer.Require();
        Certificate certificate = Certificate.Decode(OpenSslExtensionCertificates.CreateFromSection("[ext]\n" + line + "\n"));
        X509Extension expected = certificate.Extensions.Single(e => e.ShortName == line[..line.IndexOf('=', StringComparison.Ordinal)]);
        DistinguishedName dir = DistinguishedName.Create(AttributeTypeAndValue.Create("C", "US"), AttributeTypeAndValue.Create("O", "Dir Org"), AttributeTypeAndValue.Create("CN", "dir"));

        X509Extension built = label switch
        {
            "crldp" => new CrlDistributionPoints(
            [
                DistributionPoint.FromUri("http://only.example/a.crl"),
                new DistributionPoint(
                    new DistributionPointName([GeneralName.Uri("http://a.example/x.crl"), GeneralName.Directory(dir)]),
                    CrlReasonFlags.KeyCompromise | CrlReasonFlags.CACompromise | CrlReasonFlags.AACompromise,
                    [GeneralName.Directory(dir), GeneralName.IPAddress(Convert.FromHexString("00000000000000000000000000000001")), GeneralName.OtherName("1.3.6.1.4.1.311.20.2.3", [0x0C, 0x05, .. "upn@x"u8]), GeneralName.Email("crl@x.example")]),
            ]).ToExtension(),
            "freshest" => new CrlDistributionPoints(
            [
                new DistributionPoint(
                    new DistributionPointName([AttributeTypeAndValue.Create("CN", "rel"), AttributeTypeAndValue.Create("O", "Rel Org")]),
                    CrlReasonFlags.Unused | CrlReasonFlags.Superseded | CrlReasonFlags.AffiliationChanged | CrlReasonFlags.CessationOfOperation | CrlReasonFlags.CertificateHold | CrlReasonFlags.PrivilegeWithdrawn),
            ]).ToFreshestCrlExtension(critical: true),
            "aia" => new AuthorityInformationAccess(
            [
                new AccessDescription(Oids.Ocsp, GeneralName.Uri("http://ocsp.example/")), new AccessDescription(Oids.CaIssuers, GeneralName.Uri("http://ca.example/ca.crt")),
            ]).ToExtension(),
            "sia" => new AuthorityInformationAccess([new AccessDescription("1.3.6.1.5.5.7.48.5", GeneralName.Uri("http://repo.example/"))]).ToSubjectInformationAccessExtension(),
            "policies" => new CertificatePolicies(
            [
                new PolicyInformation("1.2.3.4"),
                new PolicyInformation("1.2.3.4.5",
                [
                    PolicyQualifier.Notice(new UserNotice(new NoticeReference("Only Org", [System.Numerics.BigInteger.Parse("123456789012345678901234567890123456789012", System.Globalization.CultureInfo.InvariantCulture)], Asn1Tag.VisibleString), null)),
                    PolicyQualifier.Cps("http://cps.example/c"),
                ]),
            ]).ToExtension(),
            "policy-mappings" => new PolicyMappings([new PolicyMapping("1.2.3.4", "1.2.3.5"), new PolicyMapping(Oids.AnyPolicy, "1.5.6")]).ToExtension(),
            "policy-constraints" => new PolicyConstraints(3, 1).ToExtension(critical: true),
            "inhibit" => new InhibitAnyPolicy(2).ToExtension(critical: true),
            "ncons" => new NameConstraints(
                [new GeneralSubtree(GeneralName.Dns("x.example")), new GeneralSubtree(GeneralName.IPAddress([192, 168, 0, 0, 255, 255, 0, 0]))],
                [new GeneralSubtree(GeneralName.Email(".bad.example")), new GeneralSubtree(GeneralName.Directory(dir))]).ToExtension(critical: true),
            "tlsfeature" => new TlsFeature([5]).ToExtension(),
            "ns-type" => new NetscapeCertType(NetscapeCertTypeFlags.SslClient | NetscapeCertTypeFlags.SslServer | NetscapeCertTypeFlags.ObjectSigningCA).ToExtension(),
            _ => new NetscapeComment("Made by openssl").ToExtension(),
        };

        Convert.ToHexString(built.RawData.Span).ShouldBe(Convert.ToHexString(expected.RawData.Span), label);
    }

    [SkippableTheory]
    [MemberData(nameof(ExtensionTextTests.ConfigRows), MemberType = typeof(ExtensionTextTests))]
    public void Encode_ConfigMadeExtensions_ReproduceOpensslDer(string label, string lines)
    {
        OpenSslPeer.Require();
        Certificate certificate = Certificate.Decode(OpenSslExtensionCertificates.CreateFromSection("[ext]\n" + lines + "\n"));

        int typed = 0;
        foreach (X509Extension extension in certificate.Extensions)
        {
            if (ExtensionRoundTrip.Encode(extension) is { } encoded)
            {
                encoded.ShouldBe(extension.Value.ToArray(), $"{label} {extension.ShortName}");
                typed++;
            }
        }

        typed.ShouldBeGreaterThan(0);
    }

    [SkippableFact]
    public void Encode_EverySystemCertificateExtension_ReproducesDer()
    {
        int typed = 0, canonicalized = 0;
        foreach ((string name, byte[] der) in ManagedTls.Tests.Asn1.CertificateCorpus.Require())
        {
            foreach (X509Extension extension in Certificate.Decode(der).Extensions)
            {
                if (ExtensionRoundTrip.Encode(extension) is not { } encoded)
                {
                    continue;
                }

                typed++;
                if (!encoded.AsSpan().SequenceEqual(extension.Value.Span))
                {
                    // Only a named-bit BIT STRING with trailing zero bits (a BER form some roots carry) is re-encoded
                    // differently, to its DER form with the same bits.
                    extension.Oid.ShouldBe(Oids.KeyUsage, name);
                    KeyUsage.Decode(encoded).ShouldBe(KeyUsage.Decode(extension.Value.Span), name);
                    canonicalized++;
                }
            }
        }

        typed.ShouldBeGreaterThan(0);
        canonicalized.ShouldBeLessThan(typed / 10);
    }

    public static TheoryData<string, string> KnownDer => new()
    {
        // Hand-checked DER for values openssl's config syntax cannot produce.
        { "bc-empty", "3000" },
        { "ku-none", "030100" },
        { "ku-decipher-only", "0303070080" },
        { "aki-negative-serial", "30058203FF7F01" },
    };

    [Theory]
    [MemberData(nameof(KnownDer))]
    public void Encode_EdgeValues_KnownDer(string label, string hex)
    {
        byte[] encoded = label switch
        {
            "bc-empty" => new BasicConstraints(false, null).Encode(),
            "ku-none" => new KeyUsage(KeyUsageFlags.None).Encode(),
            "ku-decipher-only" => new KeyUsage(KeyUsageFlags.DecipherOnly).Encode(),
            _ => new AuthorityKeyIdentifier(null, null, new byte[] { 0xFF, 0x7F, 0x01 }).Encode(),
        };

        Convert.ToHexString(encoded).ShouldBe(hex, label);
    }

    [Fact]
    public void Encode_KeyUsageEveryFlagCombination_RoundTrips()
    {
        for (int flags = 0; flags < 512; flags++)
        {
            var usage = new KeyUsage((KeyUsageFlags)flags);
            KeyUsage.Decode(usage.Encode()).ShouldBe(usage);
        }
    }

    [Fact]
    public void GeneralName_Factories_RoundTripThroughDecode()
    {
        DistinguishedName dn = DistinguishedName.Decode(Convert.FromHexString("300D310B300906035504030C02646E"));
        GeneralName[] names =
        [
            GeneralName.Dns("a.example"), GeneralName.Email("a@b.c"), GeneralName.Uri("http://x/y"),
            GeneralName.IPAddress([1, 2, 3, 4]), GeneralName.IPAddress(new byte[16]), GeneralName.Directory(dn),
            GeneralName.RegisteredId("1.2.3.4"), GeneralName.OtherName("1.3.6.1.4.1.311.20.2.3", Convert.FromHexString("0C0175")),
        ];
        var alternativeNames = new AlternativeNames(names);

        AlternativeNames decoded = AlternativeNames.Decode(alternativeNames.Encode());

        decoded.Names.Count.ShouldBe(names.Length);
        for (int i = 0; i < names.Length; i++)
        {
            decoded.Names[i].Kind.ShouldBe(names[i].Kind);
            decoded.Names[i].RawData.ToArray().ShouldBe(names[i].RawData.ToArray());
            decoded.Names[i].Text.ShouldBe(names[i].Text);
            decoded.Names[i].Oid.ShouldBe(names[i].Oid);
            decoded.Names[i].IPAddressOctets?.ToArray().ShouldBe(names[i].IPAddressOctets?.ToArray());
            decoded.Names[i].OtherNameValue?.ToArray().ShouldBe(names[i].OtherNameValue?.ToArray());
            decoded.Names[i].DirectoryName?.ShouldBe(names[i].DirectoryName);
        }
    }

    [Theory]
    [InlineData("dns", "820161")]
    [InlineData("email", "8103614062")]
    [InlineData("uri", "8603687474")]
    [InlineData("ip", "87047F000001")]
    [InlineData("rid", "88032A0304")]
    [InlineData("other", "A00B06032A0304A0040C027576")]
    [InlineData("dir", "A40F300D310B300906035504030C02646E")]
    public void GeneralName_Factory_KnownDer(string kind, string hex)
    {
        GeneralName name = kind switch
        {
            "dns" => GeneralName.Dns("a"),
            "email" => GeneralName.Email("a@b"),
            "uri" => GeneralName.Uri("htt"),
            "ip" => GeneralName.IPAddress([127, 0, 0, 1]),
            "rid" => GeneralName.RegisteredId("1.2.3.4"),
            "other" => GeneralName.OtherName("1.2.3.4", Convert.FromHexString("0C027576")),
            _ => GeneralName.Directory(DistinguishedName.Decode(Convert.FromHexString("300D310B300906035504030C02646E"))),
        };
        using var writer = new DerWriter();

        name.Encode(writer);

        Convert.ToHexString(writer.ToArray()).ShouldBe(hex);
        GeneralName.Decode(Convert.FromHexString(hex)).Kind.ShouldBe(name.Kind);
    }

    [Fact]
    public void Encode_InvalidParts_ThrowArgumentExceptions()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new BasicConstraints(true, -1).Encode());
        Should.Throw<ArgumentException>(() => new ExtendedKeyUsage([]).Encode());
        Should.Throw<ArgumentException>(() => new AlternativeNames([]).Encode());
        Should.Throw<ArgumentException>(() => new AuthorityKeyIdentifier(null, null, new byte[] { 0, 1 }).Encode());
        Should.Throw<ArgumentException>(() => GeneralName.OtherName("1.2.3", [0x0C, 0x05]));
        Should.Throw<ArgumentException>(() => GeneralName.RegisteredId("not an oid"));
    }

    private static X509Extension Build(string label, Certificate certificate) => label switch
    {
        "bc-ca-pathlen" => new BasicConstraints(true, 0).ToExtension(critical: true),
        "bc-ca" => new BasicConstraints(true, null).ToExtension(),
        "bc-ee" => new BasicConstraints(false, null).ToExtension(),
        "bc-pathlen-big" => new BasicConstraints(true, 300).ToExtension(true),
        "ku-ds" => new KeyUsage(KeyUsageFlags.DigitalSignature).ToExtension(),
        "ku-ca" => new KeyUsage(KeyUsageFlags.KeyCertSign | KeyUsageFlags.CrlSign).ToExtension(critical: true),
        "ku-all" => new KeyUsage((KeyUsageFlags)0x1FF).ToExtension(),
        "ku-ke" => new KeyUsage(KeyUsageFlags.KeyEncipherment | KeyUsageFlags.EncipherOnly).ToExtension(),
        "eku" => new ExtendedKeyUsage([Oids.ServerAuth, Oids.ClientAuth, Oids.CodeSigning, Oids.EmailProtection, Oids.TimeStamping, Oids.OcspSigning, "1.2.3.4"]).ToExtension(),
        "san" => new AlternativeNames(
        [
            GeneralName.Dns("a.example"), GeneralName.IPAddress([1, 2, 3, 4]), GeneralName.IPAddress(Convert.FromHexString("20010DB8000000000000000000000001")),
            GeneralName.Email("a@b.c"), GeneralName.Uri("http://x/y"), GeneralName.RegisteredId("1.2.3.4"),
            GeneralName.Directory(DistinguishedName.Create(AttributeTypeAndValue.Create("C", "US"), AttributeTypeAndValue.Create("O", "Dir Org"), AttributeTypeAndValue.Create("CN", "dir"))),
            GeneralName.OtherName("1.3.6.1.4.1.311.20.2.3", Utf8("upn@x")),
        ]).ToExtension(),
        "ian" => new AlternativeNames([GeneralName.Dns("issuer.example"), GeneralName.Email("ca@example.com")]).ToIssuerAltNameExtension(critical: true),
        "ski" => new SubjectKeyIdentifier(new byte[] { 1, 2, 3, 4, 5 }).ToExtension(),
        "ski-hash" => new SubjectKeyIdentifier(ManagedTls.Crypto.HashAlgorithms.HashData(ManagedTls.Crypto.HashAlgorithmId.Sha1, SubjectPublicKeyBits(certificate))).ToExtension(),
        "aki-full" => new AuthorityKeyIdentifier(
            certificate.GetSubjectKeyIdentifier()!.KeyIdentifier, [GeneralName.Directory(certificate.Issuer)], certificate.SerialNumber).ToExtension(),
        _ => new AuthorityKeyIdentifier(null, [GeneralName.Directory(certificate.Issuer)], certificate.SerialNumber).ToExtension(),
    };

    private static byte[] Utf8(string text)
    {
        using var writer = new DerWriter();
        writer.WriteCharacterString(Asn1Tag.Utf8String, text);
        return writer.ToArray();
    }

    private static byte[] SubjectPublicKeyBits(Certificate certificate)
    {
        var reader = new DerReader(certificate.SubjectPublicKeyInfo.Span);
        DerReader spki = reader.ReadSequence();
        spki.ReadEncodedValue();
        return spki.ReadBitStringBytes(out _);
    }
}
