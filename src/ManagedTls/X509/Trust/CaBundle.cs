using System.Collections.ObjectModel;

namespace ManagedTls.X509.Trust;

/// <summary>
/// A root store with Mozilla's per-purpose trust: the roots of NSS <c>certdata.txt</c>, either the copy compiled into
/// ManagedTls (<see cref="Mozilla"/>) or one read from a file (<see cref="LoadCertdata"/>).
/// </summary>
/// <remarks>
/// <see cref="GetAnchors"/> returns only roots trusted (<see cref="CaTrustLevel.TrustedDelegator"/>) for a requested
/// purpose; explicitly distrusted roots and <see cref="Distrusted"/> entries are kept so a verifier can refuse them
/// (<see cref="IsDistrusted"/>), and never become anchors.
/// </remarks>
public sealed class CaBundle
{
    private static readonly Lazy<CaBundle> s_mozilla = new(() => CaBundleResourceReader.Read(MozillaRoots.Pem));

    /// <summary>Creates a bundle.</summary>
    /// <param name="roots">The certificates with their trust.</param>
    /// <param name="distrusted">Trust entries without a certificate.</param>
    public CaBundle(IEnumerable<CaRoot> roots, IEnumerable<CaDistrustEntry> distrusted)
    {
        ArgumentNullException.ThrowIfNull(roots);
        ArgumentNullException.ThrowIfNull(distrusted);
        Roots = new ReadOnlyCollection<CaRoot>([.. roots]);
        Distrusted = new ReadOnlyCollection<CaDistrustEntry>([.. distrusted]);
    }

    /// <summary>Mozilla's roots as compiled into this ManagedTls (see <see cref="MozillaSourceVersion"/>); parsed once, on first use.</summary>
    public static CaBundle Mozilla => s_mozilla.Value;

    /// <summary>Which NSS certdata.txt <see cref="Mozilla"/> was generated from.</summary>
    public static string MozillaSourceVersion => MozillaRoots.SourceVersion;

    /// <summary>The SHA-256 (lower-case hex) of the certdata.txt <see cref="Mozilla"/> was generated from.</summary>
    public static string MozillaSourceSha256 => MozillaRoots.SourceSha256;

    /// <summary>Every certificate of the file in file order, whatever its trust (including distrusted ones).</summary>
    public IReadOnlyList<CaRoot> Roots { get; }

    /// <summary>Trust entries naming a certificate the file does not hold (by issuer and serial number).</summary>
    public IReadOnlyList<CaDistrustEntry> Distrusted { get; }

    /// <summary>Reads an NSS certdata.txt file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The bundle.</returns>
    /// <exception cref="CertdataFormatException">The file is malformed.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static CaBundle LoadCertdata(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return CertdataParser.Parse(File.ReadAllText(path));
    }

    /// <summary>The roots that are anchors for at least one of <paramref name="purposes"/>, in file order.</summary>
    /// <param name="purposes">One or more purposes; <see cref="TrustPurpose.Any"/> selects roots trusted for any purpose.</param>
    /// <returns>The anchors (never an explicitly distrusted root for a purpose it is distrusted for).</returns>
    public IReadOnlyList<CaRoot> GetAnchors(TrustPurpose purposes = TrustPurpose.Any)
    {
        var result = new List<CaRoot>();
        foreach (CaRoot root in Roots)
        {
            if (root.IsTrustedFor(purposes))
            {
                result.Add(root);
            }
        }

        return result.AsReadOnly();
    }

    /// <summary>Finds the bundle's entry for a certificate (same DER).</summary>
    /// <param name="certificate">The certificate.</param>
    /// <returns>The root, or null.</returns>
    public CaRoot? Find(Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        foreach (CaRoot root in Roots)
        {
            if (root.Certificate.Equals(certificate))
            {
                return root;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether Mozilla explicitly distrusts <paramref name="certificate"/> for <paramref name="purpose"/>: a root
    /// whose level is <see cref="CaTrustLevel.NotTrusted"/>, or a certificate-less entry naming its issuer and serial.
    /// </summary>
    /// <param name="certificate">Any certificate of a chain.</param>
    /// <param name="purpose">One or more purposes; true when distrusted for any of them.</param>
    /// <returns>True when distrusted.</returns>
    public bool IsDistrusted(Certificate certificate, TrustPurpose purpose)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (Find(certificate) is { } root && (root.DistrustedPurposes & purpose) != TrustPurpose.None)
        {
            return true;
        }

        foreach (CaDistrustEntry entry in Distrusted)
        {
            if ((entry.DistrustedPurposes & purpose) != TrustPurpose.None && entry.Matches(certificate))
            {
                return true;
            }
        }

        return false;
    }
}
