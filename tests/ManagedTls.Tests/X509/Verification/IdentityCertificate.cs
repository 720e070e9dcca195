using System.Text;
using ManagedTls.Asn1;
using ManagedTls.Tests.TestSupport;
using ManagedTls.X509;

namespace ManagedTls.Tests.X509.Verification;

/// <summary>
/// Certificates with chosen identities. <see cref="Build"/> writes the DER field by field (any bytes, NULs and odd
/// patterns included; not signed); <see cref="MakeWithOpenSsl"/> has <c>openssl req -x509</c> make a real one, so
/// <c>openssl x509 -checkhost</c> can judge the same certificate.
/// </summary>
internal static class IdentityCertificate
{
    private static readonly Lazy<string> s_dir = new(() =>
    {
        string dir = Path.Combine(Path.GetTempPath(), "mtls-identity-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        OpenSslPeer.Run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", Path.Combine(dir, "key.pem"));
        return dir;
    });

    private static int s_counter;

    /// <summary>Builds a certificate. SAN entries: <c>DNS:x</c>, <c>email:x</c>, <c>URI:x</c>, <c>IP:hex</c>, <c>othername</c>.</summary>
    public static Certificate Build(string? commonName, string? emailAddress, params string[] subjectAltNames)
    {
        var subject = new List<(string, Asn1Tag, byte[])> { ("2.5.4.6", Asn1Tag.PrintableString, "US"u8.ToArray()) };
        if (commonName is not null)
        {
            subject.Add(("2.5.4.3", Asn1Tag.Utf8String, Encoding.UTF8.GetBytes(commonName)));
        }

        if (emailAddress is not null)
        {
            subject.Add(("1.2.840.113549.1.9.1", Asn1Tag.IA5String, Encoding.Latin1.GetBytes(emailAddress)));
        }

        var extensions = new List<(string, bool?, byte[])>();
        if (subjectAltNames.Length > 0)
        {
            extensions.Add(("2.5.29.17", null, SanValue(subjectAltNames)));
        }

        var builder = new TestCertificate { Subject = TestCertificate.Name([.. subject]), Extensions = extensions.Count > 0 ? extensions : null, Version = extensions.Count > 0 ? 2 : 0 };
        return Certificate.Decode(builder.ToDer());
    }

    /// <summary>Makes a self-signed certificate with openssl; returns its PEM path.</summary>
    public static string MakeWithOpenSsl(string subject, string? subjectAltName)
    {
        string dir = s_dir.Value;
        string path = Path.Combine(dir, $"cert{Interlocked.Increment(ref s_counter)}.pem");
        var args = new List<string> { "req", "-new", "-x509", "-key", Path.Combine(dir, "key.pem"), "-subj", subject, "-days", "30", "-out", path };
        if (subjectAltName is not null)
        {
            args.AddRange(["-addext", "subjectAltName=" + subjectAltName]);
        }

        OpenSslPeer.Run([.. args]);
        return path;
    }

    private static byte[] SanValue(string[] names)
    {
        using var w = new DerWriter();
        using (w.PushSequence())
        {
            foreach (string name in names)
            {
                int colon = name.IndexOf(':', StringComparison.Ordinal);
                string kind = colon < 0 ? name : name[..colon];
                string value = colon < 0 ? string.Empty : name[(colon + 1)..];
                switch (kind)
                {
                    case "DNS":
                        w.WriteOctetString(Encoding.Latin1.GetBytes(value), Asn1Tag.Context(2, false));
                        break;
                    case "email":
                        w.WriteOctetString(Encoding.Latin1.GetBytes(value), Asn1Tag.Context(1, false));
                        break;
                    case "URI":
                        w.WriteOctetString(Encoding.Latin1.GetBytes(value), Asn1Tag.Context(6, false));
                        break;
                    case "IP":
                        w.WriteOctetString(Convert.FromHexString(value), Asn1Tag.Context(7, false));
                        break;
                    default:
                        using (w.PushSequence(Asn1Tag.Context(0, true)))
                        {
                            w.WriteObjectIdentifier("1.3.6.1.4.1.311.20.2.3");
                            using (w.PushExplicit(0))
                            {
                                w.WriteCharacterString(Asn1Tag.Utf8String, "blabla");
                            }
                        }

                        break;
                }
            }
        }

        return w.ToArray();
    }
}
