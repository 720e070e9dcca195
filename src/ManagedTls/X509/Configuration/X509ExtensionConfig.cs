using ManagedTls.Asn1;

namespace ManagedTls.X509.Configuration;

/// <summary>
/// Builds extensions from OpenSSL's <c>x509v3_config(5)</c> value syntax, producing the DER OpenSSL 3.0 produces for
/// the same <c>name = value</c> line (as in <c>openssl req -addext</c> or an extensions section).
/// </summary>
/// <remarks>
/// <para>Supported names (short, or long such as <c>X509v3 Basic Constraints</c>): basicConstraints, keyUsage,
/// extendedKeyUsage, subjectAltName, issuerAltName, subjectKeyIdentifier, authorityKeyIdentifier,
/// crlDistributionPoints, freshestCRL, authorityInfoAccess, subjectInfoAccess, certificatePolicies,
/// policyConstraints, inhibitAnyPolicy, nameConstraints, policyMappings, tlsfeature, nsCertType, nsComment and the
/// other Netscape IA5String extensions (nsBaseUrl, nsRevocationUrl, nsCaRevocationUrl, nsRenewalUrl, nsCaPolicyUrl,
/// nsSslServerName), and noCheck. Any name or dotted OID takes <c>DER:hex</c> or <c>ASN1:generator-string</c>
/// (ASN1_generate_nconf syntax: BOOLEAN, NULL, INTEGER, ENUMERATED, OBJECT, UTCTIME, GENERALIZEDTIME, OCTETSTRING, BITSTRING,
/// UTF8String, IA5STRING, PRINTABLESTRING, VISIBLESTRING, T61STRING, NUMERICSTRING, BMPSTRING, UNIVERSALSTRING,
/// GeneralString, SEQUENCE and SET from a section, with the EXPLICIT, IMPLICIT, OCTWRAP, SEQWRAP, SETWRAP, BITWRAP and
/// FORMAT (ASCII, UTF8, HEX, BITLIST) modifiers). A leading <c>critical,</c> marks the
/// extension critical. Values starting with <c>@</c> name a section of <see cref="X509ExtensionContext.Config"/>.</para>
/// <para>Errors are <see cref="ExtensionConfigException"/> carrying OpenSSL's reason strings.</para>
/// </remarks>
public static partial class X509ExtensionConfig
{
    private delegate byte[] Handler(Request request, string value);

    private static readonly Dictionary<string, (string Oid, Handler Handler)> s_handlers = new(StringComparer.Ordinal)
    {
        ["basicConstraints"] = (Oids.BasicConstraints, List(BasicConstraintsValue)),
        ["keyUsage"] = (Oids.KeyUsage, List(KeyUsageValue)),
        ["extendedKeyUsage"] = (Oids.ExtKeyUsage, List(ExtendedKeyUsageValue)),
        ["subjectAltName"] = ("2.5.29.17", List(SubjectAltNameValue)),
        ["issuerAltName"] = ("2.5.29.18", List(IssuerAltNameValue)),
        ["subjectKeyIdentifier"] = ("2.5.29.14", SubjectKeyIdentifierValue),
        ["authorityKeyIdentifier"] = ("2.5.29.35", List(AuthorityKeyIdentifierValue)),
        ["crlDistributionPoints"] = ("2.5.29.31", List(DistributionPointsValue)),
        ["freshestCRL"] = ("2.5.29.46", List(DistributionPointsValue)),
        ["authorityInfoAccess"] = ("1.3.6.1.5.5.7.1.1", List(InfoAccessValue)),
        ["subjectInfoAccess"] = ("1.3.6.1.5.5.7.1.11", List(InfoAccessValue)),
        ["certificatePolicies"] = ("2.5.29.32", CertificatePoliciesValue),
        ["policyConstraints"] = ("2.5.29.36", List(PolicyConstraintsValue)),
        ["inhibitAnyPolicy"] = ("2.5.29.54", InhibitAnyPolicyValue),
        ["nameConstraints"] = ("2.5.29.30", List(NameConstraintsValue)),
        ["policyMappings"] = ("2.5.29.33", List(PolicyMappingsValue)),
        ["tlsfeature"] = ("1.3.6.1.5.5.7.1.24", List(TlsFeatureValue)),
        ["nsCertType"] = ("2.16.840.1.113730.1.1", List(NetscapeCertTypeValue)),
        ["nsComment"] = ("2.16.840.1.113730.1.13", Ia5StringValue),
        ["nsBaseUrl"] = ("2.16.840.1.113730.1.2", Ia5StringValue),
        ["nsRevocationUrl"] = ("2.16.840.1.113730.1.3", Ia5StringValue),
        ["nsCaRevocationUrl"] = ("2.16.840.1.113730.1.4", Ia5StringValue),
        ["nsRenewalUrl"] = ("2.16.840.1.113730.1.7", Ia5StringValue),
        ["nsCaPolicyUrl"] = ("2.16.840.1.113730.1.8", Ia5StringValue),
        ["nsSslServerName"] = ("2.16.840.1.113730.1.12", Ia5StringValue),
        ["noCheck"] = ("1.3.6.1.5.5.7.48.1.5", NoCheckValue),
    };

    /// <summary>Builds an extension; a leading <c>critical,</c> in <paramref name="value"/> makes it critical.</summary>
    /// <param name="name">The extension's OpenSSL short or long name (or a dotted OID with <c>DER:</c>/<c>ASN1:</c>).</param>
    /// <param name="value">The value in x509v3_config syntax.</param>
    /// <param name="context">Certificates, keys and configuration the value may refer to.</param>
    /// <returns>The extension.</returns>
    /// <exception cref="ExtensionConfigException">OpenSSL would reject the line; the exception carries its reason.</exception>
    public static X509Extension Create(string name, string value, X509ExtensionContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        string rest = value;
        bool critical = false;
        if (rest.StartsWith("critical,", StringComparison.Ordinal))
        {
            critical = true;
            rest = rest[9..].TrimStart(' ', '\t', '\n', '\v', '\f', '\r');
        }

        return Build(name, critical, rest, value, context);
    }

    /// <summary>Builds an extension with the criticality given separately (a <c>critical,</c> prefix still counts).</summary>
    /// <param name="name">The extension's OpenSSL short or long name (or a dotted OID with <c>DER:</c>/<c>ASN1:</c>).</param>
    /// <param name="critical">Whether the extension is critical.</param>
    /// <param name="value">The value in x509v3_config syntax.</param>
    /// <param name="context">Certificates, keys and configuration the value may refer to.</param>
    /// <returns>The extension.</returns>
    /// <exception cref="ExtensionConfigException">OpenSSL would reject the line; the exception carries its reason.</exception>
    public static X509Extension Create(string name, bool critical, string value, X509ExtensionContext? context = null)
    {
        X509Extension extension = Create(name, value, context);
        return critical && !extension.Critical ? new X509Extension(extension.Oid, true, extension.Value.Span) : extension;
    }

    /// <summary>
    /// True for the empty values OpenSSL produces and then leaves out of the certificate: subjectKeyIdentifier
    /// <c>none</c> (an empty OCTET STRING) and an authorityKeyIdentifier with nothing in it (<c>none</c>, or
    /// <c>keyid</c> on a self-signed certificate). A front end mirroring <c>openssl req</c>/<c>x509</c> skips these.
    /// </summary>
    /// <param name="extension">An extension from <see cref="Create(string, string, X509ExtensionContext?)"/>.</param>
    /// <returns>True when OpenSSL would not add the extension.</returns>
    public static bool IsPlaceholder(X509Extension extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        ReadOnlySpan<byte> value = extension.Value.Span;
        return (extension.Oid == "2.5.29.14" && value.SequenceEqual((ReadOnlySpan<byte>)[0x04, 0x00]))
            || (extension.Oid == "2.5.29.35" && value.SequenceEqual((ReadOnlySpan<byte>)[0x30, 0x00]));
    }

    private static X509Extension Build(string name, bool critical, string value, string original, X509ExtensionContext? context)
    {
        var request = new Request(name, context ?? new X509ExtensionContext());
        try
        {
            if (value.StartsWith("DER:", StringComparison.Ordinal) || value.StartsWith("ASN1:", StringComparison.Ordinal))
            {
                return Generic(request, name, critical, value);
            }

            string? key = ResolveName(name);
            if (key is null)
            {
                throw Failure.Make(OidRegistry.TryGetByName(name, out _) ? "unknown extension" : "unknown extension name", "do_ext_nconf", string.Empty);
            }

            (string oid, Handler handler) = s_handlers[key];
            return new X509Extension(oid, critical, handler(request with { ShortName = key }, value));
        }
        catch (Failure failure)
        {
            throw new ExtensionConfigException([.. failure.Reasons], failure.Function, failure.Detail, name, original);
        }
    }

    private static string? ResolveName(string name)
    {
        if (s_handlers.ContainsKey(name))
        {
            return name;
        }

        // Long names (X509v3 Basic Constraints, Netscape Comment, ...) as a convenience beyond OBJ_sn2nid.
        if (OidRegistry.TryGetByName(name, out OidInfo? info) && s_handlers.ContainsKey(info.ShortName))
        {
            return info.ShortName;
        }

        return null;
    }

    private static X509Extension Generic(Request request, string name, bool critical, string value)
    {
        string oid = ResolveOid(name) ?? throw Failure.Make("extension name error", "v3_generic_extension", $"name={name}");
        if (value.StartsWith("DER:", StringComparison.Ordinal))
        {
            string hex = value[4..].TrimStart(' ', '\t', '\n', '\v', '\f', '\r');
            byte[] der = Hex.Decode(hex) ?? throw Failure.Make(Hex.LastError(hex), "hexstr2buf_sep", string.Empty).Then("extension value error");
            return new X509Extension(oid, critical, der);
        }

        string spec = value[5..].TrimStart(' ', '\t', '\n', '\v', '\f', '\r');
        try
        {
            return new X509Extension(oid, critical, Asn1Generator.Generate(spec, request.Context.Config));
        }
        catch (Failure failure)
        {
            throw failure.Then("extension value error");
        }
    }

    /// <summary><c>OBJ_txt2obj(s, 0)</c>: a short name, a long name or a dotted OID.</summary>
    internal static string? ResolveOid(string text)
    {
        if (OidRegistry.TryGetByName(text, out OidInfo? info))
        {
            return info.Dotted;
        }

        return IsDottedOid(text) ? text : null;
    }

    private static bool IsDottedOid(string text)
    {
        string[] arcs = text.Split('.');
        if (arcs.Length < 2 || arcs.Any(a => a.Length == 0 || !a.All(char.IsAsciiDigit)))
        {
            return false;
        }

        if (arcs[0] is not ("0" or "1" or "2"))
        {
            return false;
        }

        try
        {
            using var writer = new DerWriter();
            writer.WriteObjectIdentifier(text);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The list form (<c>v2i</c>): <c>@section</c> reads a configuration section, anything else is a value list.</summary>
    private static Handler List(Func<Request, List<ConfValue>, byte[]> v2i) => (request, value) =>
    {
        List<ConfValue>? values;
        try
        {
            values = value.StartsWith('@') ? request.Section(value[1..], optional: true) : ConfValue.ParseList(value);
        }
        catch (Failure failure)
        {
            throw failure.Then("invalid extension string");
        }

        if (values is null || values.Count == 0)
        {
            throw Failure.Make("invalid extension string", "do_ext_nconf", $"name={request.ShortName},section={value}");
        }

        return v2i(request, values);
    };

    /// <summary>The state one Create call shares with its handlers.</summary>
    private sealed record Request(string Name, X509ExtensionContext Context)
    {
        public string ShortName { get; init; } = Name;

        /// <summary><c>X509V3_get_section</c>.</summary>
        public List<ConfValue>? Section(string section, bool optional = false)
        {
            if (Context.Config is null)
            {
                throw Failure.Make("operation not defined", "X509V3_get_section", string.Empty);
            }

            IReadOnlyList<KeyValuePair<string, string>>? pairs = Context.Config.GetSection(section);
            if (pairs is null)
            {
                return optional ? null : throw Failure.Make("section not found", "X509V3_get_section", $"section={section}");
            }

            var list = new List<ConfValue>(pairs.Count);
            foreach (KeyValuePair<string, string> pair in pairs)
            {
                list.Add(new ConfValue(pair.Key, pair.Value));
            }

            return list;
        }
    }
}
