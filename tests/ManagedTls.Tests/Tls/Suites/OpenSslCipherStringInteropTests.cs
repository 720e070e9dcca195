using ManagedTls.Tests.TestSupport;
using ManagedTls.Tls;
using ManagedTls.Tls.Suites;
using Shouldly;
using Xunit;

namespace ManagedTls.Tests.Tls.Suites;

/// <summary>
/// OpenSslCipherString against the real <c>openssl ciphers</c> for each string: the ordered list restricted to the
/// suites this library knows, without -s (the list SSL_CTX_set_cipher_list stores) and with -s -tls1_2 (after the
/// protocol and security-level filter), and the same failures ("no cipher match" / "invalid command").
/// </summary>
public class OpenSslCipherStringInteropTests
{
    [SkippableTheory]
    [InlineData("ALL")]
    [InlineData("DEFAULT")]
    [InlineData("HIGH")]
    [InlineData("HIGH:!aNULL")]
    [InlineData("HIGH:!aNULL:!MD5")]
    [InlineData("COMPLEMENTOFDEFAULT")]
    [InlineData("COMPLEMENTOFDEFAULT:ALL")]
    [InlineData("ALL:COMPLEMENTOFALL")]
    [InlineData("ECDHE")]
    [InlineData("EECDH")]
    [InlineData("kECDHE")]
    [InlineData("kEECDH")]
    [InlineData("ECDH")]
    [InlineData("DHE")]
    [InlineData("EDH")]
    [InlineData("kDHE")]
    [InlineData("kEDH")]
    [InlineData("DH")]
    [InlineData("kRSA")]
    [InlineData("RSA")]
    [InlineData("aRSA")]
    [InlineData("aECDSA")]
    [InlineData("ECDSA")]
    [InlineData("AES")]
    [InlineData("AES128")]
    [InlineData("AES256")]
    [InlineData("AESGCM")]
    [InlineData("CHACHA20")]
    [InlineData("SHA")]
    [InlineData("SHA1")]
    [InlineData("SHA256")]
    [InlineData("SHA384")]
    [InlineData("TLSv1.2")]
    [InlineData("TLSv1")]
    [InlineData("TLSv1.0")]
    [InlineData("SSLv3")]
    [InlineData("CBC")]
    [InlineData("FIPS")]
    [InlineData("ECDHE+AESGCM")]
    [InlineData("ECDHE+AESGCM:ECDHE+CHACHA20:DHE+AESGCM:DHE+CHACHA20")]
    [InlineData("EECDH+AESGCM:EDH+AESGCM")]
    [InlineData("ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384")]
    [InlineData("HIGH:@STRENGTH")]
    [InlineData("ALL:@STRENGTH")]
    [InlineData("DEFAULT:@STRENGTH")]
    [InlineData("AES128-SHA:AES256-SHA256:ECDHE-RSA-AES128-GCM-SHA256:@STRENGTH")]
    [InlineData("ALL:-AES128:AES128")]
    [InlineData("ALL:+AES128")]
    [InlineData("ALL:+kRSA")]
    [InlineData("ALL:!kRSA")]
    [InlineData("ALL:-kRSA:kRSA+AESGCM")]
    [InlineData("ALL:+TLSv1")]
    [InlineData("ALL:!TLSv1.2")]
    [InlineData("ALL:-ECDHE:+DHE:ECDHE")]
    [InlineData("DEFAULT:!SHA1:!SHA256:!SHA384")]
    [InlineData("AES128-SHA:AES256-SHA:DHE-RSA-AES128-SHA")]
    [InlineData("AES128-SHA,AES256-SHA;DHE-RSA-AES128-SHA AES128-SHA256")]
    [InlineData("AES128-SHA+RSA")]
    [InlineData("AES128-SHA+ECDHE")]
    [InlineData("FOO+AES:AES256-SHA")]
    [InlineData("HIGH!aRSA")]
    [InlineData("AES128-SHA!AES")]
    [InlineData("AES+ECDSA:AES+RSA")]
    [InlineData("ECDHE+AES128+SHA256")]
    [InlineData("ECDHE+AES+SHA")]
    [InlineData("TLSv1.2+ECDHE+AES256")]
    [InlineData("TLSv1.2+SSLv3")]
    [InlineData("AESGCM+HIGH")]
    [InlineData("CHACHA20+FIPS")]
    [InlineData("AES+FIPS+HIGH")]
    [InlineData("MEDIUM")]
    [InlineData("LOW")]
    [InlineData("eNULL")]
    [InlineData("NULL")]
    [InlineData("aNULL")]
    [InlineData("CAMELLIA")]
    [InlineData("PSK")]
    [InlineData("kPSK+AES")]
    [InlineData("ADH")]
    [InlineData("DEFAULT@SECLEVEL=3")]
    [InlineData("ALL@SECLEVEL=4")]
    [InlineData("ALL:@SECLEVEL=5")]
    [InlineData("HIGH@SECLEVEL=0")]
    [InlineData("DEFAULT:@SECLEVEL=2:!AES256")]
    [InlineData("SUITEB128")]
    [InlineData("SUITEB128ONLY")]
    [InlineData("SUITEB128C2")]
    [InlineData("SUITEB192")]
    [InlineData("DEFAULTX")]
    [InlineData("DEFAULT:!ECDSA")]
    [InlineData("HIGH:DEFAULT")]
    [InlineData("AES128-SHA:DEFAULT")]
    [InlineData("ECDHE-RSA-AES128-GCM-SHA256:-ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256")]
    [InlineData("ALL:!ECDH:ECDHE-ECDSA-AES128-SHA")]
    [InlineData("-ALL:AES128-SHA")]
    [InlineData("!AES128-SHA:AES128-SHA:AES256-SHA")]
    [InlineData("DTLSv1.2")]
    [InlineData("EDH-RSA-DES-CBC3-SHA")]
    [InlineData("AES128-SHA:(")]
    [InlineData("HIGH+")]
    [InlineData("ALL@FOO")]
    [InlineData("ALL:@SECLEVEL=6")]
    [InlineData("ALL:@SECLEVEL=12")]
    [InlineData("@STRENGTH")]
    [InlineData(":::")]
    [InlineData("aes128-sha")]
    [InlineData("TLS_AES_128_GCM_SHA256")]
    [InlineData("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")]
    [InlineData("DHE-RSA-CHACHA20-POLY1305+SHA384,kRSA,!COMPLEMENTOFDEFAULT+CBC+HIGH")]
    [InlineData("ALL:!COMPLEMENTOFDEFAULT+HIGH+AESGCM")]
    [InlineData("ALL:!HIGH+COMPLEMENTOFDEFAULT")]
    [InlineData("")]
    public void Parse_MatchesOpenSslCiphers(string cipherString) => AssertAgreesWithOpenSsl(cipherString);

    /// <summary>
    /// Seeded random strings over names, aliases, prefixes, '+' combinations, separators and @STRENGTH: the table
    /// above is what we thought of, this is what we did not (it found the strength-class quirk in '+' combinations).
    /// </summary>
    [SkippableFact]
    public void Parse_RandomStrings_MatchOpenSslCiphers()
    {
        string[] words =
        [
            "ALL", "DEFAULT", "COMPLEMENTOFDEFAULT", "COMPLEMENTOFALL", "HIGH", "MEDIUM", "FIPS", "aRSA", "aECDSA", "ECDSA",
            "kECDHE", "ECDHE", "EECDH", "kDHE", "DHE", "EDH", "kRSA", "RSA", "AES", "AES128", "AES256", "AESGCM",
            "CHACHA20", "SHA", "SHA1", "SHA256", "SHA384", "TLSv1.2", "TLSv1", "SSLv3", "CBC", "eNULL", "aNULL",
            "CAMELLIA", "PSK", "DH", "ECDH", "AESCCM", "AES128-SHA", "AES256-GCM-SHA384", "ECDHE-RSA-AES128-GCM-SHA256",
            "DHE-RSA-CHACHA20-POLY1305", "ECDHE-ECDSA-AES256-SHA384", "DHE-RSA-AES256-SHA",
        ];
        string[] prefixes = ["", "", "", "!", "-", "+"];
        string[] separators = [":", ":", ",", " ", ";"];
        var random = new System.Random(20261123);
        for (int i = 0; i < 60; i++)
        {
            var elements = new List<string>();
            int count = random.Next(1, 6);
            for (int j = 0; j < count; j++)
            {
                int combined = random.Next(4) == 0 ? random.Next(2, 4) : 1;
                var parts = new List<string>();
                for (int k = 0; k < combined; k++)
                {
                    parts.Add(words[random.Next(words.Length)]);
                }

                elements.Add(prefixes[random.Next(prefixes.Length)] + string.Join('+', parts));
            }

            if (random.Next(5) == 0)
            {
                elements.Add("@STRENGTH");
            }

            AssertAgreesWithOpenSsl(string.Join(separators[random.Next(separators.Length)], elements));
        }
    }

    private static void AssertAgreesWithOpenSsl(string cipherString)
    {
        ProcessResult all = OpenSslPeer.TryRun(null, "ciphers", "-tls1_2", "--", cipherString);
        ProcessResult supported = OpenSslPeer.TryRun(null, "ciphers", "-s", "-tls1_2", "--", cipherString);

        IReadOnlyList<TlsCipherSuite>? parsed = null;
        int? level = null;
        TlsCipherStringException? failure = null;
        try
        {
            parsed = OpenSslCipherString.Parse(cipherString, out level);
        }
        catch (TlsCipherStringException e)
        {
            failure = e;
        }

        if (all.ExitCode != 0)
        {
            failure.ShouldNotBeNull($"openssl rejected {cipherString}: {all.Stderr}");
            failure.IsInvalidCommand.ShouldBe(all.Stderr.Contains("invalid command", StringComparison.Ordinal), all.Stderr);
            failure.Message.ShouldStartWith(failure.IsInvalidCommand ? "invalid command" : "no cipher match");
            return;
        }

        List<TlsCipherSuite> expectedAll = KnownTls12(all.Stdout);
        if (expectedAll.Count == 0)
        {
            failure.ShouldNotBeNull($"openssl selected none of our suites for {cipherString}, so Parse must report no cipher match");
            failure.IsInvalidCommand.ShouldBeFalse();
            return;
        }

        failure.ShouldBeNull(cipherString);
        parsed.ShouldBe(expectedAll, cipherString);

        var filtered = new List<TlsCipherSuite>();
        foreach (TlsCipherSuite suite in parsed!)
        {
            if (TlsCipherSuites.Get(suite).IsAllowedAtSecurityLevel(level ?? 1))
            {
                filtered.Add(suite);
            }
        }

        filtered.ShouldBe(KnownTls12(supported.Stdout), $"{cipherString} with -s (security level {level ?? 1})");
    }

    /// <summary>The names openssl printed, restricted to our TLS 1.2 suites, in order.</summary>
    private static List<TlsCipherSuite> KnownTls12(string output)
    {
        var result = new List<TlsCipherSuite>();
        foreach (string name in output.Trim().Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            if (TlsCipherSuites.FindByName(name) is { IsTls13: false } info)
            {
                result.Add(info.Suite);
            }
        }

        return result;
    }
}
