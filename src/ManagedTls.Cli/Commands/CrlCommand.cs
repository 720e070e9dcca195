using System.Globalization;
using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Signatures;
using ManagedTls.X509;

namespace ManagedTls.Cli;

/// <summary>
/// <c>mtls crl</c>: prints, verifies and converts CRLs as OpenSSL 3.0's <c>openssl crl</c>: the print options go to
/// standard output in the order given (each once, at its last position), <c>-text</c> and the CRL to <c>-out</c>;
/// <c>-verify</c>/<c>-CAfile</c>/<c>-CApath</c> look the issuer up by name and print "verify OK" or "verify failure"
/// on standard error.
/// </summary>
/// <remarks>Not offered: <c>-gendelta</c> (and <c>-key</c>, which only signs a delta CRL), <c>-badsig</c>, <c>-CAstore</c>.</remarks>
internal sealed class CrlCommand : ICommand
{
    private const string DefaultCertFile = "/usr/lib/ssl/cert.pem";
    private const string DefaultCertDir = "/usr/lib/ssl/certs";

    public string Name => "crl";

    public string Summary => "CRL management";

    public int Run(ReadOnlySpan<string> args, CommandContext context)
    {
        var s = new Settings();
        WildcardOptions options = Declare(s);
        if (!options.ParseWithoutPositionals(args, context.Error, Name))
        {
            return 0;
        }

        if (s.Unsupported is not null)
        {
            throw new CommandException($"{Name}: {s.Unsupported} is not supported by mtls");
        }

        CertificateRevocationList crl = X509Files.LoadCrl(context, s.InFile, s.InForm);
        if (s.Verify)
        {
            Certificate? issuer = FindIssuer(crl.Issuer, s) ?? throw new CommandException("Error getting CRL issuer certificate");
            if (!issuer.TryGetPublicKey(out PublicKey? key, out _))
            {
                throw new CommandException("Error getting CRL issuer public key");
            }

            context.Error.WriteLine(Verify(crl, key) ? "verify OK" : "verify failure");
        }

        foreach (Print item in s.Prints)
        {
            context.Out.Write(Format(item, crl, s));
        }

        context.Out.Flush();
        using Stream output = context.OpenOutput(s.OutFile);
        if (s.Text)
        {
            KeyText.WriteUtf8(output, X509Text.Crl(crl, s.NameOption));
        }

        if (!s.NoOut)
        {
            X509Files.Write(output, crl.RawData, s.OutDer, Pem.PemLabels.X509Crl);
        }

        return 0;
    }

    private WildcardOptions Declare(Settings s) => new WildcardOptions(Name)
        .Section("General")
        .Flag("verify", "Verify CRL signature", () => s.Verify = true)
        .Section("Input")
        .Value("in", "infile", "Input file - default stdin", v => s.InFile = v)
        .Value("inform", "PEM|DER", "CRL input format (DER or PEM); has no effect", v => s.InForm = FormatOption.IsPemOrDer("inform", v, Name) ? X509Files.Format.Der : X509Files.Format.Pem)
        .Value("key", "infile", "CRL signing Private key to use", _ => { })
        .Value("keyform", "PEM|DER", "Private key file format (DER/PEM/P12); has no effect", v => FormatOption.IsDer("keyform", v, Name))
        .Section("Output")
        .Value("out", "outfile", "output file - default stdout", v => s.OutFile = v)
        .Value("outform", "PEM|DER", "Output format - default PEM", v => s.OutDer = FormatOption.IsPemOrDer("outform", v, Name))
        .Value("dateopt", "val", "Datetime format used for printing. (rfc_822/iso_8601). Default is rfc_822.", v => s.Iso8601 = X509Command.ParseDateOption(v, Name))
        .Flag("text", "Print out a text format version", () => s.Text = true)
        .Flag("hash", "Print hash value", () => s.Add(Print.Hash))
        .Flag("hash_old", "Print old-style (MD5) hash value", () => s.Add(Print.HashOld))
        .Value("nameopt", "val", "Certificate subject/issuer name printing options", v => s.NameOption.Apply(v, Name))
        .Wildcard("Any supported digest", name => (s.Digest = ParseDigest(name)) is not null)
        .Section("CRL")
        .Flag("issuer", "Print issuer DN", () => s.Add(Print.Issuer))
        .Flag("lastupdate", "Set lastUpdate field", () => s.Add(Print.LastUpdate))
        .Flag("nextupdate", "Set nextUpdate field", () => s.Add(Print.NextUpdate))
        .Flag("noout", "No CRL output", () => s.NoOut = true)
        .Flag("fingerprint", "Print the crl fingerprint", () => s.Add(Print.Fingerprint))
        .Flag("crlnumber", "Print CRL number", () => s.Add(Print.CrlNumber))
        .Flag("badsig", "Corrupt last byte of loaded CRL signature (for test)", () => s.Unsupported = "-badsig")
        .Value("gendelta", "infile", "Other CRL to compare/diff to the Input one", _ => s.Unsupported = "-gendelta")
        .Section("Certificate")
        .Value("CApath", "dir", "Verify CRL using certificates in dir", v => (s.CaPath, s.Verify) = (ExistingDirectory(v), true))
        .Value("CAfile", "infile", "Verify CRL using certificates in file name", v => (s.CaFile, s.Verify) = (v, true))
        .Value("CAstore", "uri", "Verify CRL using certificates in store URI", _ => s.Unsupported = "-CAstore")
        .Flag("no-CAfile", "Do not load the default certificates file", () => s.NoCaFile = true)
        .Flag("no-CApath", "Do not load certificates from the default certificates directory", () => s.NoCaPath = true)
        .Flag("no-CAstore", "Do not load certificates from the default certificates store", () => { })
        .Providers(Name);

    // opt_next checks a "dir" value at parse time.
    private static string ExistingDirectory(string path) =>
        Directory.Exists(path) ? path : throw new UsageException($"Not a directory: {path}");

    // crl resolves "-digest" while parsing (opt_md): an unknown one stops with openssl's usage lines.
    private string ParseDigest(string name) => DigestNames.TryParse(name, out _)
        ? name
        : throw new CommandException($"{Name}: Unknown option or message digest: {name}\n{Name}: Use -help for summary.");

    private static string Format(Print item, CertificateRevocationList crl, Settings s) => item switch
    {
        Print.Issuer => s.NameOption.Print("issuer=", crl.Issuer),
        Print.CrlNumber => "crlNumber=" + (crl.GetCrlNumber() is { } n ? "0x" + OpenSslText.FormatInteger(n.ToByteArray(isUnsigned: false, isBigEndian: true)) : "<NONE>") + "\n",
        Print.Hash => "issuer name hash=" + crl.IssuerNameHash.ToString("x8", CultureInfo.InvariantCulture) + "\n",
        Print.HashOld => "issuer name old hash=" + crl.Issuer.OpenSslHashOld.ToString("x8", CultureInfo.InvariantCulture) + "\n",
        Print.LastUpdate => "lastUpdate=" + X509Command.FormatTime(crl.ThisUpdate, s.Iso8601) + "\n",
        Print.NextUpdate => "nextUpdate=" + (crl.NextUpdate is { } next ? X509Command.FormatTime(next, s.Iso8601) : "NONE") + "\n",
        _ => Fingerprint(crl, s.Digest),
    };

    // crl prints the fetched digest's name (SHA1, SHA2-256), unlike x509.
    private static string Fingerprint(CertificateRevocationList crl, string? name)
    {
        HashAlgorithmId hash = HashAlgorithmId.Sha1;
        if (name is not null && !DigestNames.TryParse(name, out hash))
        {
            throw new CommandException("Unknown digest");
        }

        return $"{DgstCommand.ProviderName(hash)} Fingerprint={OpenSslText.FormatFingerprint(crl.GetDigest(hash))}\n";
    }

    private static bool Verify(CertificateRevocationList crl, PublicKey key)
    {
        try
        {
            return crl.VerifySignature(key);
        }
        catch (Exception e) when (e is SignatureException or KeyFormatException)
        {
            return false;
        }
    }

    /// <summary>The first certificate whose subject is the CRL's issuer: -CAfile, then -CApath (hash-named files), then the defaults.</summary>
    private static Certificate? FindIssuer(DistinguishedName issuer, Settings s)
    {
        if (s.CaFile is not null)
        {
            byte[] data;
            try
            {
                data = File.ReadAllBytes(s.CaFile);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CommandException($"Error loading file {s.CaFile}\nNo such file or directory");
            }

            if (FindIn(data, issuer) is { } found)
            {
                return found;
            }
        }

        bool defaults = s.CaFile is null && s.CaPath is null;
        if (s.CaPath is not null && FindInDirectory(s.CaPath, issuer) is { } inPath)
        {
            return inPath;
        }

        if (defaults && !s.NoCaFile && File.Exists(DefaultCertFile) && FindIn(File.ReadAllBytes(DefaultCertFile), issuer) is { } inFile)
        {
            return inFile;
        }

        return defaults && !s.NoCaPath ? FindInDirectory(DefaultCertDir, issuer) : null;
    }

    private static Certificate? FindInDirectory(string directory, DistinguishedName issuer)
    {
        string hash = issuer.OpenSslHash.ToString("x8", CultureInfo.InvariantCulture);
        for (int i = 0; File.Exists(Path.Combine(directory, $"{hash}.{i}")); i++)
        {
            if (FindIn(File.ReadAllBytes(Path.Combine(directory, $"{hash}.{i}")), issuer) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static Certificate? FindIn(byte[] data, DistinguishedName issuer)
    {
        try
        {
            foreach (Certificate certificate in Certificate.LoadAll(data))
            {
                if (certificate.Subject.Equals(issuer))
                {
                    return certificate;
                }
            }
        }
        catch (Exception e) when (e is X509FormatException or Pem.PemException)
        {
            return null;
        }

        return null;
    }

    private enum Print
    {
        Issuer,
        CrlNumber,
        Hash,
        HashOld,
        LastUpdate,
        NextUpdate,
        Fingerprint,
    }

    private sealed class Settings
    {
        public List<Print> Prints { get; } = [];
        public NameOption NameOption { get; } = new();
        public string? InFile { get; set; }
        public string? OutFile { get; set; }
        public X509Files.Format InForm { get; set; }
        public bool OutDer { get; set; }
        public bool Text { get; set; }
        public bool NoOut { get; set; }
        public bool Iso8601 { get; set; }
        public bool Verify { get; set; }
        public string? CaFile { get; set; }
        public string? CaPath { get; set; }
        public bool NoCaFile { get; set; }
        public bool NoCaPath { get; set; }
        public string? Digest { get; set; }
        public string? Unsupported { get; set; }

        public void Add(Print item)
        {
            Prints.Remove(item);
            Prints.Add(item);
        }
    }
}
