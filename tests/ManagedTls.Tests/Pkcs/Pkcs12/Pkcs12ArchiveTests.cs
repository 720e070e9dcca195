using ManagedTls.Asn1;
using ManagedTls.Keys;
using ManagedTls.Pkcs.Pkcs12;
using ManagedTls.X509;

namespace ManagedTls.Tests.Pkcs.Pkcs12;

/// <summary>Round trips, typed errors and limits of the PKCS#12 model, on files OpenSSL made and on ours.</summary>
public sealed class Pkcs12ArchiveTests
{
    private static byte[] OpenSslModern() => Pkcs12Pki.Instance.OpenSslExport("-passout", "pass:secret", "-certfile", Pkcs12Pki.Instance.P("chain.pem"));

    [SkippableTheory]
    [InlineData("modern")]
    [InlineData("legacy")]
    [InlineData("nomac")]
    public void Load_WrongPassword_WrongPasswordOrBadDecrypt(string profile)
    {
        string[] args = profile switch
        {
            "legacy" => ["-legacy", "-passout", "pass:secret"],
            "nomac" => ["-nomac", "-passout", "pass:secret"],
            _ => ["-passout", "pass:secret"],
        };
        byte[] pfx = Pkcs12Pki.Instance.OpenSslExport(args);

        Pkcs12Exception e = Should.Throw<Pkcs12Exception>(() => Pkcs12Archive.Load(pfx, "wrong"));

        // With a MAC the MAC says no; without one the shrouded key's decryption does.
        e.Reason.ShouldBe(profile == "nomac" ? Pkcs12Error.BadDecrypt : Pkcs12Error.WrongPassword);
    }

    [SkippableTheory]
    [InlineData(null)]
    [InlineData("")]
    public void Load_NoPasswordForProtectedFile_WrongPassword(string? password) =>
        Should.Throw<Pkcs12Exception>(() => Pkcs12Archive.Load(OpenSslModern(), password)).Reason.ShouldBe(Pkcs12Error.WrongPassword);

    [SkippableFact]
    public void Load_TamperedMacValue_MacVerifyFailure()
    {
        byte[] pfx = OpenSslModern();
        pfx[^20] ^= 0x01; // inside the 32-byte HMAC value, before the 8-byte salt and the iteration count

        Should.Throw<Pkcs12Exception>(() => Pkcs12Archive.Load(pfx, "secret")).Reason.ShouldBe(Pkcs12Error.MacVerifyFailure);
    }

    [SkippableFact]
    public void Load_TamperedPlainContent_MacVerifyFailure()
    {
        byte[] pfx = Pkcs12Pki.Instance.OpenSslExport("-passout", "pass:secret");
        int index = pfx.AsSpan().IndexOf("p12 leaf"u8); // the subject of the leaf inside... only visible if certs are plain
        index.ShouldBe(-1);
        byte[] plain = Pkcs12Pki.Instance.OpenSslExport("-passout", "pass:secret", "-certpbe", "NONE");
        index = plain.AsSpan().IndexOf("p12 leaf"u8);
        plain[index] = (byte)'q';

        Should.Throw<Pkcs12Exception>(() => Pkcs12Archive.Load(plain, "secret")).Reason.ShouldBe(Pkcs12Error.MacVerifyFailure);
    }

    [SkippableFact]
    public void Load_EveryProperPrefix_MalformedNeverACrash()
    {
        byte[] pfx = OpenSslModern();
        for (int length = 0; length < pfx.Length; length += length < 64 ? 1 : 37)
        {
            Should.Throw<Pkcs12Exception>(() => Pkcs12Archive.Load(pfx.AsSpan(0, length), "secret"), $"prefix {length}").Reason.ShouldBe(Pkcs12Error.Malformed);
        }
    }

    [SkippableFact]
    public void Load_FlippedBytes_TypedErrorNeverACrash()
    {
        byte[] original = OpenSslModern();
        for (int i = 0; i < original.Length; i += 13)
        {
            byte[] garbled = (byte[])original.Clone();
            garbled[i] ^= 0x5A;
            try
            {
                Pkcs12Archive.Load(garbled, "secret");
            }
            catch (Pkcs12Exception)
            {
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("3003020103")]
    [InlineData("66727569742D6C6F6F7073")]
    [InlineData("300E020103300906072A864886F70D0107")]
    public void Load_Garbage_Malformed(string hex) =>
        Should.Throw<Pkcs12Exception>(() => Pkcs12Archive.Load(Convert.FromHexString(hex), "x")).Reason.ShouldBe(Pkcs12Error.Malformed);

    [Fact]
    public void Load_SignedDataAuthSafe_Unsupported()
    {
        using var w = new DerWriter();
        using (w.PushSequence())
        {
            w.WriteInteger(3);
            using (w.PushSequence())
            {
                w.WriteObjectIdentifier("1.2.840.113549.1.7.2");
            }
        }

        Should.Throw<Pkcs12Exception>(() => Pkcs12Archive.Load(w.ToArray(), "x")).Reason.ShouldBe(Pkcs12Error.UnsupportedAlgorithm);
    }

    [Fact]
    public void Load_MacIterationsAboveCap_InvalidParameters()
    {
        byte[] pfx = Pkcs12Builder.Export(null, SelfSigned(out _), null, null, "x"u8.ToArray(), Pkcs12ExportOptions.Modern(1, 5000));

        Should.Throw<Pkcs12Exception>(() => Pkcs12Archive.Load(pfx, "x", new Pkcs12LoadOptions { MaxIterationCount = 4999 })).Reason.ShouldBe(Pkcs12Error.InvalidParameters);
        Pkcs12Archive.Load(pfx, "x", new Pkcs12LoadOptions { MaxIterationCount = 5000 }).CaCertificates.Count.ShouldBe(1);
    }

    [Fact]
    public void Load_TooManyBags_LimitExceeded()
    {
        Certificate cert = SelfSigned(out _);
        byte[] pfx = Pkcs12Builder.Export(null, null, Enumerable.Repeat(cert, 20), null, "x"u8.ToArray(), Pkcs12ExportOptions.Modern(1, 1));

        Should.Throw<Pkcs12Exception>(() => Pkcs12Archive.Load(pfx, "x", new Pkcs12LoadOptions { MaxBags = 10 })).Reason.ShouldBe(Pkcs12Error.LimitExceeded);
        Pkcs12Archive.Load(pfx, "x").CaCertificates.Count.ShouldBe(20);
    }

    [Fact]
    public void Load_NestedSafeContentsDeeperThanLimit_LimitExceeded()
    {
        byte[] inner = SafeContentsWithCert(SelfSigned(out _));
        for (int i = 0; i < 5; i++)
        {
            inner = Nest(inner);
        }

        byte[] pfx = PfxWithoutMac(inner);

        Should.Throw<Pkcs12Exception>(() => Pkcs12Archive.Load(pfx, "x", new Pkcs12LoadOptions { MaxNestingDepth = 4 })).Reason.ShouldBe(Pkcs12Error.LimitExceeded);
        Pkcs12Archive archive = Pkcs12Archive.Load(pfx, "x");
        archive.CaCertificates.Count.ShouldBe(1);
        archive.Bags.Count(b => b.Kind == Pkcs12BagKind.SafeContents).ShouldBe(5);
    }

    [Fact]
    public void Load_CrlAndSecretBags_Kept()
    {
        Certificate cert = SelfSigned(out PrivateKey key);
        CertificateRevocationList crl = new CertificateRevocationListBuilder { Issuer = cert.Subject, ThisUpdate = DateTimeOffset.UtcNow }.Sign(key);
        using var w = new DerWriter();
        using (w.PushSequence())
        {
            using (w.PushSequence())
            {
                w.WriteObjectIdentifier("1.2.840.113549.1.12.10.1.4");
                using (w.PushExplicit(0))
                using (w.PushSequence())
                {
                    w.WriteObjectIdentifier("1.2.840.113549.1.9.23.1");
                    using (w.PushExplicit(0))
                    {
                        w.WriteOctetString(crl.RawData.Span);
                    }
                }
            }

            using (w.PushSequence())
            {
                w.WriteObjectIdentifier("1.2.840.113549.1.12.10.1.5");
                using (w.PushExplicit(0))
                using (w.PushSequence())
                {
                    w.WriteObjectIdentifier("1.2.3.4");
                    using (w.PushExplicit(0))
                    {
                        w.WriteOctetString("shh"u8);
                    }
                }
            }
        }

        Pkcs12Archive archive = Pkcs12Archive.Load(PfxWithoutMac(w.ToArray()), null);

        archive.Crls.ShouldBe([crl]);
        Pkcs12Bag secret = archive.Bags.Single(b => b.Kind == Pkcs12BagKind.Secret);
        secret.ValueTypeOid.ShouldBe("1.2.3.4");
        secret.RawValue.ToArray().ShouldBe(Convert.FromHexString("0403736868"));
    }

    [Theory]
    [InlineData(false, -1)]
    [InlineData(false, 1)]
    [InlineData(true, 2048)]
    public void Export_ThenLoad_SameKeyLeafCasAndName(bool legacy, int macIterations)
    {
        Certificate cert = SelfSigned(out PrivateKey key);
        Certificate other = SelfSigned(out _);
        Pkcs12ExportOptions options = legacy ? Pkcs12ExportOptions.Legacy(10, macIterations) : Pkcs12ExportOptions.Modern(10, macIterations);

        Pkcs12Archive archive = Pkcs12Archive.Load(Pkcs12Builder.Export(key, cert, [other], "name ü", "p"u8.ToArray(), options), "p");

        archive.Certificate.ShouldBe(cert);
        archive.PrivateKey!.PublicKey.ShouldBe(key.PublicKey);
        archive.CaCertificates.ShouldBe([other]);
        archive.FriendlyName.ShouldBe("name ü");
        archive.PrivateKeyBag!.LocalKeyId!.Value.ToArray().ShouldBe(archive.CertificateBag!.LocalKeyId!.Value.ToArray());
        (archive.Mac is null).ShouldBe(macIterations == -1);
    }

    [Fact]
    public void Export_KeyWithoutCertificate_LoadsKeyOnly()
    {
        SelfSigned(out PrivateKey key);
        Pkcs12Archive archive = Pkcs12Archive.Load(Pkcs12Builder.Export(key, null, null, null, "p"u8.ToArray()), "p");

        archive.PrivateKey!.PublicKey.ShouldBe(key.PublicKey);
        archive.Certificate.ShouldBeNull();
        archive.CaCertificates.ShouldBeEmpty();
    }

    [Fact]
    public void Export_CertificateWithoutKey_CertificateIsCa()
    {
        Certificate cert = SelfSigned(out _);
        Pkcs12Archive archive = Pkcs12Archive.Load(Pkcs12Builder.Export(null, cert, null, "n", "p"u8.ToArray()), "p");

        archive.Certificate.ShouldBeNull();
        archive.CaCertificates.ShouldBe([cert]);
    }

    [Fact]
    public void Export_KeyCertificateMismatch_Throws()
    {
        Certificate cert = SelfSigned(out _);
        SelfSigned(out PrivateKey otherKey);

        Should.Throw<ArgumentException>(() => Pkcs12Builder.Export(otherKey, cert, null, null, null)).Message.ShouldContain("does not match");
        Should.Throw<ArgumentException>(() => Pkcs12Builder.Export(null, null, null, null, null));
    }

    [Fact]
    public void Load_LeafChosenByPublicKeyWhenNoLocalKeyId()
    {
        Certificate cert = SelfSigned(out PrivateKey key);
        Certificate ca = SelfSigned(out _);
        using var w = new DerWriter();
        using (w.PushSequence())
        {
            WriteCert(w, ca);
            WriteCert(w, cert);
            using (w.PushSequence())
            {
                w.WriteObjectIdentifier("1.2.840.113549.1.12.10.1.1");
                using (w.PushExplicit(0))
                {
                    w.WriteEncodedValue(KeyEncoder.EncodePkcs8(key));
                }
            }
        }

        Pkcs12Archive archive = Pkcs12Archive.Load(PfxWithoutMac(w.ToArray()), "");

        archive.Certificate.ShouldBe(cert);
        archive.CaCertificates.ShouldBe([ca]);
        archive.PrivateKeyBag!.Kind.ShouldBe(Pkcs12BagKind.Key);
        archive.PrivateKeyBag.HasAttributesField.ShouldBeFalse();
    }

    internal static Certificate SelfSigned(out PrivateKey key)
    {
        key = KeyGenerator.GenerateEc(EcNamedCurve.P256);
        var builder = new CertificateBuilder
        {
            Subject = DistinguishedName.Parse("/CN=p12 test " + Guid.NewGuid().ToString("N")[..8]),
            NotBefore = DateTimeOffset.UtcNow.AddDays(-1),
            NotAfter = DateTimeOffset.UtcNow.AddDays(1),
            PublicKey = key.PublicKey,
        };
        builder.Issuer = builder.Subject;
        return builder.Sign(key);
    }

    private static void WriteCert(DerWriter w, Certificate cert)
    {
        using (w.PushSequence())
        {
            w.WriteObjectIdentifier("1.2.840.113549.1.12.10.1.3");
            using (w.PushExplicit(0))
            using (w.PushSequence())
            {
                w.WriteObjectIdentifier("1.2.840.113549.1.9.22.1");
                using (w.PushExplicit(0))
                {
                    w.WriteOctetString(cert.RawData.Span);
                }
            }
        }
    }

    private static byte[] SafeContentsWithCert(Certificate cert)
    {
        using var w = new DerWriter();
        using (w.PushSequence())
        {
            WriteCert(w, cert);
        }

        return w.ToArray();
    }

    private static byte[] Nest(byte[] safeContents)
    {
        using var w = new DerWriter();
        using (w.PushSequence())
        using (w.PushSequence())
        {
            w.WriteObjectIdentifier("1.2.840.113549.1.12.10.1.6");
            using (w.PushExplicit(0))
            {
                w.WriteEncodedValue(safeContents);
            }
        }

        return w.ToArray();
    }

    internal static byte[] PfxWithoutMac(byte[] safeContents)
    {
        using var authSafe = new DerWriter();
        using (authSafe.PushSequence())
        {
            WriteData(authSafe, safeContents);
        }

        using var w = new DerWriter();
        using (w.PushSequence())
        {
            w.WriteInteger(3);
            WriteData(w, authSafe.ToArray());
        }

        return w.ToArray();
    }

    private static void WriteData(DerWriter w, byte[] content)
    {
        using (w.PushSequence())
        {
            w.WriteObjectIdentifier("1.2.840.113549.1.7.1");
            using (w.PushExplicit(0))
            {
                w.WriteOctetString(content);
            }
        }
    }
}
