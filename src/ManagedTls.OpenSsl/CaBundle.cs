using System.Globalization;
using System.Text;
using ManagedTls.Pem;
using ManagedTls.X509.Trust;
using Cert = ManagedTls.X509.Certificate;
using Roots = ManagedTls.X509.Trust.CaBundle;

namespace ManagedTls.OpenSsl;

/// <summary>
/// eGenix <c>OpenSSL.ca_bundle</c>: Mozilla's root certificates (compiled into ManagedTls from NSS certdata.txt,
/// <see cref="Roots.MozillaSourceVersion"/>) as CA bundle files, text and objects, selected by trust purpose.
/// Explicitly distrusted certificates are never included.
/// </summary>
/// <remarks>
/// A bundle file is PEM with a readable preface per root, which OpenSSL skips:
/// <code>
/// GlobalSign Root CA
/// ==================
/// SHA1 Fingerprint: B1:BC:96:8B:...
/// Description: GlobalSign Root CA; trusted for server authentication; ...
/// -----BEGIN CERTIFICATE-----
/// </code>
/// </remarks>
public static class CaBundle
{
    private const string Sha1Prefix = "SHA1 Fingerprint: ";
    private const string DescriptionPrefix = "Description: ";

    /// <summary>
    /// The bundle as text (<c>get_ca_bundle(path=None, purpose=TRUST_ANY)</c>): the file at <paramref name="path"/>,
    /// or, without a path, the compiled-in roots trusted for <paramref name="purpose"/>.
    /// </summary>
    /// <param name="path">A bundle file to read, or null for the compiled-in bundle.</param>
    /// <param name="purpose">The purpose (used only without <paramref name="path"/>).</param>
    /// <returns>The bundle text.</returns>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static string GetCaBundle(string? path = null, CaBundleTrust purpose = CaBundleTrust.Any) =>
        path is null ? BuildText(purpose) : File.ReadAllText(path);

    /// <summary>
    /// The absolute path of a bundle file for <paramref name="purpose"/> (<c>get_ca_bundle_path(purpose=TRUST_ANY)</c>),
    /// usable as <c>load_verify_locations(cafile)</c> or <c>openssl -CAfile</c>. The file is written on first use under
    /// the user's local application-data folder (the temporary folder when there is none), in a folder named after
    /// the certdata.txt SHA-256, and rewritten whenever its content differs from the compiled-in roots.
    /// </summary>
    /// <param name="purpose">The purpose.</param>
    /// <returns>The file's absolute path.</returns>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static string GetCaBundlePath(CaBundleTrust purpose = CaBundleTrust.Any)
    {
        string root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(root))
        {
            root = Path.GetTempPath();
        }

        string dir = Path.Combine(root, "ManagedTls", "ca-bundle", Roots.MozillaSourceSha256[..16]);
        string path = Path.GetFullPath(Path.Combine(dir, FileName(purpose)));
        string text = BuildText(purpose);
        if (!File.Exists(path) || File.ReadAllText(path) != text)
        {
            Directory.CreateDirectory(dir);
            string temp = path + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
            File.WriteAllText(temp, text);
            File.Move(temp, path, overwrite: true);
        }

        return path;
    }

    /// <summary>
    /// The roots of a bundle (<c>iter_ca_bundle(bundle=None, purpose=TRUST_ANY)</c>): of <paramref name="bundle"/>
    /// text when given (a PEM block without a preface gets its subject as name and an empty description), else of
    /// the compiled-in roots trusted for <paramref name="purpose"/>.
    /// </summary>
    /// <param name="bundle">Bundle text, or null.</param>
    /// <param name="purpose">The purpose (used only without <paramref name="bundle"/>).</param>
    /// <returns>The roots in bundle order.</returns>
    /// <exception cref="ManagedTls.X509.X509FormatException">A certificate in <paramref name="bundle"/> is malformed.</exception>
    public static IEnumerable<CARootCertificate> IterCaBundle(string? bundle = null, CaBundleTrust purpose = CaBundleTrust.Any)
    {
        if (bundle is null)
        {
            foreach (CaRoot root in Select(purpose))
            {
                yield return CARootCertificate.From(root.Label, Describe(root), root.Certificate);
            }

            yield break;
        }

        foreach (CARootCertificate root in ParseText(bundle))
        {
            yield return root;
        }
    }

    /// <summary>The roots as <see cref="X509"/> objects (<c>iter_ca_bundle_x509(bundle=None, purpose=TRUST_ANY)</c>).</summary>
    /// <param name="bundle">Bundle text, or null for the compiled-in roots.</param>
    /// <param name="purpose">The purpose (used only without <paramref name="bundle"/>).</param>
    /// <returns>The certificates in bundle order.</returns>
    /// <exception cref="ManagedTls.X509.X509FormatException">A certificate in <paramref name="bundle"/> is malformed.</exception>
    public static IEnumerable<X509> IterCaBundleX509(string? bundle = null, CaBundleTrust purpose = CaBundleTrust.Any)
    {
        if (bundle is null)
        {
            foreach (CaRoot root in Select(purpose))
            {
                yield return new X509(root.Certificate);
            }

            yield break;
        }

        foreach (CARootCertificate root in ParseText(bundle))
        {
            yield return root.GetX509();
        }
    }

    private static IReadOnlyList<CaRoot> Select(CaBundleTrust purpose) => Roots.Mozilla.GetAnchors(ToPurpose(purpose));

    private static TrustPurpose ToPurpose(CaBundleTrust purpose) => purpose switch
    {
        CaBundleTrust.ServerAuthentication => TrustPurpose.ServerAuthentication,
        CaBundleTrust.EmailProtection => TrustPurpose.EmailProtection,
        CaBundleTrust.CodeSigning => TrustPurpose.CodeSigning,
        CaBundleTrust.Any => TrustPurpose.Any,
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Not a TRUST_* value."),
    };

    private static string FileName(CaBundleTrust purpose) => purpose switch
    {
        CaBundleTrust.ServerAuthentication => "ca-bundle-server.crt",
        CaBundleTrust.EmailProtection => "ca-bundle-email.crt",
        CaBundleTrust.CodeSigning => "ca-bundle-codesigning.crt",
        CaBundleTrust.Any => "ca-bundle.crt",
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Not a TRUST_* value."),
    };

    private static string BuildText(CaBundleTrust purpose)
    {
        IReadOnlyList<CaRoot> roots = Select(purpose);
        var s = new StringBuilder();
        s.Append("##\n## CA bundle: Mozilla roots trusted for ").Append(PurposeText(ToPurpose(purpose), " or ")).Append('\n');
        s.Append("## Source: ").Append(Roots.MozillaSourceVersion).Append(", certdata.txt SHA-256 ").Append(Roots.MozillaSourceSha256).Append('\n');
        s.Append("## Generated by ManagedTls from NSS certdata.txt; explicitly distrusted certificates are not included.\n");
        s.Append("## The data is Mozilla's, under the Mozilla Public License 2.0 (MPL-2.0): https://mozilla.org/MPL/2.0/\n");
        s.Append(CultureInfo.InvariantCulture, $"## {roots.Count} certificates\n##\n");
        foreach (CaRoot root in roots)
        {
            CARootCertificate entry = CARootCertificate.From(root.Label, Describe(root), root.Certificate);
            s.Append('\n').Append(entry.Name).Append('\n').Append('=', Math.Max(1, entry.Name.Length)).Append('\n');
            s.Append(Sha1Prefix).Append(entry.Sha1).Append('\n');
            s.Append(DescriptionPrefix).Append(entry.Description).Append('\n');
            s.Append(entry.Certificate);
        }

        return s.ToString();
    }

    private static string Describe(CaRoot root)
    {
        var s = new StringBuilder(root.Certificate.Subject.ToOneLineString());
        s.Append("; trusted for ").Append(PurposeText(root.TrustedPurposes, ", "));
        if (root.ServerDistrustAfter is { } server)
        {
            s.Append("; server authentication distrusted for certificates issued after ").Append(server.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        if (root.EmailDistrustAfter is { } email)
        {
            s.Append("; email protection distrusted for certificates issued after ").Append(email.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        return s.ToString();
    }

    private static string PurposeText(TrustPurpose purposes, string separator)
    {
        var parts = new List<string>();
        if ((purposes & TrustPurpose.ServerAuthentication) != 0)
        {
            parts.Add("server authentication");
        }

        if ((purposes & TrustPurpose.EmailProtection) != 0)
        {
            parts.Add("email protection");
        }

        if ((purposes & TrustPurpose.CodeSigning) != 0)
        {
            parts.Add("code signing");
        }

        return parts.Count == 0 ? "nothing" : string.Join(separator, parts);
    }

    private static List<CARootCertificate> ParseText(string bundle)
    {
        var result = new List<CARootCertificate>();
        byte[] bytes = Encoding.UTF8.GetBytes(bundle);
        int previousEnd = 0;
        foreach (PemBlock block in PemReader.Enumerate(bytes))
        {
            if (block.Label is not (PemLabels.Certificate or PemLabels.TrustedCertificate or "X509 CERTIFICATE"))
            {
                previousEnd = block.Offset + block.Length;
                continue;
            }

            Cert certificate = Cert.Load(block.Encode());
            string preface = Encoding.UTF8.GetString(bytes, previousEnd, block.Offset - previousEnd);
            previousEnd = block.Offset + block.Length;
            string[] lines = preface.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            string? name = null;
            string description = string.Empty;
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].StartsWith(DescriptionPrefix, StringComparison.Ordinal))
                {
                    description = lines[i][DescriptionPrefix.Length..];
                }
                else if (i + 1 < lines.Length && lines[i + 1].Length > 0 && lines[i + 1].Trim('=').Length == 0 && !lines[i].StartsWith('#'))
                {
                    name = lines[i];
                }
            }

            result.Add(CARootCertificate.From(name ?? certificate.Subject.ToOneLineString(), description, certificate));
        }

        return result;
    }
}
