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
    /// <remarks>
    /// subjectAltName is printed as pyOpenSSL does it: <c>email:</c>, <c>DNS:</c> and <c>URI:</c> with the raw value,
    /// the other forms through <c>GENERAL_NAME_print</c> (<c>DirName:C = US, CN = x</c>, <c>othername:UPN:user@example</c>,
    /// <c>IP Address:...</c>, <c>Registered ID:...</c>) joined by <c>", "</c>.
    /// </remarks>
    public override string ToString()
    {
        if (Model.Oid == SubjectAltNameOid && TryFormatSubjectAltName(out string? text))
        {
            return text;
        }

        return Model.ToOpenSslString() ?? string.Empty;
    }

    private const string SubjectAltNameOid = "2.5.29.17";

    /// <summary>pyOpenSSL's <c>_subjectAltNameString</c>.</summary>
    private bool TryFormatSubjectAltName([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? text)
    {
        text = null;
        AlternativeNames names;
        try
        {
            names = AlternativeNames.Decode(Model.Value.Span);
        }
        catch (X509FormatException)
        {
            return false;
        }

        var parts = new List<string>(names.Names.Count);
        foreach (GeneralName name in names.Names)
        {
            string? part = name.Kind switch
            {
                GeneralNameKind.Rfc822Name => "email:" + name.Text,
                GeneralNameKind.DnsName => "DNS:" + name.Text,
                GeneralNameKind.Uri => "URI:" + name.Text,
                GeneralNameKind.DirectoryName => "DirName:" + name.DirectoryName,
                GeneralNameKind.OtherName => "othername:" + OtherNameText(name),
                _ => new ModelExtension(SubjectAltNameOid, false, new AlternativeNames([name]).Encode()).ToOpenSslString(),
            };
            if (part is null)
            {
                return false;
            }

            parts.Add(part);
        }

        text = string.Join(", ", parts);
        return true;
    }

    /// <summary>OpenSSL 3.0's <c>GENERAL_NAME_print</c> for an otherName: the string forms it knows, else <c>&lt;unsupported&gt;</c>.</summary>
    private static string OtherNameText(GeneralName name)
    {
        string? label = name.Oid switch
        {
            "1.3.6.1.4.1.311.20.2.3" => "UPN",
            "1.3.6.1.5.5.7.8.7" => "SRVName",
            "1.3.6.1.5.5.7.8.5" => "XmppAddr",
            "1.3.6.1.5.5.7.8.9" => "SmtpUTF8Mailbox",
            "1.3.6.1.5.5.7.8.8" => "NAIRealm",
            _ => null,
        };
        if (label is null || name.OtherNameValue is not { } value)
        {
            return "<unsupported>";
        }

        try
        {
            var reader = new DerReader(value.Span);
            ReadOnlySpan<byte> content = reader.ReadContent(out Asn1Header header);
            int expectedTag = label == "SRVName" ? 22 : 12; // SRVName is an IA5String, the others UTF8String
            return header.Tag == new Asn1Tag(TagClass.Universal, expectedTag)
                ? label + ":" + System.Text.Encoding.UTF8.GetString(content)
                : "<unsupported>";
        }
        catch (DecodeException)
        {
            return "<unsupported>";
        }
    }
}
