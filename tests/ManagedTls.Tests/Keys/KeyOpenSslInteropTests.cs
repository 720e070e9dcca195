// Keys written by openssl load; what we write for the same key is byte-identical to what openssl writes, and
// openssl accepts what we write. The openssl commands that create the inputs are listed atop OpenSslKeyFixture.cs;
// the checks here run:
//   openssl pkey -check -noout            (our PKCS#8 and traditional PEM on stdin)
//   openssl pkey -pubin -pubcheck -noout  (our SubjectPublicKeyInfo PEM on stdin)
//   openssl ec -check -noout              (our SEC1 PEM on stdin)
//   openssl rsa -RSAPublicKey_in -noout   (our PKCS#1 RSA PUBLIC KEY PEM on stdin)
using ManagedTls.Keys;
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Keys;

public class KeyOpenSslInteropTests(OpenSslKeyFixture fixture) : IClassFixture<OpenSslKeyFixture>
{
    public static IEnumerable<object[]> AllKeys => OpenSslKeyFixture.AllKeys;

    public static IEnumerable<object[]> PrivateFiles =>
        from spec in OpenSslKeyFixture.Specs
        from file in spec.HasTraditional
            ? new[] { "orig.pem", "pkcs8.pem", "pkcs8.der", "trad.pem", "trad.der" }
            : new[] { "orig.pem", "pkcs8.pem", "pkcs8.der", "trad.der" }
        select new object[] { spec.Name, file };

    public static IEnumerable<object[]> RsaKeys =>
        OpenSslKeyFixture.Specs.Where(s => s.IsRsa).Select(s => new object[] { s.Name });

    public static IEnumerable<object[]> EcKeys =>
        OpenSslKeyFixture.Specs.Where(s => s.Algorithm == KeyAlgorithm.Ec).Select(s => new object[] { s.Name });

    [SkippableTheory]
    [MemberData(nameof(PrivateFiles))]
    public void DecodePrivateKey_OpenSslFile_HasAlgorithmAndBits(string key, string file)
    {
        KeySpec spec = OpenSslKeyFixture.Spec(key);

        PrivateKey decoded = KeyDecoder.DecodePrivateKey(fixture.Read(key, file));

        decoded.Algorithm.ShouldBe(spec.Algorithm);
        decoded.Bits.ShouldBe(spec.Bits);
    }

    [SkippableTheory]
    [MemberData(nameof(AllKeys))]
    public void DecodePrivateKey_OpenSslKey_BitsMatchOpenSslText(string key)
    {
        KeySpec spec = OpenSslKeyFixture.Spec(key);
        string text = OpenSslPeer.Run("pkey", "-in", fixture.PathOf(key, "orig.pem"), "-text", "-noout").Stdout;

        // "Private-Key: (2048 bit, 2 primes)" for RSA/DSA/EC; the ECX keys print no size (EVP_PKEY_get_bits values are asserted via the spec table).
        if (spec.Algorithm is not (KeyAlgorithm.Ed25519 or KeyAlgorithm.Ed448 or KeyAlgorithm.X25519 or KeyAlgorithm.X448))
        {
            text.ShouldContain($"Private-Key: ({KeyDecoder.DecodePrivateKey(fixture.Read(key, "orig.pem")).Bits} bit");
        }
    }

    [SkippableTheory]
    [MemberData(nameof(AllKeys))]
    public void EncodePkcs8_OpenSslKey_MatchesOpenSslBytes(string key)
    {
        byte[] der = fixture.Read(key, "pkcs8.der");

        PrivateKey decoded = KeyDecoder.DecodePrivateKey(der);

        KeyEncoder.EncodePkcs8(decoded).ShouldBe(der);
        KeyEncoder.EncodePkcs8Pem(decoded).ShouldBe(fixture.Read(key, "pkcs8.pem"));
        KeyEncoder.EncodePkcs8(KeyDecoder.DecodePrivateKey(fixture.Read(key, "orig.pem"))).ShouldBe(der);
    }

    [SkippableTheory]
    [MemberData(nameof(AllKeys))]
    public void EncodeTraditional_OpenSslKey_MatchesOpenSslBytes(string key)
    {
        byte[] der = fixture.Read(key, "trad.der");

        PrivateKey fromPkcs8 = KeyDecoder.DecodePrivateKey(fixture.Read(key, "pkcs8.der"));
        PrivateKey fromTraditional = KeyDecoder.DecodePrivateKey(der);

        KeyEncoder.EncodeTraditional(fromPkcs8).ShouldBe(der);
        KeyEncoder.EncodeTraditional(fromTraditional).ShouldBe(der);
        KeyEncoder.EncodePkcs8(fromTraditional).ShouldBe(fixture.Read(key, "pkcs8.der"));
        if (OpenSslKeyFixture.Spec(key).HasTraditional)
        {
            KeyEncoder.EncodeTraditionalPem(fromPkcs8).ShouldBe(fixture.Read(key, "trad.pem"));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(EcKeys))]
    public void DecodePrivateKey_EcparamGenkeyFile_SkipsEcParametersBlock(string key)
    {
        byte[] pem = fixture.Read(key, "orig.pem");

        System.Text.Encoding.ASCII.GetString(pem).ShouldStartWith("-----BEGIN EC PARAMETERS-----");
        var decoded = (EcPrivateKey)KeyDecoder.DecodePrivateKey(pem);

        decoded.Curve.Name.ShouldBe(key);
        KeyEncoder.EncodeTraditional(decoded).ShouldBe(fixture.Read(key, "trad.der"));
    }

    [SkippableTheory]
    [MemberData(nameof(AllKeys))]
    public void EncodeSubjectPublicKeyInfo_OpenSslKey_MatchesOpenSslBytes(string key)
    {
        byte[] der = fixture.Read(key, "spki.der");

        PublicKey decoded = KeyDecoder.DecodePublicKey(der);
        PublicKey fromPem = KeyDecoder.DecodePublicKey(fixture.Read(key, "spki.pem"));

        decoded.Algorithm.ShouldBe(OpenSslKeyFixture.Spec(key).Algorithm);
        decoded.Bits.ShouldBe(OpenSslKeyFixture.Spec(key).Bits);
        decoded.SubjectPublicKeyInfo.ToArray().ShouldBe(der);
        KeyEncoder.EncodeSubjectPublicKeyInfo(decoded).ShouldBe(der);
        KeyEncoder.EncodeSubjectPublicKeyInfoPem(decoded).ShouldBe(fixture.Read(key, "spki.pem"));
        fromPem.ShouldBe(decoded);
    }

    [SkippableTheory]
    [MemberData(nameof(AllKeys))]
    public void PublicKey_PrivateKeyFromOpenSsl_EqualsOpenSslPublicKey(string key)
    {
        PrivateKey decoded = KeyDecoder.DecodePrivateKey(fixture.Read(key, "pkcs8.der"));
        PublicKey expected = KeyDecoder.DecodePublicKey(fixture.Read(key, "spki.der"));

        // Ed25519/Ed448 PKCS#8 from OpenSSL carries only the seed: the public key is derived through IKeyMath.
        decoded.PublicKey.ShouldBe(expected);
        KeyEncoder.EncodeSubjectPublicKeyInfo(decoded.PublicKey).ShouldBe(fixture.Read(key, "spki.der"));
    }

    [SkippableTheory]
    [MemberData(nameof(RsaKeys))]
    public void EncodePkcs1Public_OpenSslKey_MatchesRsaPublicKeyOut(string key)
    {
        byte[] der = fixture.Read(key, "rsapub.der");

        var decoded = (RsaPublicKey)KeyDecoder.DecodePublicKey(der);
        var fromPem = (RsaPublicKey)KeyDecoder.DecodePublicKey(fixture.Read(key, "rsapub.pem"));
        var fromPrivate = (RsaPrivateKey)KeyDecoder.DecodePrivateKey(fixture.Read(key, "pkcs8.der"));

        KeyEncoder.EncodePkcs1Public(decoded).ShouldBe(der);
        KeyEncoder.EncodePkcs1PublicPem(fromPrivate.PublicKey).ShouldBe(fixture.Read(key, "rsapub.pem"));
        fromPem.ShouldBe(decoded);
        decoded.ShouldBe(fromPrivate.PublicKey);
    }

    [SkippableTheory]
    [MemberData(nameof(AllKeys))]
    public void OpenSslCheck_KeysWeWrite_Pass(string key)
    {
        KeySpec spec = OpenSslKeyFixture.Spec(key);
        PrivateKey decoded = KeyDecoder.DecodePrivateKey(fixture.Read(key, "orig.pem"));
        PublicKey publicKey = KeyDecoder.DecodePublicKey(fixture.Read(key, "spki.der"));

        OpenSslPeer.RunWithInput(KeyEncoder.EncodePkcs8Pem(decoded), "pkey", "-check", "-noout");
        OpenSslPeer.RunWithInput(KeyEncoder.EncodeSubjectPublicKeyInfoPem(publicKey), "pkey", "-pubin", "-pubcheck", "-noout");
        if (spec.HasTraditional)
        {
            OpenSslPeer.RunWithInput(KeyEncoder.EncodeTraditionalPem(decoded), "pkey", "-check", "-noout");
        }

        if (spec.Algorithm == KeyAlgorithm.Ec)
        {
            OpenSslPeer.RunWithInput(KeyEncoder.EncodeTraditionalPem(decoded), "ec", "-check", "-noout");
        }

        if (spec.IsRsa)
        {
            OpenSslPeer.RunWithInput(KeyEncoder.EncodePkcs1PublicPem((RsaPublicKey)publicKey), "rsa", "-RSAPublicKey_in", "-noout");
        }
    }

    [SkippableTheory]
    [MemberData(nameof(EcKeys))]
    public void DecodePublicKey_CompressedPoint_EqualsUncompressedKeyAndKeepsForm(string key)
    {
        var compressed = (EcPublicKey)KeyDecoder.DecodePublicKey(fixture.Read(key, "spki-compressed.der"));
        var uncompressed = (EcPublicKey)KeyDecoder.DecodePublicKey(fixture.Read(key, "spki.der"));

        compressed.ShouldBe(uncompressed);
        compressed.GetHashCode().ShouldBe(uncompressed.GetHashCode());
        compressed.PointFormat.ShouldBe(EcPointFormat.Compressed);
        compressed.Point.ToArray().ShouldBe(uncompressed.Point.ToArray());
        KeyEncoder.EncodeSubjectPublicKeyInfo(compressed).ShouldBe(fixture.Read(key, "spki-compressed.der"));
        KeyEncoder.EncodeSubjectPublicKeyInfo(uncompressed.WithPointFormat(EcPointFormat.Compressed)).ShouldBe(fixture.Read(key, "spki-compressed.der"));
        KeyEncoder.EncodeSubjectPublicKeyInfo(compressed.WithPointFormat(EcPointFormat.Uncompressed)).ShouldBe(fixture.Read(key, "spki.der"));
    }

    [SkippableTheory]
    [MemberData(nameof(EcKeys))]
    public void EncodeTraditional_CompressedEcKey_MatchesOpenSslBytes(string key)
    {
        PrivateKey fromSec1 = KeyDecoder.DecodePrivateKey(fixture.Read(key, "trad-compressed.der"));
        PrivateKey fromPkcs8 = KeyDecoder.DecodePrivateKey(fixture.Read(key, "pkcs8-compressed.der"));

        KeyEncoder.EncodeTraditional(fromPkcs8).ShouldBe(fixture.Read(key, "trad-compressed.der"));
        KeyEncoder.EncodePkcs8(fromSec1).ShouldBe(fixture.Read(key, "pkcs8-compressed.der"));
        KeyEncoder.EncodeSubjectPublicKeyInfo(fromSec1.PublicKey).ShouldBe(fixture.Read(key, "spki-compressed.der"));
        OpenSslPeer.RunWithInput(KeyEncoder.EncodeTraditionalPem(fromPkcs8), "ec", "-check", "-noout");
    }

    [SkippableTheory]
    [MemberData(nameof(EcKeys))]
    public void EncodeEcParameters_NamedCurve_MatchesEcparamOutput(string key)
    {
        var decoded = (EcPrivateKey)KeyDecoder.DecodePrivateKey(fixture.Read(key, "orig.pem"));

        byte[] expected = OpenSslPeer.Run("ecparam", "-name", decoded.Curve.Name, "-outform", "DER").StdoutBytes;

        KeyEncoder.EncodeEcParameters(decoded.Curve).ShouldBe(expected);
    }

    [SkippableFact]
    public void DecodePrivateKey_MultiPrimeRsa_KeepsOtherPrimes()
    {
        var decoded = (RsaPrivateKey)KeyDecoder.DecodePrivateKey(fixture.Read("rsa3prime", "orig.pem"));

        decoded.OtherPrimes.Length.ShouldBe(1);
        OpenSslPeer.Run("pkey", "-in", fixture.PathOf("rsa3prime", "orig.pem"), "-text", "-noout").Stdout.ShouldContain("3 primes");
    }

    [SkippableFact]
    public void DecodePrivateKey_RsaPssWithParameters_KeepsParameters()
    {
        var decoded = (RsaPrivateKey)KeyDecoder.DecodePrivateKey(fixture.Read("rsapss-sha256", "pkcs8.der"));

        decoded.Algorithm.ShouldBe(KeyAlgorithm.RsaPss);
        decoded.PssParameters.ShouldNotBeNull();
        decoded.PssParameters.HashAlgorithm.ShouldBe("2.16.840.1.101.3.4.2.1");
        decoded.PssParameters.MaskGenHashAlgorithm.ShouldBe("2.16.840.1.101.3.4.2.1");
        decoded.PssParameters.SaltLength.ShouldBe(32);
        var unrestricted = (RsaPrivateKey)KeyDecoder.DecodePrivateKey(fixture.Read("rsapss", "pkcs8.der"));
        unrestricted.PssParameters.ShouldBeNull();
    }

    [SkippableFact]
    public void RsaPssParametersCreate_Sha256_MatchesOpenSslEncoding()
    {
        var decoded = (RsaPrivateKey)KeyDecoder.DecodePrivateKey(fixture.Read("rsapss-sha256", "pkcs8.der"));

        RsaPssParameters created = RsaPssParameters.Create("2.16.840.1.101.3.4.2.1", "2.16.840.1.101.3.4.2.1", 32);

        created.Encoded.ToArray().ShouldBe(decoded.PssParameters!.Encoded.ToArray());
    }

    [SkippableTheory]
    [InlineData("explicit.pem")]
    [InlineData("explicit-pkcs8.pem")]
    public void DecodePrivateKey_ExplicitCurveParameters_Rejected(string file)
    {
        var e = Should.Throw<KeyFormatException>(() => KeyDecoder.DecodePrivateKey(fixture.Read(null, file)));

        e.Reason.ShouldBe(KeyFormatError.ExplicitCurveParameters);
        e.Message.ShouldContain("explicit");
    }

    [SkippableFact]
    public void DecodePublicKey_ExplicitCurveParameters_Rejected()
    {
        var e = Should.Throw<KeyFormatException>(() => KeyDecoder.DecodePublicKey(fixture.Read(null, "explicit-spki.pem")));

        e.Reason.ShouldBe(KeyFormatError.ExplicitCurveParameters);
    }

    [SkippableFact]
    public void DecodePrivateKey_UnsupportedCurve_NamesTheOid()
    {
        var e = Should.Throw<KeyFormatException>(() => KeyDecoder.DecodePrivateKey(fixture.Read(null, "p224.pem")));

        e.Reason.ShouldBe(KeyFormatError.UnsupportedCurve);
        e.Message.ShouldContain("1.3.132.0.33");
    }

    [SkippableFact]
    public void DecodePrivateKey_DhKey_UnsupportedAlgorithmNamesTheOid()
    {
        var e = Should.Throw<KeyFormatException>(() => KeyDecoder.DecodePrivateKey(fixture.Read(null, "dh.pem")));

        e.Reason.ShouldBe(KeyFormatError.UnsupportedAlgorithm);
        e.Message.ShouldContain("1.2.840.113549.1.3.1");
    }

    [SkippableTheory]
    [InlineData("enc-pkcs8.pem")]
    [InlineData("enc-pkcs8.der")]
    [InlineData("enc-trad.pem")]
    public void DecodePrivateKey_Encrypted_PassphraseRequired(string file)
    {
        var e = Should.Throw<KeyFormatException>(() => KeyDecoder.DecodePrivateKey(fixture.Read(null, file)));

        e.Reason.ShouldBe(KeyFormatError.PassphraseRequired);
    }

    [SkippableTheory]
    [MemberData(nameof(AllKeys))]
    public void DecodePrivateKey_EveryProperPrefix_ThrowsKeyFormatException(string key)
    {
        foreach (string file in new[] { "pkcs8.der", "trad.der" })
        {
            byte[] der = fixture.Read(key, file);
            for (int length = 0; length < der.Length; length++)
            {
                Should.Throw<KeyFormatException>(() => KeyDecoder.DecodePrivateKey(der.AsSpan(0, length)), $"{file} prefix of {length} bytes");
            }
        }
    }

    [SkippableTheory]
    [InlineData("prime256v1", "orig.pem")]
    [InlineData("ed25519", "pkcs8.pem")]
    [InlineData("dsa1024", "trad.pem")]
    public void DecodePrivateKey_PemCutBeforeEndLine_ThrowsKeyFormatException(string key, string file)
    {
        byte[] pem = fixture.Read(key, file);
        string text = System.Text.Encoding.ASCII.GetString(pem);
        int end = text.LastIndexOf("-----END ", StringComparison.Ordinal) + "-----END ".Length;

        for (int length = 0; length < end; length++)
        {
            Should.Throw<KeyFormatException>(() => KeyDecoder.DecodePrivateKey(pem.AsSpan(0, length)), $"prefix of {length} bytes");
        }
    }

    [SkippableTheory]
    [MemberData(nameof(AllKeys))]
    public void DecodePublicKey_EveryProperPrefix_ThrowsKeyFormatException(string key)
    {
        byte[] der = fixture.Read(key, "spki.der");
        for (int length = 0; length < der.Length; length++)
        {
            Should.Throw<KeyFormatException>(() => KeyDecoder.DecodePublicKey(der.AsSpan(0, length)), $"prefix of {length} bytes");
        }
    }

    [SkippableTheory]
    [MemberData(nameof(AllKeys))]
    public void Decode_RandomMutations_OnlyKeyFormatException(string key)
    {
        var random = new System.Random(key.GetHashCode(StringComparison.Ordinal) ^ 0x5eed);
        foreach (string file in new[] { "pkcs8.der", "spki.der", "pkcs8.pem", "trad.der" })
        {
            byte[] original = fixture.Read(key, file);
            for (int round = 0; round < 200; round++)
            {
                byte[] mutated = KeyMutation.Mutate(original, random);
                try
                {
                    if (file.StartsWith("spki", StringComparison.Ordinal))
                    {
                        KeyDecoder.DecodePublicKey(mutated);
                    }
                    else
                    {
                        KeyDecoder.DecodePrivateKey(mutated);
                    }
                }
                catch (KeyFormatException)
                {
                }
            }
        }
    }
}
