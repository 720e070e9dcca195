using ManagedTls.Keys;

namespace ManagedTls.Cli;

/// <summary>
/// <c>mtls rsa</c>: RSA key processing as OpenSSL 3.0's <c>openssl rsa</c>: prints the text form, the modulus or the
/// <c>-check</c> verdict (in that order), then writes "writing RSA key" to stderr and the key: PKCS#8
/// <c>PRIVATE KEY</c> (or <c>ENCRYPTED PRIVATE KEY</c>) unless <c>-traditional</c>, SubjectPublicKeyInfo for
/// <c>-pubout</c>, PKCS#1 <c>RSA PUBLIC KEY</c> for <c>-RSAPublicKey_out</c>.
/// </summary>
/// <remarks>Not offered: PVK and P12 formats (the <c>-pvk-*</c> flags are accepted and have nothing to act on), engines.</remarks>
internal sealed class RsaCommand : ICommand
{
    private const int PublicSpki = 1;
    private const int PublicPkcs1 = 2;

    public string Name => "rsa";

    public string Summary => "RSA key management";

    public int Run(ReadOnlySpan<string> args, CommandContext context)
    {
        string? inFile = null, outFile = null, passIn = null, passOut = null, cipher = null;
        bool outDer = false, noOut = false, text = false, modulus = false, check = false, traditional = false;
        int pubIn = 0, pubOut = 0;
        var options = new WildcardOptions(Name)
            .Section("General")
            .Flag("check", "Verify key consistency", () => check = true)
            .Wildcard("Any supported cipher", name => (cipher = CipherOptions.Parse(name, Name)) is not null)
            .Engine(context)
            .Section("Input")
            .Value("in", "val", "Input file", v => inFile = v)
            .Value("inform", "format", "Input format (DER/PEM/P12/ENGINE)", v => FormatOption.IsDer("inform", v, Name))
            .Flag("pubin", "Expect a public key in input file", () => pubIn = PublicSpki)
            .Flag("RSAPublicKey_in", "Input is an RSAPublicKey", () => pubIn = PublicPkcs1)
            .Value("passin", "val", "Input file pass phrase source", v => passIn = v)
            .Section("Output")
            .Value("out", "outfile", "Output file", v => outFile = v)
            .Value("outform", "format", "Output format, one of DER PEM PVK", v => outDer = FormatOption.IsDer("outform", v, Name))
            .Flag("pubout", "Output a public key", () => pubOut = PublicSpki)
            .Flag("RSAPublicKey_out", "Output is an RSAPublicKey", () => pubOut = PublicPkcs1)
            .Value("passout", "val", "Output file pass phrase source", v => passOut = v)
            .Flag("noout", "Don't print key out", () => noOut = true)
            .Flag("text", "Print the key in text", () => text = true)
            .Flag("modulus", "Print the RSA key modulus", () => modulus = true)
            .Flag("traditional", "Use traditional format for private keys", () => traditional = true)
            .Section("PVK")
            .Flag("pvk-strong", "Enable 'Strong' PVK encoding level (default)", static () => { })
            .Flag("pvk-weak", "Enable 'Weak' PVK encoding level", static () => { })
            .Flag("pvk-none", "Don't enforce PVK encoding", static () => { })
            .Providers(Name);
        if (!options.ParseWithoutPositionals(args, context.Error, Name))
        {
            return 0;
        }

        (byte[]? inPass, byte[]? outPass) = PasswordSource.Resolve(passIn, passOut, context);
        byte[] data = KeyFiles.ReadFile(context, inFile, pubIn != 0 ? "public key" : "private key");
        string source = KeyFiles.DisplayName(inFile);
        RsaPrivateKey? privateKey = null;
        RsaPublicKey publicKey;
        if (pubIn != 0)
        {
            PublicKey key = pubIn == PublicPkcs1
                ? KeyFiles.ReadRsaPublicKey(data, source)
                : KeyFiles.ReadPublicKey(data, "public key", source);
            publicKey = key as RsaPublicKey ?? throw new CommandException("Not an RSA key");
        }
        else
        {
            privateKey = KeyFiles.ReadPrivateKey(data, "private key", source, inPass) as RsaPrivateKey
                ?? throw new CommandException("Not an RSA key");
            publicKey = privateKey.PublicKey;
        }

        if (check && privateKey is null)
        {
            throw new CommandException("Only private keys can be checked");
        }

        using Stream output = context.OpenOutput(outFile);
        if (text)
        {
            KeyText.Write(output, privateKey is null ? KeyText.Public(publicKey) : KeyText.Private(privateKey));
        }

        if (modulus)
        {
            string hex = Convert.ToHexString(publicKey.Modulus.Span).TrimStart('0');
            KeyText.Write(output, $"Modulus={(hex.Length == 0 ? "0" : hex)}\n");
        }

        if (check)
        {
            // OpenSSL 3.0: "RSA key ok" on the output; otherwise "RSA key not ok" and the reasons on stderr, and it carries on (exit 0).
            KeyCheck.Result result = KeyCheck.Check(privateKey!);
            if (result.IsValid)
            {
                KeyText.Write(output, "RSA key ok\n");
            }
            else
            {
                context.Error.WriteLine("RSA key not ok");
                context.Error.Write(string.Concat(result.Problems.Select(p => p + "\n")));
            }
        }

        if (noOut)
        {
            return 0;
        }

        context.Error.WriteLine("writing RSA key");
        if (pubIn != 0 || pubOut != 0)
        {
            output.Write(pubOut == PublicPkcs1
                ? (outDer ? KeyEncoder.EncodePkcs1Public(publicKey) : KeyEncoder.EncodePkcs1PublicPem(publicKey))
                : KeyFiles.EncodePublicKey(publicKey, outDer));
        }
        else
        {
            output.Write(KeyFiles.EncodePrivateKey(privateKey!, outDer, traditional, cipher, outPass));
        }

        return 0;
    }
}
