using System.Text;
using System.Text.Json;
using ManagedTls.Limbo;
using ManagedTls.Tests.TestSupport;
using ManagedTls.X509;
using ManagedTls.X509.Trust;
using ManagedTls.X509.Verification;
using Xunit.Abstractions;

namespace ManagedTls.Tests.X509.Verification;

/// <summary>Real server chains (x509-limbo's online::* cases) verified against the embedded Mozilla bundle instead of the case's own root.</summary>
public sealed class MozillaBundleChainTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void Verify_RealServerChains_AgainstEmbeddedMozillaRoots()
    {
        string path = SharedVectors.Require("x509-limbo/limbo.json.gz");
        using JsonDocument suite = LimboRunner.Load(path);
        var store = new TrustStore();
        store.AddCaBundle(CaBundle.Mozilla, TrustPurpose.ServerAuthentication);
        int checkedChains = 0;
        foreach (JsonElement testcase in suite.RootElement.GetProperty("testcases").EnumerateArray())
        {
            string id = testcase.GetProperty("id").GetString()!;
            if (!id.StartsWith("online::", StringComparison.Ordinal))
            {
                continue;
            }

            Certificate root = Load(testcase.GetProperty("trusted_certs")[0].GetString()!);
            if (CaBundle.Mozilla.Find(root) is null)
            {
                output.WriteLine($"{id}: root {root.Subject} is not in Mozilla {CaBundle.MozillaSourceVersion}; not checked");
                continue;
            }

            Certificate leaf = Load(testcase.GetProperty("peer_certificate").GetString()!);
            var untrusted = testcase.GetProperty("untrusted_intermediates").EnumerateArray().Select(e => Load(e.GetString()!)).ToList();
            var options = new VerificationOptions
            {
                Time = DateTimeOffset.Parse(testcase.GetProperty("validation_time").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                Purpose = VerificationPurpose.ServerAuth,
                Profile = VerificationProfile.WebPki,
            };
            options.ExpectedHostnames.Add(testcase.GetProperty("expected_peer_name").GetProperty("value").GetString()!);

            VerificationResult result = ChainVerifier.Verify(leaf, untrusted, store, options);

            output.WriteLine($"{id}: {result} via {result.Chain[^1].Subject}");
            result.IsValid.ShouldBeTrue($"{id}: {result}");
            CaBundle.Mozilla.Find(result.Chain[^1]).ShouldNotBeNull();
            checkedChains++;
        }

        checkedChains.ShouldBeGreaterThan(5);
    }

    private static Certificate Load(string pem) => Certificate.Load(Encoding.ASCII.GetBytes(pem));
}
