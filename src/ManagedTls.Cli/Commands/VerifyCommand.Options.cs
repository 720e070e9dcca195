using System.Globalization;
using ManagedTls.Pem;
using ManagedTls.X509;
using ManagedTls.X509.Verification;

namespace ManagedTls.Cli;

/// <summary><c>mtls verify</c>'s flags (in <c>openssl verify -help</c> order) and the trust store they describe.</summary>
internal sealed partial class VerifyCommand
{
    private WildcardOptions Declare(Settings s, CommandContext context) => new WildcardOptions(Name, "[cert...]")
        .Section("General")
        .Engine(context)
        .Flag("verbose", "Print extra information about the operations being performed.", () => { })
        .Value("nameopt", "val", "Certificate subject/issuer name printing options", v => s.NameOption.Apply(v, Name))
        .Section("Certificate chain")
        .Value("trusted", "infile", "A file of trusted certificates", v => s.TrustedFile = v)
        .Value("CAfile", "infile", "A file of trusted certificates", v => s.CaFile = v)
        .Value("CApath", "dir", "A directory of files with trusted certificates", v => s.CaPath = ExistingDirectory(v))
        .Value("CAstore", "uri", "URI to a store of trusted certificates", _ => s.Unsupported = "-CAstore")
        .Flag("no-CAfile", "Do not load the default trusted certificates file", () => s.NoCaFile = true)
        .Flag("no-CApath", "Do not load trusted certificates from the default directory", () => s.NoCaPath = true)
        .Flag("no-CAstore", "Do not load trusted certificates from the default certificates store", () => { })
        .Value("untrusted", "infile", "A file of untrusted certificates", s.UntrustedFiles.Add)
        .Value("CRLfile", "infile", "File containing one or more CRL's (in PEM format) to load", s.CrlFiles.Add)
        .Flag("crl_download", "Try downloading CRL information for certificates via their CDP entries", () => s.Unsupported = "-crl_download")
        .Flag("show_chain", "Display information about the certificate chain", () => s.ShowChain = true)
        .Section("Validation")
        .Value("policy", "val", "adds policy to the acceptable policy set", s.AddPolicy)
        .Value("purpose", "val", "certificate chain purpose", v => s.Purpose = ParsePurpose(v))
        .Value("verify_name", "val", "verification policy name", _ => s.Unsupported = "-verify_name")
        .Value("verify_depth", "int", "chain depth limit", v => s.MaxDepth = ParseDepth(v))
        .Value("auth_level", "int", "chain authentication security level", _ => s.Unsupported = "-auth_level")
        .Value("attime", "intmax", "verification epoch time", v => s.Time = DateTimeOffset.FromUnixTimeSeconds(ParseTime(v)))
        .Value("verify_hostname", "val", "expected peer hostname", v => s.Hostname = v)
        .Value("verify_email", "val", "expected peer email", v => s.Email = v)
        .Value("verify_ip", "val", "expected peer IP address", v => s.IPAddress = v)
        .Flag("ignore_critical", "permit unhandled critical extensions", () => s.Flags |= X509VerifyFlags.IgnoreCritical)
        .Flag("issuer_checks", "(deprecated)", () => { })
        .Flag("crl_check", "check leaf certificate revocation", () => s.Flags |= X509VerifyFlags.CrlCheck)
        .Flag("crl_check_all", "check full chain revocation", () => s.Flags |= X509VerifyFlags.CrlCheck | X509VerifyFlags.CrlCheckAll)
        .Flag("policy_check", "perform rfc5280 policy checks", () => s.Flags |= X509VerifyFlags.PolicyCheck)
        .Flag("explicit_policy", "set policy variable require-explicit-policy", () => s.Flags |= X509VerifyFlags.ExplicitPolicy | X509VerifyFlags.PolicyCheck)
        .Flag("inhibit_any", "set policy variable inhibit-any-policy", () => s.Flags |= X509VerifyFlags.InhibitAny | X509VerifyFlags.PolicyCheck)
        .Flag("inhibit_map", "set policy variable inhibit-policy-mapping", () => s.Flags |= X509VerifyFlags.InhibitMap | X509VerifyFlags.PolicyCheck)
        .Flag("x509_strict", "disable certificate compatibility work-arounds", () => s.Flags |= X509VerifyFlags.X509Strict)
        .Flag("extended_crl", "enable extended CRL features", () => s.Unsupported = "-extended_crl")
        .Flag("use_deltas", "use delta CRLs", () => s.Flags |= X509VerifyFlags.UseDeltas)
        .Flag("policy_print", "print policy processing diagnostics", () => s.Unsupported = "-policy_print")
        .Flag("check_ss_sig", "check root CA self-signatures", () => s.Flags |= X509VerifyFlags.CheckSelfSignedSignature)
        .Flag("trusted_first", "search trust store first (default)", () => s.Flags |= X509VerifyFlags.TrustedFirst)
        .Flag("suiteB_128_only", "Suite B 128-bit-only mode", () => s.Unsupported = "-suiteB_128_only")
        .Flag("suiteB_128", "Suite B 128-bit mode allowing 192-bit algorithms", () => s.Unsupported = "-suiteB_128")
        .Flag("suiteB_192", "Suite B 192-bit-only mode", () => s.Unsupported = "-suiteB_192")
        .Flag("partial_chain", "accept chains anchored by intermediate trust-store CAs", () => s.Flags |= X509VerifyFlags.PartialChain)
        .Flag("no_alt_chains", "(deprecated)", () => { })
        .Flag("no_check_time", "ignore certificate validity time", () => s.Flags |= X509VerifyFlags.NoCheckTime)
        .Flag("allow_proxy_certs", "allow the use of proxy certificates", () => s.Unsupported = "-allow_proxy_certs")
        .Value("vfyopt", "val", "Verification parameter in n:v form", _ => s.Unsupported = "-vfyopt")
        .Providers(Name)
        .Parameters("cert", "Certificate(s) to verify (optional; stdin used otherwise)");

    // opt_next checks a "dir" value at parse time.
    private static string ExistingDirectory(string path) =>
        Directory.Exists(path) ? path : throw new UsageException($"Not a directory: {path}");

    private static int ParseDepth(string value) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int depth)
            ? depth
            : throw new UsageException($"Can't parse \"{value}\" as a number");

    /// <summary>apps.c <c>setup_verify</c>: -CAfile (or the default file), -CApath (or the default directory); -trusted alone replaces both.</summary>
    private static TrustStore BuildStore(Settings s, out List<CertificateRevocationList> crls)
    {
        var store = new TrustStore();
        crls = [];
        foreach (string file in s.CrlFiles)
        {
            crls.AddRange(LoadCrls(file));
        }

        if (s.TrustedFile is not null)
        {
            foreach (Certificate certificate in LoadCertificates([s.TrustedFile], "trusted certificates"))
            {
                store.AddCertificate(certificate);
            }

            return store;
        }

        if (s.CaFile is not null)
        {
            LoadCaFile(store, s.CaFile, required: true);
        }
        else if (!s.NoCaFile && File.Exists(DefaultCertFile))
        {
            LoadCaFile(store, DefaultCertFile, required: false);
        }

        if (s.CaPath is not null)
        {
            LoadHashedDirectory(store, s.CaPath);
        }
        else if (!s.NoCaPath && Directory.Exists(DefaultCertDir))
        {
            LoadHashedDirectory(store, DefaultCertDir);
        }

        return store;
    }

    // X509_load_cert_crl_file: every certificate and CRL in the bundle; "Error loading file" when none can be read.
    private static void LoadCaFile(TrustStore store, string path, bool required)
    {
        try
        {
            CertificateDirectory.LoadFile(store, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or X509FormatException or PemException or Asn1.DecodeException)
        {
            if (required)
            {
                throw new CommandException($"Error loading file {path}");
            }
        }
    }

    // by_dir.c looks "<hash>.N" and "<hash>.rN" up by name on demand; reading every hashed name up front finds the same issuers and CRLs.
    private static void LoadHashedDirectory(TrustStore store, string directory) => new CertificateDirectory(directory).LoadAll(store);

    private static List<CertificateRevocationList> LoadCrls(string path)
    {
        try
        {
            byte[] data = File.ReadAllBytes(path);
            var crls = new List<CertificateRevocationList>();
            if (data.Length > 0 && data[0] == 0x30)
            {
                crls.Add(CertificateRevocationList.Decode(data));
                return crls;
            }

            foreach (PemBlock block in PemReader.ReadAll(data))
            {
                if (block.Label == PemLabels.X509Crl)
                {
                    crls.Add(CertificateRevocationList.Decode(block.Data.Span));
                }
            }

            return crls.Count > 0 ? crls : throw new X509FormatException(X509FormatError.NoPemBlock, "No X509 CRL PEM block found.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandException($"Could not open file or uri for loading other CRLs from {path}");
        }
        catch (Exception e) when (e is X509FormatException or PemException or Asn1.DecodeException)
        {
            throw new CommandException($"Could not read any other CRLs from {path}");
        }
    }

    // load_certs: "Could not read <description> from FILE" and exit 1 when a file holds none.
    private static List<Certificate> LoadCertificates(List<string> files, string description)
    {
        var certificates = new List<Certificate>();
        foreach (string path in files)
        {
            try
            {
                byte[] data = File.ReadAllBytes(path);
                if (data.Length > 0 && data[0] == 0x30)
                {
                    certificates.Add(Certificate.Decode(data));
                    continue;
                }

                IReadOnlyList<Certificate> found = Certificate.LoadAll(data);
                if (found.Count == 0)
                {
                    throw new X509FormatException(X509FormatError.NoPemBlock, "No certificate found.");
                }

                certificates.AddRange(found);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CommandException($"Could not open file or uri for loading certs of {description} from {path}");
            }
            catch (Exception e) when (e is X509FormatException or PemException or Asn1.DecodeException)
            {
                throw new CommandException($"Could not read any {description} from {path}");
            }
        }

        return certificates;
    }

    private sealed class Settings
    {
        public NameOption NameOption { get; } = new();
        public List<string> UntrustedFiles { get; } = [];
        public List<string> CrlFiles { get; } = [];
        public List<string> Policies { get; } = [];
        public string? TrustedFile { get; set; }
        public string? CaFile { get; set; }
        public string? CaPath { get; set; }
        public bool NoCaFile { get; set; }
        public bool NoCaPath { get; set; }
        public bool ShowChain { get; set; }
        public X509VerifyFlags Flags { get; set; } = X509VerifyFlags.TrustedFirst;
        public VerificationPurpose Purpose { get; set; }
        public int? MaxDepth { get; set; }
        public DateTimeOffset? Time { get; set; }
        public string? Hostname { get; set; }
        public string? Email { get; set; }
        public string? IPAddress { get; set; }
        public string? Unsupported { get; set; }

        // X509_VERIFY_PARAM_add0_policy turns policy checking on.
        public void AddPolicy(string oid)
        {
            Policies.Add(oid);
            Flags |= X509VerifyFlags.PolicyCheck;
        }

        public VerificationOptions ToOptions()
        {
            // openssl's hostname check falls back to the subject CN when the certificate has no DNS names.
            var options = new VerificationOptions { Flags = Flags, Purpose = Purpose, Time = Time, CommonNameFallback = true };
            if (MaxDepth is int depth)
            {
                options.MaxDepth = depth;
            }

            foreach (string policy in Policies)
            {
                options.InitialPolicies.Add(policy);
            }

            if (Hostname is not null)
            {
                options.ExpectedHostnames.Add(Hostname);
            }

            options.ExpectedEmail = Email;
            options.ExpectedIPAddress = IPAddress;
            return options;
        }
    }
}
