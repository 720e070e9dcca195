using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Pkcs.Cms;
using ManagedTls.Signatures;
using ManagedTls.X509;
using ManagedTls.X509.Verification;

namespace ManagedTls.Cli;

/// <summary>
/// <c>mtls smime</c>: <c>-sign</c> and <c>-verify</c> of S/MIME SignedData as OpenSSL 3.0's <c>openssl smime</c>:
/// detached <c>multipart/signed</c> by default, opaque with <c>-nodetach</c>, text canonicalised to CRLF unless
/// <c>-binary</c>, PEM/DER with <c>-outform</c>; verification prints "Verification successful" or
/// "Verification failure" on standard error (exit 4 on failure), the content on standard output.
/// </summary>
/// <remarks>Not offered: <c>-encrypt</c>, <c>-decrypt</c>, <c>-resign</c>, <c>-crlfeol</c>, <c>-CAstore</c>, engines.</remarks>
internal sealed partial class SmimeCommand : ICommand
{
    private const int ReadFailure = 2;
    private const int CreateFailure = 3;
    private const int VerifyFailure = 4;

    public string Name => "smime";

    public string Summary => "S/MIME mail processing (sign and verify)";

    public int Run(ReadOnlySpan<string> args, CommandContext context)
    {
        var s = new Settings();
        WildcardOptions options = Declare(s);
        options.Parse(args, context.Error);
        if (options.Set.HelpRequested)
        {
            return 0;
        }

        if (s.Unsupported is not null)
        {
            throw new CommandException($"{Name}: {s.Unsupported} is not supported by mtls");
        }

        if (options.Set.Positionals.Count > 0)
        {
            throw new CommandException($"{Name}: recipient certificates are only used with -encrypt, which mtls does not support");
        }

        return s.Operation switch
        {
            Operation.Sign => Sign(context, s),
            Operation.Verify => Verify(context, s),
            Operation.Pk7Out => Pk7Out(context, s),
            _ => throw new UsageException("No operation (-encrypt|-sign|...) specified"),
        };
    }

    private static int Sign(CommandContext context, Settings s)
    {
        if (s.Signer is null)
        {
            throw new CommandException("No signer certificate specified");
        }

        Certificate signer = X509Files.LoadCertificate(context, s.Signer, X509Files.Format.Any, "signer certificate");
        byte[]? password = PasswordSource.Resolve(s.PassIn, context);
        PrivateKey key = X509Files.LoadPrivateKey(context, s.InKey ?? s.Signer, "signing key file", password);
        var signOptions = new Pkcs7SignOptions
        {
            Detached = !s.NoDetach,
            Digest = s.Digest,
            SignedAttributes = !s.NoAttr,
            IncludeSignerCertificate = !s.NoCerts,
        };
        foreach (Certificate extra in LoadCertificates(s.CertFile, "certificate file"))
        {
            signOptions.ExtraCertificates.Add(extra);
        }

        byte[] input = context.ReadInput(s.InFile);
        byte[] content = s.Binary ? input : Smime.Canonicalize(input, s.Text);
        Pkcs7 message;
        try
        {
            message = Pkcs7Signer.Sign(content, signer, key, signOptions);
        }
        catch (Pkcs7Exception e)
        {
            context.Error.WriteLine("Error creating PKCS#7 structure");
            context.Error.WriteLine(Pkcs7Files.Describe(e));
            return CreateFailure;
        }

        using Stream output = context.OpenOutput(s.OutFile);
        switch (s.OutForm)
        {
            case Form.Smime when s.NoDetach:
                output.Write(Smime.WriteOpaque(message));
                break;
            case Form.Smime:
                output.Write(Smime.WriteMultipartSigned(message, content));
                break;
            default:
                Pkcs7Files.Write(output, message, s.OutForm == Form.Der);
                break;
        }

        return 0;
    }

    private static int Verify(CommandContext context, Settings s)
    {
        if (!TryRead(context, s, out Pkcs7? message, out byte[]? content))
        {
            return ReadFailure;
        }

        if (s.Content is not null)
        {
            content = X509Files.ReadFile(context, s.Content, "content file", null);
        }

        var verifyOptions = new Pkcs7VerifyOptions
        {
            NoChainVerification = s.NoVerify,
            NoInternalCertificates = s.NoIntern,
            TrustStore = BuildStore(s),
            ChainOptions = new VerificationOptions { Purpose = VerificationPurpose.EmailProtection },
        };
        foreach (Certificate extra in LoadCertificates(s.CertFile, "certificate file"))
        {
            verifyOptions.ExtraCertificates.Add(extra);
        }

        byte[]? shown = content ?? message.SignedData?.Content;
        try
        {
            if (s.NoSigs)
            {
                // -nosigs: the chain is still checked, the signatures are not.
                VerifyChainsOnly(message, verifyOptions);
            }
            else if (content is not null)
            {
                Pkcs7Verifier.Verify(message, content, verifyOptions);
            }
            else
            {
                Pkcs7Verifier.Verify(message, verifyOptions);
            }
        }
        catch (Pkcs7Exception e)
        {
            if (e.Reason is Pkcs7Error.DigestMismatch or Pkcs7Error.SignatureFailure or Pkcs7Error.InvalidSignedAttributes && shown is not null)
            {
                // PKCS7_verify copies the content out before it checks the signatures.
                WriteContent(context, s, shown);
            }

            context.Error.WriteLine("Verification failure");
            context.Error.WriteLine(VerifyFailureLine(e));
            return VerifyFailure;
        }

        if (shown is not null)
        {
            WriteContent(context, s, shown);
        }

        context.Error.WriteLine("Verification successful");
        return 0;
    }

    private static void VerifyChainsOnly(Pkcs7 message, Pkcs7VerifyOptions options)
    {
        IReadOnlyList<Certificate> signers = Pkcs7Verifier.GetSigners(message, options.ExtraCertificates, options.NoInternalCertificates);
        if (options.NoChainVerification)
        {
            return;
        }

        foreach (Certificate signer in signers)
        {
            VerificationResult result = ChainVerifier.Verify(signer, message.Certificates, options.TrustStore!, options.ChainOptions);
            if (!result.IsValid)
            {
                throw new Pkcs7Exception(result);
            }
        }
    }

    private static int Pk7Out(CommandContext context, Settings s)
    {
        if (!TryRead(context, s, out Pkcs7? message, out _))
        {
            return ReadFailure;
        }

        using Stream output = context.OpenOutput(s.OutFile);
        Pkcs7Files.Write(output, message, der: false);
        return 0;
    }

    private static bool TryRead(CommandContext context, Settings s, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Pkcs7? message, out byte[]? content)
    {
        byte[] data = context.ReadInput(s.InFile);
        content = null;
        try
        {
            switch (s.InForm)
            {
                case Form.Smime:
                    SmimeMessage read = Smime.Read(data);
                    message = read.Message;
                    content = read.DetachedContent;
                    break;
                case Form.Pem:
                    message = Pkcs7.LoadPem(data);
                    break;
                default:
                    message = Pkcs7.Decode(data);
                    break;
            }

            return true;
        }
        catch (Pkcs7Exception e)
        {
            context.Error.WriteLine(s.InForm == Form.Smime ? "Error reading S/MIME message" : "Error reading PKCS#7 structure");
            context.Error.WriteLine(Pkcs7Files.Describe(e));
            message = null;
            return false;
        }
    }

    private static void WriteContent(CommandContext context, Settings s, byte[] content)
    {
        using Stream output = context.OpenOutput(s.OutFile);
        if (!s.Text)
        {
            output.Write(content);
            return;
        }

        // SMIME_text: drop the MIME headers of a text/plain part.
        int end = IndexOfHeaderEnd(content);
        output.Write(content.AsSpan(end));
    }

    private static int IndexOfHeaderEnd(byte[] content)
    {
        for (int i = 0; i < content.Length; i++)
        {
            if (content[i] == (byte)'\n' && (i + 1 < content.Length && content[i + 1] == (byte)'\n'))
            {
                return i + 2;
            }

            if (content[i] == (byte)'\n' && i + 2 < content.Length && content[i + 1] == (byte)'\r' && content[i + 2] == (byte)'\n')
            {
                return i + 3;
            }
        }

        return 0;
    }

    private static string VerifyFailureLine(Pkcs7Exception e) => e.Reason switch
    {
        Pkcs7Error.CertificateVerifyFailed => "PKCS7 routines:PKCS7_verify:certificate verify error:Verify error: " + e.Verification?.ErrorMessage,
        Pkcs7Error.DigestMismatch => "PKCS7 routines:PKCS7_signatureVerify:digest failure",
        Pkcs7Error.SignatureFailure => "PKCS7 routines:PKCS7_verify:signature failure",
        Pkcs7Error.SignerCertificateNotFound => "PKCS7 routines:PKCS7_get0_signers:signer certificate not found",
        Pkcs7Error.NoContent => "PKCS7 routines:PKCS7_verify:no content",
        Pkcs7Error.NotSigned => "PKCS7 routines:PKCS7_verify:wrong content type",
        _ => "PKCS7 routines:PKCS7_verify:" + e.Message,
    };

    private static IReadOnlyList<Certificate> LoadCertificates(string? file, string description)
    {
        if (file is null)
        {
            return [];
        }

        byte[] data;
        try
        {
            data = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandException($"Can't open \"{file}\" for reading, No such file or directory\nunable to load {description}");
        }

        try
        {
            return Certificate.LoadAll(data);
        }
        catch (Exception e) when (e is X509FormatException or Pem.PemException)
        {
            throw new CommandException($"unable to load {description}\n{e.Message}");
        }
    }

    // apps.c setup_verify: -CAfile / -CApath, or the default file and directory.
    private static TrustStore BuildStore(Settings s)
    {
        var store = new TrustStore();
        if (s.CaFile is not null)
        {
            LoadInto(store, s.CaFile, required: true);
        }
        else if (!s.NoCaFile && DefaultVerifyLocations.GetCertificateFile() is { } file)
        {
            LoadInto(store, file, required: false);
        }

        if (s.CaPath is not null)
        {
            new CertificateDirectory(s.CaPath).LoadAll(store);
        }
        else if (!s.NoCaPath && s.CaFile is null && DefaultVerifyLocations.GetCertificateDirectory() is { } directory)
        {
            new CertificateDirectory(directory).LoadAll(store);
        }

        return store;
    }

    private static void LoadInto(TrustStore store, string path, bool required)
    {
        try
        {
            CertificateDirectory.LoadFile(store, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or X509FormatException or Pem.PemException or Asn1.DecodeException)
        {
            if (required)
            {
                throw new CommandException($"Error loading file {path}");
            }
        }
    }

    private static HashAlgorithmId ParseDigest(string name) =>
        DigestNames.TryParse(name, out HashAlgorithmId hash) ? hash : throw new UsageException($"Unknown option or message digest: {name}");

    private static Form ParseForm(string option, string value, string verb)
    {
        if (value.Length > 0 && value[0] is 'S' or 's')
        {
            return Form.Smime;
        }

        return FormatOption.IsDer(option, value, verb) ? Form.Der : Form.Pem;
    }
}
