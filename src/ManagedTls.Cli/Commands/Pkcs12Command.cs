using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Pkcs;
using ManagedTls.Pkcs.Pkcs12;
using ManagedTls.Signatures;
using ManagedTls.X509;

namespace ManagedTls.Cli;

/// <summary>
/// <c>mtls pkcs12</c>: writes PKCS#12 files (<c>-export</c>) and reads them back as PEM with the "Bag Attributes" lines
/// and the <c>-info</c> description OpenSSL 3.0's <c>openssl pkcs12</c> prints (on standard error, as openssl does).
/// </summary>
/// <remarks>
/// Differences: there is no password prompt (give <c>-passin</c>/<c>-passout</c>/<c>-password</c>); the legacy
/// algorithms (RC2, 3DES) are always available, so <c>-legacy</c> is not needed to read old files; not offered:
/// <c>-twopass</c>, <c>-chain</c> and its CA options, <c>-CSP</c>, <c>-LMK</c>, <c>-keyex</c>/<c>-keysig</c>, <c>-caname</c>.
/// </remarks>
internal sealed partial class Pkcs12Command : ICommand
{
    public string Name => "pkcs12";

    public string Summary => "PKCS#12 file export and parsing";

    public int Run(ReadOnlySpan<string> args, CommandContext context)
    {
        var s = new Settings();
        if (!Declare(s, context).ParseWithoutPositionals(args, context.Error, Name))
        {
            return 0;
        }

        if (s.Unsupported is not null)
        {
            throw new CommandException($"{Name}: {s.Unsupported} is not supported by mtls");
        }

        if (s.Password is not null)
        {
            if (s.Export)
            {
                s.PassOut = s.Password;
            }
            else
            {
                s.PassIn = s.Password;
            }
        }

        (byte[]? passIn, byte[]? passOut) = PasswordSource.Resolve(s.PassIn, s.PassOut, context);
        return s.Export ? Export(s, context, passIn, passOut) : Import(s, context, passIn, passOut);
    }

    private WildcardOptions Declare(Settings s, CommandContext context) => new WildcardOptions(Name)
        .Section("General")
        .Value("in", "infile", "Input file", v => s.InFile = v)
        .Value("out", "outfile", "Output file", v => s.OutFile = v)
        .Value("passin", "val", "Input file pass phrase source", v => s.PassIn = v)
        .Value("passout", "val", "Output file pass phrase source", v => s.PassOut = v)
        .Value("password", "val", "Set PKCS#12 import/export password source", v => s.Password = v)
        .Flag("twopass", "Separate MAC, encryption passwords", () => s.Unsupported = "-twopass")
        .Flag("nokeys", "Don't output private keys", () => s.NoKeys = true)
        .Flag("nocerts", "Don't output certificates", () => s.NoCerts = true)
        .Flag("noout", "Don't output anything, just verify PKCS#12 input", () => s.NoKeys = s.NoCerts = true)
        .Flag("legacy", "Use legacy encryption: 3DES_CBC for keys, RC2_CBC for certs", () => s.Legacy = true)
        .Engine(context)
        .Providers(Name)
        .RandomState()
        .Section("PKCS#12 import (parsing PKCS#12)")
        .Flag("info", "Print info about PKCS#12 structure", () => s.Info = true)
        .Flag("nomacver", "Don't verify integrity MAC", () => s.NoMacVerify = true)
        .Flag("clcerts", "Only output client certificates", () => s.ClientCerts = true)
        .Flag("cacerts", "Only output CA certificates", () => s.CaCerts = true)
        .Wildcard("Any supported cipher for output encryption", name => (s.Cipher = CipherOptions.Parse(name, Name)) is not null)
        .Flag("noenc", "Don't encrypt private keys", () => (s.NoEncrypt, s.NoEncryptName) = (true, "noenc"))
        .Flag("nodes", "Don't encrypt private keys; deprecated", () => (s.NoEncrypt, s.NoEncryptName) = (true, "nodes"))
        .Section("PKCS#12 output (export)")
        .Flag("export", "Create PKCS12 file", () => s.Export = true)
        .Value("inkey", "val", "Private key, else read from -in input file", v => s.InKey = v)
        .Value("certfile", "infile", "Extra certificates for PKCS12 output", v => s.CertFiles.Add(v))
        .Value("passcerts", "val", "Certificate file pass phrase source", _ => s.Unsupported = "-passcerts")
        .Flag("chain", "Build and add certificate chain for EE cert,", () => s.Unsupported = "-chain")
        .More("which is the 1st cert from -in matching the private key (if given)")
        .Value("untrusted", "infile", "Untrusted certificates for chain building", _ => s.Unsupported = "-untrusted")
        .Value("CAfile", "infile", "PEM-format file of CA's", _ => s.Unsupported = "-CAfile")
        .Value("CApath", "dir", "PEM-format directory of CA's", _ => s.Unsupported = "-CApath")
        .Value("CAstore", "uri", "URI to store of CA's", _ => s.Unsupported = "-CAstore")
        .Flag("no-CAfile", "Do not load the default certificates file", () => { })
        .Flag("no-CApath", "Do not load certificates from the default certificates directory", () => { })
        .Flag("no-CAstore", "Do not load certificates from the default certificates store", () => { })
        .Value("name", "val", "Use name as friendly name", v => s.Name = v)
        .Value("caname", "val", "Use name as CA friendly name (can be repeated)", _ => s.Unsupported = "-caname")
        .Value("CSP", "val", "Microsoft CSP name", _ => s.Unsupported = "-CSP")
        .Flag("LMK", "Add local machine keyset attribute to private key", () => s.Unsupported = "-LMK")
        .Flag("keyex", "Set key type to MS key exchange", () => s.Unsupported = "-keyex")
        .Flag("keysig", "Set key type to MS key signature", () => s.Unsupported = "-keysig")
        .Value("keypbe", "val", "Private key PBE algorithm (default AES-256 CBC)", v => s.KeyPbe = v)
        .Value("certpbe", "val", "Certificate PBE algorithm (default PBES2 with PBKDF2 and AES-256 CBC)", v => s.CertPbe = v)
        .Flag("descert", "Encrypt output with 3DES (default PBES2 with PBKDF2 and AES-256 CBC)", () => s.CertPbe = "PBE-SHA1-3DES")
        .Value("macalg", "val", "Digest algorithm to use in MAC (default SHA256)", v => s.MacAlgorithm = v)
        .Value("iter", "+int", "Specify the iteration count for encryption and MAC", v => s.Iterations = s.MacIterations = PositiveInt(v))
        .Flag("noiter", "Don't use encryption iteration", () => s.Iterations = 1)
        .Flag("nomaciter", "Don't use MAC iteration)", () => s.MacIterations = 1)
        .Flag("maciter", "Unused, kept for backwards compatibility", () => { })
        .Flag("nomac", "Don't generate MAC", () => (s.CertPbe, s.MacIterations) = ("NONE", -1)); // as openssl: a later -iter brings the MAC back

    private int PositiveInt(string value) => int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) && n > 0
        ? n
        : throw new UsageException($"Non-positive number \"{value}\" for option -iter");

    private int Export(Settings s, CommandContext context, byte[]? passIn, byte[]? passOut)
    {
        if (s.NoEncrypt)
        {
            context.Error.WriteLine($"Warning: output encryption option -{(s.NoEncryptName ?? "nodes")} ignored with -export");
        }

        if (s.NoKeys && s.NoCerts)
        {
            throw new CommandException("Nothing to export due to -noout or -nocerts and -nokeys");
        }

        string inName = s.InFile ?? "<stdin>";
        byte[] input = context.ReadInput(s.InFile);
        PrivateKey? key = null;
        if (!s.NoKeys)
        {
            byte[] keyData = s.InKey is null ? input : KeyFiles.ReadAuxiliary(s.InKey, "Could not open file or uri for loading private key from -inkey file");
            key = KeyFiles.ReadPrivateKey(keyData, s.InKey is null ? "private key from -in file" : "private key from -inkey file", s.InKey ?? inName, passIn);
        }

        Certificate? leaf = null;
        var others = new List<Certificate>();
        if (!s.NoCerts)
        {
            List<Certificate> certs = LoadCertificates(input, "certificates from -in file");
            if (certs.Count == 0)
            {
                throw new CommandException($"No certificate in -in file {inName}");
            }

            if (key is not null)
            {
                int index = certs.FindIndex(c => c.TryGetPublicKey(out PublicKey? pub, out _) && pub.Equals(key.PublicKey));
                if (index < 0)
                {
                    throw new CommandException($"No cert in -in file '{inName}' matches private key");
                }

                leaf = certs[index];
                certs.RemoveAt(index);
            }

            others.AddRange(certs);
        }

        foreach (string file in s.CertFiles)
        {
            others.AddRange(LoadCertificates(KeyFiles.ReadAuxiliary(file, "Could not open file or uri for loading extra certificates from -certfile"), "extra certificates from -certfile"));
        }

        if (passOut is null)
        {
            throw new CommandException("Password required: give -passout or -password (mtls does not prompt)");
        }

        byte[] pfx;
        try
        {
            pfx = Pkcs12Builder.Export(key, leaf, others, s.Name, passOut, ExportOptions(s));
        }
        catch (ArgumentException e)
        {
            throw new CommandException($"Error creating PKCS12 structure for {s.OutFile ?? "<stdout>"}\n{e.Message}");
        }

        using Stream output = context.OpenOutput(s.OutFile);
        output.Write(pfx);
        return 0;
    }

    private Pkcs12ExportOptions ExportOptions(Settings s)
    {
        int iterations = s.Iterations ?? 2048;
        Pkcs12ExportOptions defaults = s.Legacy ? Pkcs12ExportOptions.Legacy(iterations) : Pkcs12ExportOptions.Modern(iterations);
        HashAlgorithmId mac = defaults.MacAlgorithm;
        if (s.MacAlgorithm is not null && !DigestNames.TryParse(s.MacAlgorithm, out mac))
        {
            throw new CommandException($"{Name}: Unknown option or message digest: {s.MacAlgorithm}\n{Name}: Use -help for summary.");
        }

        PbeParameters? certs = s.CertPbe is not null ? Pbe(s.CertPbe, iterations) : defaults.CertificateEncryption;
        return defaults with
        {
            KeyEncryption = s.KeyPbe is null ? defaults.KeyEncryption : Pbe(s.KeyPbe, iterations),
            CertificateEncryption = certs,
            MacAlgorithm = mac,
            MacIterationCount = s.MacIterations ?? 2048,
        };
    }

    /// <summary>A -keypbe/-certpbe value: NONE, a PBES2 cipher (AES-256-CBC, ...) or a PKCS#12 PBE (PBE-SHA1-3DES, ...).</summary>
    private PbeParameters? Pbe(string name, int iterations)
    {
        if (name == "NONE")
        {
            return null;
        }

        try
        {
            return PbeParameters.Pbes2(name, HashAlgorithmId.Sha256, iterations);
        }
        catch (ArgumentException)
        {
        }

        try
        {
            return PbeParameters.Pbes1(name, iterations);
        }
        catch (ArgumentException)
        {
            throw new CommandException($"Unknown PBE algorithm {name}\n{Name}: Use -help for summary.");
        }
    }

    private static List<Certificate> LoadCertificates(byte[] data, string what)
    {
        try
        {
            return [.. Certificate.LoadAll(data)];
        }
        catch (Exception e) when (e is X509FormatException or Pem.PemException)
        {
            throw new CommandException($"Could not read {what}\n{e.Message}");
        }
    }

    private sealed class Settings
    {
        public string? InFile { get; set; }
        public string? OutFile { get; set; }
        public string? PassIn { get; set; }
        public string? PassOut { get; set; }
        public string? Password { get; set; }
        public string? InKey { get; set; }
        public List<string> CertFiles { get; } = [];
        public string? Name { get; set; }
        public string? KeyPbe { get; set; }
        public string? CertPbe { get; set; }
        public string? MacAlgorithm { get; set; }
        public string? Cipher { get; set; }
        public string? Unsupported { get; set; }
        public string? NoEncryptName { get; set; }
        public int? Iterations { get; set; }
        public int? MacIterations { get; set; }
        public bool Export { get; set; }
        public bool NoKeys { get; set; }
        public bool NoCerts { get; set; }
        public bool Legacy { get; set; }
        public bool Info { get; set; }
        public bool NoMacVerify { get; set; }
        public bool ClientCerts { get; set; }
        public bool CaCerts { get; set; }
        public bool NoEncrypt { get; set; }
    }
}
