namespace ManagedTls.Pem;

/// <summary>
/// One RFC 1421 header of a legacy PEM block, such as <c>Proc-Type: 4,ENCRYPTED</c> or
/// <c>DEK-Info: AES-128-CBC,&lt;hex IV&gt;</c> in an OpenSSL "traditional" encrypted key.
/// </summary>
/// <param name="Name">The header name, without the colon.</param>
/// <param name="Value">The value with leading and trailing whitespace removed; continuation lines are joined without their line breaks and leading whitespace.</param>
public readonly record struct PemHeader(string Name, string Value)
{
    /// <summary>The <c>Proc-Type</c> header name (RFC 1421 §4.6.1.1).</summary>
    public const string ProcType = "Proc-Type";

    /// <summary>The <c>DEK-Info</c> header name (RFC 1421 §4.6.1.3).</summary>
    public const string DekInfo = "DEK-Info";

    /// <summary>The <c>Proc-Type</c> value OpenSSL writes for an encrypted traditional key.</summary>
    public const string ProcTypeEncrypted = "4,ENCRYPTED";
}
