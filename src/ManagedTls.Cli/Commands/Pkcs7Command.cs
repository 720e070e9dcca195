using ManagedTls.Pkcs.Cms;
using ManagedTls.X509;

namespace ManagedTls.Cli;

/// <summary>
/// <c>mtls pkcs7</c>: reads a PKCS#7 (PEM by default, <c>-inform DER</c> for DER or BER), prints the certificates and
/// CRLs it carries (<c>-print_certs</c>, with <c>-text</c> for the full dump) exactly as OpenSSL 3.0 does, and
/// re-writes it as definite-length DER or PEM.
/// </summary>
/// <remarks>Not offered: <c>-print</c> (OpenSSL's generic ASN.1 item dump) and <c>-engine</c>.</remarks>
internal sealed class Pkcs7Command : ICommand
{
    public string Name => "pkcs7";

    public string Summary => "PKCS#7 data management";

    public int Run(ReadOnlySpan<string> args, CommandContext context)
    {
        string? inFile = null;
        string? outFile = null;
        bool inDer = false;
        bool outDer = false;
        bool noOut = false;
        bool text = false;
        bool printCerts = false;
        string? unsupported = null;
        WildcardOptions options = new WildcardOptions(Name)
            .Section("General")
            .Value("engine", "val", "Use engine, possibly a hardware device", _ => unsupported = "-engine")
            .Section("Input")
            .Value("in", "infile", "Input file", v => inFile = v)
            .Value("inform", "PEM|DER", "Input format - DER or PEM", v => inDer = FormatOption.IsPemOrDer("inform", v, Name))
            .Section("Output")
            .Value("outform", "PEM|DER", "Output format - DER or PEM", v => outDer = FormatOption.IsPemOrDer("outform", v, Name))
            .Value("out", "outfile", "Output file", v => outFile = v)
            .Flag("noout", "Don't output encoded data", () => noOut = true)
            .Flag("text", "Print full details of certificates", () => text = true)
            .Flag("print", "Print out all fields of the PKCS7 structure", () => unsupported = "-print")
            .Flag("print_certs", "Print_certs  print any certs or crl in the input", () => printCerts = true)
            .Providers(Name);
        if (!options.ParseWithoutPositionals(args, context.Error, Name))
        {
            return 0;
        }

        if (unsupported is not null)
        {
            throw new CommandException($"{Name}: {unsupported} is not supported by mtls");
        }

        byte[] data = context.ReadInput(inFile);
        Pkcs7 message = Pkcs7Files.Decode(data, inDer, "unable to load PKCS7 object");
        using Stream output = context.OpenOutput(outFile);
        if (printCerts)
        {
            KeyText.WriteUtf8(output, PrintCertificates(message, text, noOut));
            return 0;
        }

        if (!noOut)
        {
            Pkcs7Files.Write(output, message, outDer);
        }

        return 0;
    }

    /// <summary>
    /// apps/pkcs7.c <c>-print_certs</c>: per certificate <c>subject=</c>/<c>issuer=</c> lines (or <c>X509_print</c>
    /// with <c>-text</c>), the PEM unless <c>-noout</c>, a blank line; then per CRL its text, PEM and a blank line.
    /// </summary>
    internal static string PrintCertificates(Pkcs7 message, bool text, bool noOut)
    {
        var names = new NameOption();
        var compat = new NameOption();
        compat.Apply("compat", "pkcs7"); // X509_print is X509_print_ex with XN_FLAG_COMPAT
        var output = new System.Text.StringBuilder();
        foreach (Certificate certificate in message.Certificates)
        {
            if (text)
            {
                output.Append(X509Text.Certificate(certificate, compat));
            }
            else
            {
                output.Append(names.Print("subject=", certificate.Subject)).Append(names.Print("issuer=", certificate.Issuer));
            }

            if (!noOut)
            {
                output.Append(certificate.ToPem());
            }

            output.Append('\n');
        }

        foreach (CertificateRevocationList crl in message.Crls)
        {
            output.Append(X509Text.Crl(crl, names));
            if (!noOut)
            {
                output.Append(crl.ToPem());
            }

            output.Append('\n');
        }

        return output.ToString();
    }
}
