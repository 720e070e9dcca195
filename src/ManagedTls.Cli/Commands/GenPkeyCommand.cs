using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Pem;

namespace ManagedTls.Cli;

/// <summary>
/// <c>mtls genpkey</c>: generates a private key (RSA, RSA-PSS, EC, Ed25519, Ed448, X25519, X448, DSA from a parameter
/// file) or DSA/EC parameters, and writes PKCS#8 PEM (optionally encrypted) as OpenSSL 3.0's <c>openssl genpkey</c>.
/// </summary>
/// <remarks>
/// <c>-engine</c>, <c>-config</c> and the <c>-provider*</c> options are accepted as <see cref="ProviderOptions"/> describes.
/// Not offered: DH/DHX, explicit EC parameters and multi-prime RSA (the crypto provider generates two-prime keys only).
/// No progress dots are printed. DER output is the traditional form where one exists, unencrypted, as openssl 3.0 writes it.
/// </remarks>
internal sealed class GenPkeyCommand : ICommand
{
    public string Name => "genpkey";

    public string Summary => "Generate a private key or key parameters";

    public int Run(ReadOnlySpan<string> args, CommandContext context)
    {
        string? algorithm = null, paramFile = null, outFile = null, pass = null, cipher = null;
        bool outDer = false, genParam = false, text = false;
        var pkeyopts = new List<string>();
        var options = new WildcardOptions(Name)
            .Section("General")
            .Engine(context)
            .Value("paramfile", "infile", "Parameters file", v => paramFile = v)
            .Value("algorithm", "val", "The public key algorithm", v => algorithm = v)
            .Flag("quiet", "Do not output status while generating keys", () => { })
            .Value("pkeyopt", "val", "Set the public key algorithm option as opt:value", pkeyopts.Add)
            .Config()
            .Section("Output")
            .Value("out", "outfile", "Output file", v => outFile = v)
            .Value("outform", "PEM|DER", "output format (DER or PEM)", v => outDer = FormatOption.IsDer("outform", v, Name))
            .Value("pass", "val", "Output file pass phrase source", v => pass = v)
            .Flag("genparam", "Generate parameters, not key", () => genParam = true)
            .Flag("text", "Print the in text", () => text = true)
            .Wildcard("Cipher to use to encrypt the key", name => (cipher = ParseCipher(name)) is not null)
            .Providers(Name);
        options.Parse(args, context.Error);
        if (options.Set.HelpRequested)
        {
            context.Error.Write("Order of options may be important!  See the documentation.\n");
            return 0;
        }

        // genpkey needs -algorithm or -paramfile (and not both), and no stray arguments.
        if (options.Set.Positionals.Count > 0 || (algorithm is null) == (paramFile is null) || genParam && paramFile is not null)
        {
            throw new CommandException($"{Name}: Use -help for summary.");
        }

        byte[]? password = PasswordSource.Resolve(pass, context);
        KeySpec spec = paramFile is not null
            ? KeySpec.FromParameterFile(KeyFiles.ReadAuxiliary(paramFile, "Can't open parameter file"), paramFile)
            : KeySpec.ForAlgorithm(algorithm!);
        foreach (string option in pkeyopts)
        {
            spec.Set(option, Name);
        }

        byte[] output;
        string? textOut = null;
        if (genParam)
        {
            (output, string parametersText) = spec.GenerateParameters(outDer);
            textOut = text ? parametersText : null;
        }
        else
        {
            PrivateKey key = spec.Generate();
            output = KeyFiles.EncodePrivateKey(key, outDer, traditional: outDer, outDer ? null : cipher, password); // DER: i2d_PrivateKey, unencrypted
            textOut = text ? KeyText.Private(key) : null;
        }

        using Stream stream = context.OpenOutput(outFile);
        stream.Write(output);
        if (textOut is not null)
        {
            KeyText.Write(stream, textOut);
        }

        return 0;
    }

    // genpkey's "-*" entry: an unknown cipher gives only "Use -help for summary", as openssl prints.
    private string ParseCipher(string flag)
    {
        try
        {
            return CipherOptions.Parse(flag, Name);
        }
        catch (UsageException)
        {
            throw new CommandException($"{Name}: Use -help for summary.");
        }
    }

    /// <summary>What to generate, built from <c>-algorithm</c>/<c>-paramfile</c> and then the <c>-pkeyopt</c>s.</summary>
    internal sealed class KeySpec
    {
        private KeyAlgorithm _algorithm;
        private int _rsaBits = 2048;
        private int _rsaExponent = 65537;
        private string? _pssMd;
        private string? _pssMgf1Md;
        private int? _pssSaltLength;
        private EcNamedCurve? _curve;
        private int _dsaBits = 2048;
        private int? _dsaQBits;
        private DsaDomainParameters? _dsaDomain;

        private KeySpec(KeyAlgorithm algorithm)
        {
            _algorithm = algorithm;
        }

        public static KeySpec ForAlgorithm(string name) => name.ToUpperInvariant() switch
        {
            "RSA" or "RSAENCRYPTION" => new(KeyAlgorithm.Rsa),
            "RSA-PSS" or "RSASSA-PSS" or "RSAPSS" => new(KeyAlgorithm.RsaPss),
            "EC" => new(KeyAlgorithm.Ec),
            "ED25519" => new(KeyAlgorithm.Ed25519),
            "ED448" => new(KeyAlgorithm.Ed448),
            "X25519" => new(KeyAlgorithm.X25519),
            "X448" => new(KeyAlgorithm.X448),
            "DSA" => new(KeyAlgorithm.Dsa),
            _ => throw new CommandException($"Error initializing {name} context"),
        };

        public static KeySpec FromParameterFile(byte[] data, string path)
        {
            try
            {
                if (PemReader.TryFind(data, out PemBlock? block, PemLabels.DsaParameters, PemLabels.EcParameters))
                {
                    data = block.Data.ToArray();
                    return block.Label == PemLabels.EcParameters ? EcFromDer(data) : DsaFromDer(data);
                }

                return data.Length > 0 && data[0] == 0x06 ? EcFromDer(data) : DsaFromDer(data);
            }
            catch (Exception e) when (e is Asn1.DecodeException or KeyFormatException or PemException)
            {
                throw new CommandException($"Error reading parameter file {path}\n{e.Message}");
            }
        }

        public void Set(string option, string verb)
        {
            int colon = option.IndexOf(':', StringComparison.Ordinal);
            string name = colon < 0 ? option : option[..colon];
            string? value = colon < 0 ? null : option[(colon + 1)..];
            if (value is null || !TrySet(name, value))
            {
                throw new CommandException($"{verb}: Error setting {option} parameter:");
            }
        }

        public PrivateKey Generate()
        {
            ICryptoProvider provider = CryptoProviders.Default;
            switch (_algorithm)
            {
                case KeyAlgorithm.Rsa:
                case KeyAlgorithm.RsaPss:
                    RsaPrivateKey rsa = KeyMaterial.FromCrypto(provider.GenerateRsaKey(_rsaBits, _rsaExponent));
                    return _algorithm == KeyAlgorithm.Rsa ? rsa : rsa.AsPss(PssParameters());
                case KeyAlgorithm.Ec:
                    EcNamedCurve curve = _curve ?? throw new CommandException("genpkey: Error generating EC key\nno curve given (use -pkeyopt ec_paramgen_curve:P-256)");
                    return KeyMaterial.FromCrypto(provider.GenerateEcKey(ToProviderCurve(curve)));
                case KeyAlgorithm.Ed25519:
                    return KeyMaterial.FromCrypto(provider.GenerateEdDsaKey(EdwardsCurve.Ed25519));
                case KeyAlgorithm.Ed448:
                    return KeyMaterial.FromCrypto(provider.GenerateEdDsaKey(EdwardsCurve.Ed448));
                case KeyAlgorithm.X25519:
                case KeyAlgorithm.X448:
                    return KeyGenerator.GenerateMontgomery(_algorithm);
                default:
                    DsaDomainParameters domain = _dsaDomain ?? throw new CommandException(
                        "genpkey: Error generating DSA key\nDSA keys need domain parameters: generate them with -genparam and pass them with -paramfile");
                    var bag = new DsaParameters { P = domain.P, Q = domain.Q, G = domain.G };
                    return KeyMaterial.FromCrypto(provider.GenerateDsaKey(bag));
            }
        }

        /// <summary>Generates DSA domain parameters or names the EC curve; returns the encoding and the -text form.</summary>
        public (byte[] Encoded, string Text) GenerateParameters(bool der)
        {
            byte[] encoded;
            string label;
            string text;
            switch (_algorithm)
            {
                case KeyAlgorithm.Dsa:
                    int qBits = _dsaQBits ?? (_dsaBits >= 3072 ? 256 : _dsaBits >= 2048 ? 224 : 160);
                    DsaParameters bag = CryptoProviders.Default.GenerateDsaDomain(_dsaBits, qBits);
                    var domain = new DsaDomainParameters(bag.P.Span, bag.Q.Span, bag.G.Span);
                    using (var writer = new Asn1.DerWriter())
                    {
                        domain.Encode(writer);
                        encoded = writer.ToArray();
                    }

                    label = PemLabels.DsaParameters;
                    text = KeyTextFormatter.FormatDsaParameters(domain);
                    break;
                case KeyAlgorithm.Ec:
                    EcNamedCurve curve = _curve ?? throw new CommandException("genpkey: Error generating EC parameters\nno curve given (use -pkeyopt ec_paramgen_curve:P-256)");
                    encoded = KeyEncoder.EncodeEcParameters(curve);
                    label = PemLabels.EcParameters;
                    text = KeyTextFormatter.FormatEcParameters(curve);
                    break;
                default:
                    throw new CommandException($"genpkey: Error generating parameters\n{_algorithm} has no parameters to generate");
            }

            return (der ? encoded : PemWriter.Write(label, encoded), text);
        }

        private static KeySpec EcFromDer(byte[] der)
        {
            var reader = new Asn1.DerReader(der);
            return new KeySpec(KeyAlgorithm.Ec) { _curve = EcPublicKey.DecodeCurve(ref reader) };
        }

        private static KeySpec DsaFromDer(byte[] der)
        {
            var reader = new Asn1.DerReader(der);
            return new KeySpec(KeyAlgorithm.Dsa) { _dsaDomain = DsaDomainParameters.Decode(ref reader) };
        }

        private static EcCurve ToProviderCurve(EcNamedCurve curve)
        {
            try
            {
                return KeyMaterial.ToCryptoCurve(curve);
            }
            catch (NotSupportedException e)
            {
                throw new CommandException($"genpkey: Error generating EC key\n{e.Message}");
            }
        }

        private bool TrySet(string name, string value)
        {
            bool rsa = _algorithm is KeyAlgorithm.Rsa or KeyAlgorithm.RsaPss;
            switch (name)
            {
                case "rsa_keygen_bits" when rsa:
                    return int.TryParse(value, out _rsaBits) && _rsaBits >= 512 && _rsaBits <= RsaPublicKey.MaxModulusBits;
                case "rsa_keygen_pubexp" when rsa:
                    return TryParseExponent(value, out _rsaExponent);
                case "rsa_keygen_primes" when rsa:
                    return TryPrimes(value);
                case "rsa_pss_keygen_md" when _algorithm == KeyAlgorithm.RsaPss:
                    return TryDigestOid(value, out _pssMd);
                case "rsa_pss_keygen_mgf1_md" when _algorithm == KeyAlgorithm.RsaPss:
                    return TryDigestOid(value, out _pssMgf1Md);
                case "rsa_pss_keygen_saltlen" when _algorithm == KeyAlgorithm.RsaPss:
                    bool ok = int.TryParse(value, out int salt) && salt >= 0;
                    _pssSaltLength = salt;
                    return ok;
                case "ec_paramgen_curve" or "group" when _algorithm == KeyAlgorithm.Ec:
                    return TryCurve(value, out _curve);
                case "ec_param_enc" when _algorithm == KeyAlgorithm.Ec:
                    return TryParameterEncoding(value);
                case "dsa_paramgen_bits" when _algorithm == KeyAlgorithm.Dsa:
                    return int.TryParse(value, out _dsaBits) && _dsaBits is 1024 or 2048 or 3072;
                case "dsa_paramgen_q_bits" or "qbits" when _algorithm == KeyAlgorithm.Dsa:
                    bool parsed = int.TryParse(value, out int q) && q is 160 or 224 or 256;
                    _dsaQBits = q;
                    return parsed;
                case "dsa_paramgen_md" when _algorithm == KeyAlgorithm.Dsa:
                    return Signatures.DigestNames.TryParse(value, out _);
                default:
                    return false;
            }
        }

        /// <summary>openssl accepts 2 to 5 primes (RSA_MAX_PRIME_NUM); the crypto provider generates two-prime keys only.</summary>
        private static bool TryPrimes(string value)
        {
            if (!int.TryParse(value, out int primes) || primes is < 2 or > 5)
            {
                return false;
            }

            return primes == 2 ? true : throw new CommandException(
                $"genpkey: Error setting rsa_keygen_primes:{value} parameter:\nmulti-prime RSA key generation is not supported by the crypto provider (two primes only)");
        }

        /// <summary>named_curve is what ManagedTls writes; explicit parameters are refused (RFC 5480 §2.1.1).</summary>
        private static bool TryParameterEncoding(string value) => value switch
        {
            "named_curve" => true,
            "explicit" => throw new CommandException(
                "genpkey: Error setting ec_param_enc:explicit parameter:\nexplicit EC parameters are not supported (named curves only, RFC 5480 §2.1.1)"),
            _ => false,
        };

        private RsaPssParameters? PssParameters()
        {
            if (_pssMd is null && _pssMgf1Md is null && _pssSaltLength is null)
            {
                return null; // an unrestricted RSA-PSS key: AlgorithmIdentifier without parameters, as openssl writes it
            }

            const string sha1 = "1.3.14.3.2.26";
            return RsaPssParameters.Create(_pssMd ?? sha1, _pssMgf1Md ?? sha1, _pssSaltLength ?? 20);
        }

        private static bool TryDigestOid(string name, out string? oid)
        {
            oid = Signatures.DigestNames.TryParse(name, out HashAlgorithmId hash) ? Signatures.DigestAlgorithms.Oid(hash) : null;
            return oid is not null;
        }

        private static bool TryCurve(string name, out EcNamedCurve? curve)
        {
            if (EcNamedCurve.TryGetByName(name, out EcNamedCurve? found))
            {
                curve = found;
                return true;
            }

            throw new CommandException($"genpkey: Error generating EC key\ninvalid curve: {name}");
        }

        private static bool TryParseExponent(string value, out int exponent)
        {
            exponent = 0;
            try
            {
                int parsed = RandCommand.ParseInt(value);
                exponent = parsed;
                return parsed >= 3 && parsed % 2 == 1;
            }
            catch (UsageException)
            {
                return false;
            }
        }
    }
}
