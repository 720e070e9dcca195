using System.Text;
using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Signatures;
using ManagedTls.X509;
using ManagedTls.X509.Spkac;

namespace ManagedTls.Cli;

/// <summary>
/// <c>mtls spkac</c>: creates a Netscape SPKAC (<c>-key</c>, <c>-challenge</c>, <c>-digest</c>, default MD5 as openssl) as an
/// <c>SPKAC=</c> line, or reads one from a config-style file and prints it as OpenSSL 3.0's <c>openssl spkac</c> does
/// (<c>-verify</c> prints "Signature OK"/"Signature Failure" on standard error, <c>-pubkey</c> the public key PEM).
/// </summary>
/// <remarks>The input is read as <c>NAME=value</c> lines (comments and sections ignored), not as a full NCONF file; <c>-spksect</c> is not offered.</remarks>
internal sealed class SpkacCommand : ICommand
{
    public string Name => "spkac";

    public string Summary => "Netscape SPKAC (SignedPublicKeyAndChallenge) creation and verification";

    public int Run(ReadOnlySpan<string> args, CommandContext context)
    {
        var s = new Settings();
        WildcardOptions options = new WildcardOptions(Name)
            .Section("General")
            .Value("spksect", "val", "Specify the name of an SPKAC-dedicated section of configuration", _ => s.Unsupported = "-spksect")
            .Engine(context)
            .Section("Input")
            .Value("in", "infile", "Input file", v => s.InFile = v)
            .Value("key", "infile", "Create SPKAC using private key", v => s.KeyFile = v)
            .Value("keyform", "format", "Private key file format (ENGINE, other values ignored)", v => FormatOption.IsDer("keyform", v, Name))
            .Value("passin", "val", "Input file pass phrase source", v => s.PassIn = v)
            .Value("challenge", "val", "Challenge string", v => s.Challenge = v)
            .Value("spkac", "val", "Alternative SPKAC name", v => s.SpkacName = v)
            .Section("Output")
            .Value("digest", "val", "Sign new SPKAC with the specified digest (default: MD5)", v => s.Digest = v)
            .Value("out", "outfile", "Output file", v => s.OutFile = v)
            .Flag("noout", "Don't print SPKAC", () => s.NoOut = true)
            .Flag("pubkey", "Output public key", () => s.PubKey = true)
            .Flag("verify", "Verify SPKAC signature", () => s.Verify = true)
            .Providers(Name);
        if (!options.ParseWithoutPositionals(args, context.Error, Name))
        {
            return 0;
        }

        if (s.Unsupported is not null)
        {
            throw new CommandException($"{Name}: {s.Unsupported} is not supported by mtls");
        }

        byte[]? passIn = PasswordSource.Resolve(s.PassIn, context);
        return s.KeyFile is not null ? Create(s, context, passIn) : Read(s, context);
    }

    private int Create(Settings s, CommandContext context, byte[]? passIn)
    {
        if (!DigestNames.TryParse(s.Digest, out HashAlgorithmId digest))
        {
            throw new CommandException($"{Name}: Unknown option or message digest: {s.Digest}\n{Name}: Use -help for summary.");
        }

        PrivateKey key = KeyFiles.ReadPrivateKey(KeyFiles.ReadAuxiliary(s.KeyFile!, "Could not open file or uri for loading private key from"), "private key", s.KeyFile!, passIn);
        SignedPublicKeyAndChallenge spkac;
        try
        {
            spkac = SignedPublicKeyAndChallenge.Create(key, s.Challenge ?? string.Empty, key.Algorithm is KeyAlgorithm.Ed25519 or KeyAlgorithm.Ed448 ? null : digest);
        }
        catch (SignatureException e)
        {
            throw new CommandException($"Error signing SPKAC\n{e.Message}");
        }

        using Stream output = context.OpenOutput(s.OutFile);
        KeyText.Write(output, $"{s.SpkacName}={spkac.ToBase64()}\n");
        return 0;
    }

    private int Read(Settings s, CommandContext context)
    {
        string text = Encoding.UTF8.GetString(context.ReadInput(s.InFile));
        string value = FindValue(text, s.SpkacName) ?? throw new CommandException($"Can't find SPKAC called \"{s.SpkacName}\"");
        SignedPublicKeyAndChallenge spkac;
        try
        {
            spkac = SignedPublicKeyAndChallenge.FromBase64(value);
        }
        catch (X509FormatException e)
        {
            throw new CommandException($"Error loading SPKAC\n{e.Message}");
        }

        if (!spkac.TryGetPublicKey(out PublicKey? key))
        {
            throw new CommandException("Error unpacking public key");
        }

        using Stream output = context.OpenOutput(s.OutFile);
        if (s.Verify)
        {
            if (!Verifies(spkac, key))
            {
                throw new CommandException("Signature Failure");
            }

            context.Error.WriteLine("Signature OK");
        }

        if (!s.NoOut)
        {
            KeyText.WriteUtf8(output, spkac.ToText());
        }

        if (s.PubKey)
        {
            output.Write(KeyEncoder.EncodeSubjectPublicKeyInfoPem(key));
        }

        return 0;
    }

    private static bool Verifies(SignedPublicKeyAndChallenge spkac, PublicKey key)
    {
        try
        {
            return spkac.VerifySignature(key);
        }
        catch (Exception e) when (e is SignatureException or Asn1.DecodeException)
        {
            return false;
        }
    }

    /// <summary>The value of the first <c>NAME = value</c> line outside any section, as NCONF's default section holds it.</summary>
    private static string? FindValue(string text, string name)
    {
        bool inDefault = true;
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.Trim();
            if (line.StartsWith('['))
            {
                inDefault = line.Trim('[', ']', ' ') == "default";
                continue;
            }

            int equals = line.IndexOf('=', StringComparison.Ordinal);
            if (!inDefault || line.StartsWith('#') || equals < 0)
            {
                continue;
            }

            if (line[..equals].Trim() == name)
            {
                return line[(equals + 1)..].Trim();
            }
        }

        return null;
    }

    private sealed class Settings
    {
        public string? InFile { get; set; }
        public string? KeyFile { get; set; }
        public string? PassIn { get; set; }
        public string? Challenge { get; set; }
        public string SpkacName { get; set; } = "SPKAC";
        public string Digest { get; set; } = "md5";
        public string? OutFile { get; set; }
        public string? Unsupported { get; set; }
        public bool NoOut { get; set; }
        public bool PubKey { get; set; }
        public bool Verify { get; set; }
    }
}
