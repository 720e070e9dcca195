using ManagedTls.Asn1;
using ModelExtension = ManagedTls.X509.X509Extension;

namespace ManagedTls.OpenSsl;

/// <summary>
/// pyOpenSSL's <c>OpenSSL.crypto.X509Extension</c>: one X.509 v3 extension, made from OpenSSL's configuration syntax
/// (<c>new X509Extension("basicConstraints", true, "CA:TRUE, pathlen:0")</c>) or read from a certificate or request.
/// </summary>
public sealed partial class X509Extension
{
    /// <summary>Wraps a ManagedTls extension (an addition).</summary>
    /// <param name="extension">The extension.</param>
    public X509Extension(ModelExtension extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        Model = extension;
    }

    /// <summary>The ManagedTls extension (OID, criticality, extnValue).</summary>
    public ModelExtension Model { get; }

    /// <summary>OpenSSL's short name of the extension type (<c>get_short_name</c>): <c>basicConstraints</c>, <c>subjectAltName</c>; <c>UNDEF</c> for an OID OpenSSL does not name.</summary>
    /// <returns>The short name.</returns>
    public string GetShortName() => OidRegistry.TryGetByDotted(Model.Oid, out OidInfo? info) ? info.ShortName : "UNDEF";

    /// <summary>The extnValue octets (<c>get_data</c>): the DER of the extension's own structure.</summary>
    /// <returns>A copy of the bytes.</returns>
    public byte[] GetData() => Model.Value.ToArray();

    /// <summary>The critical flag (<c>get_critical</c>).</summary>
    /// <returns>True when critical.</returns>
    public bool GetCritical() => Model.Critical;

    /// <summary>
    /// The extension as OpenSSL prints it (<c>str()</c>, <c>X509V3_EXT_print</c> with no indent): <c>CA:TRUE, pathlen:0</c>,
    /// <c>Digital Signature, Key Encipherment</c>, <c>DNS:example.com, IP Address:192.0.2.1</c>, ... An extension OpenSSL
    /// cannot print gives the empty string (pyOpenSSL raises <c>crypto.Error</c> there).
    /// </summary>
    /// <returns>The text.</returns>
    public override string ToString() => Model.ToOpenSslString() ?? string.Empty;
}
