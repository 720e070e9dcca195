using ManagedTls.Keys;
using ManagedTls.Pem;
using ManagedTls.X509;
using ManagedTls.X509.Configuration;

namespace ManagedTls.Cli;

/// <content>The request/certificate pipeline, in openssl's order of steps, messages and outputs.</content>
internal sealed partial class ReqCommand
{
    private const string Section = "req";
    private const int DefaultDays = 30;

    private int Execute(Settings s, CommandContext context)
    {
        RequestConfig config = RequestConfig.Load(s.ConfigFile);
        string section = s.Section ?? Section;
        bool x509 = s.X509 || s.CaFile is not null;
        bool newRequest = s.New || (x509 && s.InFile is null);
        if (!x509 && s.Days is not null)
        {
            context.Error.WriteLine("Ignoring -days without -x509; not generating a certificate");
        }

        (byte[]? passIn, byte[]? passOut) = PasswordSource.Resolve(s.PassIn, s.PassOut, context);
        PrivateKey? key = s.KeyFile is null ? null : X509Files.LoadPrivateKey(context, s.KeyFile, "private key", passIn);
        if (newRequest && key is null && s.CaFile is null || s.NewKey is not null)
        {
            key = GenerateKey(s, config, section, context, passOut);
        }

        CertificationRequest? request = null;
        if (!newRequest)
        {
            request = LoadRequest(context, s.InFile, s.InForm);
        }

        Certificate? certificate = null;
        if (x509)
        {
            certificate = BuildCertificate(s, config, section, key, request, context, passIn);
        }
        else if (newRequest)
        {
            request = BuildRequest(s, config, section, key!);
        }
        else if (s.Subject is not null)
        {
            throw new CommandException($"{Name}: -subj on an existing request is not supported by mtls (openssl keeps the old signature)");
        }

        if (s.Verify && !x509)
        {
            context.Error.WriteLine(X509Command.VerifyRequest(request!)
                ? "Certificate request self-signature verify OK"
                : "Certificate request self-signature verify failure");
        }

        if (s.NoOut && !s.Text && !s.Modulus && !s.PrintSubject && !s.PrintPublicKey)
        {
            return 0;
        }

        using Stream output = OpenOutput(s, context);
        ReadOnlyMemory<byte> spki = certificate?.SubjectPublicKeyInfo ?? request!.SubjectPublicKeyInfo;
        if (s.PrintPublicKey)
        {
            output.Write(PemWriter.Write(PemLabels.PublicKey, spki.Span));
        }

        if (s.Text)
        {
            KeyText.WriteUtf8(output, certificate is not null ? X509Text.Certificate(certificate, s.NameOption) : X509Text.Request(request!, s.NameOption));
        }

        if (s.PrintSubject)
        {
            KeyText.WriteUtf8(output, s.NameOption.Print("subject=", certificate?.Subject ?? request!.Subject));
        }

        if (s.Modulus)
        {
            PublicKey? publicKey = certificate is not null
                ? (certificate.TryGetPublicKey(out PublicKey? k1, out _) ? k1 : null)
                : (request!.TryGetPublicKey(out PublicKey? k2, out _) ? k2 : null);
            KeyText.Write(output, "Modulus=" + (publicKey is RsaPublicKey ? X509Command.Modulus(publicKey) : "Wrong Algorithm type") + "\n");
        }

        if (!s.NoOut)
        {
            if (certificate is not null)
            {
                X509Files.Write(output, certificate.RawData, s.OutDer, PemLabels.Certificate);
            }
            else
            {
                X509Files.Write(output, request!.RawData, s.OutDer, s.NewHeader ? PemLabels.NewCertificateRequest : PemLabels.CertificateRequest);
            }
        }

        return 0;
    }

    // req reads the file itself (bio_open_default) and then PEM_read/d2i: "Unable to load X509 request" and the reason.
    private static CertificationRequest LoadRequest(CommandContext context, string? path, X509Files.Format format)
    {
        byte[] data;
        try
        {
            data = context.ReadInput(path);
        }
        catch (CommandException e)
        {
            throw new CommandException($"{e.Message}\nUnable to load X509 request");
        }

        try
        {
            return format == X509Files.Format.Der ? CertificationRequest.Decode(data) : CertificationRequest.Load(data);
        }
        catch (Exception e) when (e is X509FormatException or PemException or Asn1.DecodeException)
        {
            throw new CommandException($"Unable to load X509 request\n{e.Message}");
        }
    }

    // -out equal to -keyout appends after the key, as openssl opens it with 'a'.
    private static Stream OpenOutput(Settings s, CommandContext context)
    {
        if (s.OutFile is not null && s.OutFile == s.KeyOut)
        {
            try
            {
                return new FileStream(s.OutFile, FileMode.Append, FileAccess.Write);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CommandException($"Can't open \"{s.OutFile}\" for writing, {e.Message}");
            }
        }

        return context.OpenOutput(s.OutFile);
    }

    private CertificationRequest BuildRequest(Settings s, RequestConfig config, string section, PrivateKey key)
    {
        var builder = new CertificationRequestBuilder
        {
            Subject = RequestSubject(s, config, section),
            PublicKey = key.PublicKey,
        };
        var context = new ExtensionSection.Context(null, key.PublicKey, key.PublicKey, builder.Subject, System.Numerics.BigInteger.Zero);
        string? extensionsSection = s.RequestExtensions ?? config.Get(section, "req_extensions");
        if (extensionsSection is not null)
        {
            ExtensionSection.FromConfig(config, extensionsSection, "Error Loading request extension section").AddTo(builder.Extensions, context, forRequest: true);
        }

        AddExt(s, builder.Extensions, context, config);
        for (int i = builder.Extensions.Count - 1; i >= 0; i--)
        {
            if (X509ExtensionConfig.IsPlaceholder(builder.Extensions[i]))
            {
                builder.Extensions.RemoveAt(i);
            }
        }

        try
        {
            return builder.Sign(key, X509Command.SigningDigest(key, s.Digest ?? config.Get(section, "default_md")));
        }
        catch (Exception e) when (e is X509BuildException or Signatures.SignatureException or KeyFormatException)
        {
            throw new CommandException($"Error making certificate request\n{e.Message}");
        }
    }

    private Certificate BuildCertificate(Settings s, RequestConfig config, string section, PrivateKey? key, CertificationRequest? request, CommandContext context, byte[]? passIn)
    {
        Certificate? ca = null;
        PrivateKey? signer = key;
        if (s.CaFile is not null)
        {
            ca = X509Files.LoadCertificate(context, s.CaFile, X509Files.Format.Any, "issuer certificate");
            string caKey = s.CaKeyFile ?? s.CaFile;
            try
            {
                signer = X509Files.LoadPrivateKey(context, caKey, "issuer private key", passIn);
            }
            catch (CommandException e) when (s.CaKeyFile is null)
            {
                throw new CommandException(e.Message.Split('\n')[0].Replace("issuer private key from ", "issuer private key from -CA arg from ", StringComparison.Ordinal));
            }
        }

        if (signer is null)
        {
            throw new CommandException("Must provide a signature key using -key or provide -CA / -CAkey");
        }

        PublicKey subjectKey = request is not null ? request.GetPublicKey() : key!.PublicKey;
        DateTimeOffset now = DateTimeOffset.UtcNow;
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        var builder = new CertificateBuilder
        {
            Version = 1,
            SerialNumber = s.Serial ?? SerialNumbers.Random(),
            Subject = s.Subject is not null ? SubjectOption.Parse(s.Subject, Name) : request?.Subject ?? RequestSubject(s, config, section),
            NotBefore = now,
            NotAfter = now.AddDays(s.Days ?? DefaultDays),
            PublicKey = subjectKey,
        };
        builder.Issuer = ca?.Subject ?? builder.Subject;
        if (request is not null && s.CopyExtensions != true)
        {
            context.Error.WriteLine("Warning: No -copy_extensions given; ignoring any extensions in the request");
        }
        else if (request is not null)
        {
            foreach (X509Extension extension in request.GetRequestedExtensions())
            {
                builder.Extensions.Add(extension);
            }
        }

        if (ca is null && !signer.PublicKey.Equals(subjectKey))
        {
            context.Error.WriteLine("Warning: Signature key and public key of cert do not match");
        }

        var extensionContext = new ExtensionSection.Context(ca, subjectKey, ca is null ? signer.PublicKey : null, builder.Subject, builder.SerialNumber)
        {
            Request = request,
            Provisional = () => KeyIdentifiers.Provisional(builder, signer),
        };
        string? extensionsSection = s.Extensions ?? config.Get(section, "x509_extensions");
        if (extensionsSection is not null)
        {
            ExtensionSection.FromConfig(config, extensionsSection, "Error Loading extension section").AddTo(builder.Extensions, extensionContext);
        }

        AddExt(s, builder.Extensions, extensionContext, config);
        return X509Command.SignCertificate(builder, signer, ca, s.Digest ?? config.Get(section, "default_md"));
    }

    /// <summary>-addext "name = value": each added in order; a name already present is an error, as in openssl.</summary>
    private static void AddExt(Settings s, IList<X509Extension> extensions, ExtensionSection.Context context, RequestConfig config)
    {
        foreach (string line in s.AddExt)
        {
            int equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                throw new CommandException($"Invalid extension string: {line}");
            }

            X509Extension extension = ExtensionSection.Create(line[..equals].Trim(), line[(equals + 1)..].Trim(), context, config);
            ExtensionSection.AddReplacing(extensions, extension);
        }
    }

    /// <summary>-subj, or the configuration's distinguished_name section with <c>prompt = no</c>; mtls never prompts.</summary>
    private DistinguishedName RequestSubject(Settings s, RequestConfig config, string section)
    {
        if (s.Subject is not null)
        {
            return SubjectOption.Parse(s.Subject, Name);
        }

        string? dn = config.Get(section, "distinguished_name");
        if (config.Get(section, "prompt") == "no" && dn is not null && config.Section(dn) is { } entries)
        {
            var attributes = new List<AttributeTypeAndValue>();
            foreach ((string type, string value) in entries)
            {
                // Leading "N." lets one type appear several times (prompt_info/auto_info).
                int dot = type.LastIndexOfAny([':', ',', '.']);
                attributes.Add(AttributeTypeAndValue.Create(dot >= 0 && dot < type.Length - 1 ? type[(dot + 1)..] : type, value));
            }

            return DistinguishedName.Create(attributes);
        }

        throw new CommandException($"{Name}: no subject given: use -subj (mtls does not prompt), or prompt = no with a distinguished_name section in -config");
    }

    private PrivateKey GenerateKey(Settings s, RequestConfig config, string section, CommandContext context, byte[]? passOut)
    {
        string spec = s.NewKey ?? "rsa:" + (config.Get(section, "default_bits") ?? "2048");
        GenPkeyCommand.KeySpec keySpec = ParseNewKey(spec);
        foreach (string option in s.KeyOptions)
        {
            keySpec.Set(option, Name);
        }

        PrivateKey key;
        try
        {
            key = keySpec.Generate();
        }
        catch (CommandException e) when (e.Message.StartsWith("genpkey: Error generating EC key", StringComparison.Ordinal))
        {
            throw new CommandException("req: Error generating ec key");
        }

        string? keyOut = s.KeyOut ?? config.Get(section, "default_keyfile");
        bool encrypt = !s.NoEncrypt && config.Get(section, "encrypt_key") != "no" && config.Get(section, "encrypt_rsa_key") != "no";
        byte[] encoded = KeyFiles.EncodePrivateKey(key, der: false, traditional: false, encrypt ? "aes-256-cbc" : null, passOut);
        if (keyOut is null)
        {
            context.Flush();
            context.OutStream.Write(encoded);
        }
        else
        {
            try
            {
                File.WriteAllBytes(keyOut, encoded);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CommandException($"Can't open \"{keyOut}\" for writing, {e.Message}");
            }
        }

        context.Error.WriteLine("-----");
        return key;
    }

    // -newkey: [alg:]nbits, alg[:paramfile] or param:paramfile.
    private static GenPkeyCommand.KeySpec ParseNewKey(string spec)
    {
        int colon = spec.IndexOf(':', StringComparison.Ordinal);
        string algorithm = colon < 0 ? spec : spec[..colon];
        string? argument = colon < 0 ? null : spec[(colon + 1)..];
        if (algorithm.Length > 0 && algorithm.All(char.IsAsciiDigit))
        {
            (algorithm, argument) = ("rsa", algorithm);
        }

        if (algorithm == "param" || argument is not null && !argument.All(char.IsAsciiDigit))
        {
            string file = argument ?? string.Empty;
            return GenPkeyCommand.KeySpec.FromParameterFile(KeyFiles.ReadAuxiliary(file, "Can't open parameter file"), file);
        }

        GenPkeyCommand.KeySpec keySpec;
        try
        {
            keySpec = GenPkeyCommand.KeySpec.ForAlgorithm(algorithm);
        }
        catch (CommandException)
        {
            throw new CommandException($"Unknown algorithm {algorithm}\nError allocating keygen context");
        }

        if (argument is not null)
        {
            keySpec.Set("rsa_keygen_bits:" + argument, "req");
        }

        return keySpec;
    }
}
