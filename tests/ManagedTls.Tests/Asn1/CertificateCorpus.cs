using System.Text;

namespace ManagedTls.Tests.Asn1;

/// <summary>The distinct certificates under /etc/ssl/certs, PEM-decoded with a few lines (the real PEM codec lives elsewhere).</summary>
internal static class CertificateCorpus
{
    private const string Directory = "/etc/ssl/certs";
    private static readonly Lazy<IReadOnlyList<(string Name, byte[] Der)>> s_all = new(Load);

    public static IReadOnlyList<(string Name, byte[] Der)> Require()
    {
        Skip.If(s_all.Value.Count == 0, $"no PEM certificates under {Directory}; install ca-certificates to run this test.");
        return s_all.Value;
    }

    public static IEnumerable<byte[]> DecodePem(string text)
    {
        const string Begin = "-----BEGIN CERTIFICATE-----";
        const string End = "-----END CERTIFICATE-----";
        int at = 0;
        while ((at = text.IndexOf(Begin, at, StringComparison.Ordinal)) >= 0)
        {
            int start = at + Begin.Length;
            int stop = text.IndexOf(End, start, StringComparison.Ordinal);
            if (stop < 0)
            {
                yield break;
            }

            yield return Convert.FromBase64String(text[start..stop]);
            at = stop + End.Length;
        }
    }

    private static List<(string, byte[])> Load()
    {
        var result = new List<(string, byte[])>();
        if (!System.IO.Directory.Exists(Directory))
        {
            return result;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string path in System.IO.Directory.GetFiles(Directory, "*.pem").Order(StringComparer.Ordinal))
        {
            foreach (byte[] der in DecodePem(File.ReadAllText(path, Encoding.ASCII)))
            {
                if (seen.Add(Convert.ToHexString(der)))
                {
                    result.Add((Path.GetFileName(path), der));
                }
            }
        }

        return result;
    }
}
