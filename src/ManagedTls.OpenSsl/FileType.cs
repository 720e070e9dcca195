namespace ManagedTls.OpenSsl;

/// <summary>pyOpenSSL's <c>FILETYPE_*</c> constants: the encoding of keys, certificates, requests and CRLs.</summary>
public enum FileType
{
    /// <summary>
    /// <c>FILETYPE_PEM</c> (1, OpenSSL's <c>SSL_FILETYPE_PEM</c>): base64 of the DER between <c>-----BEGIN ...-----</c>
    /// and <c>-----END ...-----</c> lines that name the structure.
    /// </summary>
    Pem = 1,

    /// <summary><c>FILETYPE_ASN1</c> (2, OpenSSL's <c>SSL_FILETYPE_ASN1</c>): the DER encoding itself.</summary>
    Asn1 = 2,

    /// <summary>
    /// <c>FILETYPE_TEXT</c> (2**16 − 1, a pyOpenSSL invention with no OpenSSL counterpart): the human-readable dump
    /// <c>openssl ... -text -noout</c> prints. Output only.
    /// </summary>
    Text = 65535,
}
