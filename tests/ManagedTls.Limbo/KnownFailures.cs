namespace ManagedTls.Limbo;

/// <summary>Why each remaining x509-limbo failure fails (written into docs/conformance.md by <c>--markdown</c>).</summary>
public static class KnownFailures
{
    private const string Conflict = "conflicts with the webpki case of the same name: the harness verifies with the Web PKI profile (as pyca/cryptography does), so one of the pair must fail";

    private const string CommonName = "CABF 7.1.4.3 (commonName must repeat a SAN value) is enforced only where it cannot contradict other cases (non-canonical IP text, case-only differences, A-labels absent from the SANs): many cases that must pass (rfc5280::nc::*, webpki::san::*, bettertls) carry a plain DNS or IP commonName that is not among their SANs, exactly like this one; pyca/cryptography fails it too";

    /// <summary>Reasons by case id.</summary>
    public static IReadOnlyDictionary<string, string> Reasons { get; } = new Dictionary<string, string>
    {
        ["pathlen::validation-ignores-pathlen-in-leaf"] = "the leaf is a CA (cA=TRUE, keyCertSign) without extendedKeyUsage; the Web PKI profile refuses CA certificates and EKU-less leaves in leaf position (webpki::ca-as-leaf, webpki::eku::ee-without-eku), which contradicts this RFC 5280-only expectation",
        ["rfc5280::ca-as-leaf"] = Conflict,
        ["rfc5280::eku::ee-without-eku"] = Conflict,
        ["rfc5280::nc::permitted-dns-match-noncritical"] = Conflict,
        ["rfc5280::aki::cross-signed-root-missing-aki"] = "the trusted root is used as a trust anchor, and anchors are exempt from the AKI rule (cve::cve-2024-0567 needs a trusted, cross-signed root without AKI to be accepted)",
        ["webpki::cn::not-in-san"] = CommonName,
        ["webpki::san::public-suffix-private-namespace-wildcard-san"] = "needs the Public Suffix List's PRIVATE section (s3.amazonaws.com); ManagedTls embeds no PSL, only the two-label ccTLD heuristic of NameMatcher",
    };
}
