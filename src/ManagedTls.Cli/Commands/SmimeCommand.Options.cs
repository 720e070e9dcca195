using ManagedTls.Crypto;

namespace ManagedTls.Cli;

/// <summary><c>mtls smime</c>'s flags, in <c>openssl smime -help</c> order.</summary>
internal sealed partial class SmimeCommand
{
    private enum Operation
    {
        None,
        Sign,
        Verify,
        Pk7Out,
    }

    private enum Form
    {
        Smime,
        Pem,
        Der,
    }

    private WildcardOptions Declare(Settings s) => new WildcardOptions(Name, "[cert...]")
        .Section("General")
        .Value("in", "infile", "Input file", v => s.InFile = v)
        .Value("inform", "parm", "Input format SMIME (default), PEM or DER", v => s.InForm = ParseForm("inform", v, Name))
        .Value("out", "outfile", "Output file", v => s.OutFile = v)
        .Value("outform", "parm", "Output format SMIME (default), PEM or DER", v => s.OutForm = ParseForm("outform", v, Name))
        .Value("inkey", "val", "Input private key (if not signer or recipient)", v => s.InKey = v)
        .Value("keyform", "format", "Input private key format (ENGINE, other values ignored)", _ => { })
        .Value("engine", "val", "Use engine, possibly a hardware device", _ => s.Unsupported = "-engine")
        .Flag("stream", "Enable CMS streaming", () => { })
        .Flag("indef", "Same as -stream", () => { })
        .Flag("noindef", "Disable CMS streaming", () => { })
        .Value("config", "infile", "Load a configuration file (this may load modules)", _ => { })
        .Section("Action")
        .Flag("encrypt", "Encrypt message", () => s.Unsupported = "-encrypt")
        .Flag("decrypt", "Decrypt encrypted message", () => s.Unsupported = "-decrypt")
        .Flag("sign", "Sign message", () => s.Operation = Operation.Sign)
        .Flag("resign", "Resign a signed message", () => s.Unsupported = "-resign")
        .Flag("verify", "Verify signed message", () => s.Operation = Operation.Verify)
        .Section("Signing/Encryption")
        .Value("passin", "val", "Input file pass phrase source", v => s.PassIn = v)
        .Value("md", "val", "Digest algorithm to use when signing or resigning", v => s.Digest = ParseDigest(v))
        .Wildcard("Any supported cipher", _ => false)
        .Flag("pk7out", "Output PKCS#7 structure", () => s.Operation = Operation.Pk7Out)
        .Flag("nointern", "Don't search certificates in message for signer", () => s.NoIntern = true)
        .Flag("nodetach", "Use opaque signing", () => s.NoDetach = true)
        .Flag("noattr", "Don't include any signed attributes", () => s.NoAttr = true)
        .Flag("binary", "Don't translate message to text", () => s.Binary = true)
        .Value("signer", "val", "Signer certificate file", v => s.Signer = v)
        .Value("content", "infile", "Supply or override content for detached signature", v => s.Content = v)
        .Flag("nocerts", "Don't include signers certificate when signing", () => s.NoCerts = true)
        .Section("Verification/Decryption")
        .Flag("nosigs", "Don't verify message signature", () => s.NoSigs = true)
        .Flag("noverify", "Don't verify signers certificate", () => s.NoVerify = true)
        .Value("certfile", "infile", "Other certificates file", v => s.CertFile = v)
        .Value("recip", "infile", "Recipient certificate file for decryption", _ => s.Unsupported = "-recip")
        .Section("Email")
        .Value("to", "val", "To address", _ => s.Unsupported = "-to")
        .Value("from", "val", "From address", _ => s.Unsupported = "-from")
        .Value("subject", "val", "Subject", _ => s.Unsupported = "-subject")
        .Flag("text", "Include or delete text MIME headers", () => s.Text = true)
        .Flag("nosmimecap", "Omit the SMIMECapabilities attribute", () => { })
        .Section("Certificate chain")
        .Value("CApath", "dir", "Trusted certificates directory", v => s.CaPath = v)
        .Value("CAfile", "infile", "Trusted certificates file", v => s.CaFile = v)
        .Value("CAstore", "uri", "Trusted certificates store URI", _ => s.Unsupported = "-CAstore")
        .Flag("no-CAfile", "Do not load the default certificates file", () => s.NoCaFile = true)
        .Flag("no-CApath", "Do not load certificates from the default certificates directory", () => s.NoCaPath = true)
        .Flag("no-CAstore", "Do not load certificates from the default certificates store", () => { })
        .Flag("crlfeol", "Use CRLF as EOL termination instead of LF only", () => s.Unsupported = "-crlfeol")
        .Providers(Name);

    private sealed class Settings
    {
        public Operation Operation { get; set; }
        public string? InFile { get; set; }
        public string? OutFile { get; set; }
        public Form InForm { get; set; }
        public Form OutForm { get; set; }
        public string? InKey { get; set; }
        public string? PassIn { get; set; }
        public HashAlgorithmId? Digest { get; set; }
        public bool NoIntern { get; set; }
        public bool NoDetach { get; set; }
        public bool NoAttr { get; set; }
        public bool Binary { get; set; }
        public string? Signer { get; set; }
        public string? Content { get; set; }
        public bool NoCerts { get; set; }
        public bool NoSigs { get; set; }
        public bool NoVerify { get; set; }
        public string? CertFile { get; set; }
        public bool Text { get; set; }
        public string? CaFile { get; set; }
        public string? CaPath { get; set; }
        public bool NoCaFile { get; set; }
        public bool NoCaPath { get; set; }
        public string? Unsupported { get; set; }
    }
}
