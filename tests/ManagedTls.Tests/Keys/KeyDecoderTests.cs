// Hand-built encodings (no openssl needed): each row names the rule it breaks and the typed reason expected.
using System.Text;
using ManagedTls.Asn1;
using ManagedTls.Keys;

namespace ManagedTls.Tests.Keys;

public class KeyDecoderTests
{
    // A small valid RSA key: n = 3233 = 61 * 53, e = 17, d = 2753, with its CRT values.
    private static readonly byte[] s_n = [0x0C, 0xA1];
    private static readonly byte[] s_e = [0x11];
    private static readonly byte[] s_d = [0x0A, 0xC1];
    private static readonly byte[] s_p = [0x3D];
    private static readonly byte[] s_q = [0x35];
    private static readonly byte[] s_dp = [0x35];
    private static readonly byte[] s_dq = [0x31];
    private static readonly byte[] s_qInv = [0x26];

    // The P-256 generator, a point known to be on the curve.
    private static readonly byte[] s_p256G = Convert.FromHexString(
        "046B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C2964FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5");

    public static TheoryData<string, byte[], KeyFormatError> BadPrivateKeys => new()
    {
        { "PKCS#8 version 2 (RFC 5958 §2 defines 0 and 1)", Pkcs8(2, w => AlgorithmIdentifier(w, "1.3.101.112"), OctetInOctet(new byte[32])), KeyFormatError.UnsupportedVersion },
        { "PKCS#8 v1 with a [1] publicKey", Pkcs8(0, w => AlgorithmIdentifier(w, "1.3.101.112"), OctetInOctet(new byte[32]), publicKey: new byte[32]), KeyFormatError.UnsupportedVersion },
        { "PKCS#8 unknown algorithm", Pkcs8(0, w => AlgorithmIdentifier(w, "1.2.3.4"), OctetInOctet(new byte[32])), KeyFormatError.UnsupportedAlgorithm },
        { "Ed25519 seed of 31 bytes", Pkcs8(0, w => AlgorithmIdentifier(w, "1.3.101.112"), OctetInOctet(new byte[31])), KeyFormatError.InvalidKeyLength },
        { "X448 key of 57 bytes", Pkcs8(0, w => AlgorithmIdentifier(w, "1.3.101.111"), OctetInOctet(new byte[57])), KeyFormatError.InvalidKeyLength },
        { "Ed25519 with NULL parameters (RFC 8410 §3: absent)", Pkcs8(0, w => AlgorithmIdentifier(w, "1.3.101.112", withNull: true), OctetInOctet(new byte[32])), KeyFormatError.InvalidParameters },
        { "RSAPrivateKey version 2", RsaPrivate(2, s_n, s_e), KeyFormatError.UnsupportedVersion },
        { "RSAPrivateKey version 1 without otherPrimeInfos", RsaPrivate(1, s_n, s_e), KeyFormatError.UnsupportedVersion },
        { "RSA even modulus", RsaPrivate(0, [0x0C, 0xA2], s_e), KeyFormatError.InvalidKey },
        { "RSA zero exponent", RsaPrivate(0, s_n, [0x00]), KeyFormatError.InvalidKey },
        { "RSA primes not multiplying to n", RsaPrivate(0, [0x0C, 0xA3], s_e), KeyFormatError.Inconsistent },
        { "ECPrivateKey version 0", Sec1(0, new byte[32], "1.2.840.10045.3.1.7"), KeyFormatError.UnsupportedVersion },
        { "ECPrivateKey without curve", Sec1(1, Scalar(1), null), KeyFormatError.InvalidParameters },
        { "EC scalar zero", Sec1(1, new byte[32], "1.2.840.10045.3.1.7"), KeyFormatError.InvalidKey },
        { "EC scalar equal to the order", Sec1(1, Convert.FromHexString("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551"), "1.2.840.10045.3.1.7"), KeyFormatError.InvalidKey },
        { "EC scalar longer than the order", Sec1(1, Scalar(1, 33, lead: 1), "1.2.840.10045.3.1.7"), KeyFormatError.InvalidKeyLength },
        { "EC public point off the curve", Sec1(1, Scalar(1), "1.2.840.10045.3.1.7", OffCurve()), KeyFormatError.InvalidKey },
        { "EC unknown curve", Sec1(1, Scalar(1), "1.3.132.0.33"), KeyFormatError.UnsupportedCurve },
        { "DSAPrivateKey version 1", Dsa(1), KeyFormatError.UnsupportedVersion },
        { "EncryptedPrivateKeyInfo shape", Encrypted(), KeyFormatError.PassphraseRequired },
        { "PEM without a key", Encoding.ASCII.GetBytes("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"), KeyFormatError.NoKeyFound },
        { "Empty input", [], KeyFormatError.NoKeyFound },
        { "Trailing byte after PKCS#8", [.. Pkcs8(0, w => AlgorithmIdentifier(w, "1.3.101.112"), OctetInOctet(new byte[32])), 0x00], KeyFormatError.MalformedDer },
    };

    public static TheoryData<string, byte[], KeyFormatError> BadPublicKeys => new()
    {
        { "Unknown algorithm", Spki(w => AlgorithmIdentifier(w, "1.2.3.4"), new byte[32]), KeyFormatError.UnsupportedAlgorithm },
        { "Ed25519 key of 31 bytes", Spki(w => AlgorithmIdentifier(w, "1.3.101.112"), new byte[31]), KeyFormatError.InvalidKeyLength },
        { "X25519 with parameters", Spki(w => AlgorithmIdentifier(w, "1.3.101.110", withNull: true), new byte[32]), KeyFormatError.InvalidParameters },
        { "EC point off the curve", Spki(w => EcAlgorithm(w, "1.2.840.10045.3.1.7"), OffCurve()), KeyFormatError.InvalidKey },
        { "EC point of the wrong length", Spki(w => EcAlgorithm(w, "1.2.840.10045.3.1.7"), s_p256G[..64]), KeyFormatError.InvalidKeyLength },
        { "EC point at infinity", Spki(w => EcAlgorithm(w, "1.2.840.10045.3.1.7"), [0x00]), KeyFormatError.InvalidKeyLength },
        { "EC without parameters", Spki(w => AlgorithmIdentifier(w, "1.2.840.10045.2.1"), s_p256G), KeyFormatError.InvalidParameters },
        { "EC implicitCurve (NULL)", Spki(w => AlgorithmIdentifier(w, "1.2.840.10045.2.1", withNull: true), s_p256G), KeyFormatError.InvalidParameters },
        { "EC explicit parameters", Spki(w => ExplicitEcAlgorithm(w), s_p256G), KeyFormatError.ExplicitCurveParameters },
        { "RSA even modulus", Spki(w => AlgorithmIdentifier(w, "1.2.840.113549.1.1.1", withNull: true), RsaPublic([0x0C, 0xA2], s_e)), KeyFormatError.InvalidKey },
        { "RSA zero exponent", Spki(w => AlgorithmIdentifier(w, "1.2.840.113549.1.1.1", withNull: true), RsaPublic(s_n, [0x00])), KeyFormatError.InvalidKey },
        { "RSA with non-NULL parameters", Spki(w => EcAlgorithm(w, "1.2.840.113549.1.1.1"), RsaPublic(s_n, s_e)), KeyFormatError.InvalidParameters },
        { "PKCS#1 RSA public key, even modulus", RsaPublic([0x0C, 0xA2], s_e), KeyFormatError.InvalidKey },
        { "RSA modulus over 16384 bits (OpenSSL's cap)", RsaPublic([0x01, .. Enumerable.Repeat((byte)0xFF, 2048)], s_e), KeyFormatError.InvalidKey },
        { "DSA p over 10000 bits (OpenSSL's cap)", Spki(w => DsaAlgorithm(w, [0x01, .. Enumerable.Repeat((byte)0xFF, 1250)]), Der(w => w.WriteInteger(5))), KeyFormatError.InvalidKey },
        { "DSA without parameters", Spki(w => AlgorithmIdentifier(w, "1.2.840.10040.4.1"), Der(w => w.WriteInteger(5))), KeyFormatError.InvalidParameters },
        { "Trailing byte after SPKI", [.. Spki(w => AlgorithmIdentifier(w, "1.3.101.112"), new byte[32]), 0x00], KeyFormatError.MalformedDer },
    };

    [Theory]
    [MemberData(nameof(BadPrivateKeys))]
    public void DecodePrivateKey_InvalidEncoding_ThrowsTypedReason(string because, byte[] encoding, KeyFormatError reason)
    {
        var e = Should.Throw<KeyFormatException>(() => KeyDecoder.DecodePrivateKey(encoding), because);

        e.Reason.ShouldBe(reason, because);
    }

    [Theory]
    [MemberData(nameof(BadPublicKeys))]
    public void DecodePublicKey_InvalidEncoding_ThrowsTypedReason(string because, byte[] encoding, KeyFormatError reason)
    {
        var e = Should.Throw<KeyFormatException>(() => KeyDecoder.DecodePublicKey(encoding), because);

        e.Reason.ShouldBe(reason, because);
    }

    [Fact]
    public void DecodePrivateKey_UnknownAlgorithm_MessageNamesTheOid()
    {
        byte[] der = Pkcs8(0, w => AlgorithmIdentifier(w, "1.2.3.4.5"), OctetInOctet(new byte[32]));

        Should.Throw<KeyFormatException>(() => KeyDecoder.DecodePrivateKey(der)).Message.ShouldContain("1.2.3.4.5");
    }

    [Fact]
    public void DecodePrivateKey_SmallRsaKey_RoundTripsPkcs1AndPkcs8()
    {
        byte[] pkcs1 = RsaPrivate(0, s_n, s_e);

        var key = (RsaPrivateKey)KeyDecoder.DecodePrivateKey(pkcs1);

        key.Bits.ShouldBe(12);
        KeyEncoder.EncodeTraditional(key).ShouldBe(pkcs1);
        KeyDecoder.DecodePrivateKey(KeyEncoder.EncodePkcs8(key)).ShouldBeOfType<RsaPrivateKey>().D.ToArray().ShouldBe(s_d);
    }

    [Fact]
    public void DecodePrivateKey_Pkcs8V2WithPublicKey_UsesThePublicKey()
    {
        byte[] publicKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        byte[] der = Pkcs8(1, w => AlgorithmIdentifier(w, "1.3.101.112"), OctetInOctet(new byte[32]), publicKey);

        var key = (EcxPrivateKey)KeyDecoder.DecodePrivateKey(der);

        key.Algorithm.ShouldBe(KeyAlgorithm.Ed25519);
        key.PublicKey.Key.ToArray().ShouldBe(publicKey);
    }

    [Fact]
    public void DecodePkcs8_WithAttributes_SkipsThemAndWritesV1WithoutThem()
    {
        byte[] withAttributes = Der(w =>
        {
            using (w.PushSequence())
            {
                w.WriteInteger(0);
                AlgorithmIdentifier(w, "1.3.101.110");
                w.WriteOctetString(OctetInOctet(new byte[32]));
                using (w.PushSetOf(Asn1Tag.Context(0, true)))
                using (w.PushSequence())
                {
                    w.WriteObjectIdentifier("1.2.840.113549.1.9.20");
                    using (w.PushSetOf())
                    {
                        w.WriteNull();
                    }
                }
            }
        });
        byte[] plain = Pkcs8(0, w => AlgorithmIdentifier(w, "1.3.101.110"), OctetInOctet(new byte[32]));

        PrivateKey key = KeyDecoder.DecodePkcs8(withAttributes);

        key.Algorithm.ShouldBe(KeyAlgorithm.X25519);
        KeyEncoder.EncodePkcs8(key).ShouldBe(plain);
    }

    [Fact]
    public void DecodePkcs8_DerReaderEntryPoint_LeavesReaderAfterKey()
    {
        byte[] plain = Pkcs8(0, w => AlgorithmIdentifier(w, "1.3.101.112"), OctetInOctet(new byte[32]));
        byte[] twice = [.. plain, .. plain];

        var reader = new DerReader(twice);
        PrivateKey.DecodePkcs8(ref reader).Algorithm.ShouldBe(KeyAlgorithm.Ed25519);
        PrivateKey.DecodePkcs8(ref reader).Algorithm.ShouldBe(KeyAlgorithm.Ed25519);
        reader.HasData.ShouldBeFalse();
    }

    [Fact]
    public void EcPrivateKey_P256ScalarOnly_DerivesPublicKeyThroughProvider()
    {
        // d = 1 gives the generator.
        var key = new EcPrivateKey(EcNamedCurve.P256, Scalar(1));

        key.PublicKey.Point.ToArray().ShouldBe(s_p256G);
    }

    [Fact]
    public void EcNamedCurve_Lookups_FindByOidAndNames()
    {
        EcNamedCurve.TryGetByOid("1.3.132.0.35", out EcNamedCurve? p521).ShouldBeTrue();
        p521!.Name.ShouldBe("secp521r1");
        p521.OrderSize.ShouldBe(66);
        EcNamedCurve.TryGetByName("P-256", out EcNamedCurve? p256).ShouldBeTrue();
        p256.ShouldBeSameAs(EcNamedCurve.P256);
        EcNamedCurve.TryGetByName("secp256r1", out p256).ShouldBeTrue();
        p256.ShouldBeSameAs(EcNamedCurve.P256);
        EcNamedCurve.TryGetByName("brainpoolP512t1", out EcNamedCurve? bp).ShouldBeTrue();
        bp!.FieldBits.ShouldBe(512);
        EcNamedCurve.TryGetByOid("1.3.132.0.33", out _).ShouldBeFalse();
    }

    [Fact]
    public void PublicKey_EqualKeysFromDifferentPaths_AreEqual()
    {
        var a = new EcPublicKey(EcNamedCurve.P256, s_p256G);
        PublicKey b = KeyDecoder.DecodePublicKey(KeyEncoder.EncodeSubjectPublicKeyInfo(a));

        b.ShouldBe(a);
        b.GetHashCode().ShouldBe(a.GetHashCode());
        new EcxPublicKey(KeyAlgorithm.X25519, new byte[32]).ShouldNotBe(new EcxPublicKey(KeyAlgorithm.Ed25519, new byte[32]));
    }

    private static byte[] Der(Action<DerWriter> write)
    {
        using var w = new DerWriter();
        write(w);
        return w.ToArray();
    }

    private static void AlgorithmIdentifier(DerWriter w, string oid, bool withNull = false)
    {
        using (w.PushSequence())
        {
            w.WriteObjectIdentifier(oid);
            if (withNull)
            {
                w.WriteNull();
            }
        }
    }

    private static void EcAlgorithm(DerWriter w, string curveOrOid)
    {
        using (w.PushSequence())
        {
            w.WriteObjectIdentifier(curveOrOid.StartsWith("1.2.840.113549", StringComparison.Ordinal) ? curveOrOid : "1.2.840.10045.2.1");
            w.WriteObjectIdentifier(curveOrOid.StartsWith("1.2.840.113549", StringComparison.Ordinal) ? "1.2.840.10045.3.1.7" : curveOrOid);
        }
    }

    private static void DsaAlgorithm(DerWriter w, byte[] p)
    {
        using (w.PushSequence())
        {
            w.WriteObjectIdentifier("1.2.840.10040.4.1");
            using (w.PushSequence())
            {
                w.WriteIntegerUnsigned(p);
                w.WriteInteger(11);
                w.WriteInteger(4);
            }
        }
    }

    private static void ExplicitEcAlgorithm(DerWriter w)
    {
        using (w.PushSequence())
        {
            w.WriteObjectIdentifier("1.2.840.10045.2.1");
            using (w.PushSequence())
            {
                w.WriteInteger(1);
            }
        }
    }

    private static byte[] Pkcs8(int version, Action<DerWriter> algorithm, byte[] privateKey, byte[]? publicKey = null) => Der(w =>
    {
        using (w.PushSequence())
        {
            w.WriteInteger(version);
            algorithm(w);
            w.WriteOctetString(privateKey);
            if (publicKey is not null)
            {
                w.WriteBitString(publicKey, 0, Asn1Tag.Context(1, false));
            }
        }
    });

    private static byte[] OctetInOctet(byte[] key) => Der(w => w.WriteOctetString(key));

    private static byte[] Spki(Action<DerWriter> algorithm, byte[] key) => Der(w =>
    {
        using (w.PushSequence())
        {
            algorithm(w);
            w.WriteBitString(key);
        }
    });

    private static byte[] RsaPublic(byte[] n, byte[] e) => Der(w =>
    {
        using (w.PushSequence())
        {
            w.WriteIntegerUnsigned(n);
            w.WriteIntegerUnsigned(e);
        }
    });

    private static byte[] RsaPrivate(int version, byte[] n, byte[] e) => Der(w =>
    {
        using (w.PushSequence())
        {
            w.WriteInteger(version);
            foreach (byte[] value in new[] { n, e, s_d, s_p, s_q, s_dp, s_dq, s_qInv })
            {
                w.WriteIntegerUnsigned(value);
            }
        }
    });

    private static byte[] Sec1(int version, byte[] scalar, string? curve, byte[]? point = null) => Der(w =>
    {
        using (w.PushSequence())
        {
            w.WriteInteger(version);
            w.WriteOctetString(scalar);
            if (curve is not null)
            {
                using (w.PushExplicit(0))
                {
                    w.WriteObjectIdentifier(curve);
                }
            }

            if (point is not null)
            {
                using (w.PushExplicit(1))
                {
                    w.WriteBitString(point);
                }
            }
        }
    });

    private static byte[] Dsa(int version) => Der(w =>
    {
        using (w.PushSequence())
        {
            w.WriteInteger(version);
            foreach (int value in new[] { 23, 11, 4, 3, 2 })
            {
                w.WriteInteger(value);
            }
        }
    });

    private static byte[] Encrypted() => Der(w =>
    {
        using (w.PushSequence())
        {
            AlgorithmIdentifier(w, "1.2.840.113549.1.5.13");
            w.WriteOctetString(new byte[16]);
        }
    });

    private static byte[] Scalar(int value, int length = 32, byte lead = 0)
    {
        byte[] scalar = new byte[length];
        scalar[0] = lead;
        scalar[^1] = (byte)value;
        return scalar;
    }

    private static byte[] OffCurve()
    {
        byte[] point = (byte[])s_p256G.Clone();
        point[^1] ^= 1;
        return point;
    }
}
