using ManagedTls.Tests.TestSupport;
using ManagedTls.X509;

namespace ManagedTls.Tests.X509;

/// <summary>Asks the openssl binary what it prints for a certificate, and what ManagedTls prints for the same fields.</summary>
internal static class OpenSslX509
{
    /// <summary>The fields compared for every certificate, in the order openssl prints them.</summary>
    public static readonly string[] Fields =
        ["-subject", "-issuer", "-serial", "-subject_hash", "-subject_hash_old", "-issuer_hash", "-startdate", "-enddate", "-fingerprint"];

    public static ProcessResult TryPrint(byte[] der, params string[] options) =>
        OpenSslPeer.TryRun(der, ["x509", "-inform", "DER", "-noout", .. options]);

    public static string Print(byte[] der, params string[] options) =>
        OpenSslPeer.RunWithInput(der, ["x509", "-inform", "DER", "-noout", .. options]).Stdout;

    /// <summary>What openssl prints for <see cref="Fields"/> plus <c>-sha256</c>.</summary>
    public static string PrintFields(byte[] der) => Print(der, [.. Fields, "-sha256"]);

    /// <summary>The same text, produced by ManagedTls.</summary>
    public static string Describe(Certificate certificate) =>
        $"subject={certificate.Subject}\n" +
        $"issuer={certificate.Issuer}\n" +
        $"serial={OpenSslText.FormatInteger(certificate.SerialNumber.Span)}\n" +
        $"{certificate.SubjectNameHash:x8}\n" +
        $"{certificate.SubjectNameHashOld:x8}\n" +
        $"{certificate.IssuerNameHash:x8}\n" +
        $"notBefore={OpenSslText.FormatTime(certificate.NotBefore)}\n" +
        $"notAfter={OpenSslText.FormatTime(certificate.NotAfter)}\n" +
        $"sha256 Fingerprint={OpenSslText.FormatFingerprint(certificate.GetDigest(ManagedTls.Crypto.HashAlgorithmId.Sha256))}\n";

    /// <summary>Both one-line forms and the RFC 2253 form as openssl prints them with <c>-nameopt</c>.</summary>
    public static string PrintNameForms(byte[] der) =>
        Print(der, "-nameopt", "compat", "-subject", "-issuer") +
        Print(der, "-nameopt", "RFC2253", "-subject", "-issuer") +
        Print(der, "-nameopt", "multiline,-esc_msb,utf8", "-subject");

    public static string DescribeNameForms(Certificate certificate) =>
        $"subject={certificate.Subject.ToOneLineString()}\n" +
        $"issuer={certificate.Issuer.ToOneLineString()}\n" +
        $"subject={certificate.Subject.Format(X509NameFormatFlags.Rfc2253)}\n" +
        $"issuer={certificate.Issuer.Format(X509NameFormatFlags.Rfc2253)}\n" +
        $"subject=\n{certificate.Subject.Format((X509NameFormatFlags.Multiline & ~X509NameFormatFlags.EscapeMsb) | X509NameFormatFlags.Utf8Convert, 4)}\n";
}
