using ManagedTls.Keys;
using ManagedTls.Tls;
using ManagedTls.Tls.Suites;
using ManagedTls.X509;
using ManagedTls.X509.Verification;

namespace ManagedTls.Cli;

/// <summary>
/// The flags <c>s_client</c> and <c>s_server</c> share (-cert -key -CAfile -CApath -tls1_2 -tls1_3 -cipher
/// -ciphersuites -groups -sigalgs), parsed into engine options the way apps/lib/s_cb.c and apps.c apply them.
/// </summary>
internal sealed class TlsPeerSettings
{
    private static readonly Dictionary<string, TlsNamedGroup> s_groups = new(StringComparer.OrdinalIgnoreCase)
    {
        ["X25519"] = TlsNamedGroup.X25519,
        ["X448"] = TlsNamedGroup.X448,
        ["P-256"] = TlsNamedGroup.Secp256r1,
        ["prime256v1"] = TlsNamedGroup.Secp256r1,
        ["secp256r1"] = TlsNamedGroup.Secp256r1,
        ["P-384"] = TlsNamedGroup.Secp384r1,
        ["secp384r1"] = TlsNamedGroup.Secp384r1,
        ["P-521"] = TlsNamedGroup.Secp521r1,
        ["secp521r1"] = TlsNamedGroup.Secp521r1,
        ["ffdhe2048"] = TlsNamedGroup.Ffdhe2048,
        ["ffdhe3072"] = TlsNamedGroup.Ffdhe3072,
        ["ffdhe4096"] = TlsNamedGroup.Ffdhe4096,
        ["ffdhe6144"] = TlsNamedGroup.Ffdhe6144,
        ["ffdhe8192"] = TlsNamedGroup.Ffdhe8192,
    };

    // OpenSSL's sigalg spellings: "ALG+HASH" pairs and the TLS 1.3 scheme names.
    private static readonly Dictionary<string, TlsSignatureScheme> s_sigalgs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ECDSA+SHA256"] = TlsSignatureScheme.EcdsaSecp256r1Sha256,
        ["ECDSA+SHA384"] = TlsSignatureScheme.EcdsaSecp384r1Sha384,
        ["ECDSA+SHA512"] = TlsSignatureScheme.EcdsaSecp521r1Sha512,
        ["ecdsa_secp256r1_sha256"] = TlsSignatureScheme.EcdsaSecp256r1Sha256,
        ["ecdsa_secp384r1_sha384"] = TlsSignatureScheme.EcdsaSecp384r1Sha384,
        ["ecdsa_secp521r1_sha512"] = TlsSignatureScheme.EcdsaSecp521r1Sha512,
        ["RSA-PSS+SHA256"] = TlsSignatureScheme.RsaPssRsaeSha256,
        ["RSA-PSS+SHA384"] = TlsSignatureScheme.RsaPssRsaeSha384,
        ["RSA-PSS+SHA512"] = TlsSignatureScheme.RsaPssRsaeSha512,
        ["rsa_pss_rsae_sha256"] = TlsSignatureScheme.RsaPssRsaeSha256,
        ["rsa_pss_rsae_sha384"] = TlsSignatureScheme.RsaPssRsaeSha384,
        ["rsa_pss_rsae_sha512"] = TlsSignatureScheme.RsaPssRsaeSha512,
        ["rsa_pss_pss_sha256"] = TlsSignatureScheme.RsaPssPssSha256,
        ["rsa_pss_pss_sha384"] = TlsSignatureScheme.RsaPssPssSha384,
        ["rsa_pss_pss_sha512"] = TlsSignatureScheme.RsaPssPssSha512,
        ["RSA+SHA256"] = TlsSignatureScheme.RsaPkcs1Sha256,
        ["RSA+SHA384"] = TlsSignatureScheme.RsaPkcs1Sha384,
        ["RSA+SHA512"] = TlsSignatureScheme.RsaPkcs1Sha512,
        ["rsa_pkcs1_sha256"] = TlsSignatureScheme.RsaPkcs1Sha256,
        ["rsa_pkcs1_sha384"] = TlsSignatureScheme.RsaPkcs1Sha384,
        ["rsa_pkcs1_sha512"] = TlsSignatureScheme.RsaPkcs1Sha512,
        ["ed25519"] = TlsSignatureScheme.Ed25519,
        ["ed448"] = TlsSignatureScheme.Ed448,
    };

    public string? CertFile { get; set; }

    public string? KeyFile { get; set; }

    public string? CertChainFile { get; set; }

    public string? CaFile { get; set; }

    public string? CaPath { get; set; }

    public TlsProtocolVersion? Version { get; set; }

    public string? CipherList { get; set; }

    public string? Ciphersuites { get; set; }

    public string? Groups { get; set; }

    public string? Sigalgs { get; set; }

    /// <summary>Declares the shared flags on <paramref name="options"/>, in openssl's help order.</summary>
    public OptionSet Declare(OptionSet options, bool server)
    {
        options.Value("cert", "infile", server ? "Server certificate file to use; default is server.pem" : "Client certificate file to use", v => CertFile = v)
            .Value("key", "infile", server ? "Private key file to use; default is -cert file" : "Private key file to use, if not in -cert file", v => KeyFile = v)
            .Value("CAfile", "infile", "PEM format file of CA's", v => CaFile = v);
        if (server)
        {
            options.Value("cert_chain", "infile", "Server certificate chain file in PEM format", v => CertChainFile = v);
        }
        else
        {
            options.Value("CApath", "dir", "PEM format directory of CA's", v => CaPath = v);
        }

        options.Flag("tls1_2", "Just use TLSv1.2", () => Version = TlsProtocolVersion.Tls12)
            .Flag("tls1_3", "Just use TLSv1.3", () => Version = TlsProtocolVersion.Tls13)
            .Value("cipher", "val", "Specify TLSv1.2 and below cipher list to be used", v => CipherList = v)
            .Value("ciphersuites", "val", "Specify TLSv1.3 ciphersuites to be used", v => Ciphersuites = v)
            .Value("groups", "val", "Groups to advertise (colon-separated list)", v => Groups = v);
        if (!server)
        {
            options.Value("sigalgs", "val", "Signature algorithms to support (colon-separated list)", v => Sigalgs = v);
        }

        return options;
    }

    /// <summary>Applies the flags to engine options; file and syntax errors become openssl-like command errors.</summary>
    public void ApplyTo(TlsOptions options, CommandContext context, bool server, TextWriter error)
    {
        if (Version is { } version)
        {
            options.MinVersion = version;
            options.MaxVersion = version;
        }

        try
        {
            if (CipherList is not null)
            {
                Replace(options.CipherSuites, OpenSslCipherString.Parse(CipherList));
            }

            if (Ciphersuites is not null)
            {
                Replace(options.Tls13CipherSuites, OpenSslCipherString.ParseTls13(Ciphersuites));
            }
        }
        catch (TlsCipherStringException e)
        {
            throw new CommandException($"Error setting cipher list\n{e.Message}");
        }

        if (Groups is not null)
        {
            Replace(options.Groups, ParseList(Groups, s_groups, "Error setting groups"));
        }

        if (Sigalgs is not null)
        {
            Replace(options.SignatureSchemes, ParseList(Sigalgs, s_sigalgs, "Error setting signature algorithms"));
        }

        string? certFile = CertFile ?? (server ? "server.pem" : null);
        if (certFile is not null)
        {
            options.Certificate = LoadIdentity(context, certFile, KeyFile ?? certFile, CertChainFile);
        }

        options.TrustStore = BuildTrustStore(error);
    }

    private static void Replace<T>(IList<T> list, IEnumerable<T> values)
    {
        list.Clear();
        foreach (T value in values)
        {
            list.Add(value);
        }
    }

    private static List<T> ParseList<T>(string text, Dictionary<string, T> names, string failure)
    {
        var result = new List<T>();
        foreach (string name in text.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            result.Add(names.TryGetValue(name, out T? value) ? value : throw new CommandException($"{failure}: unknown name \"{name}\""));
        }

        return result.Count > 0 ? result : throw new CommandException(failure);
    }

    private static TlsCertificateIdentity LoadIdentity(CommandContext context, string certFile, string keyFile, string? chainFile)
    {
        var chain = new List<Certificate>();
        try
        {
            chain.AddRange(Certificate.LoadAll(File.ReadAllBytes(certFile)));
            if (chainFile is not null)
            {
                chain.AddRange(Certificate.LoadAll(File.ReadAllBytes(chainFile)));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or X509FormatException or Pem.PemException or Asn1.DecodeException)
        {
            throw new CommandException($"Could not read certificate from {(chain.Count == 0 ? certFile : chainFile)}\nUnable to load certificate");
        }

        if (chain.Count == 0)
        {
            throw new CommandException($"Could not read certificate from {certFile}\nUnable to load certificate");
        }

        PrivateKey key = X509Files.LoadPrivateKey(context, keyFile, "private key", null);
        return new TlsCertificateIdentity(chain, key);
    }

    // apps.c setup_verify / SSL_CTX_set_default_verify_paths: the named file and directory; the system defaults
    // only when neither is named (openssl adds them too, but loading the whole default directory per run is slow
    // and a named CA file is what scripts mean).
    private TrustStore BuildTrustStore(TextWriter error)
    {
        var store = new TrustStore();
        bool defaults = CaFile is null && CaPath is null;
        string? file = CaFile ?? (defaults ? DefaultVerifyLocations.GetCertificateFile() : null);
        if (file is not null)
        {
            try
            {
                CertificateDirectory.LoadFile(store, file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or X509FormatException or Pem.PemException or Asn1.DecodeException)
            {
                if (CaFile is not null)
                {
                    throw new CommandException($"Error loading file {CaFile}");
                }

                error.WriteLine($"warning: could not load the default CA file {file}");
            }
        }

        string? directory = CaPath ?? (defaults ? DefaultVerifyLocations.GetCertificateDirectory() : null);
        if (directory is not null && Directory.Exists(directory))
        {
            new CertificateDirectory(directory).LoadAll(store);
        }

        return store;
    }
}
