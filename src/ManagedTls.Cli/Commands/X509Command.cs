using ManagedTls.Keys;
using ManagedTls.X509;

namespace ManagedTls.Cli;

/// <summary>
/// <c>mtls x509</c>: prints and converts certificates, and signs them (self-signed from a key, from a request with
/// <c>-req</c>, or by a CA with <c>-CA</c>/<c>-CAkey</c>), as OpenSSL 3.0's <c>openssl x509</c>: same flags and help,
/// print options in the order they were given, then the certificate unless <c>-noout</c>.
/// </summary>
/// <remarks>
/// Accepted but not implemented (they fail with a message saying so): <c>-purpose</c>, <c>-checkhost</c>,
/// <c>-checkemail</c>, <c>-checkip</c>, <c>-ocsp_uri</c>, <c>-certopt</c>, the trust options (<c>-trustout</c>,
/// <c>-addtrust</c>, ...), <c>-alias</c>, <c>-setalias</c>, <c>-sigopt</c>, <c>-vfyopt</c>, <c>-badsig</c>.
/// </remarks>
internal sealed partial class X509Command : ICommand
{
    public string Name => "x509";

    public string Summary => "Certificate display and signing";

    public int Run(ReadOnlySpan<string> args, CommandContext context)
    {
        var s = new Settings();
        WildcardOptions options = Declare(s, context);
        if (!options.ParseWithoutPositionals(args, context.Error, Name))
        {
            return 0;
        }

        if (s.Unsupported is not null)
        {
            throw new CommandException($"{Name}: {s.Unsupported} is not supported by mtls");
        }

        Certificate certificate = Produce(s, context);
        using Stream output = context.OpenOutput(s.OutFile);
        foreach (Print item in s.Prints)
        {
            try
            {
                KeyText.WriteUtf8(output, Format(item, certificate, s));
            }
            catch (X509Text.ExtensionsWarning warning)
            {
                context.Error.WriteLine(warning.Message);
            }
        }

        if (s.CheckEnd is long seconds)
        {
            bool expires = certificate.NotAfter < DateTimeOffset.UtcNow.AddSeconds(seconds);
            KeyText.Write(output, expires ? "Certificate will expire\n" : "Certificate will not expire\n");
            return expires ? 1 : 0;
        }

        if (!s.NoOut && !s.NoCert)
        {
            X509Files.Write(output, certificate.RawData, s.OutDer, Pem.PemLabels.Certificate);
        }

        return 0;
    }

    private WildcardOptions Declare(Settings s, CommandContext context) => new WildcardOptions(Name)
        .Section("General")
        .Value("in", "infile", "Certificate input, or CSR input file with -req (default stdin)", v => s.InFile = v)
        .Value("passin", "val", "Private key and cert file pass-phrase source", v => s.PassIn = v)
        .Flag("new", "Generate a certificate from scratch", () => s.New = true)
        .Flag("x509toreq", "Output a certification request (rather than a certificate)", () => s.Unsupported = "-x509toreq")
        .Flag("req", "Input is a CSR file (rather than a certificate)", () => s.Req = true)
        .Value("copy_extensions", "val", "copy extensions when converting from CSR to x509 or vice versa", v => s.CopyExtensions = ParseCopy(v))
        .Value("inform", "format", "CSR input file format (DER or PEM) - default PEM", v => s.InForm = X509Files.ParseFormat(v, Name))
        .Value("vfyopt", "val", "CSR verification parameter in n:v form", _ => s.Unsupported = "-vfyopt")
        .Value("key", "val", "Key for signing, and to include unless using -force_pubkey", v => s.KeyFile = v)
        .Value("signkey", "val", "Same as -key", v => s.KeyFile = v)
        .Value("keyform", "PEM|DER|ENGINE", "Key input format (ENGINE, other values ignored)", v => FormatOption.IsDer("keyform", v, Name))
        .Value("out", "outfile", "Output file - default stdout", v => s.OutFile = v)
        .Value("outform", "format", "Output format (DER or PEM) - default PEM", v => s.OutDer = FormatOption.IsDer("outform", v, Name))
        .Flag("nocert", "No cert output (except for requested printing)", () => s.NoCert = true)
        .Flag("noout", "No output (except for requested printing)", () => s.NoOut = true)
        .Section("Certificate printing")
        .Flag("text", "Print the certificate in text form", () => s.Add(Print.Text))
        .Value("dateopt", "val", "Datetime format used for printing. (rfc_822/iso_8601). Default is rfc_822.", v => s.Iso8601 = ParseDateOption(v, Name))
        .Value("certopt", "val", "Various certificate text printing options", _ => s.Unsupported = "-certopt")
        .Flag("fingerprint", "Print the certificate fingerprint", () => s.Add(Print.Fingerprint))
        .Flag("alias", "Print certificate alias", () => s.Add(Print.Alias))
        .Flag("serial", "Print serial number value", () => s.Add(Print.Serial))
        .Flag("startdate", "Print the notBefore field", () => s.Add(Print.StartDate))
        .Flag("enddate", "Print the notAfter field", () => s.Add(Print.EndDate))
        .Flag("dates", "Print both notBefore and notAfter fields", () => s.Add(Print.StartDate, Print.EndDate))
        .Flag("subject", "Print subject DN", () => s.Add(Print.Subject))
        .Flag("issuer", "Print issuer DN", () => s.Add(Print.Issuer))
        .Value("nameopt", "val", "Certificate subject/issuer name printing options", v => s.NameOption.Apply(v, Name))
        .Flag("email", "Print email address(es)", () => s.Add(Print.Email))
        .Flag("hash", "Synonym for -subject_hash (for backward compat)", () => s.Add(Print.SubjectHash))
        .Flag("subject_hash", "Print subject hash value", () => s.Add(Print.SubjectHash))
        .Flag("subject_hash_old", "Print old-style (MD5) subject hash value", () => s.Add(Print.SubjectHashOld))
        .Flag("issuer_hash", "Print issuer hash value", () => s.Add(Print.IssuerHash))
        .Flag("issuer_hash_old", "Print old-style (MD5) issuer hash value", () => s.Add(Print.IssuerHashOld))
        .Value("ext", "val", "Restrict which X.509 extensions to print and/or copy", v => s.SetExtensionNames(v))
        .Flag("ocspid", "Print OCSP hash values for the subject name and public key", () => s.Add(Print.OcspId))
        .Flag("ocsp_uri", "Print OCSP Responder URL(s)", () => s.Unsupported = "-ocsp_uri")
        .Flag("purpose", "Print out certificate purposes", () => s.Unsupported = "-purpose")
        .Flag("pubkey", "Print the public key in PEM format", () => s.Add(Print.PublicKey))
        .Flag("modulus", "Print the RSA key modulus", () => s.Add(Print.Modulus))
        .Section("Certificate checking")
        .Value("checkend", "intmax", "Check whether cert expires in the next arg seconds", v => s.CheckEnd = ParseCheckEnd(v))
        .More("Exit 1 (failure) if so, 0 if not")
        .Value("checkhost", "val", "Check certificate matches host", _ => s.Unsupported = "-checkhost")
        .Value("checkemail", "val", "Check certificate matches email", _ => s.Unsupported = "-checkemail")
        .Value("checkip", "val", "Check certificate matches ipaddr", _ => s.Unsupported = "-checkip")
        .Section("Certificate output")
        .Value("set_serial", "val", "Serial number to use, overrides -CAserial", v => s.Serial = SerialNumbers.Parse(v, Name))
        .Flag("next_serial", "Increment current certificate serial number", () => s.Add(Print.NextSerial))
        .Value("days", "int", "Number of days until newly generated certificate expires - default 30", v => s.Days = ParseDays(v))
        .Flag("preserve_dates", "Preserve existing validity dates", () => s.PreserveDates = true)
        .Value("subj", "val", "Set or override certificate subject (and issuer)", v => s.Subject = v)
        .Value("force_pubkey", "infile", "Place the given key in new certificate", v => s.ForcePublicKey = v)
        .Flag("clrext", "Do not take over any extensions from the source certificate or request", () => s.ClearExtensions = true)
        .Value("extfile", "infile", "Config file with X509V3 extensions to add", v => s.ExtFile = v)
        .Value("extensions", "val", "Section of extfile to use - default: unnamed section", v => s.ExtSection = v)
        .Value("sigopt", "val", "Signature parameter, in n:v form", _ => s.Unsupported = "-sigopt")
        .Flag("badsig", "Corrupt last byte of certificate signature (for test)", () => s.Unsupported = "-badsig")
        .Wildcard("Any supported digest, used for signing and printing", name => (s.Digest = name) is not null)
        .Section("Micro-CA")
        .Value("CA", "infile", "Use the given CA certificate, conflicts with -key", v => s.CaFile = v)
        .Value("CAform", "PEM|DER", "CA cert format (PEM/DER/P12); has no effect", v => FormatOption.IsDer("CAform", v, Name))
        .Value("CAkey", "val", "The corresponding CA key; default is -CA arg", v => s.CaKeyFile = v)
        .Value("CAkeyform", "PEM|DER|ENGINE", "CA key format (ENGINE, other values ignored)", v => FormatOption.IsDer("CAkeyform", v, Name))
        .Value("CAserial", "val", "File that keeps track of CA-generated serial number", v => s.CaSerialFile = v)
        .Flag("CAcreateserial", "Create CA serial number file if it does not exist", () => s.CaCreateSerial = true)
        .Section("Certificate trust output")
        .Flag("trustout", "Mark certificate PEM output as trusted", () => s.Unsupported = "-trustout")
        .Value("setalias", "val", "Set certificate alias (nickname)", _ => s.Unsupported = "-setalias")
        .Flag("clrtrust", "Clear all trusted purposes", () => s.Unsupported = "-clrtrust")
        .Value("addtrust", "val", "Trust certificate for a given purpose", _ => s.Unsupported = "-addtrust")
        .Flag("clrreject", "Clears all the prohibited or rejected uses of the certificate", () => s.Unsupported = "-clrreject")
        .Value("addreject", "val", "Reject certificate for a given purpose", _ => s.Unsupported = "-addreject")
        .RandomState()
        .Engine(context)
        .Providers(Name);

    private Certificate Produce(Settings s, CommandContext context)
    {
        if (!s.Req && !s.New && s.CopyExtensions is not null)
        {
            context.Error.WriteLine("Warning: ignoring -copy_extensions since neither -x509toreq nor -req is given");
        }

        if (s.Req || s.New || s.KeyFile is not null || s.CaFile is not null)
        {
            return Sign(s, context);
        }

        if (s.Subject is not null || s.Serial is not null || s.ExtFile is not null || s.ForcePublicKey is not null)
        {
            // openssl edits the fields and keeps the old, now invalid, signature; mtls only writes what it signs.
            throw new CommandException($"{Name}: -subj, -set_serial, -extfile and -force_pubkey need a signing key (-key or -CA) in mtls");
        }

        return X509Files.LoadCertificate(context, s.InFile, s.InForm);
    }

    private static bool? ParseCopy(string value) => value.ToLowerInvariant() switch
    {
        "none" => false,
        "copy" or "copyall" => true,
        _ => throw new CommandException($"Invalid extension copy option: {value}"),
    };

    internal static bool ParseDateOption(string value, string verb) => value switch
    {
        "rfc_822" => false,
        "iso_8601" => true,
        _ => throw new CommandException($"Invalid date format: {value}"),
    };

    private static long ParseCheckEnd(string value) => RandCommand.ParseInt(value);

    private static int ParseDays(string value) => RandCommand.ParseInt(value);

    /// <summary>The print options, each printed once at the position of its last occurrence, as openssl's <c>++num</c>.</summary>
    private enum Print
    {
        Issuer,
        Subject,
        Serial,
        NextSerial,
        Email,
        Alias,
        SubjectHash,
        SubjectHashOld,
        IssuerHash,
        IssuerHashOld,
        Modulus,
        PublicKey,
        Text,
        StartDate,
        EndDate,
        Fingerprint,
        OcspId,
        Extensions,
    }

    private sealed class Settings
    {
        public List<Print> Prints { get; } = [];
        public NameOption NameOption { get; } = new();
        public string? InFile { get; set; }
        public string? OutFile { get; set; }
        public string? PassIn { get; set; }
        public X509Files.Format InForm { get; set; }
        public bool OutDer { get; set; }
        public bool NoOut { get; set; }
        public bool NoCert { get; set; }
        public bool New { get; set; }
        public bool Req { get; set; }
        public bool? CopyExtensions { get; set; }
        public string? KeyFile { get; set; }
        public string? ForcePublicKey { get; set; }
        public bool Iso8601 { get; set; }
        public long? CheckEnd { get; set; }
        public System.Numerics.BigInteger? Serial { get; set; }
        public int? Days { get; set; }
        public bool PreserveDates { get; set; }
        public string? Subject { get; set; }
        public bool ClearExtensions { get; set; }
        public string? ExtFile { get; set; }
        public string? ExtSection { get; set; }
        public string? ExtensionNames { get; set; }
        public string? Digest { get; set; }
        public string? CaFile { get; set; }
        public string? CaKeyFile { get; set; }
        public string? CaSerialFile { get; set; }
        public bool CaCreateSerial { get; set; }
        public string? Unsupported { get; set; }

        public void Add(params Print[] items)
        {
            foreach (Print item in items)
            {
                Prints.Remove(item);
                Prints.Add(item);
            }
        }

        public void SetExtensionNames(string names)
        {
            ExtensionNames = names;
            Add(Print.Extensions);
        }
    }
}
