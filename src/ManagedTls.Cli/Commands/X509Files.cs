using ManagedTls.Asn1;
using ManagedTls.Keys;
using ManagedTls.Pem;
using ManagedTls.X509;

namespace ManagedTls.Cli;

/// <summary>
/// Loading certificates, requests and CRLs for the X.509 verbs as OpenSSL 3.0's <c>load_cert</c>/<c>load_csr</c>/
/// <c>load_crl</c> do: without <c>-inform</c> PEM or DER is detected; an explicit format is strict. Failures print
/// openssl's two lines ("Could not read certificate from F", "Unable to load certificate") with one line naming the
/// reason in between, instead of openssl's error-queue dump.
/// </summary>
internal static class X509Files
{
    /// <summary>An input format: detected, or the one <c>-inform</c> named.</summary>
    internal enum Format
    {
        /// <summary>No <c>-inform</c>: PEM or DER, whichever the data is.</summary>
        Any,

        /// <summary><c>-inform PEM</c>.</summary>
        Pem,

        /// <summary><c>-inform DER</c>.</summary>
        Der,
    }

    /// <summary>Parses an <c>-inform</c> value.</summary>
    /// <param name="value">The value.</param>
    /// <param name="verb">The verb, for the message.</param>
    /// <returns>The format.</returns>
    public static Format ParseFormat(string value, string verb) => FormatOption.IsDer("inform", value, verb) ? Format.Der : Format.Pem;

    /// <summary>Reads and decodes a certificate.</summary>
    /// <param name="context">For standard input.</param>
    /// <param name="path">The path, null or "-" for standard input.</param>
    /// <param name="format">The input format.</param>
    /// <param name="description">openssl's word for it ("certificate", "CA certificate").</param>
    /// <returns>The certificate.</returns>
    /// <exception cref="CommandException">Unreadable or undecodable.</exception>
    public static Certificate LoadCertificate(CommandContext context, string? path, Format format, string description = "certificate") =>
        Load(context, path, format, description, "Unable to load certificate", [PemLabels.Certificate, PemLabels.TrustedCertificate, "X509 CERTIFICATE"], Certificate.Decode, Certificate.Load);

    /// <summary>Reads and decodes a certification request.</summary>
    /// <param name="context">For standard input.</param>
    /// <param name="path">The path.</param>
    /// <param name="format">The input format.</param>
    /// <param name="description">openssl's word for it.</param>
    /// <param name="failure">openssl's last line, if any.</param>
    /// <returns>The request.</returns>
    /// <exception cref="CommandException">Unreadable or undecodable.</exception>
    public static CertificationRequest LoadRequest(CommandContext context, string? path, Format format, string description, string? failure) =>
        Load(context, path, format, description, failure, [PemLabels.CertificateRequest, PemLabels.NewCertificateRequest], CertificationRequest.Decode, CertificationRequest.Load);

    /// <summary>Reads and decodes a CRL.</summary>
    /// <param name="context">For standard input.</param>
    /// <param name="path">The path.</param>
    /// <param name="format">The input format.</param>
    /// <returns>The CRL.</returns>
    /// <exception cref="CommandException">Unreadable or undecodable.</exception>
    public static CertificateRevocationList LoadCrl(CommandContext context, string? path, Format format) =>
        Load(context, path, format, "CRL", "Unable to load CRL", [PemLabels.X509Crl], CertificateRevocationList.Decode, CertificateRevocationList.Load);

    /// <summary>Loads a private key as <c>load_key</c> does (any format), with openssl's "Could not read D from F".</summary>
    /// <param name="context">For standard input.</param>
    /// <param name="path">The path.</param>
    /// <param name="description">"private key", "CA private key", ...</param>
    /// <param name="password">The <c>-passin</c> pass phrase.</param>
    /// <returns>The key.</returns>
    /// <exception cref="CommandException">Unreadable.</exception>
    public static PrivateKey LoadPrivateKey(CommandContext context, string path, string description, byte[]? password)
    {
        byte[] data = KeyFiles.ReadFile(context, path, description);
        return KeyFiles.ReadPrivateKey(data, description, KeyFiles.DisplayName(path), password);
    }

    /// <summary>Writes <paramref name="der"/> as DER or as PEM with <paramref name="label"/>.</summary>
    /// <param name="output">The destination.</param>
    /// <param name="der">The encoding.</param>
    /// <param name="asDer">DER instead of PEM.</param>
    /// <param name="label">The PEM label.</param>
    public static void Write(Stream output, ReadOnlyMemory<byte> der, bool asDer, string label)
    {
        if (asDer)
        {
            output.Write(der.Span);
        }
        else
        {
            output.Write(PemWriter.Write(label, der.Span));
        }
    }

    /// <summary>Reads a file's bytes with openssl's "Could not open file or uri for loading D from F" failure.</summary>
    /// <param name="context">For standard input.</param>
    /// <param name="path">The path.</param>
    /// <param name="description">What is loaded.</param>
    /// <param name="failure">The last line openssl prints, if any.</param>
    /// <returns>The bytes.</returns>
    public static byte[] ReadFile(CommandContext context, string? path, string description, string? failure)
    {
        if (path is null or "-")
        {
            return context.ReadInput(path);
        }

        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandException($"Could not open file or uri for loading {description} from {path}"
                + (e is FileNotFoundException or DirectoryNotFoundException ? "\nNo such file or directory" : "\n" + e.Message)
                + (failure is null ? string.Empty : "\n" + failure));
        }
    }

    private delegate T Decoder<T>(ReadOnlySpan<byte> data);

    private static T Load<T>(
        CommandContext context, string? path, Format format, string description, string? failure, string[] labels, Decoder<T> decodeDer, Decoder<T> load)
    {
        byte[] data = ReadFile(context, path, description, failure);
        try
        {
            bool looksDer = data.Length > 0 && data[0] == 0x30;
            switch (format)
            {
                case Format.Der:
                    return decodeDer(data);
                case Format.Pem when looksDer:
                    throw new X509FormatException(X509FormatError.NoPemBlock, $"No {labels[0]} PEM block found.");
                case Format.Pem:
                    return PemReader.TryFind(data, out PemBlock? block, labels)
                        ? load(data)
                        : throw new X509FormatException(X509FormatError.NoPemBlock, $"No {labels[0]} PEM block found.");
                default:
                    return load(data);
            }
        }
        catch (Exception e) when (e is X509FormatException or PemException or DecodeException or KeyFormatException)
        {
            throw new CommandException($"Could not read {description} from {KeyFiles.DisplayName(path)}\n{e.Message}"
                + (failure is null ? string.Empty : "\n" + failure));
        }
    }
}
