using System.Numerics;
using ManagedTls.Keys;
using ManagedTls.X509;
using ManagedTls.X509.Configuration;

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
    /// <param name="forRequest">True for a request, which keeps no placeholder (<c>none</c>) extensions; a certificate
    /// keeps them until signing, where they suppress the default key identifiers.</param>
    public void AddTo(IList<X509Extension> extensions, Context context, bool forRequest = false)
    {
        foreach ((string name, string value) in _entries)
        {
            X509Extension extension = Create(name, value, context, _config);
            if (!forRequest || !X509ExtensionConfig.IsPlaceholder(extension))
            {
                AddReplacing(extensions, extension);
            }
        }
    }

    /// <summary>Adds <paramref name="extension"/>, first removing one of the same type (<c>X509V3_CTX_REPLACE</c>).</summary>
    /// <param name="extensions">The list.</param>
    /// <param name="extension">The new extension.</param>
    public static void AddReplacing(IList<X509Extension> extensions, X509Extension extension)
    {
        for (int i = extensions.Count - 1; i >= 0; i--)
        {
            if (extensions[i].Oid == extension.Oid)
            {
                extensions.RemoveAt(i);
            }
        }

        extensions.Add(extension);
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
        // OpenSSL's context holds the certificate being built (X509V3_set_ctx(ctx, issuer ?: cert, cert, ...)): the
        // authority key identifier and issuerAltName=issuer:copy read it, so they get a provisional signed copy.
        Certificate? provisional = context.Provisional is not null && (name is "authorityKeyIdentifier" or "X509v3 Authority Key Identifier"
            or "issuerAltName" or "X509v3 Issuer Alternative Name") ? context.Provisional() : null;
        var extensionContext = new X509ExtensionContext
        {
            IssuerCertificate = context.Issuer ?? provisional,
            SubjectCertificate = provisional,
            SubjectPublicKey = context.SubjectKey,
            IssuerPublicKey = context.Issuer?.GetPublicKey() ?? context.IssuerKey,
            SubjectName = context.Subject,
            Config = config?.Parsed as OpenSslConfig,
            Request = context.Request,
        };
        try
        {
            return X509ExtensionConfig.Create(name, value, extensionContext);
        }
        catch (ExtensionConfigException e)
        {
            throw new CommandException($"Error adding extension {name} = {value}\n{e.Message}");
        }
    }

    /// <summary>What extension values may refer to (<c>X509V3_set_ctx</c>).</summary>
    /// <param name="Issuer">The issuer certificate, or null when self-issued.</param>
    /// <param name="SubjectKey">The subject's public key.</param>
    /// <param name="IssuerKey">The issuer's public key when self-issued.</param>
    /// <param name="Subject">The subject name.</param>
    /// <param name="Serial">The serial.</param>
    internal sealed record Context(Certificate? Issuer, PublicKey SubjectKey, PublicKey? IssuerKey, DistinguishedName Subject, BigInteger Serial)
    {
        /// <summary>Signs a copy of the certificate being built (with the extensions added so far), if there is one.</summary>
        public Func<Certificate>? Provisional { get; init; }

        /// <summary>The request being turned into a certificate, if any.</summary>
        public CertificationRequest? Request { get; init; }

        /// <summary>The extensions added so far (a self-issued AKID takes the SKID from them).</summary>
        public IList<X509Extension>? Extensions { get; init; }
    }
}
