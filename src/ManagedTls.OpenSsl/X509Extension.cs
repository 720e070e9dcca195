using ManagedTls.Asn1;
using ManagedTls.X509;
using ManagedTls.X509.Configuration;
using ModelExtension = ManagedTls.X509.X509Extension;

namespace ManagedTls.OpenSsl;

/// <summary>
/// pyOpenSSL's <c>OpenSSL.crypto.X509Extension</c>: one X.509 v3 extension, made from OpenSSL's configuration syntax
/// (<c>new X509Extension("basicConstraints", true, "CA:TRUE, pathlen:0")</c>) or read from a certificate or request.
/// </summary>
public sealed partial class X509Extension
{
    /// <summary>
    /// Makes an extension from OpenSSL's configuration syntax (<c>X509Extension(type_name, critical, value, subject,
    /// issuer)</c>, OpenSSL's <c>X509V3_EXT_nconf</c> without a configuration database).
    /// </summary>
    /// <param name="typeName">The extension's OpenSSL name: <c>basicConstraints</c>, <c>keyUsage</c>, <c>extendedKeyUsage</c>,
    /// <c>subjectAltName</c>, <c>subjectKeyIdentifier</c>, <c>authorityKeyIdentifier</c>, <c>nsComment</c>, ...</param>
    /// <param name="critical">Whether the extension is critical (pyOpenSSL prefixes the value with <c>critical,</c>).</param>
    /// <param name="value">The value: <c>CA:TRUE, pathlen:0</c>, <c>digitalSignature, keyEncipherment</c>,
    /// <c>serverAuth, clientAuth</c>, <c>DNS:example.com, IP:192.0.2.1, email:a@b.c, URI:http://example.com/</c>, <c>hash</c>,
    /// <c>keyid:always,issuer</c>, ...</param>
    /// <param name="subject">The certificate the extension is for (its public key for <c>subjectKeyIdentifier=hash</c>, its name for <c>email:copy</c>).</param>
    /// <param name="issuer">The issuer's certificate (for <c>authorityKeyIdentifier</c> and <c>issuerAltName=issuer:copy</c>); it must be loaded or signed.</param>
    /// <exception cref="CryptoException">
    /// OpenSSL would reject the value: entries <c>("X509 V3 routines", function, reason)</c> with OpenSSL's reasons
    /// ("unknown extension name", "invalid extension string", "bad ip address", "no issuer certificate", ...), then
    /// <c>("X509 V3 routines", "X509V3_EXT_nconf", "error in extension")</c>.
    /// </exception>
    public X509Extension(string typeName, bool critical, string value, X509? subject = null, X509? issuer = null)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        ArgumentNullException.ThrowIfNull(value);
        var context = new X509ExtensionContext
        {
            SubjectCertificate = subject?.TryGetCertificate(),
            SubjectPublicKey = subject?.TryGetPublicKey(),
            SubjectName = subject?.GetSubject().ToDistinguishedName(),
            IssuerCertificate = issuer?.TryGetCertificate(),
            IssuerPublicKey = issuer?.TryGetPublicKey(),
        };
        try
        {
            Model = X509ExtensionConfig.Create(typeName, critical ? "critical," + value : value, context);
        }
        catch (ExtensionConfigException e)
        {
            const string V3 = "X509 V3 routines";
            var entries = new List<OpenSslErrorEntry>();
            for (int i = 0; i < e.Reasons.Count; i++)
            {
                entries.Add(new OpenSslErrorEntry(V3, i == 0 ? e.Function : "X509V3_EXT_nconf", e.Reasons[i]));
            }

            entries.Add(new OpenSslErrorEntry(V3, "X509V3_EXT_nconf", "error in extension"));
            throw new CryptoException(entries, e);
        }
    }

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
