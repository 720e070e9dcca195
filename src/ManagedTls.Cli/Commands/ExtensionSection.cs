using System.Globalization;
using System.Numerics;
using ManagedTls.Asn1;
using ManagedTls.Keys;
using ManagedTls.X509;

namespace ManagedTls.Cli;

/// <summary>
/// A section of X.509 v3 extensions in an openssl configuration (<c>-extfile</c>/<c>-extensions</c>, <c>req</c>'s
/// <c>x509_extensions</c>/<c>req_extensions</c>, <c>-addext</c> lines), turned into extensions in order, each
/// created with the issuer and subject it may refer to (<c>X509V3_EXT_add_nconf</c>).
/// </summary>
internal sealed class ExtensionSection
{
    private readonly IReadOnlyList<KeyValuePair<string, string>> _entries;
    private readonly RequestConfig? _config;

    /// <summary>Creates a section from its entries.</summary>
    /// <param name="name">The section name, for messages.</param>
    /// <param name="entries">The name = value lines.</param>
    /// <param name="config">The configuration the section is in (for @section references).</param>
    public ExtensionSection(string name, IReadOnlyList<KeyValuePair<string, string>> entries, RequestConfig? config)
    {
        Name = name;
        _entries = entries;
        _config = config;
    }

    /// <summary>The section name.</summary>
    public string Name { get; }

    /// <summary>
    /// <c>x509 -extfile F [-extensions S]</c>: the named section, or the [default] section's <c>extensions</c> value, or
    /// the unnamed (default) section.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="section">The <c>-extensions</c> argument.</param>
    /// <returns>The section.</returns>
    /// <exception cref="CommandException">The file cannot be loaded or the section is missing.</exception>
    public static ExtensionSection Load(string path, string? section)
    {
        RequestConfig config = ConfigFiles.Load(path);
        section ??= config.Get("default", "extensions") ?? "default";
        IReadOnlyList<KeyValuePair<string, string>> entries = config.Section(section)
            ?? throw new CommandException($"Error checking extension section {section}");
        return new ExtensionSection(section, entries, config);
    }

    /// <summary>The extensions of a request or certificate section named in a configuration.</summary>
    /// <param name="config">The configuration.</param>
    /// <param name="section">The section name.</param>
    /// <param name="failure">openssl's message when the section is missing.</param>
    /// <returns>The section.</returns>
    public static ExtensionSection FromConfig(RequestConfig config, string section, string failure) =>
        new(section, config.Section(section) ?? throw new CommandException($"{failure} {section}"), config);

    /// <summary>Adds the section's extensions, replacing none (a duplicate is an error at signing).</summary>
    /// <param name="extensions">The destination.</param>
    /// <param name="context">The issuer and subject the values may refer to.</param>
    /// <exception cref="CommandException">A value openssl would reject.</exception>
    public void AddTo(IList<X509Extension> extensions, Context context)
    {
        foreach ((string name, string value) in _entries)
        {
            extensions.Add(Create(name, value, context with { Extensions = extensions }, _config));
        }
    }

    /// <summary>Creates one extension from its configuration name and value (x509v3_config syntax).</summary>
    /// <param name="name">The name (short or long).</param>
    /// <param name="value">The value, optionally starting with <c>critical,</c>.</param>
    /// <param name="context">What the value may refer to.</param>
    /// <param name="config">The configuration for @section references.</param>
    /// <returns>The extension.</returns>
    /// <exception cref="CommandException">Rejected.</exception>
    public static X509Extension Create(string name, string value, Context context, RequestConfig? config)
    {
        _ = config;
        string text = value.Trim();
        bool critical = false;
        if (text.StartsWith("critical,", StringComparison.Ordinal))
        {
            critical = true;
            text = text["critical,".Length..].TrimStart();
        }

        switch (name)
        {
            case "subjectKeyIdentifier" when text == "hash":
                return new SubjectKeyIdentifier(KeyIdentifiers.Hash(KeyEncoder.EncodeSubjectPublicKeyInfo(context.SubjectKey))).ToExtension(critical);
            case "authorityKeyIdentifier":
                return AuthorityKeyIdentifierFor(text, critical, context);
            case "basicConstraints":
                return BasicConstraintsFor(text, critical);
            default:
                throw new CommandException($"Error adding extension {name} = {value}: the extension configuration parser is not in this build");
        }
    }

    private static X509Extension BasicConstraintsFor(string text, bool critical)
    {
        bool ca = false;
        int? pathLength = null;
        foreach (string item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = item.Split(':', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && parts[0] == "CA" && parts[1].ToUpperInvariant() is "TRUE" or "FALSE")
            {
                ca = parts[1].Equals("TRUE", StringComparison.OrdinalIgnoreCase);
            }
            else if (parts.Length == 2 && parts[0] == "pathlen" && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n))
            {
                pathLength = n;
            }
            else
            {
                throw new CommandException($"Error adding extension basicConstraints: invalid value {item}");
            }
        }

        return new BasicConstraints(ca, pathLength).ToExtension(critical);
    }

    // "keyid[:always], issuer[:always]" (v3_akid.c): the issuer's key identifier, else (or always) its name and serial.
    private static X509Extension AuthorityKeyIdentifierFor(string text, bool critical, Context context)
    {
        int keyid = 0, issuer = 0;
        foreach (string item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int level = item.EndsWith(":always", StringComparison.Ordinal) ? 2 : 1;
            string option = level == 2 ? item[..^":always".Length] : item;
            if (option == "keyid")
            {
                keyid = level;
            }
            else if (option == "issuer")
            {
                issuer = level;
            }
            else
            {
                throw new CommandException($"Error adding extension authorityKeyIdentifier: unknown option {item}");
            }
        }

        byte[]? id = null;
        if (keyid > 0)
        {
            if (context.Issuer?.FindExtension(Oids.SubjectKeyIdentifier) is { } skid)
            {
                id = SubjectKeyIdentifier.Decode(skid.Value.Span).KeyIdentifier.ToArray();
            }
            else if (context.Issuer is null && context.IssuerKey is not null)
            {
                // Self-issued: the subject key identifier just added, or the hash of the issuer's key.
                X509Extension? own = context.Extensions?.FirstOrDefault(e => e.Oid == Oids.SubjectKeyIdentifier);
                id = own is not null
                    ? SubjectKeyIdentifier.Decode(own.Value.Span).KeyIdentifier.ToArray()
                    : KeyIdentifiers.Hash(KeyEncoder.EncodeSubjectPublicKeyInfo(context.IssuerKey));
            }

            if (keyid == 2 && id is null)
            {
                throw new CommandException("Error adding extension authorityKeyIdentifier: unable to get issuer keyid");
            }
        }

        IReadOnlyList<GeneralName>? names = null;
        ReadOnlyMemory<byte>? serial = null;
        if (issuer == 2 || (issuer == 1 && id is null))
        {
            DistinguishedName issuerName = context.Issuer?.Issuer ?? context.Subject;
            serial = context.Issuer?.SerialNumber ?? context.Serial.ToByteArray(isUnsigned: false, isBigEndian: true);
            names = [GeneralName.Directory(issuerName)];
        }

        return new AuthorityKeyIdentifier(id, names, serial).ToExtension(critical);
    }

    /// <summary>What extension values may refer to (<c>X509V3_set_ctx</c>).</summary>
    /// <param name="Issuer">The issuer certificate, or null when self-issued.</param>
    /// <param name="SubjectKey">The subject's public key.</param>
    /// <param name="IssuerKey">The issuer's public key when self-issued.</param>
    /// <param name="Subject">The subject name.</param>
    /// <param name="Serial">The serial.</param>
    internal sealed record Context(Certificate? Issuer, PublicKey SubjectKey, PublicKey? IssuerKey, DistinguishedName Subject, BigInteger Serial)
    {
        /// <summary>The extensions added so far (a self-issued AKID takes the SKID from them).</summary>
        public IList<X509Extension>? Extensions { get; init; }
    }
}
