using System.Globalization;
using ManagedTls.Pem;
using ManagedTls.X509;
using ManagedTls.X509.Verification;

namespace ManagedTls.Cli;

/// <summary>
/// <c>mtls verify</c>: verifies certificate chains as OpenSSL 3.0's <c>openssl verify</c>: "FILE: OK" on standard
/// output, or the failing certificate's subject, "error N at D depth lookup: MESSAGE" and "error FILE: verification
/// failed" on standard error; exit 0 when every certificate verifies, 2 otherwise.
/// </summary>
/// <remarks>
/// <see cref="ChainVerifier"/> stops at the first error, so where openssl's callback carries on past a tolerated
/// error (an expired certificate, say) and reports a second one, mtls reports only the first. For "no explicit policy"
/// mtls prints the policy block with empty authority and user policy sets: right when no policy survived, while
/// openssl lists the authority policies of a tree that did survive but missed the user set.
/// Not offered: -CAstore, -crl_download, -verify_name, -auth_level, -extended_crl, -policy_print, the Suite B
/// modes, -allow_proxy_certs, -vfyopt, and the purposes nssslserver and crlsign.
/// </remarks>
internal sealed partial class VerifyCommand : ICommand
{
    private const string DefaultCertFile = "/usr/lib/ssl/cert.pem";
    private const string DefaultCertDir = "/usr/lib/ssl/certs";

    private const string HelpTrailer =
        "\nRecognized certificate chain purposes:\n"
        + "  sslclient        SSL client\n"
        + "  sslserver        SSL server\n"
        + "  nssslserver      Netscape SSL server\n"
        + "  smimesign        S/MIME signing\n"
        + "  smimeencrypt     S/MIME encryption\n"
        + "  crlsign          CRL signing\n"
        + "  any              Any Purpose\n"
        + "  ocsphelper       OCSP helper\n"
        + "  timestampsign    Time Stamp signing\n"
        + "Recognized certificate policy names:\n"
        + "  default\n"
        + "  pkcs7\n"
        + "  smime_sign\n"
        + "  ssl_client\n"
        + "  ssl_server\n";

    public string Name => "verify";

    public string Summary => "Verify X.509 certificate chains";

    public int Run(ReadOnlySpan<string> args, CommandContext context)
    {
        var s = new Settings();
        WildcardOptions parsed = Declare(s, context);
        parsed.Parse(args, context.Error);
        OptionSet options = parsed.Set;
        if (options.HelpRequested)
        {
            context.Error.Write(HelpTrailer);
            return 0;
        }

        if (s.Unsupported is not null)
        {
            throw new CommandException($"{Name}: {s.Unsupported} is not supported by mtls");
        }

        if (s.TrustedFile is not null && (s.CaFile is not null || s.CaPath is not null))
        {
            throw new CommandException($"{Name}: Cannot use -trusted with -CAfile, -CApath or -CAstore\n{Name}: Use -help for summary.");
        }

        TrustStore store = BuildStore(s, out List<CertificateRevocationList> crls);
        foreach (CertificateRevocationList crl in crls)
        {
            store.AddCrl(crl);
        }

        List<Certificate> untrusted = LoadCertificates(s.UntrustedFiles, "untrusted certificates");
        VerificationOptions verification = s.ToOptions();
        bool allOk = true;
        if (options.Positionals.Count == 0)
        {
            allOk = Check(context, null, store, untrusted, verification, s);
        }

        foreach (string file in options.Positionals)
        {
            allOk &= Check(context, file, store, untrusted, verification, s);
        }

        return allOk ? 0 : 2;
    }

    private static bool Check(CommandContext context, string? file, TrustStore store, List<Certificate> untrusted, VerificationOptions options, Settings s)
    {
        string display = file ?? "stdin";
        Certificate leaf;
        if (file is not null && !File.Exists(file))
        {
            context.Error.WriteLine($"Could not open file or uri for loading certificate file from {file}");
            context.Error.WriteLine("Unable to load certificate file");
            return false;
        }

        try
        {
            byte[] data = context.ReadInput(file);
            leaf = data.Length > 0 && data[0] == 0x30 ? Certificate.Decode(data) : Certificate.Load(data);
        }
        catch (Exception e) when (e is X509FormatException or PemException or Asn1.DecodeException or CommandException)
        {
            context.Error.WriteLine($"Could not read certificate file from {display}");
            context.Error.WriteLine("Unable to load certificate file");
            return false;
        }

        VerificationResult result = ChainVerifier.Verify(leaf, untrusted, store, options);
        if (result.IsValid)
        {
            context.Out.WriteLine($"{display}: OK");
            if (s.ShowChain)
            {
                WriteChain(context.Out, result.Chain, store, s.NameOption);
            }

            return true;
        }

        if (result.Error == X509VerifyError.NoExplicitPolicy)
        {
            // check_policy reports this with no current certificate, after internal_verify has walked down to depth 0,
            // and verify's callback prints the (failed, hence empty) policy tree.
            context.Error.WriteLine($"error {(int)result.Error} at 0 depth lookup: {result.ErrorMessage}");
            context.Error.WriteLine("Require explicit Policy: True");
            context.Error.WriteLine("Authority Policies: <empty>");
            context.Error.WriteLine("User Policies: <empty>");
            context.Error.WriteLine($"error {display}: verification failed");
            return false;
        }

        if (result.ErrorCertificate is { } failing)
        {
            context.Error.Write(s.NameOption.Print(string.Empty, failing.Subject));
        }

        context.Error.WriteLine($"error {(int)result.Error} at {result.ErrorDepth} depth lookup: {result.ErrorMessage}");
        context.Error.WriteLine($"error {display}: verification failed");
        return false;
    }

    // verify.c: "depth=N: NAME" with " (untrusted)" for the certificates that did not come from the trust store.
    private static void WriteChain(TextWriter output, IReadOnlyList<Certificate> chain, TrustStore store, NameOption nameOption)
    {
        output.WriteLine("Chain:");
        int trustedFrom = chain.Count > 0 && store.Find(chain[^1]) is not null ? chain.Count - 1 : chain.Count;
        for (int depth = 0; depth < chain.Count; depth++)
        {
            string name = nameOption.Print(string.Empty, chain[depth].Subject).TrimEnd('\n');
            output.WriteLine($"depth={depth.ToString(CultureInfo.InvariantCulture)}: {name}{(depth < trustedFrom ? " (untrusted)" : string.Empty)}");
        }
    }

    private static VerificationPurpose ParsePurpose(string name) => name switch
    {
        "sslclient" => VerificationPurpose.ClientAuth,
        "sslserver" => VerificationPurpose.ServerAuth,
        "smimesign" or "smimeencrypt" => VerificationPurpose.EmailProtection,
        "any" => VerificationPurpose.Any,
        "ocsphelper" => VerificationPurpose.OcspSigning,
        "timestampsign" => VerificationPurpose.TimeStamping,
        "nssslserver" or "crlsign" => throw new CommandException($"verify: -purpose {name} is not supported by mtls"),
        _ => throw new CommandException($"verify: Invalid purpose {name}"),
    };

    private static long ParseTime(string value) =>
        long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long seconds)
            ? seconds
            : throw new UsageException($"Can't parse \"{value}\" as a number");
}
