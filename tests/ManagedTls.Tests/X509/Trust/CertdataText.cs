using System.Text;
using ManagedTls.Crypto;
using ManagedTls.X509;

namespace ManagedTls.Tests.X509.Trust;

/// <summary>Writes small certdata.txt files (same syntax as NSS's) around real certificates, for the parser's traps.</summary>
internal static class CertdataText
{
    public const string Header = "# test\nBEGINDATA\nCKA_CLASS CK_OBJECT_CLASS CKO_NSS_BUILTIN_ROOT_LIST\nCKA_LABEL UTF8 \"Test Roots\"\n\n";

    public static string Octal(ReadOnlySpan<byte> data)
    {
        var s = new StringBuilder("MULTILINE_OCTAL\n");
        for (int i = 0; i < data.Length; i++)
        {
            s.Append('\\').Append(Convert.ToString(data[i], 8).PadLeft(3, '0'));
            if (i % 16 == 15 || i == data.Length - 1)
            {
                s.Append('\n');
            }
        }

        return s.Append("END\n").ToString();
    }

    public static byte[] SerialDer(Certificate c)
    {
        byte[] content = c.SerialNumber.ToArray();
        return [0x02, (byte)content.Length, .. content];
    }

    public static string CertificateObject(string label, Certificate c, string? extra = null) =>
        "CKA_CLASS CK_OBJECT_CLASS CKO_CERTIFICATE\nCKA_TOKEN CK_BBOOL CK_TRUE\n" +
        $"CKA_LABEL UTF8 \"{label}\"\nCKA_CERTIFICATE_TYPE CK_CERTIFICATE_TYPE CKC_X_509\n" +
        "CKA_ISSUER " + Octal(c.Issuer.RawData.Span) + "CKA_SERIAL_NUMBER " + Octal(SerialDer(c)) +
        "CKA_VALUE " + Octal(c.RawData.Span) + (extra ?? "CKA_NSS_SERVER_DISTRUST_AFTER CK_BBOOL CK_FALSE\n") + "\n";

    public static string TrustObject(string label, Certificate c, string server, string email = "CKT_NSS_MUST_VERIFY_TRUST", string code = "CKT_NSS_MUST_VERIFY_TRUST", string? extra = null, byte[]? sha1 = null) =>
        $"CKA_CLASS CK_OBJECT_CLASS CKO_NSS_TRUST\nCKA_LABEL UTF8 \"{label}\"\n" +
        "CKA_CERT_SHA1_HASH " + Octal(sha1 ?? c.GetDigest(HashAlgorithmId.Sha1)) +
        "CKA_ISSUER " + Octal(c.Issuer.RawData.Span) + "CKA_SERIAL_NUMBER " + Octal(SerialDer(c)) + (extra ?? string.Empty) +
        $"CKA_TRUST_SERVER_AUTH CK_TRUST {server}\nCKA_TRUST_EMAIL_PROTECTION CK_TRUST {email}\nCKA_TRUST_CODE_SIGNING CK_TRUST {code}\n\n";
}
