using System.Globalization;
using ManagedTls.Pem;

namespace ManagedTls.X509.Verification;

/// <summary>
/// Reads trust material the way OpenSSL's <c>-CApath</c> and <c>-CAfile</c> do: a CApath directory in the hashed
/// layout of <c>X509_LOOKUP_hash_dir</c> (certificates in <c>&lt;subject_hash&gt;.N</c>, CRLs in
/// <c>&lt;issuer_hash&gt;.rN</c>, the hash being <see cref="DistinguishedName.OpenSslHash"/> as eight lower-case hex
/// digits, as <c>openssl rehash</c> writes them) and a CAfile bundle of PEM certificates and CRLs.
/// </summary>
/// <remarks>
/// As in OpenSSL, a name's files are read from <c>.0</c> upwards and the first missing (or unreadable) number ends
/// the sequence; every certificate and CRL of a file read is added, even one whose name does not hash to the file's
/// name (OpenSSL adds the whole file to its store, where later look-ups find it). OpenSSL reads a directory lazily, by the name it is looking for; <see cref="LoadAll"/> reads every
/// hashed name eagerly, <see cref="Load(TrustStore, DistinguishedName)"/> one name.
/// </remarks>
public sealed class CertificateDirectory
{
    private readonly string[] _paths;

    /// <summary>Creates a lookup over one directory, or several separated by <see cref="Path.PathSeparator"/> (as OpenSSL accepts).</summary>
    /// <param name="path">The directory (or directories).</param>
    /// <exception cref="ArgumentException">The path is empty.</exception>
    public CertificateDirectory(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = path;
        _paths = path.Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The path as given.</summary>
    public string Path { get; }

    /// <summary>The directories searched, in order.</summary>
    public IReadOnlyList<string> Directories => _paths;

    /// <summary>The file name OpenSSL uses for the <paramref name="index"/>-th certificate (or CRL) with a name hash.</summary>
    /// <param name="hash">The <see cref="DistinguishedName.OpenSslHash"/>.</param>
    /// <param name="index">The sequence number (0 for the first).</param>
    /// <param name="crl">Whether the file holds a CRL (<c>.rN</c>).</param>
    /// <returns>The file name, such as <c>9d66eef0.0</c> or <c>9d66eef0.r0</c>.</returns>
    public static string GetFileName(uint hash, int index, bool crl = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return hash.ToString("x8", CultureInfo.InvariantCulture) + (crl ? ".r" : ".") + index.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Loads the certificates whose subject is <paramref name="name"/> and the CRLs it issued into <paramref name="store"/>.</summary>
    /// <param name="store">The store to fill.</param>
    /// <param name="name">The name looked up (the issuer being searched for).</param>
    /// <returns>The number of certificates and CRLs added to the store (duplicates of certificates already there are not counted).</returns>
    public int Load(TrustStore store, DistinguishedName name)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(name);
        int added = 0;
        foreach (string directory in _paths)
        {
            added += LoadHash(store, directory, name.OpenSslHash);
        }

        return added;
    }

    /// <summary>Loads every certificate and CRL stored under a hashed name in the directories into <paramref name="store"/>.</summary>
    /// <param name="store">The store to fill.</param>
    /// <returns>The number of certificates and CRLs added (duplicates not counted).</returns>
    public int LoadAll(TrustStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        int added = 0;
        foreach (string directory in _paths)
        {
            if (!Directory.Exists(directory))
            {
                continue;
            }

            var hashes = new SortedSet<uint>();
            foreach (string file in Directory.EnumerateFiles(directory))
            {
                if (TryParseFileName(System.IO.Path.GetFileName(file), out uint hash, out _, out _))
                {
                    hashes.Add(hash);
                }
            }

            foreach (uint hash in hashes)
            {
                added += LoadHash(store, directory, hash);
            }
        }

        return added;
    }

    /// <summary>Parses a hashed file name (<c>hhhhhhhh.N</c> or <c>hhhhhhhh.rN</c>, lower-case hex).</summary>
    /// <param name="fileName">The file name without directory.</param>
    /// <param name="hash">The name hash.</param>
    /// <param name="index">The sequence number.</param>
    /// <param name="crl">Whether it names a CRL.</param>
    /// <returns>Whether the name has the hashed form.</returns>
    public static bool TryParseFileName(string fileName, out uint hash, out int index, out bool crl)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        hash = 0;
        index = 0;
        crl = false;
        if (fileName.Length < 10 || fileName[8] != '.')
        {
            return false;
        }

        for (int i = 0; i < 8; i++)
        {
            char c = fileName[i];
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                return false;
            }
        }

        int start = 9;
        if (fileName[9] == 'r')
        {
            crl = true;
            start = 10;
        }

        if (start >= fileName.Length || fileName.Length - start > 9)
        {
            return false;
        }

        for (int i = start; i < fileName.Length; i++)
        {
            if (fileName[i] is < '0' or > '9')
            {
                return false;
            }
        }

        hash = uint.Parse(fileName.AsSpan(0, 8), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        index = int.Parse(fileName.AsSpan(start), NumberStyles.None, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>
    /// Loads a CAfile (OpenSSL's <c>X509_load_cert_crl_file</c>): every certificate and CRL of a PEM bundle, or one
    /// DER certificate or CRL, into <paramref name="store"/>.
    /// </summary>
    /// <param name="store">The store to fill.</param>
    /// <param name="path">The file.</param>
    /// <returns>The number of certificates and CRLs read.</returns>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="X509FormatException">The file holds no certificate or CRL, or one is malformed.</exception>
    /// <exception cref="PemException">The PEM armour is malformed.</exception>
    public static int LoadFile(TrustStore store, string path)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return LoadData(store, File.ReadAllBytes(path));
    }

    /// <summary>Loads every certificate and CRL of CAfile contents (PEM, or one DER certificate or CRL) into <paramref name="store"/>.</summary>
    /// <param name="store">The store to fill.</param>
    /// <param name="data">The file contents.</param>
    /// <returns>The number of certificates and CRLs read.</returns>
    /// <exception cref="X509FormatException">The data holds no certificate or CRL, or one is malformed.</exception>
    /// <exception cref="PemException">The PEM armour is malformed.</exception>
    public static int LoadData(TrustStore store, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(store);
        var certificates = new List<Certificate>();
        var crls = new List<CertificateRevocationList>();
        Read(data, certificates, crls);
        if (certificates.Count == 0 && crls.Count == 0)
        {
            throw new X509FormatException(X509FormatError.NoPemBlock, "no certificate or crl found");
        }

        foreach (Certificate certificate in certificates)
        {
            store.AddCertificate(certificate);
        }

        foreach (CertificateRevocationList crl in crls)
        {
            store.AddCrl(crl);
        }

        return certificates.Count + crls.Count;
    }

    private static void Read(ReadOnlySpan<byte> data, List<Certificate> certificates, List<CertificateRevocationList> crls)
    {
        if (!data.IsEmpty && data[0] == 0x30)
        {
            // One DER object: a certificate, else a CRL.
            try
            {
                certificates.Add(Certificate.Load(data));
            }
            catch (X509FormatException)
            {
                crls.Add(CertificateRevocationList.Load(data));
            }

            return;
        }

        certificates.AddRange(Certificate.LoadAll(data));
        foreach (PemBlock block in PemReader.Enumerate(data))
        {
            if (block.Label == PemLabels.X509Crl)
            {
                crls.Add(CertificateRevocationList.Decode(block.Data.Span));
            }
        }
    }

    private static int LoadHash(TrustStore store, string directory, uint hash)
    {
        int added = 0;
        for (int pass = 0; pass < 2; pass++)
        {
            bool crl = pass == 1;
            for (int index = 0; ; index++)
            {
                string file = System.IO.Path.Combine(directory, GetFileName(hash, index, crl));
                var certificates = new List<Certificate>();
                var crls = new List<CertificateRevocationList>();
                try
                {
                    if (!File.Exists(file))
                    {
                        break;
                    }

                    Read(File.ReadAllBytes(file), certificates, crls);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or X509FormatException or PemException)
                {
                    break;
                }

                // X509_load_cert_file / X509_load_crl_file: a file without the wanted kind ends the sequence.
                if (crl ? crls.Count == 0 : certificates.Count == 0)
                {
                    break;
                }

                if (crl)
                {
                    foreach (CertificateRevocationList item in crls)
                    {
                        if (!Contains(store, item))
                        {
                            store.AddCrl(item);
                            added++;
                        }
                    }
                }
                else
                {
                    foreach (Certificate item in certificates)
                    {
                        if (store.Find(item) is null)
                        {
                            store.AddCertificate(item);
                            added++;
                        }
                    }
                }
            }
        }

        return added;
    }

    private static bool Contains(TrustStore store, CertificateRevocationList crl)
    {
        foreach (CertificateRevocationList existing in store.Crls)
        {
            if (existing.Equals(crl))
            {
                return true;
            }
        }

        return false;
    }
}
