using System.Globalization;

namespace ManagedTls.Cli;

/// <content>openssl ca's options, in its help order.</content>
internal sealed partial class CaCommand
{
    private WildcardOptions Declare(Settings s, CommandContext context) => new WildcardOptions(Name, "[certreq...]")
        .Section("General")
        .Flag("verbose", "Verbose output during processing", () => { })
        .Value("outdir", "dir", "Where to put output cert", _ => s.Unsupported = "-outdir")
        .Value("in", "infile", "The input cert request(s)", _ => s.Unsupported = "-in")
        .Value("inform", "PEM|DER", "CSR input format (DER or PEM); default PEM", v => FormatOption.IsPemOrDer("inform", v, Name))
        .Flag("infiles", "The last argument, requests to process", () => s.Unsupported = "-infiles")
        .Value("out", "outfile", "Where to put the output file(s)", v => s.OutFile = v)
        .Value("dateopt", "val", "Datetime format used for printing. (rfc_822/iso_8601). Default is rfc_822.", v => X509Command.ParseDateOption(v, Name))
        .Flag("notext", "Do not print the generated certificate", () => { })
        .Flag("batch", "Don't ask questions", () => { })
        .Flag("msie_hack", "msie modifications to handle all Universal Strings", () => s.Unsupported = "-msie_hack")
        .Value("ss_cert", "infile", "File contains a self signed cert to sign", _ => s.Unsupported = "-ss_cert")
        .Value("spkac", "infile", "File contains DN and signed public key and challenge", _ => s.Unsupported = "-spkac")
        .Engine(context)
        .Section("Configuration")
        .Value("config", "val", "A config file", v => s.ConfigFile = v)
        .Value("name", "val", "The particular CA definition to use", v => s.Section = v)
        .Value("section", "val", "An alias for -name", v => s.Section = v)
        .Value("policy", "val", "The CA 'policy' to support", _ => { })
        .Section("Certificate")
        .Value("subj", "val", "Use arg instead of request's subject", _ => s.Unsupported = "-subj")
        .Flag("utf8", "Input characters are UTF8; default ASCII", () => { })
        .Flag("create_serial", "If reading serial fails, create a new random serial", () => { })
        .Flag("rand_serial", "Always create a random serial; do not store it", () => { })
        .Flag("multivalue-rdn", "Deprecated; multi-valued RDNs support is always on.", () => { })
        .Value("startdate", "val", "Cert notBefore, YYMMDDHHMMSSZ", _ => s.Unsupported = "-startdate")
        .Value("enddate", "val", "YYMMDDHHMMSSZ cert notAfter (overrides -days)", _ => s.Unsupported = "-enddate")
        .Value("days", "+int", "Number of days to certify the cert for", v => OptionSet.ParseNonNegative("days", v))
        .Value("extensions", "val", "Extension section (override value in config file)", _ => { })
        .Value("extfile", "infile", "Configuration file with X509v3 extensions to add", _ => { })
        .Flag("preserveDN", "Don't re-order the DN", () => { })
        .Flag("noemailDN", "Don't add the EMAIL field to the DN", () => { })
        .Section("Signing")
        .Value("md", "val", "Digest to use, such as sha256", v => s.Digest = v)
        .Value("keyfile", "val", "The CA private key", v => s.KeyFile = v)
        .Value("keyform", "format", "Private key file format (ENGINE, other values ignored)", v => FormatOption.IsDer("keyform", v, Name))
        .Value("passin", "val", "Key and cert input file pass phrase source", v => s.PassIn = v)
        .Value("key", "val", "Key to decrypt the private key or cert files if encrypted. Better use -passin", v => s.Key = v)
        .Value("cert", "infile", "The CA cert", v => s.CertFile = v)
        .Value("certform", "PEM|DER", "Certificate input format (DER/PEM/P12); has no effect", v => FormatOption.IsPemOrDer("certform", v, Name))
        .Flag("selfsign", "Sign a cert with the key associated with it", () => s.Unsupported = "-selfsign")
        .Value("sigopt", "val", "Signature parameter in n:v form", _ => s.Unsupported = "-sigopt")
        .Value("vfyopt", "val", "Verification parameter in n:v form", _ => s.Unsupported = "-vfyopt")
        .Section("Revocation")
        .Flag("gencrl", "Generate a new CRL", () => s.GenerateCrl = true)
        .Value("valid", "val", "Add a Valid(not-revoked) DB entry about a cert (given in file)", _ => s.Unsupported = "-valid")
        .Value("status", "val", "Shows cert status given the serial number", _ => s.Unsupported = "-status")
        .Flag("updatedb", "Updates db for expired cert", () => s.Unsupported = "-updatedb")
        .Value("crlexts", "val", "CRL extension section (override value in config file)", v => s.CrlExtensions = v)
        .Value("crl_reason", "val", "revocation reason", v => s.Reason = v)
        .Value("crl_hold", "val", "the hold instruction, an OID. Sets revocation reason to certificateHold", _ => s.Unsupported = "-crl_hold")
        .Value("crl_compromise", "val", "sets compromise time to val and the revocation reason to keyCompromise", v => s.Compromise = ("keyTime", v))
        .Value("crl_CA_compromise", "val", "sets compromise time to val and the revocation reason to CACompromise", v => s.Compromise = ("CAkeyTime", v))
        .Value("crl_lastupdate", "val", "Sets the CRL lastUpdate time to val (YYMMDDHHMMSSZ or YYYYMMDDHHMMSSZ)", v => s.LastUpdate = ParseCrlTime(v))
        .Value("crl_nextupdate", "val", "Sets the CRL nextUpdate time to val (YYMMDDHHMMSSZ or YYYYMMDDHHMMSSZ)", v => s.NextUpdate = ParseCrlTime(v))
        .Value("crldays", "+int", "Days until the next CRL is due", v => s.CrlDays = OptionSet.ParseNonNegative("crldays", v))
        .Value("crlhours", "+int", "Hours until the next CRL is due", v => s.CrlHours = OptionSet.ParseNonNegative("crlhours", v))
        .Value("crlsec", "+int", "Seconds until the next CRL is due", v => s.CrlSeconds = OptionSet.ParseNonNegative("crlsec", v))
        .Value("revoke", "infile", "Revoke a cert (given in file)", v => s.RevokeFile = v)
        .RandomState()
        .Providers(Name)
        .Parameters("certreq", "Certificate requests to be signed (optional)");

    private static DateTimeOffset ParseCrlTime(string value)
    {
        if (value.Length is 13 or 15 && value.EndsWith('Z') && value[..^1].All(char.IsAsciiDigit))
        {
            return CaDatabase.ParseTime(value);
        }

        throw new CommandException($"Invalid time format {value}. Need YYYYMMDDHHMMSSZ");
    }

    private sealed class Settings
    {
        public string? ConfigFile { get; set; }
        public string? Section { get; set; }
        public string? OutFile { get; set; }
        public string? Digest { get; set; }
        public string? KeyFile { get; set; }
        public string? CertFile { get; set; }
        public string? PassIn { get; set; }
        public string? Key { get; set; }
        public bool GenerateCrl { get; set; }
        public string? CrlExtensions { get; set; }
        public string? Reason { get; set; }
        public (string Kind, string Time)? Compromise { get; set; }
        public DateTimeOffset? LastUpdate { get; set; }
        public DateTimeOffset? NextUpdate { get; set; }
        public long? CrlDays { get; set; }
        public long? CrlHours { get; set; }
        public long? CrlSeconds { get; set; }
        public string? RevokeFile { get; set; }
        public string? Unsupported { get; set; }

        /// <summary>The database's revocation field after the time: ",reason" or ",keyTime,TIME" (the compromise options win).</summary>
        public string RevocationInfo()
        {
            if (Compromise is { } compromise)
            {
                if (!(compromise.Time.Length == 15 && compromise.Time.EndsWith('Z') && compromise.Time[..^1].All(char.IsAsciiDigit)))
                {
                    throw new CommandException($"Invalid time format {compromise.Time}. Need YYYYMMDDHHMMSSZ");
                }

                return $",{compromise.Kind},{compromise.Time}";
            }

            return Reason is null ? string.Empty : "," + CaDatabase.CanonicalReason(Reason);
        }
    }
}
