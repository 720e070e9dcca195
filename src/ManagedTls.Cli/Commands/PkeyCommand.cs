using ManagedTls.Keys;

namespace ManagedTls.Cli;

/// <summary>
/// <c>mtls pkey</c>: reads a private or public key (PEM or DER, encrypted or not) and writes it back as PKCS#8,
/// traditional or SubjectPublicKeyInfo, optionally encrypted, with its text form or a consistency check, as OpenSSL
/// 3.0's <c>openssl pkey</c> does (same flags, help layout, output order, warnings and first error lines).
/// </summary>
/// <remarks>
/// <c>-engine</c> and the <c>-provider*</c> options are accepted as <see cref="ProviderOptions"/> describes. Not offered:
/// <c>-ec_conv_form hybrid</c>, compressed points in private key output and <c>-ec_param_enc explicit</c> (ManagedTls
/// writes named curves only). Encrypted input without <c>-passin</c> fails instead of prompting.
/// </remarks>
internal sealed class PkeyCommand : ICommand
{
    public string Name => "pkey";

    public string Summary => "Public and private key management";

    public int Run(ReadOnlySpan<string> args, CommandContext context)
    {
        var s = new Settings();
        WildcardOptions options = Declare(s, context);
        if (!options.ParseWithoutPositionals(args, context.Error, Name))
        {
            return 0;
        }

        Reconcile(s, context.Error);
        (byte[]? inPass, byte[]? outPass) = PasswordSource.Resolve(s.PassIn, s.PassOut, context);
        byte[] data = KeyFiles.ReadFile(context, s.InFile, s.PubIn ? "public key of Public Key" : "key");
        string source = KeyFiles.DisplayName(s.InFile);
        PrivateKey? privateKey = null;
        PublicKey publicKey = s.PubIn
            ? KeyFiles.ReadPublicKey(data, "key of Public Key", source)
            : (privateKey = KeyFiles.ReadPrivateKey(data, "key", source, inPass)).PublicKey;
        if (s.PointFormat is not null || s.ExplicitParameters is not null)
        {
            publicKey = ApplyEcOptions(publicKey, privateKey, s.PointFormat, s.ExplicitParameters == true, s.PubOut);
        }

        using Stream output = context.OpenOutput(s.OutFile);
        if (s.Check || s.PubCheck)
        {
            KeyCheck.Result result = s.Check && privateKey is not null ? KeyCheck.Check(privateKey) : KeyCheck.CheckPublic(publicKey);
            if (!result.IsValid)
            {
                throw new CommandException("Key is invalid\n" + string.Join('\n', result.Problems));
            }

            KeyText.Write(output, "Key is valid\n");
        }

        Write(s, output, privateKey, publicKey, outPass);
        return 0;
    }

    private WildcardOptions Declare(Settings s, CommandContext context) => new WildcardOptions(Name)
        .Section("General")
        .Engine(context)
        .Providers(Name)
        .Flag("check", "Check key consistency", () => s.Check = true)
        .Flag("pubcheck", "Check public key consistency", () => s.PubCheck = true)
        .Section("Input")
        .Value("in", "val", "Input key", v => s.InFile = v)
        .Value("inform", "format", "Key input format (ENGINE, other values ignored)", v => FormatOption.IsDer("inform", v, Name))
        .Value("passin", "val", "Key input pass phrase source", v => s.PassIn = v)
        .Flag("pubin", "Read only public components from key input", () => s.PubIn = s.PubOut = true)
        .Section("Output")
        .Value("out", "outfile", "Output file for encoded and/or text output", v => s.OutFile = v)
        .Value("outform", "PEM|DER", "Output encoding format (DER or PEM)", v => s.OutDer = FormatOption.IsDer("outform", v, Name))
        .Wildcard("Any supported cipher to be used for encryption", name => (s.Cipher = CipherOptions.Parse(name, Name)) is not null)
        .Value("passout", "val", "Output PEM file pass phrase source", v => s.PassOut = v)
        .Flag("traditional", "Use traditional format for private key PEM output", () => s.Traditional = true)
        .Flag("pubout", "Restrict encoded output to public components", () => s.PubOut = true)
        .Flag("noout", "Do not output the key in encoded form", () => s.NoOut = true)
        .Flag("text", "Output key components in plaintext", () => s.Text = true)
        .Flag("text_pub", "Output only public key components in text form", () => s.TextPub = true)
        .Value("ec_conv_form", "val", "Specifies the EC point conversion form in the encoding", v => s.PointFormat = ParsePointFormat(v))
        .Value("ec_param_enc", "val", "Specifies the way the EC parameters are encoded", v => s.ExplicitParameters = ParseParameterEncoding(v));

    /// <summary>openssl's post-parse checks and warnings, in its order.</summary>
    private static void Reconcile(Settings s, TextWriter error)
    {
        if (s.Text && s.TextPub)
        {
            error.WriteLine("Warning: The -text option is ignored with -text_pub");
        }

        if (s.Traditional && (s.NoOut || s.OutDer))
        {
            error.WriteLine("Warning: The -traditional is ignored since there is no PEM output");
        }

        if (!s.TextPub && s.PubOut && s.Text)
        {
            s.Text = false;
            s.TextPub = true; // -pubout -text is -text_pub
        }

        if (s.Cipher is null && s.PassOut is not null)
        {
            error.WriteLine("Warning: The -passout option is ignored without a cipher option");
        }
        else if (s.Cipher is not null && (s.NoOut || s.OutDer))
        {
            throw new CommandException("Error: Cipher options are supported only for PEM output");
        }
    }

    /// <summary>The encoded key (unless -noout), then the text form, as openssl orders them.</summary>
    private static void Write(Settings s, Stream output, PrivateKey? privateKey, PublicKey publicKey, byte[]? outPass)
    {
        if (!s.NoOut)
        {
            if (s.OutDer && (s.Text || s.TextPub))
            {
                throw new CommandException("Error: Text output cannot be combined with DER output");
            }

            // OpenSSL 3.0 writes private DER with i2d_PrivateKey: the traditional form where one exists.
            output.Write(s.PubOut
                ? KeyFiles.EncodePublicKey(publicKey, s.OutDer)
                : KeyFiles.EncodePrivateKey(privateKey!, s.OutDer, s.Traditional || s.OutDer, s.Cipher, outPass));
        }

        if (s.TextPub)
        {
            KeyText.Write(output, KeyText.Public(publicKey));
        }
        else if (s.Text)
        {
            KeyText.Write(output, KeyText.Private(privateKey!));
        }
    }

    private static EcPointFormat ParsePointFormat(string value) => value switch
    {
        "uncompressed" => EcPointFormat.Uncompressed,
        "compressed" => EcPointFormat.Compressed,
        "hybrid" => throw new CommandException("pkey: -ec_conv_form hybrid is not supported (uncompressed and compressed only)"),
        _ => throw new UsageException("Value must be one of:\n\tuncompressed\n\tcompressed\n\thybrid"),
    };

    private static bool ParseParameterEncoding(string value) => value switch
    {
        "named_curve" => false,
        "explicit" => true,
        _ => throw new UsageException("Value must be one of:\n\tnamed_curve\n\texplicit"),
    };

    // openssl fails silently (exit 1) when the key is not EC; ManagedTls writes named curves only.
    private static PublicKey ApplyEcOptions(PublicKey key, PrivateKey? privateKey, EcPointFormat? format, bool explicitParameters, bool pubOut)
    {
        if (key is not EcPublicKey ec)
        {
            throw new CommandException("pkey: -ec_conv_form and -ec_param_enc apply to EC keys only");
        }

        if (explicitParameters)
        {
            throw new CommandException("pkey: explicit EC parameters are not supported (named curves only, RFC 5480 §2.1.1)");
        }

        if (format == EcPointFormat.Compressed && privateKey is not null && !pubOut)
        {
            throw new CommandException("pkey: -ec_conv_form compressed is supported for public key output only");
        }

        return format is null ? ec : ec.WithPointFormat(format.Value);
    }

    private sealed class Settings
    {
        public string? InFile { get; set; }
        public string? OutFile { get; set; }
        public string? PassIn { get; set; }
        public string? PassOut { get; set; }
        public string? Cipher { get; set; }
        public bool OutDer { get; set; }
        public bool PubIn { get; set; }
        public bool PubOut { get; set; }
        public bool TextPub { get; set; }
        public bool Text { get; set; }
        public bool NoOut { get; set; }
        public bool Traditional { get; set; }
        public bool Check { get; set; }
        public bool PubCheck { get; set; }
        public EcPointFormat? PointFormat { get; set; }
        public bool? ExplicitParameters { get; set; }
    }
}
