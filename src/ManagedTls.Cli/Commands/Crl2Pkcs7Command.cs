using ManagedTls.Pkcs.Cms;
using ManagedTls.X509;

namespace ManagedTls.Cli;

/// <summary>
/// <c>mtls crl2pkcs7</c>: builds a certs-only SignedData ("p7b") from a CRL (<c>-in</c>, unless <c>-nocrl</c>) and the
/// PEM certificates of every <c>-certfile</c>, byte for byte what OpenSSL 3.0's <c>crl2pkcs7</c> writes.
/// </summary>
internal sealed class Crl2Pkcs7Command : ICommand
{
    public string Name => "crl2pkcs7";

    public string Summary => "Create a PKCS#7 structure from a CRL and certificates";

    public int Run(ReadOnlySpan<string> args, CommandContext context)
    {
        string? inFile = null;
        string? outFile = null;
        X509Files.Format inForm = X509Files.Format.Pem;
        bool outDer = false;
        bool noCrl = false;
        var certFiles = new List<string>();
        WildcardOptions options = new WildcardOptions(Name)
            .Section("General")
            .Section("Input")
            .Value("in", "infile", "Input file", v => inFile = v)
            .Value("inform", "PEM|DER", "Input format - DER or PEM", v => inForm = FormatOption.IsPemOrDer("inform", v, Name) ? X509Files.Format.Der : X509Files.Format.Pem)
            .Flag("nocrl", "No crl to load, just certs from '-certfile'", () => noCrl = true)
            .Value("certfile", "infile", "File of chain of certs to a trusted CA; can be repeated", certFiles.Add)
            .Section("Output")
            .Value("out", "outfile", "Output file", v => outFile = v)
            .Value("outform", "PEM|DER", "Output format - DER or PEM", v => outDer = FormatOption.IsPemOrDer("outform", v, Name))
            .Providers(Name);
        if (!options.ParseWithoutPositionals(args, context.Error, Name))
        {
            return 0;
        }

        var crls = new List<CertificateRevocationList>();
        if (!noCrl)
        {
            crls.Add(LoadCrl(context, inFile, inForm));
        }

        var certificates = new List<Certificate>();
        foreach (string file in certFiles)
        {
            certificates.AddRange(LoadCertificates(file));
        }

        Pkcs7 message = Pkcs7.CreateCertificatesOnly(certificates, crls);
        using Stream output = context.OpenOutput(outFile);
        Pkcs7Files.Write(output, message, outDer);
        return 0;
    }

    private static CertificateRevocationList LoadCrl(CommandContext context, string? path, X509Files.Format format)
    {
        byte[] data = context.ReadInput(path);
        try
        {
            if (format == X509Files.Format.Der)
            {
                return CertificateRevocationList.Decode(data);
            }

            return Pem.PemReader.TryFind(data, out _, Pem.PemLabels.X509Crl)
                ? CertificateRevocationList.Load(data)
                : throw new X509FormatException(X509FormatError.NoPemBlock, "PEM routines:get_name:no start line:Expecting: X509 CRL");
        }
        catch (Exception e) when (e is X509FormatException or Pem.PemException)
        {
            throw new CommandException("unable to load CRL\n" + e.Message);
        }
    }

    // apps/crl2pkcs7.c add_certs_from_file: PEM_X509_INFO_read_bio, certificates only (DER files yield none).
    private static IReadOnlyList<Certificate> LoadCertificates(string file)
    {
        byte[] data;
        try
        {
            data = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandException($"error opening the file, {file}\nerror loading certificates");
        }

        if (data.Length > 0 && data[0] == 0x30)
        {
            return [];
        }

        try
        {
            return Certificate.LoadAll(data);
        }
        catch (Exception e) when (e is X509FormatException or Pem.PemException)
        {
            throw new CommandException($"error loading certificates\n{e.Message}");
        }
    }
}
