using ManagedTls.Keys;
using ManagedTls.X509;

namespace ManagedTls.Cli;

/// <summary>
/// <c>mtls req</c>: creates certification requests and self-signed (or <c>-CA</c>-signed) certificates, and prints,
/// verifies and converts requests, as OpenSSL 3.0's <c>openssl req</c>: same flags and help, output in openssl's order
/// (<c>-pubkey</c>, <c>-text</c>, <c>-subject</c>, <c>-modulus</c>, then the request or certificate).
/// </summary>
/// <remarks>
/// Without <c>-config</c> (and without <c>OPENSSL_CONF</c>) mtls uses the built-in equivalent of the stock
/// <c>openssl.cnf</c>: <c>default_bits = 2048</c>, <c>default_keyfile = privkey.pem</c>, <c>string_mask = utf8only</c>,
/// <c>x509_extensions = v3_ca</c> (see docs/decisions/0013). There is no interactive prompt: the subject comes from
/// <c>-subj</c> or the configuration's <c>prompt = no</c> section, and a new key is written unencrypted only with
/// <c>-nodes</c>/<c>-noenc</c>, otherwise encrypted with <c>-passout</c>. No progress dots are printed while generating keys.
/// </remarks>
internal sealed partial class ReqCommand : ICommand
{
    public string Name => "req";

    public string Summary => "PKCS#10 X.509 Certificate Signing Request (CSR) Management";

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

        return Execute(s, context);
    }

    private WildcardOptions Declare(Settings s, CommandContext context) => new WildcardOptions(Name)
        .Section("General")
        .Engine(context)
        .Value("keygen_engine", "val", "Specify engine to be used for key generation operations", _ => s.Unsupported = "-keygen_engine")
        .Value("in", "infile", "X.509 request input file (default stdin)", v => s.InFile = v)
        .Value("inform", "PEM|DER", "Input format - DER or PEM", v => s.InForm = X509Files.ParseFormat(v, Name))
        .Flag("verify", "Verify self-signature on the request", () => s.Verify = true)
        .Section("Certificate")
        .Flag("new", "New request", () => s.New = true)
        .Value("config", "infile", "Request template file", v => s.ConfigFile = v)
        .Value("section", "val", "Config section to use (default \"req\")", v => s.Section = v)
        .Flag("utf8", "Input characters are UTF8 (default ASCII)", () => { })
        .Value("nameopt", "val", "Certificate subject/issuer name printing options", v => s.NameOption.Apply(v, Name))
        .Value("reqopt", "val", "Various request text options", _ => s.Unsupported = "-reqopt")
        .Flag("text", "Text form of request", () => s.Text = true)
        .Flag("x509", "Output an X.509 certificate structure instead of a cert request", () => s.X509 = true)
        .Value("CA", "infile", "Issuer cert to use for signing a cert, implies -x509", v => s.CaFile = v)
        .Value("CAkey", "val", "Issuer private key to use with -CA; default is -CA arg", v => s.CaKeyFile = v)
        .More("(Required by some CA's)")
        .Value("subj", "val", "Set or modify subject of request or cert", v => s.Subject = v)
        .Flag("subject", "Print the subject of the output request or cert", () => s.PrintSubject = true)
        .Flag("multivalue-rdn", "Deprecated; multi-valued RDNs support is always on.", () => { })
        .Value("days", "+int", "Number of days cert is valid for", v => s.Days = OptionSet.ParseNonNegative("days", v))
        .Value("set_serial", "val", "Serial number to use", v => s.Serial = SetSerial(s, v))
        .Value("copy_extensions", "val", "copy extensions from request when using -x509", v => s.CopyExtensions = ParseCopy(v))
        .Value("addext", "val", "Additional cert extension key=value pair (may be given more than once)", s.AddExt.Add)
        .Value("extensions", "val", "Cert extension section (override value in config file)", v => s.Extensions = v)
        .Value("reqexts", "val", "Request extension section (override value in config file)", v => s.RequestExtensions = v)
        .Flag("precert", "Add a poison extension to the generated cert (implies -new)", () => s.Unsupported = "-precert")
        .Section("Keys and Signing")
        .Value("key", "val", "Key for signing, and to include unless -in given", v => s.KeyFile = v)
        .Value("keyform", "format", "Key file format (ENGINE, other values ignored)", v => FormatOption.IsDer("keyform", v, Name))
        .Flag("pubkey", "Output public key", () => s.PrintPublicKey = true)
        .Value("keyout", "outfile", "File to write private key to", v => s.KeyOut = v)
        .Value("passin", "val", "Private key and certificate password source", v => s.PassIn = v)
        .Value("passout", "val", "Output file pass phrase source", v => s.PassOut = v)
        .Value("newkey", "val", "Generate new key with [<alg>:]<nbits> or <alg>[:<file>] or param:<file>", v => (s.NewKey, s.New) = (v, true))
        .Value("pkeyopt", "val", "Public key options as opt:value", s.KeyOptions.Add)
        .Value("sigopt", "val", "Signature parameter in n:v form", _ => s.Unsupported = "-sigopt")
        .Value("vfyopt", "val", "Verification parameter in n:v form", _ => s.Unsupported = "-vfyopt")
        .Wildcard("Any supported digest", name => (s.Digest = name) is not null)
        .Section("Output")
        .Value("out", "outfile", "Output file", v => s.OutFile = v)
        .Value("outform", "PEM|DER", "Output format - DER or PEM", v => s.OutDer = FormatOption.IsPemOrDer("outform", v, Name))
        .Flag("batch", "Do not ask anything during request generation", () => { })
        .Flag("verbose", "Verbose output", () => { })
        .Flag("noenc", "Don't encrypt private keys", () => s.NoEncrypt = true)
        .Flag("nodes", "Don't encrypt private keys; deprecated", () => s.NoEncrypt = true)
        .Flag("noout", "Do not output REQ", () => s.NoOut = true)
        .Flag("newhdr", "Output \"NEW\" in the header lines", () => s.NewHeader = true)
        .Flag("modulus", "RSA modulus", () => s.Modulus = true)
        .RandomState()
        .Providers(Name);

    private static System.Numerics.BigInteger SetSerial(Settings s, string value)
    {
        if (s.Serial is not null)
        {
            throw new CommandException("Serial number supplied twice\nreq: Use -help for summary.");
        }

        return SerialNumbers.Parse(value, "req");
    }

    private static bool ParseCopy(string value) => value.ToLowerInvariant() switch
    {
        "none" => false,
        "copy" or "copyall" => true,
        _ => throw new CommandException($"Invalid extension copy option: {value}"),
    };

    private sealed class Settings
    {
        public NameOption NameOption { get; } = new();
        public List<string> AddExt { get; } = [];
        public List<string> KeyOptions { get; } = [];
        public string? InFile { get; set; }
        public X509Files.Format InForm { get; set; }
        public bool Verify { get; set; }
        public bool New { get; set; }
        public string? ConfigFile { get; set; }
        public string? Section { get; set; }
        public bool Text { get; set; }
        public bool X509 { get; set; }
        public string? CaFile { get; set; }
        public string? CaKeyFile { get; set; }
        public string? Subject { get; set; }
        public bool PrintSubject { get; set; }
        public int? Days { get; set; }
        public System.Numerics.BigInteger? Serial { get; set; }
        public bool? CopyExtensions { get; set; }
        public string? Extensions { get; set; }
        public string? RequestExtensions { get; set; }
        public string? KeyFile { get; set; }
        public bool PrintPublicKey { get; set; }
        public string? KeyOut { get; set; }
        public string? PassIn { get; set; }
        public string? PassOut { get; set; }
        public string? NewKey { get; set; }
        public string? Digest { get; set; }
        public string? OutFile { get; set; }
        public bool OutDer { get; set; }
        public bool NoEncrypt { get; set; }
        public bool NoOut { get; set; }
        public bool NewHeader { get; set; }
        public bool Modulus { get; set; }
        public string? Unsupported { get; set; }
    }
}
