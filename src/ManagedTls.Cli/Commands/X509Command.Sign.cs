using System.Numerics;
using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Signatures;
using ManagedTls.X509;

namespace ManagedTls.Cli;

/// <content>
/// The signing paths: <c>-key</c> (self-signed, or re-signed), <c>-req</c> and <c>-new</c>, and the micro-CA
/// (<c>-CA</c>, <c>-CAkey</c>, <c>-CAserial</c>, <c>-CAcreateserial</c>), in OpenSSL 3.0's order of checks and messages.
/// </content>
internal sealed partial class X509Command
{
    private const int DefaultDays = 30;

    private Certificate Sign(Settings s, CommandContext context)
    {
        if (s.PreserveDates && s.Days is not null)
        {
            throw new CommandException("Cannot use -preserve_dates with -days option");
        }

        int days = s.Days ?? DefaultDays;
        byte[]? password = PasswordSource.Resolve(s.PassIn, context);
        if (s.New && s.InFile is not null)
        {
            throw new CommandException("The -in option cannot be used with -new");
        }

        if (s.New && s.Req)
        {
            throw new CommandException("The -req option cannot be used with -new");
        }

        PrivateKey? key = s.KeyFile is null ? null : X509Files.LoadPrivateKey(context, s.KeyFile, "private key", password);
        PublicKey? forcedKey = s.ForcePublicKey is null ? null : LoadPublicKey(context, s.ForcePublicKey);
        if (s.New && s.Subject is null)
        {
            throw new CommandException("The -new option requires a subject to be set using -subj");
        }

        if (s.New && key is null && forcedKey is null)
        {
            throw new CommandException("The -new option requires using the -key or -force_pubkey option");
        }

        DistinguishedName? subject = s.Subject is null ? null : SubjectOption.Parse(s.Subject, Name);
        string? caKeyFile = s.CaKeyFile ?? s.CaFile;
        if (s.CaFile is not null && key is not null)
        {
            throw new CommandException("Cannot use both -key/-signkey and -CA option");
        }

        if (s.CaFile is null && s.CaKeyFile is not null)
        {
            context.Error.WriteLine("Warning: ignoring -CAkey option since no -CA option is given");
        }

        ExtensionSection? extensions = s.ExtFile is null ? null : ExtensionSection.Load(s.ExtFile, s.ExtSection);
        if (s.ExtFile is null && s.ExtSection is not null)
        {
            context.Error.WriteLine("Warning: ignoring -extensions option without -extfile");
        }

        CertificationRequest? request = null;
        CertificateBuilder builder;
        Certificate? original = null;
        BigInteger? serial = s.Serial;
        if (s.Req)
        {
            request = X509Files.LoadRequest(context, s.InFile, s.InForm, "certificate request input", null);
            if (!VerifyRequest(request))
            {
                throw new CommandException("Certificate request self-signature did not match the contents");
            }

            context.Error.WriteLine("Certificate request self-signature ok");
            context.Error.Write(s.NameOption.Print("subject=", request.Subject));
        }

        if (s.Req || s.New)
        {
            if (s.PreserveDates)
            {
                context.Error.WriteLine("Warning: ignoring -preserve_dates option with -req or -new");
                s.PreserveDates = false;
            }

            if (key is null && caKeyFile is null)
            {
                throw new CommandException("We need a private key to sign with, use -key or -CAkey or -CA with private key");
            }

            builder = new CertificateBuilder { Version = 1 };
            if (s.CaFile is null || s.CaSerialFile is null && !s.CaCreateSerial)
            {
                serial ??= SerialNumbers.Random(); // OpenSSL 3.0 keeps no serial file unless one is named or created
            }

            if (request is not null && s.CopyExtensions == true)
            {
                CopyRequestExtensions(builder, request);
            }
        }
        else
        {
            original = X509Files.LoadCertificate(context, s.InFile, s.InForm);
            builder = CertificateBuilder.From(original);
        }

        if (subject is not null || request is not null)
        {
            builder.Subject = subject ?? request!.Subject;
        }

        if (forcedKey is not null || key is not null)
        {
            builder.SubjectPublicKeyInfo = null;
            builder.PublicKey = forcedKey ?? key!.PublicKey;
        }
        else if (request is not null)
        {
            builder.PublicKey = null;
            builder.SubjectPublicKeyInfo = request.SubjectPublicKeyInfo;
        }

        Certificate? caCertificate = s.CaFile is null ? null : X509Files.LoadCertificate(context, s.CaFile, X509Files.Format.Any, "CA certificate");
        if (s.ClearExtensions)
        {
            builder.Extensions.Clear();
        }

        if (caCertificate is not null)
        {
            serial ??= CaSerial.Next(s.CaFile!, s.CaSerialFile, s.CaCreateSerial);
            if (original is not null && !original.IsSelfSigned())
            {
                throw new CommandException("Error with certificate to be certified - should be self-signed");
            }
        }
        else if (key is not null && !KeyMatches(builder, key))
        {
            context.Error.WriteLine("Warning: Signature key and public key of cert do not match");
        }

        if (serial is not null)
        {
            builder.SerialNumber = serial.Value;
        }

        if (!s.PreserveDates)
        {
            DateTimeOffset now = DateTimeOffset.UtcNow;
            now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
            builder.NotBefore = now;
            builder.NotAfter = now.AddDays(days);
        }

        builder.Issuer = caCertificate?.Subject ?? builder.Subject;
        PublicKey subjectKey = builder.PublicKey ?? KeyDecoder.DecodePublicKey(builder.SubjectPublicKeyInfo!.Value.Span);
        PrivateKey signer;
        if (key is not null)
        {
            signer = key;
        }
        else
        {
            signer = X509Files.LoadPrivateKey(context, caKeyFile!, "CA private key", password);
            if (!signer.PublicKey.Equals(caCertificate!.GetPublicKey()))
            {
                throw new CommandException("CA certificate and CA private key do not match");
            }
        }

        extensions?.AddTo(builder.Extensions, new ExtensionSection.Context(caCertificate, subjectKey, key?.PublicKey, builder.Subject, builder.SerialNumber)
        {
            Request = request,
            Provisional = () => KeyIdentifiers.Provisional(builder, signer),
        });

        return SignCertificate(builder, signer, caCertificate, s.Digest);
    }

    /// <summary><c>do_X509_sign</c>: v3 with default key identifiers when there are extensions, then the signature.</summary>
    internal static Certificate SignCertificate(CertificateBuilder builder, PrivateKey signer, Certificate? issuer, string? digest)
    {
        if (builder.Extensions.Count > 0)
        {
            builder.Version = 3;
            PublicKey subjectKey = builder.PublicKey ?? KeyDecoder.DecodePublicKey(builder.SubjectPublicKeyInfo!.Value.Span);
            KeyIdentifiers.AdaptDefaults(builder.Extensions, subjectKey, issuer, signer.PublicKey.Equals(subjectKey));
        }

        try
        {
            return builder.Sign(signer, SigningDigest(signer, digest));
        }
        catch (Exception e) when (e is X509BuildException or SignatureException or KeyFormatException)
        {
            throw new CommandException($"Error signing certificate\n{e.Message}");
        }
    }

    /// <summary>The <c>-md</c>/<c>-digest</c> name for signing; EdDSA keys take none (openssl drops it).</summary>
    internal static HashAlgorithmId? SigningDigest(PrivateKey key, string? name)
    {
        if (key.PublicKey.Algorithm is KeyAlgorithm.Ed25519 or KeyAlgorithm.Ed448 || name is null)
        {
            return null;
        }

        return DigestNames.TryParse(name, out HashAlgorithmId hash) ? hash : throw new CommandException($"Invalid digest: {name}");
    }

    /// <summary><c>X509_REQ_verify</c> with the request's own key; an unusable key counts as a failure.</summary>
    internal static bool VerifyRequest(CertificationRequest request)
    {
        try
        {
            return request.VerifySignature();
        }
        catch (Exception e) when (e is KeyFormatException or SignatureException or X509FormatException)
        {
            return false;
        }
    }

    private static void CopyRequestExtensions(CertificateBuilder builder, CertificationRequest request)
    {
        foreach (X509Extension extension in request.GetRequestedExtensions())
        {
            if (!builder.Extensions.Any(e => e.Oid == extension.Oid))
            {
                builder.Extensions.Add(extension);
            }
        }
    }

    private static bool KeyMatches(CertificateBuilder builder, PrivateKey key) =>
        builder.PublicKey is { } pk ? pk.Equals(key.PublicKey) : KeyDecoder.DecodePublicKey(builder.SubjectPublicKeyInfo!.Value.Span).Equals(key.PublicKey);

    private static PublicKey LoadPublicKey(CommandContext context, string path)
    {
        byte[] data = KeyFiles.ReadFile(context, path, "explicitly set public key");
        try
        {
            return KeyDecoder.DecodePublicKey(data);
        }
        catch (Exception e) when (e is KeyFormatException or Pem.PemException)
        {
            // load_pubkey also takes a private key file and uses its public half.
            return KeyFiles.ReadPrivateKey(data, "explicitly set public key", path, null).PublicKey;
        }
    }
}
