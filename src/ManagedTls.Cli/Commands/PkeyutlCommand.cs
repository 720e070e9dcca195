using System.Text;
using ManagedTls.Cli.Commands.Asn1Parse;
using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Signatures;

namespace ManagedTls.Cli;

/// <summary>
/// <c>mtls pkeyutl</c>: public-key signing, verification and key derivation as OpenSSL 3.0's <c>openssl pkeyutl</c>:
/// <c>-sign</c>/<c>-verify</c> over a digest (the input), or over the message with <c>-rawin</c> (required for
/// Ed25519/Ed448, optionally with <c>-digest</c>), and <c>-derive</c> for X25519/X448 and ECDH (P-256/384/521).
/// </summary>
/// <remarks>
/// Not offered: <c>-encrypt</c>/<c>-decrypt</c>/<c>-verifyrecover</c> (the crypto provider has no RSA encryption or raw
/// RSA), raw RSA signing without a digest, <c>-kdf</c> and <c>-pkeyopt_passin</c>; each fails
/// with a message naming it.
/// </remarks>
internal sealed class PkeyutlCommand : ICommand
{
    private const int MaxDigestSize = 64; // EVP_MAX_MD_SIZE

    public string Name => "pkeyutl";

    public string Summary => "Public key algorithm operations";

    public int Run(ReadOnlySpan<string> args, CommandContext context)
    {
        var s = new State();
        WildcardOptions options = Declare(s, context);
        if (!options.ParseWithoutPositionals(args, context.Error, Name))
        {
            return 0;
        }

        if (s.Unsupported is not null)
        {
            throw new CommandException($"{Name}: {s.Unsupported} is not supported by mtls");
        }

        // openssl's checks, in its order (its -peerkey message really does say "no peer key given").
        if (s.KeyFile is null)
        {
            throw new UsageException("no private key given (-inkey parameter).");
        }

        if (s.PeerFile is not null && s.Operation != Operation.Derive)
        {
            throw new UsageException("no peer key given (-peerkey parameter).");
        }

        if (s.RawIn && s.Operation is not (Operation.Sign or Operation.Verify))
        {
            throw new UsageException("-rawin can only be used with -sign or -verify");
        }

        if (s.Digest is not null && !s.RawIn)
        {
            throw new UsageException("-digest can only be used with -rawin");
        }

        if (s.RawIn && s.Reverse)
        {
            throw new UsageException("-rev cannot be used with raw input");
        }

        byte[]? password = PasswordSource.Resolve(s.PassIn, context);
        PrivateKey? privateKey = null;
        PublicKey publicKey;
        if (s.CertIn)
        {
            publicKey = ReadCertificateKey(context, s.KeyFile);
        }
        else
        {
            byte[] keyData = KeyFiles.ReadFile(context, s.KeyFile, s.PubIn ? "public key" : "private key");
            publicKey = s.PubIn
                ? KeyFiles.ReadPublicKey(keyData, "public key", s.KeyFile)
                : (privateKey = KeyFiles.ReadPrivateKey(keyData, "private key", s.KeyFile, password)).PublicKey;
        }

        if (s.Operation == Operation.Derive)
        {
            return Derive(s, context, privateKey);
        }

        if (s.Operation == Operation.Verify && s.SigFile is null)
        {
            throw new CommandException($"{Name}: No signature file specified for verify");
        }

        if (s.Operation == Operation.Sign && privateKey is null)
        {
            throw new CommandException($"A private key is needed for this operation\n{Name}: Error initializing context");
        }

        HashAlgorithmId? hash = Digest(s, publicKey);
        var sigopts = new SignatureOptions();
        foreach (string option in s.PkeyOpts)
        {
            if (!sigopts.TrySet(option) || sigopts.Digest is not null && publicKey is not (RsaPublicKey or EcPublicKey or DsaPublicKey))
            {
                throw new CommandException($"{Name}: Can't set parameter \"{option}\":");
            }
        }

        byte[]? signature = s.Operation == Operation.Verify ? KeyFiles.ReadAuxiliary(s.SigFile!, "Can't open signature file") : null;
        byte[] input = context.ReadInput(s.InFile);
        if (s.Reverse)
        {
            Array.Reverse(input);
        }

        if (!s.RawIn && input.Length > MaxDigestSize)
        {
            throw new CommandException("Error: The input data looks too long to be a hash");
        }

        hash ??= sigopts.Digest ?? (s.RawIn ? null : GuessDigest(publicKey, input.Length));
        if (s.Operation == Operation.Verify)
        {
            bool ok;
            try
            {
                ok = sigopts.Verify(publicKey, hash, input, signature!, prehashed: !s.RawIn);
            }
            catch (Exception e) when (e is SignatureException or ArgumentException)
            {
                ok = false;
            }

            using Stream verdict = context.OpenOutput(s.OutFile);
            KeyText.Write(verdict, ok ? "Signature Verified Successfully\n" : "Signature Verification Failure\n");
            return ok ? 0 : 1;
        }

        byte[] result;
        try
        {
            result = sigopts.Sign(privateKey!, hash, input, prehashed: !s.RawIn);
        }
        catch (Exception e) when (e is SignatureException or ArgumentException)
        {
            throw new CommandException($"Public Key operation error\n{e.Message}");
        }

        Write(context, s, result);
        return 0;
    }

    private WildcardOptions Declare(State s, CommandContext context) => new WildcardOptions(Name)
        .Section("General")
        .Engine(context)
        .Flag("engine_impl", "Also use engine given by -engine for crypto operations", static () => { })
        .Flag("sign", "Sign input data with private key", () => s.Operation = Operation.Sign)
        .Flag("verify", "Verify with public key", () => s.Operation = Operation.Verify)
        .Flag("encrypt", "Encrypt input data with public key", () => s.Unsupported = "-encrypt (RSA encryption)")
        .Flag("decrypt", "Decrypt input data with private key", () => s.Unsupported = "-decrypt (RSA decryption)")
        .Flag("derive", "Derive shared secret", () => s.Operation = Operation.Derive)
        .Config()
        .Section("Input")
        .Value("in", "infile", "Input file - default stdin", v => s.InFile = v)
        .Flag("rawin", "Indicate the input data is in raw form", () => s.RawIn = true)
        .Flag("pubin", "Input is a public key", () => s.PubIn = true)
        .Value("inkey", "val", "Input private key file", v => s.KeyFile = v)
        .Value("passin", "val", "Input file pass phrase source", v => s.PassIn = v)
        .Value("peerkey", "val", "Peer key file used in key derivation", v => s.PeerFile = v)
        .Value("peerform", "PEM|DER|ENGINE", "Peer key format (DER/PEM/P12/ENGINE)", v => FormatOption.IsDer("peerform", v, Name))
        .Flag("certin", "Input is a cert with a public key", () => s.CertIn = true)
        .Flag("rev", "Reverse the order of the input buffer", () => s.Reverse = true)
        .Value("sigfile", "infile", "Signature file (verify operation only)", v => s.SigFile = v)
        .Value("keyform", "PEM|DER|ENGINE", "Private key format (ENGINE, other values ignored)", v => FormatOption.IsDer("keyform", v, Name))
        .Section("Output")
        .Value("out", "outfile", "Output file - default stdout", v => s.OutFile = v)
        .Flag("asn1parse", "parse the output as ASN.1 data to check its DER encoding and print errors", () => s.Asn1Parse = true)
        .Flag("hexdump", "Hex dump output", () => s.HexDump = true)
        .Flag("verifyrecover", "Verify RSA signature, recovering original signature input data", () => s.Unsupported = "-verifyrecover (raw RSA)")
        .Section("Signing/Derivation")
        .Value("digest", "val", "Specify the digest algorithm when signing the raw input data", v => s.Digest = v)
        .Value("pkeyopt", "val", "Public key options as opt:value", s.PkeyOpts.Add)
        .Value("pkeyopt_passin", "val", "Public key option that is read as a passphrase argument opt:passphrase", _ => s.Unsupported = "-pkeyopt_passin")
        .Value("kdf", "val", "Use KDF algorithm", _ => s.Unsupported = "-kdf")
        .Value("kdflen", "+int", "KDF algorithm output length", v => OptionSet.ParseNonNegative("kdflen", v))
        .RandomState()
        .Providers(Name);

    /// <summary>The subject public key of a certificate (<c>-certin</c>), with openssl's <c>load_cert</c> messages.</summary>
    private PublicKey ReadCertificateKey(CommandContext context, string path)
    {
        string failure = $"\nUnable to load Certificate\n{Name}: Error initializing context";
        byte[] data;
        try
        {
            data = KeyFiles.ReadFile(context, path, "cert of Certificate");
        }
        catch (CommandException e)
        {
            throw new CommandException(e.Message + failure);
        }

        try
        {
            return X509.Certificate.Load(data).GetPublicKey();
        }
        catch (Exception e) when (e is X509.X509FormatException or Pem.PemException or KeyFormatException or Asn1.DecodeException)
        {
            throw new CommandException($"Could not read cert of Certificate from {KeyFiles.DisplayName(path)}\n{e.Message}{failure}");
        }
    }

    private HashAlgorithmId? Digest(State s, PublicKey key)
    {
        bool edwards = key.Algorithm is KeyAlgorithm.Ed25519 or KeyAlgorithm.Ed448;
        if (key.Algorithm is KeyAlgorithm.X25519 or KeyAlgorithm.X448 || edwards && (!s.RawIn || s.Digest is not null))
        {
            throw new CommandException($"{Name}: Error initializing context\n{key.Algorithm} keys cannot {(s.Operation == Operation.Sign ? "sign" : "verify")} "
                + (edwards ? "a digest: use -rawin without -digest (PureEdDSA, RFC 8032)" : "(key agreement only)"));
        }

        if (s.Digest is null)
        {
            return null;
        }

        return DigestNames.TryParse(s.Digest, out HashAlgorithmId hash)
            ? hash
            : throw new CommandException($"{Name}: Invalid digest \"{s.Digest}\"");
    }

    /// <summary>The digest a pre-hashed input came from, told by its length (RFC 6979 nonces need one); RSA needs it named.</summary>
    private HashAlgorithmId? GuessDigest(PublicKey key, int length)
    {
        if (key is RsaPublicKey)
        {
            throw new CommandException($"{Name}: raw RSA signatures (no DigestInfo) are not supported by mtls; name the digest with -pkeyopt digest:sha256");
        }

        return key.Algorithm is KeyAlgorithm.Ed25519 or KeyAlgorithm.Ed448 ? null : length switch
        {
            16 => HashAlgorithmId.Md5,
            20 => HashAlgorithmId.Sha1,
            28 => HashAlgorithmId.Sha224,
            48 => HashAlgorithmId.Sha384,
            64 => HashAlgorithmId.Sha512,
            _ => HashAlgorithmId.Sha256,
        };
    }

    private int Derive(State s, CommandContext context, PrivateKey? key)
    {
        if (key is null)
        {
            throw new CommandException($"A private key is needed for this operation\n{Name}: Error initializing context");
        }

        if (s.PeerFile is null)
        {
            throw new CommandException("Key derivation failed\nno peer key given (-peerkey)");
        }

        PublicKey peer;
        try
        {
            peer = KeyFiles.ReadPublicKey(KeyFiles.ReadFile(context, s.PeerFile, "public key of peer key"), "public key of peer key", s.PeerFile);
        }
        catch (CommandException e)
        {
            throw new CommandException($"{e.Message}\nError reading peer key {s.PeerFile}\n{Name}: Error setting up peer key");
        }

        (KeyAgreementAlgorithmId algorithm, byte[] privateKey, byte[] peerKey) = (key, peer) switch
        {
            (EcxPrivateKey x, EcxPublicKey p) when x.Algorithm == p.Algorithm && x.Algorithm is KeyAlgorithm.X25519 or KeyAlgorithm.X448 =>
                (x.Algorithm == KeyAlgorithm.X25519 ? KeyAgreementAlgorithmId.X25519 : KeyAgreementAlgorithmId.X448, x.Key.ToArray(), p.Key.ToArray()),
            (EcPrivateKey e, EcPublicKey p) when e.Curve.Equals(p.Curve) => (EcdhAlgorithm(e.Curve), e.Scalar.ToArray(), p.Point.ToArray()),
            _ => throw new CommandException($"{Name}: Error setting up peer key\nthe peer key does not match the {key.Algorithm} key (or cannot derive)"),
        };

        using IKeyAgreement agreement = CryptoProviders.Default.ImportKeyAgreement(algorithm, privateKey);
        byte[] secret = new byte[agreement.SharedSecretSize];
        if (!agreement.TryDeriveSharedSecret(peerKey, secret))
        {
            throw new CommandException("Key derivation failed");
        }

        Write(context, s, secret);
        return 0;
    }

    private KeyAgreementAlgorithmId EcdhAlgorithm(EcNamedCurve curve) =>
        curve.Equals(EcNamedCurve.P256) ? KeyAgreementAlgorithmId.EcdhP256
        : curve.Equals(EcNamedCurve.P384) ? KeyAgreementAlgorithmId.EcdhP384
        : curve.Equals(EcNamedCurve.P521) ? KeyAgreementAlgorithmId.EcdhP521
        : throw new CommandException($"{Name}: Error setting up peer key\nECDH on {curve.Name} is not supported by the crypto provider (P-256, P-384, P-521)");

    private static void Write(CommandContext context, State s, byte[] data)
    {
        using Stream output = context.OpenOutput(s.OutFile);
        if (s.Asn1Parse)
        {
            // ASN1_parse_dump(out, buf, len, 1, -1); a parse failure is reported but the command still succeeds.
            using var text = new MemoryStream();
            var printer = new Asn1Printer(text, indent: true, dump: -1);
            bool parsed = printer.Print(data);
            output.Write(text.ToArray());
            if (!parsed && printer.ErrorText is not null)
            {
                context.Error.WriteLine($"pkeyutl:error:{printer.ErrorText}");
            }
        }
        else if (s.HexDump)
        {
            KeyText.Write(output, HexDump(data));
        }
        else
        {
            output.Write(data);
        }
    }

    /// <summary>OpenSSL's <c>BIO_dump</c>: offset, 16 hex bytes with a dash after the eighth, then the printable characters.</summary>
    internal static string HexDump(ReadOnlySpan<byte> data)
    {
        var text = new StringBuilder();
        for (int line = 0; line < data.Length; line += 16)
        {
            text.Append(line.ToString("x4", System.Globalization.CultureInfo.InvariantCulture)).Append(" - ");
            for (int j = 0; j < 16; j++)
            {
                text.Append(line + j < data.Length
                    ? data[line + j].ToString("x2", System.Globalization.CultureInfo.InvariantCulture) + (j == 7 ? '-' : ' ')
                    : "   ");
            }

            text.Append("  ");
            for (int j = 0; j < 16 && line + j < data.Length; j++)
            {
                byte b = data[line + j];
                text.Append(b is >= (byte)' ' and <= (byte)'~' ? (char)b : '.');
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private enum Operation
    {
        Sign,
        Verify,
        Derive,
    }

    private sealed class State
    {
        public Operation Operation { get; set; }
        public string? Unsupported { get; set; }
        public string? InFile { get; set; }
        public bool RawIn { get; set; }
        public bool PubIn { get; set; }
        public bool CertIn { get; set; }
        public string? KeyFile { get; set; }
        public string? PassIn { get; set; }
        public string? PeerFile { get; set; }
        public bool Reverse { get; set; }
        public string? SigFile { get; set; }
        public string? OutFile { get; set; }
        public bool HexDump { get; set; }
        public bool Asn1Parse { get; set; }
        public string? Digest { get; set; }
        public List<string> PkeyOpts { get; } = [];
    }
}
