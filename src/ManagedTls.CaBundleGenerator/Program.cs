using ManagedTls.Crypto;
using ManagedTls.X509.Trust;

namespace ManagedTls.CaBundleGenerator;

/// <summary>
/// Regenerates <c>src/ManagedTls/X509/Trust/MozillaRoots.g.cs</c> from NSS <c>certdata.txt</c>:
/// <c>dotnet run --project src/ManagedTls.CaBundleGenerator -- CERTDATA "SOURCE VERSION" OUTPUT</c>.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length != 3)
        {
            Console.Error.WriteLine("usage: ManagedTls.CaBundleGenerator CERTDATA.txt \"SOURCE VERSION\" OUTPUT.g.cs");
            return 2;
        }

        try
        {
            byte[] raw = File.ReadAllBytes(args[0]);
            string sha256 = Convert.ToHexStringLower(HashAlgorithms.HashData(HashAlgorithmId.Sha256, raw));
            CaBundle bundle = CertdataParser.Parse(System.Text.Encoding.UTF8.GetString(raw));
            File.WriteAllText(args[2], CaBundleResourceWriter.WriteSource(bundle, args[1], sha256));
            Console.WriteLine($"{args[2]}: {bundle.Roots.Count} certificates, {bundle.Distrusted.Count} certificate-less trust entries, source SHA-256 {sha256}");
            return 0;
        }
        catch (Exception e) when (e is CertdataFormatException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }
}
