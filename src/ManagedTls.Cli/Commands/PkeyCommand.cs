using ManagedTls.Keys;

namespace ManagedTls.Cli;

/// <summary>
/// <c>mtls pkey</c>: reads a private or public key (PEM or DER, encrypted or not) and writes it back as PKCS#8,
/// traditional or SubjectPublicKeyInfo, optionally encrypted, with its text form or a consistency check, as OpenSSL
/// 3.0's <c>openssl pkey</c> does (same flags, help layout, output order, warnings and first error lines).
/// </summary>
/// <remarks>
/// Not offered: <c>-engine</c>, the <c>-provider*</c> options, <c>-ec_conv_form</c> and <c>-ec_param_enc</c> (ManagedTls
/// writes named-curve, uncompressed EC keys only). Encrypted input without <c>-passin</c> fails instead of prompting.
/// </remarks>
internal sealed class PkeyCommand : ICommand
{
    public string Name => "pkey";

    public string Summary => "Public and private key management";

    public int Run(ReadOnlySpan<string> args, CommandContext context)
    {
        string? inFile = null, outFile = null, passIn = null, passOut = null, cipher = null;
        bool outDer = false, pubIn = false, pubOut = false, textPub = false, text = false, noOut = false;
        bool traditional = false, check = false, pubCheck = false;
        EcPointFormat? pointFormat = null;
        bool? explicitParameters = null;
        var options = new WildcardOptions(Name)
            .Section("General")
            .Engine(context)
            .Providers(Name)
            .Flag("check", "Check key consistency", () => check = true)
            .Flag("pubcheck", "Check public key consistency", () => pubCheck = true)
            .Section("Input")
            .Value("in", "val", "Input key", v => inFile = v)
            .Value("inform", "format", "Key input format (ENGINE, other values ignored)", v => FormatOption.IsDer("inform", v, Name))
            .Value("passin", "val", "Key input pass phrase source", v => passIn = v)
            .Flag("pubin", "Read only public components from key input", () => pubIn = pubOut = true)
            .Section("Output")
            .Value("out", "outfile", "Output file for encoded and/or text output", v => outFile = v)
            .Value("outform", "PEM|DER", "Output encoding format (DER or PEM)", v => outDer = FormatOption.IsDer("outform", v, Name))
            .Wildcard("Any supported cipher to be used for encryption", name => (cipher = CipherOptions.Parse(name, Name)) is not null)
            .Value("passout", "val", "Output PEM file pass phrase source", v => passOut = v)
            .Flag("traditional", "Use traditional format for private key PEM output", () => traditional = true)
            .Flag("pubout", "Restrict encoded output to public components", () => pubOut = true)
            .Flag("noout", "Do not output the key in encoded form", () => noOut = true)
            .Flag("text", "Output key components in plaintext", () => text = true)
            .Flag("text_pub", "Output only public key components in text form", () => textPub = true)
            .Value("ec_conv_form", "val", "Specifies the EC point conversion form in the encoding", v => pointFormat = ParsePointFormat(v))
            .Value("ec_param_enc", "val", "Specifies the way the EC parameters are encoded", v => explicitParameters = ParseParameterEncoding(v));
        options.Parse(args, context.Error);
        if (options.Set.HelpRequested)
        {
            return 0;
        }

        if (options.Set.Positionals.Count > 0)
        {
            throw new CommandException($"{Name}: Use -help for summary.");
        }

        if (text && textPub)
        {
            context.Error.WriteLine("Warning: The -text option is ignored with -text_pub");
        }

        if (traditional && (noOut || outDer))
        {
            context.Error.WriteLine("Warning: The -traditional is ignored since there is no PEM output");
        }

        if (!textPub && pubOut && text)
        {
            text = false;
            textPub = true;
        }

        if (cipher is null && passOut is not null)
        {
            context.Error.WriteLine("Warning: The -passout option is ignored without a cipher option");
        }
        else if (cipher is not null && (noOut || outDer))
        {
            throw new CommandException("Error: Cipher options are supported only for PEM output");
        }

        (byte[]? inPass, byte[]? outPass) = PasswordSource.Resolve(passIn, cipher is null ? null : passOut, context);
        byte[] data = KeyFiles.ReadFile(context, inFile, pubIn ? "public key of Public Key" : "key");
        string source = KeyFiles.DisplayName(inFile);
        PrivateKey? privateKey = null;
        PublicKey publicKey = pubIn
            ? KeyFiles.ReadPublicKey(data, "key of Public Key", source)
            : (privateKey = KeyFiles.ReadPrivateKey(data, "key", source, inPass)).PublicKey;

        if (pointFormat is not null || explicitParameters is not null)
        {
            publicKey = ApplyEcOptions(publicKey, privateKey, pointFormat, explicitParameters == true, pubOut);
        }

        using Stream output = context.OpenOutput(outFile);
        if (check || pubCheck)
        {
            KeyCheck.Result result = check && privateKey is not null ? KeyCheck.Check(privateKey) : KeyCheck.CheckPublic(publicKey);
            if (!result.IsValid)
            {
                throw new CommandException("Key is invalid\n" + string.Join('\n', result.Problems));
            }

            KeyText.Write(output, "Key is valid\n");
        }

        if (!noOut)
        {
            if (outDer && (text || textPub))
            {
                throw new CommandException("Error: Text output cannot be combined with DER output");
            }

            output.Write(pubOut
                ? KeyFiles.EncodePublicKey(publicKey, outDer)
                : KeyFiles.EncodePrivateKey(privateKey!, outDer, traditional || outDer, cipher, outPass)); // 3.0 writes DER with i2d_PrivateKey
        }

        if (textPub)
        {
            KeyText.Write(output, KeyText.Public(publicKey));
        }
        else if (text)
        {
            KeyText.Write(output, KeyText.Private(privateKey!));
        }

        return 0;
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
}
