using System.Globalization;
using System.Numerics;
using ManagedTls.Keys;
using ManagedTls.Pem;
using ManagedTls.X509;

namespace ManagedTls.Cli;

/// <summary>
/// <c>mtls ca</c>, the CRL half of OpenSSL 3.0's <c>openssl ca</c>: <c>-revoke</c> records a certificate as revoked in
/// the <c>index.txt</c> database (with <c>-crl_reason</c>, <c>-crl_compromise</c>, <c>-crl_CA_compromise</c>), and
/// <c>-gencrl</c> signs a CRL from it (<c>-crldays</c>/<c>-crlhours</c>/<c>-crlsec</c>, the <c>crlnumber</c> file,
/// <c>crl_extensions</c>), reading the <c>-config</c> CA section (<c>database</c>, <c>certificate</c>,
/// <c>private_key</c>, <c>default_md</c>, <c>default_crl_days</c>/<c>hours</c>, <c>crlnumber</c>).
/// </summary>
/// <remarks>Signing requests (the certificate half), <c>-valid</c>, <c>-status</c>, <c>-updatedb</c> and <c>-crl_hold</c>
/// are not offered: they fail with a message saying so. A <c>-config</c> is required (no demoCA defaults).</remarks>
internal sealed partial class CaCommand : ICommand
{
    public string Name => "ca";

    public string Summary => "Certificate Authority (CA) Management";

    public int Run(ReadOnlySpan<string> args, CommandContext context)
    {
        var s = new Settings();
        WildcardOptions options = Declare(s, context);
        options.Parse(args, context.Error);
        if (options.Set.HelpRequested)
        {
            return 0;
        }

        if (options.Set.Positionals.Count > 0)
        {
            s.Unsupported = "signing certificate requests";
        }

        if (s.Unsupported is not null)
        {
            throw new CommandException($"{Name}: {s.Unsupported} is not supported by mtls");
        }

        string configPath = s.ConfigFile ?? Environment.GetEnvironmentVariable("OPENSSL_CONF")
            ?? throw new CommandException($"{Name}: -config is required by mtls (the demoCA defaults of openssl.cnf are not built in)");
        context.Error.WriteLine($"Using configuration from {configPath}");
        RequestConfig config = ConfigFiles.Load(configPath);
        string section = s.Section ?? config.Get("ca", "default_ca")
            ?? throw new CommandException("variable lookup failed for ca::default_ca");
        if (s.RevokeFile is null && !s.GenerateCrl)
        {
            throw new CommandException($"{Name}: mtls ca offers -gencrl and -revoke only (no certificate requests were signed)");
        }

        string database = Lookup(config, section, "database");
        var db = CaDatabase.Load(database);
        if (s.RevokeFile is not null)
        {
            Certificate certificate = X509Files.LoadCertificate(context, s.RevokeFile, X509Files.Format.Any);
            db.Revoke(certificate, s.RevocationInfo, context.Error);
            db.Save(database);
            context.Error.WriteLine("Database updated");
        }

        if (s.GenerateCrl)
        {
            GenerateCrl(s, config, section, db, context);
        }

        return 0;
    }

    private static string Lookup(RequestConfig config, string section, string name) =>
        config.Get(section, name) ?? throw new CommandException($"variable lookup failed for {section}::{name}");

    private void GenerateCrl(Settings s, RequestConfig config, string section, CaDatabase db, CommandContext context)
    {
        byte[]? password = PasswordSource.Resolve(s.PassIn, context) ?? (s.Key is null ? null : System.Text.Encoding.UTF8.GetBytes(s.Key));
        string keyFile = s.KeyFile ?? Lookup(config, section, "private_key");
        PrivateKey key = X509Files.LoadPrivateKey(context, keyFile, "CA private key", password);
        Certificate caCertificate = X509Files.LoadCertificate(context, s.CertFile ?? Lookup(config, section, "certificate"), X509Files.Format.Any, "CA certificate");
        if (!key.PublicKey.Equals(caCertificate.GetPublicKey()))
        {
            throw new CommandException("CA certificate and CA private key do not match");
        }

        string digest = s.Digest ?? Lookup(config, section, "default_md");
        // Any of -crldays/-crlhours/-crlsec replaces both configuration defaults.
        bool given = s.CrlDays is not null || s.CrlHours is not null || s.CrlSeconds is not null;
        long days = given ? s.CrlDays ?? 0 : ParseNumber(config.Get(section, "default_crl_days"));
        long hours = given ? s.CrlHours ?? 0 : ParseNumber(config.Get(section, "default_crl_hours"));
        long seconds = s.CrlSeconds ?? 0;
        if (days == 0 && hours == 0 && seconds == 0)
        {
            throw new CommandException("cannot lookup how long until the next CRL is issued");
        }

        string? crlNumberFile = config.Get(section, "crlnumber");
        BigInteger? crlNumber = crlNumberFile is null ? null : CaSerial.Load(crlNumberFile);
        DateTimeOffset now = DateTimeOffset.UtcNow;
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        var builder = new CertificateRevocationListBuilder
        {
            Issuer = caCertificate.Subject,
            ThisUpdate = s.LastUpdate ?? now,
            NextUpdate = s.NextUpdate ?? now.AddDays(days).AddHours(hours).AddSeconds(seconds),
        };
        foreach (RevokedCertificateEntry entry in db.RevokedEntries())
        {
            builder.Revoked.Add(entry);
        }

        string? extensionsSection = s.CrlExtensions ?? config.Get(section, "crl_extensions");
        if (extensionsSection is not null)
        {
            var extensionContext = new ExtensionSection.Context(caCertificate, caCertificate.GetPublicKey(), null, caCertificate.Subject, BigInteger.Zero);
            ExtensionSection.FromConfig(config, extensionsSection, "Error Loading CRL extension section").AddTo(builder.Extensions, extensionContext, forRequest: true);
        }

        if (crlNumber is not null)
        {
            builder.Extensions.Add(new CrlNumber(crlNumber.Value).ToExtension());
        }

        builder.Version = extensionsSection is not null || crlNumber is not null ? 2 : 1;
        CertificateRevocationList crl;
        try
        {
            crl = builder.Sign(key, X509Command.SigningDigest(key, digest == "default" ? null : digest));
        }
        catch (Exception e) when (e is X509BuildException or Signatures.SignatureException or KeyFormatException)
        {
            throw new CommandException($"Error signing CRL\n{e.Message}");
        }

        if (crlNumberFile is not null)
        {
            SaveRotating(crlNumberFile, SerialNumbers.ToHex(crlNumber!.Value + 1) + "\n");
        }

        using Stream output = context.OpenOutput(s.OutFile);
        output.Write(PemWriter.Write(PemLabels.X509Crl, crl.RawData.Span));
    }

    /// <summary>save_serial/rotate_serial: write NAME.new, then NAME -> NAME.old and NAME.new -> NAME.</summary>
    internal static void SaveRotating(string path, string content)
    {
        try
        {
            File.WriteAllText(path + ".new", content);
            if (File.Exists(path))
            {
                File.Move(path, path + ".old", overwrite: true);
            }

            File.Move(path + ".new", path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandException($"unable to rename {path}.new to {path}\n{e.Message}");
        }
    }

    private static long ParseNumber(string? value) =>
        value is null ? 0 : long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long n) ? n : 0;
}
