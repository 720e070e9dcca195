using ManagedTls.X509;

namespace ManagedTls.OpenSsl;

/// <summary>FILETYPE_TEXT: the text engine's <c>openssl ... -text -noout</c> output.</summary>
public static partial class Crypto
{
    private static string CertificateText(Certificate certificate) =>
        throw new NotSupportedException("FILETYPE_TEXT for certificates is not available yet.");

    private static string RequestText(CertificationRequest request) =>
        throw new NotSupportedException("FILETYPE_TEXT for requests is not available yet.");

    private static string CrlText(CertificateRevocationList crl) =>
        throw new NotSupportedException("FILETYPE_TEXT for CRLs is not available yet.");
}
