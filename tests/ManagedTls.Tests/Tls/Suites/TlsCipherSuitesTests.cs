using System.Globalization;
using ManagedTls.Crypto;
using ManagedTls.Tests.TestSupport;
using ManagedTls.Tls;
using ManagedTls.Tls.Suites;
using Shouldly;
using Xunit;

namespace ManagedTls.Tests.Tls.Suites;

public class TlsCipherSuitesTests
{
    private const string AllTls13 = "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:TLS_AES_128_CCM_SHA256:TLS_AES_128_CCM_8_SHA256";

    [Fact]
    public void All_CoversEveryEnumMemberButNullAndSignallingValues()
    {
        var notSuites = new HashSet<TlsCipherSuite>
        {
            TlsCipherSuite.TLS_NULL_WITH_NULL_NULL,
            TlsCipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV,
            TlsCipherSuite.TLS_FALLBACK_SCSV,
        };
        foreach (TlsCipherSuite suite in Enum.GetValues<TlsCipherSuite>())
        {
            if (notSuites.Contains(suite))
            {
                TlsCipherSuites.Find(suite).ShouldBeNull();
                Should.Throw<ArgumentException>(() => TlsCipherSuites.Get(suite));
            }
            else
            {
                TlsCipherSuites.Get(suite).Suite.ShouldBe(suite);
            }
        }

        TlsCipherSuites.All.Count.ShouldBe(Enum.GetValues<TlsCipherSuite>().Length - notSuites.Count);
        TlsCipherSuites.All.Select(i => (ushort)i.Suite).ShouldBeInOrder(SortDirection.Ascending);
    }

    [Fact]
    public void Find_UnknownCodePoint_ReturnsNull()
    {
        TlsCipherSuites.Find((TlsCipherSuite)0xC0AC).ShouldBeNull();
        TlsCipherSuites.FindByName("ECDHE-ECDSA-AES128-CCM").ShouldBeNull();
        TlsCipherSuites.FindByName("ecdhe-rsa-aes128-gcm-sha256").ShouldBeNull();
    }

    /// <summary>
    /// Code point, IANA name, OpenSSL name and the whole <c>-v</c> description of every known suite, against
    /// <c>openssl ciphers -stdname -V</c> (which prints all four on one line).
    /// </summary>
    [SkippableFact]
    public void Names_and_descriptions_match_openssl_ciphers_stdname_V()
    {
        string output = OpenSslPeer.Run("ciphers", "-stdname", "-V", "-ciphersuites", AllTls13, "ALL:COMPLEMENTOFALL").Stdout;
        var seen = new HashSet<TlsCipherSuite>();
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // "          0xC0,0x2C - TLS_ECDHE_... (padded to 45) - ECDHE-ECDSA-AES256-GCM-SHA384  TLSv1.2 Kx=..."
            string trimmed = line.TrimStart();
            ushort id = (ushort)((byte.Parse(trimmed.AsSpan(2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) << 8)
                | byte.Parse(trimmed.AsSpan(7, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            string rest = trimmed[12..];
            string standardName = rest[..45].TrimEnd();
            string description = rest[48..];
            TlsCipherSuiteInfo? info = TlsCipherSuites.Find((TlsCipherSuite)id);
            if (info is null)
            {
                TlsCipherSuites.FindByName(standardName).ShouldBeNull();
                continue;
            }

            seen.Add(info.Suite);
            info.IanaName.ShouldBe(standardName);
            info.Description.ShouldBe(description);
            info.OpenSslName.ShouldBe(description[..30].TrimEnd());
            TlsCipherSuites.FindByName(info.OpenSslName).ShouldBeSameAs(info);
            TlsCipherSuites.FindByName(info.IanaName).ShouldBeSameAs(info);
        }

        seen.Count.ShouldBe(TlsCipherSuites.All.Count, "every suite of the registry appears in openssl's list");
    }

    public static TheoryData<TlsCipherSuite, HashAlgorithmId, HashAlgorithmId?, int, int, int, int, int> Sizes => new()
    {
        // suite, hash, mac hash, key, fixed IV, record IV, MAC key, strength
        { TlsCipherSuite.TLS_AES_128_GCM_SHA256, HashAlgorithmId.Sha256, null, 16, 12, 0, 0, 128 },
        { TlsCipherSuite.TLS_AES_256_GCM_SHA384, HashAlgorithmId.Sha384, null, 32, 12, 0, 0, 256 },
        { TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256, HashAlgorithmId.Sha256, null, 32, 12, 0, 0, 256 },
        { TlsCipherSuite.TLS_AES_128_CCM_8_SHA256, HashAlgorithmId.Sha256, null, 16, 12, 0, 0, 128 },
        { TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, HashAlgorithmId.Sha256, null, 16, 4, 8, 0, 128 },
        { TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, HashAlgorithmId.Sha384, null, 32, 4, 8, 0, 256 },
        { TlsCipherSuite.TLS_DHE_RSA_WITH_AES_256_GCM_SHA384, HashAlgorithmId.Sha384, null, 32, 4, 8, 0, 256 },
        { TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, HashAlgorithmId.Sha256, null, 32, 12, 0, 0, 256 },
        { TlsCipherSuite.TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256, HashAlgorithmId.Sha256, null, 32, 12, 0, 0, 256 },
        { TlsCipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, HashAlgorithmId.Sha256, HashAlgorithmId.Sha1, 16, 16, 0, 20, 128 },
        { TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384, HashAlgorithmId.Sha384, HashAlgorithmId.Sha384, 32, 16, 0, 48, 256 },
        { TlsCipherSuite.TLS_DHE_RSA_WITH_AES_128_CBC_SHA256, HashAlgorithmId.Sha256, HashAlgorithmId.Sha256, 16, 16, 0, 32, 128 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Sizes_FollowTheDefiningRfcs(TlsCipherSuite suite, HashAlgorithmId hash, HashAlgorithmId? macHash, int key, int fixedIv, int recordIv, int macKey, int strength)
    {
        TlsCipherSuiteInfo info = TlsCipherSuites.Get(suite);
        info.Hash.ShouldBe(hash);
        info.MacHash.ShouldBe(macHash);
        info.KeyLength.ShouldBe(key);
        info.FixedIvLength.ShouldBe(fixedIv);
        info.RecordIvLength.ShouldBe(recordIv);
        info.MacKeyLength.ShouldBe(macKey);
        info.StrengthBits.ShouldBe(strength);
    }

    [Fact]
    public void Flags_AreConsistentWithTheSuiteShape()
    {
        foreach (TlsCipherSuiteInfo info in TlsCipherSuites.All)
        {
            bool cbc = info.Bulk is TlsBulkCipher.Aes128Cbc or TlsBulkCipher.Aes256Cbc;
            bool ccm = info.Bulk is TlsBulkCipher.Aes128Ccm or TlsBulkCipher.Aes128Ccm8;
            info.IsAead.ShouldBe(!cbc, info.IanaName);
            (info.Aead is null).ShouldBe(cbc || ccm, info.IanaName);
            info.IsTls13.ShouldBe(info.IanaName is ['T', 'L', 'S', '_', 'A' or 'C', ..], info.IanaName);
            info.IsOffByDefault.ShouldBe(cbc || info.KeyExchange == TlsKeyExchange.Rsa, info.IanaName);
            info.IsImplemented.ShouldBe(!cbc && !ccm && info.KeyExchange != TlsKeyExchange.Rsa, info.IanaName);
            info.MaxVersion.ShouldBe(info.IsTls13 ? TlsProtocolVersion.Tls13 : TlsProtocolVersion.Tls12);
            (info.KeyExchange == TlsKeyExchange.Any).ShouldBe(info.IsTls13);
            (info.Authentication == TlsAuthentication.Any).ShouldBe(info.IsTls13);
            info.ToString().ShouldBe(info.OpenSslName);
        }
    }

    [Fact]
    public void DefaultTls12_IsOpenSslDefaultRestrictedToForwardSecretAead()
    {
        var expected = new List<TlsCipherSuite>();
        foreach (TlsCipherSuite suite in OpenSslCipherString.Parse("DEFAULT"))
        {
            TlsCipherSuiteInfo info = TlsCipherSuites.Get(suite);
            if (info.IsAead && !info.IsOffByDefault)
            {
                expected.Add(suite);
            }
        }

        TlsCipherSuites.DefaultTls12.ShouldBe(expected);
        foreach (TlsCipherSuite suite in TlsCipherSuites.DefaultTls12)
        {
            TlsCipherSuites.Get(suite).IsImplemented.ShouldBeTrue();
        }
    }

    [SkippableFact]
    public void DefaultTls13_IsOpenSslDefaultCiphersuites()
    {
        string output = OpenSslPeer.Run("ciphers", "-s", "-tls1_3").Stdout.Trim();
        string.Join(':', TlsCipherSuites.DefaultTls13).ShouldBe(output);
    }
}
