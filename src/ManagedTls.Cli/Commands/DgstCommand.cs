using System.Text;
using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Signatures;

namespace ManagedTls.Cli;

/// <summary>
/// <c>mtls dgst</c>: message digests, HMACs and signatures over files as OpenSSL 3.0's <c>openssl dgst</c>, with its
/// output lines byte for byte (<c>SHA2-256(file)= hex</c>, <c>-r</c> coreutils format, <c>-c</c> colons, the legacy
/// <c>SHA256(...)</c> name when no digest flag is given), <c>Verified OK</c>/<c>Verification failure</c> and exit codes.
/// </summary>
/// <remarks>
/// <c>-engine</c> and the <c>-provider*</c> options are accepted as <see cref="ProviderOptions"/> describes; <c>-d</c>,
/// <c>-debug</c> and <c>-engine_impl</c> have nothing to act on. Not offered: <c>-keyform ENGINE</c>, XOF digests (<c>-xoflen</c> fails as
/// openssl does for fixed-length digests), <c>-mac</c> other than HMAC, and digests ManagedTls lacks (MD4, RIPEMD,
/// SM3, BLAKE2, SHAKE, whirlpool) — these fail with a message naming them.
/// </remarks>
internal sealed partial class DgstCommand : ICommand
{
    private const int BufferSize = 64 * 1024;

    public string Name => "dgst";

    public string Summary => "Message digests, HMACs and signatures";

    public int Run(ReadOnlySpan<string> args, CommandContext context)
    {
        var state = new State();
        WildcardOptions options = Declare(state, context);
        options.Parse(args, context.Error);
        if (options.Set.HelpRequested)
        {
            context.Error.Write("\nParameters:\n" + " file".PadRight(19) + "  Files to digest (optional; default is stdin)\n");
            return 0;
        }

        if (state.List)
        {
            PrintList(context.Out);
            return 0;
        }

        if (state.XofLength is not null)
        {
            throw new CommandException("Length can only be specified for XOF");
        }

        string? keyFile = state.SignKey ?? state.VerifyKey ?? state.PrVerifyKey;
        if (keyFile is not null && state.HmacKey is not null)
        {
            throw new CommandException("MAC and signing key cannot both be specified");
        }

        if ((state.VerifyKey is not null || state.PrVerifyKey is not null) && state.SignatureFile is null)
        {
            throw new CommandException("No signature to verify: use the -signature option");
        }

        Job job = Prepare(state, keyFile, context);
        using Stream output = context.OpenOutput(state.OutFile);
        var files = options.Set.Positionals;
        if (files.Count == 0)
        {
            return Process(context.In, "stdin", state, job, output) ? 0 : 1;
        }

        int result = 0;
        foreach (string file in files)
        {
            FileStream stream;
            try
            {
                stream = File.OpenRead(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"{file}: {(e is UnauthorizedAccessException ? "Permission denied" : "No such file or directory")}");
                result = 1; // openssl goes on with the next file and exits 1
                continue;
            }

            using (stream)
            {
                result |= Process(stream, file, state, job, output) ? 0 : 1;
            }
        }

        return result;
    }

    /// <summary>Loads the key and signature, if any, and settles the digest and how results are printed.</summary>
    private static Job Prepare(State state, string? keyFile, CommandContext context)
    {
        HashAlgorithmId hash = state.Digest ?? HashAlgorithmId.Sha256;
        var job = new Job
        {
            Hash = hash,
            MdName = state.Digest is null || state.LegacyName ? LegacyName(hash) : ProviderName(hash),
            Binary = state.Binary ?? keyFile is not null,
        };
        if (keyFile is not null)
        {
            byte[]? password = PasswordSource.Resolve(state.PassIn, context);
            byte[] keyData = KeyFiles.ReadFile(context, keyFile, state.VerifyKey is not null ? "public key" : "private key");
            if (state.VerifyKey is not null)
            {
                job.PublicKey = KeyFiles.ReadPublicKey(keyData, "public key", keyFile);
            }
            else
            {
                job.PrivateKey = KeyFiles.ReadPrivateKey(keyData, "private key", keyFile, password);
                job.PublicKey = job.PrivateKey.PublicKey;
            }

            if (job.PublicKey.Algorithm is KeyAlgorithm.Ed25519 or KeyAlgorithm.Ed448 or KeyAlgorithm.X25519 or KeyAlgorithm.X448)
            {
                throw new CommandException("Key type not supported for this operation");
            }

            job.MdName = ProviderName(hash); // signing fetches the digest, so openssl prints its provider name
            if (state.VerifyKey is not null || state.PrVerifyKey is not null)
            {
                job.Signature = KeyFiles.ReadAuxiliary(state.SignatureFile!, "Error opening signature file");
            }
        }

        foreach (string option in state.SigOpts)
        {
            if (job.PublicKey is not RsaPublicKey || !job.SignatureOptions.TrySet(option))
            {
                throw new CommandException($"Signature parameter error \"{option}\"");
            }
        }

        return job;
    }

    private WildcardOptions Declare(State s, CommandContext context) => new WildcardOptions(Name, "[file...]")
        .Section("General")
        .Flag("list", "List digests", () => s.List = true)
        .Engine(context, "Use engine e, possibly a hardware device")
        .Flag("engine_impl", "Also use engine given by -engine for digest operations", static () => { })
        .Value("passin", "val", "Input file pass phrase source", v => s.PassIn = v)
        .Section("Output")
        .Flag("c", "Print the digest with separating colons", () => s.Colons = true)
        .Flag("r", "Print the digest in coreutils format", () => s.Coreutils = true)
        .Value("out", "outfile", "Output to filename rather than stdout", v => s.OutFile = v)
        .Value("keyform", "format", "Key file format (ENGINE, other values ignored)", v => FormatOption.IsDer("keyform", v, Name))
        .Flag("hex", "Print as hex dump", () => s.Binary = false)
        .Flag("binary", "Print in binary form", () => s.Binary = true)
        .Value("xoflen", "+int", "Output length for XOF algorithms. To obtain the maximum security strength set this to 32 (or greater) for SHAKE128, and 64 (or greater) for SHAKE256", v => s.XofLength = OptionSet.ParseNonNegative("xoflen", v))
        .Flag("d", "Print debug info", static () => { })
        .Flag("debug", "Print debug info", static () => { })
        .Section("Signing")
        .Value("sign", "val", "Sign digest using private key", v => s.SignKey = v)
        .Value("verify", "val", "Verify a signature using public key", v => s.VerifyKey = v)
        .Value("prverify", "val", "Verify a signature using private key", v => s.PrVerifyKey = v)
        .Value("sigopt", "val", "Signature parameter in n:v form", s.SigOpts.Add)
        .Value("signature", "infile", "File with signature to verify", v => s.SignatureFile = v)
        .Value("hmac", "val", "Create hashed MAC with key", v => s.HmacKey = Encoding.UTF8.GetBytes(v))
        .Value("mac", "val", "Create MAC (not necessarily HMAC)", v => s.Mac = v)
        .Value("macopt", "val", "MAC algorithm parameters in n:v form or key", s.MacOpts.Add)
        .Wildcard("Any supported digest", name => SetDigest(s, name))
        .Flag("fips-fingerprint", "Compute HMAC with the key used in OpenSSL-FIPS fingerprint", () => s.HmacKey = "etaonrishdlcupfm"u8.ToArray())
        .RandomState()
        .Providers(Name);

    private static bool SetDigest(State s, string name)
    {
        try
        {
            s.Digest = DigestNames.Parse(name);
        }
        catch (ArgumentException)
        {
            throw new UsageException($"Unknown option or message digest: {name}");
        }
        catch (NotSupportedException e)
        {
            throw new CommandException($"dgst: {e.Message}");
        }

        // Names that exist only as legacy object names (RSA-SHA256, sha256WithRSAEncryption, OIDs) resolve to the legacy
        // EVP_MD, which openssl prints by its short name ("SHA256"), not by the provider's ("SHA2-256").
        s.LegacyName = name.StartsWith("RSA-", StringComparison.OrdinalIgnoreCase)
            || name.Contains("With", StringComparison.OrdinalIgnoreCase)
            || char.IsAsciiDigit(name[0]);
        return true;
    }

    /// <summary>Digests one input in chunks (constant memory), then signs, verifies or prints the digest or MAC.</summary>
    private static bool Process(Stream input, string file, State s, Job job, Stream output)
    {
        bool mac = job.PrivateKey is null && job.Signature is null && (s.HmacKey is not null || s.Mac is not null);
        byte[] result = mac ? Hmac(job.Hash, MacKey(s), input) : Digest(job.Hash, input);
        if (job.Signature is not null)
        {
            bool ok = Verify(job.PublicKey!, job.Hash, result, job.Signature, job.SignatureOptions);
            KeyText.Write(output, ok ? "Verified OK\n" : "Verification failure\n");
            return ok;
        }

        string prefix = mac ? $"HMAC-{job.MdName}" : job.MdName;
        if (job.PrivateKey is not null)
        {
            result = Sign(job.PrivateKey, job.Hash, result, job.SignatureOptions);
            prefix = $"{KeyTypeName(job.PrivateKey.Algorithm)}-{job.MdName}";
        }

        if (job.Binary)
        {
            output.Write(result);
            return true;
        }

        string hex = s.Colons
            ? string.Join(':', result.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)))
            : Convert.ToHexStringLower(result);
        KeyText.Write(output, s.Coreutils ? $"{hex} *{file}\n" : $"{prefix}({file})= {hex}\n");
        return true;
    }

    private static byte[] Sign(PrivateKey key, HashAlgorithmId hash, byte[] digest, SignatureOptions sigopts)
    {
        try
        {
            return sigopts.Sign(key, hash, digest, prehashed: true);
        }
        catch (SignatureException e)
        {
            throw new CommandException($"Error signing data\n{e.Message}");
        }
    }

    private static bool Verify(PublicKey key, HashAlgorithmId hash, byte[] digest, byte[] signature, SignatureOptions sigopts)
    {
        try
        {
            return sigopts.Verify(key, hash, digest, signature, prehashed: true);
        }
        catch (SignatureException e)
        {
            throw new CommandException($"Error verifying data\n{e.Message}");
        }
    }

    private static byte[] Digest(HashAlgorithmId algorithm, Stream input)
    {
        using IHash hash = CryptoProviders.Default.CreateHash(algorithm);
        Pump(input, hash.Append);
        byte[] result = new byte[hash.HashSize];
        hash.GetHashAndReset(result);
        return result;
    }

    private static byte[] Hmac(HashAlgorithmId algorithm, byte[] key, Stream input)
    {
        using IHmac hmac = CryptoProviders.Default.CreateHmac(algorithm, key);
        Pump(input, hmac.Append);
        byte[] result = new byte[hmac.HashSize];
        hmac.GetHashAndReset(result);
        return result;
    }

    private static void Pump(Stream input, SpanAction append)
    {
        byte[] buffer = new byte[BufferSize];
        int n;
        while ((n = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            append(buffer.AsSpan(0, n));
        }
    }

    private static byte[] MacKey(State s)
    {
        if (s.Mac is not null && !s.Mac.Equals("HMAC", StringComparison.OrdinalIgnoreCase))
        {
            throw new CommandException($"MAC algorithm {s.Mac} is not supported by mtls (HMAC only)");
        }

        byte[]? key = s.HmacKey;
        foreach (string option in s.MacOpts)
        {
            key = option.StartsWith("key:", StringComparison.Ordinal) ? Encoding.UTF8.GetBytes(option[4..])
                : option.StartsWith("hexkey:", StringComparison.Ordinal) && TryHex(option[7..], out byte[]? hex) ? hex
                : throw new CommandException($"MAC parameter error \"{option}\"");
        }

        return key ?? throw new CommandException("MAC parameter error: no key (use -macopt key:KEY or hexkey:HEX)");
    }

    private static bool TryHex(string text, out byte[]? bytes)
    {
        try
        {
            bytes = Convert.FromHexString(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = null;
            return false;
        }
    }

    private delegate void SpanAction(ReadOnlySpan<byte> data);

    private sealed class State
    {
        public bool List { get; set; }
        public string? PassIn { get; set; }
        public bool Colons { get; set; }
        public bool Coreutils { get; set; }
        public string? OutFile { get; set; }
        public bool? Binary { get; set; }
        public int? XofLength { get; set; }
        public string? SignKey { get; set; }
        public string? VerifyKey { get; set; }
        public string? PrVerifyKey { get; set; }
        public List<string> SigOpts { get; } = [];
        public string? SignatureFile { get; set; }
        public byte[]? HmacKey { get; set; }
        public string? Mac { get; set; }
        public List<string> MacOpts { get; } = [];
        public HashAlgorithmId? Digest { get; set; }
        public bool LegacyName { get; set; }
    }
}
