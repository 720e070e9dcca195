using System.Globalization;
using ManagedTls.Crypto;
using ManagedTls.Pem;
using ManagedTls.X509;

namespace ManagedTls.Cli;

/// <summary>
/// <c>mtls rehash</c>: OpenSSL 3.0's <c>openssl rehash</c> (c_rehash). In each directory, every <c>.pem</c>, <c>.crt</c>,
/// <c>.cer</c> or <c>.crl</c> file holding exactly one certificate or CRL gets a <c>HASH.N</c> (certificates) or
/// <c>HASH.rN</c> (CRLs) symbolic link named after the subject (issuer) name hash; links still correct keep their
/// number, stale ones are removed unless <c>-n</c>, and a second copy of the same certificate (same SHA-1) is skipped
/// with openssl's warning. The exit code is the number of errors.
/// </summary>
internal sealed partial class RehashCommand : ICommand
{
    private const int MaxCollisions = 256;
    private const int TableSize = 257;
    private const string DefaultCertDir = "/usr/lib/ssl/certs";
    private static readonly string[] s_extensions = ["pem", "crt", "cer", "crl"];

    public string Name => "rehash";

    public string Summary => "Create symbolic links to certificate and CRL files named by the hash values";

    public int Run(ReadOnlySpan<string> args, CommandContext context)
    {
        var s = new Settings();
        WildcardOptions options = new WildcardOptions(Name, "[directory...]")
            .Section("General")
            .Flag("h", "Display this summary", () => s.Help = true)
            .Flag("compat", "Create both new- and old-style hash links", () => (s.NewHash, s.OldHash) = (true, true))
            .Flag("old", "Use old-style hash to generate links", () => (s.NewHash, s.OldHash) = (false, true))
            .Flag("n", "Do not remove existing links", () => s.RemoveLinks = false)
            .Section("Output")
            .Flag("v", "Verbose output", () => s.Verbose = true)
            .Providers(Name)
            .Parameters("directory", "One or more directories to process (optional)");
        try
        {
            options.Parse(args, context.Error);
        }
        catch (UsageException e)
        {
            // rehash's option error path leaves its error count at zero: exit 0.
            context.Error.WriteLine($"{Name}: {e.Message}");
            context.Error.WriteLine($"{Name}: Use -help for summary.");
            return 0;
        }

        if (s.Help)
        {
            options.Set.PrintHelp(context.Error);
            return 0;
        }

        if (options.Set.HelpRequested)
        {
            return 0;
        }

        List<string> directories = options.Set.Positionals;
        if (directories.Count == 0)
        {
            string? env = Environment.GetEnvironmentVariable("SSL_CERT_DIR");
            directories = env is null ? [DefaultCertDir] : [.. env.Split(':', StringSplitOptions.RemoveEmptyEntries)];
        }

        int errors = 0;
        foreach (string directory in directories)
        {
            errors += new DirectoryRun(directory, s, context).Run();
        }

        return errors;
    }

    // handle_symlink: eight hex digits, '.', an optional 'r' (any case), a decimal number.
    private static bool TryParseHashName(string fileName, out uint hash, out bool isCrl, out int id)
    {
        hash = 0;
        isCrl = false;
        id = 0;
        if (fileName.Length < 10 || fileName[8] != '.'
            || !uint.TryParse(fileName.AsSpan(0, 8), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out hash))
        {
            return false;
        }

        int i = 9;
        if (fileName[i] is 'r' or 'R')
        {
            isCrl = true;
            i++;
        }

        return i < fileName.Length
            && int.TryParse(fileName.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out id)
            && id <= ushort.MaxValue;
    }

    private sealed class Settings
    {
        public bool Help { get; set; }
        public bool NewHash { get; set; } = true;
        public bool OldHash { get; set; }
        public bool RemoveLinks { get; set; } = true;
        public bool Verbose { get; set; }
    }

    private sealed class Entry(string fileName)
    {
        public string FileName { get; } = fileName;
        public int OldId { get; set; } = ushort.MaxValue;
        public bool NeedLink { get; set; }
        public byte[]? Digest { get; set; }
    }

    private sealed class Bucket(bool isCrl, uint hash)
    {
        public bool IsCrl { get; } = isCrl;
        public uint Hash { get; } = hash;
        public int Needed { get; set; }
        public List<Entry> Entries { get; } = [];

        public string LinkName(int id) => Hash.ToString("x8", CultureInfo.InvariantCulture) + (IsCrl ? ".r" : ".") + id.ToString(CultureInfo.InvariantCulture);
    }
}
