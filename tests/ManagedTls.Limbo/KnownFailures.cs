namespace ManagedTls.Limbo;

/// <summary>Why each remaining x509-limbo failure fails (written into docs/conformance.md by <c>--markdown</c>).</summary>
public static class KnownFailures
{
    private const string Conflict = "conflicts with the webpki case of the same name: the harness verifies with the Web PKI profile (as pyca/cryptography does), so one of the pair must fail";

    private const string CommonName = "CABF 7.1.4.3 (commonName must repeat a SAN value character for character) is not enforced: many other limbo cases that must pass (rfc5280::nc::*, webpki::san::*) carry a commonName that is not among their SANs, so the rule cannot be applied without failing them; pyca/cryptography fails these too";

    /// <summary>Reasons by case id.</summary>
    public static IReadOnlyDictionary<string, string> Reasons { get; } = new Dictionary<string, string>
    {
        ["pathlen::validation-ignores-pathlen-in-leaf"] = "the leaf is a CA (cA=TRUE, keyCertSign) without extendedKeyUsage; the Web PKI profile refuses CA certificates and EKU-less leaves in leaf position (webpki::ca-as-leaf, webpki::eku::ee-without-eku), which contradicts this RFC 5280-only expectation",
        ["rfc5280::ca-as-leaf"] = Conflict,
        ["rfc5280::eku::ee-without-eku"] = Conflict,
        ["rfc5280::nc::permitted-dns-match-noncritical"] = Conflict,
        ["rfc5280::aki::cross-signed-root-missing-aki"] = "the trusted root is used as a trust anchor, and anchors are exempt from the AKI rule (cve::cve-2024-0567 needs a trusted, cross-signed root without AKI to be accepted)",
        ["webpki::cn::ipv4-hex-mismatch"] = CommonName,
        ["webpki::cn::ipv4-leading-zeros-mismatch"] = CommonName,
        ["webpki::cn::ipv6-uppercase-mismatch"] = CommonName,
        ["webpki::cn::ipv6-uncompressed-mismatch"] = CommonName,
        ["webpki::cn::ipv6-non-rfc5952-mismatch"] = CommonName,
        ["webpki::cn::punycode-not-in-san"] = CommonName,
        ["webpki::cn::not-in-san"] = CommonName,
        ["webpki::cn::case-mismatch"] = CommonName,
        ["webpki::san::public-suffix-private-namespace-wildcard-san"] = "needs the Public Suffix List's PRIVATE section (s3.amazonaws.com); ManagedTls embeds no PSL, only the two-label ccTLD heuristic of NameMatcher",
    };
}
