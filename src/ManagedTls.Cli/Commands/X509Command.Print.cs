using System.Globalization;
using System.Text;
using ManagedTls.Asn1;
using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Pem;
using ManagedTls.Signatures;
using ManagedTls.X509;

namespace ManagedTls.Cli;

/// <content>The print options, each formatted as openssl's x509 prints it.</content>
internal sealed partial class X509Command
{
    private static string Format(Print item, Certificate certificate, Settings s) => item switch
    {
        Print.Issuer => s.NameOption.Print("issuer=", certificate.Issuer),
        Print.Subject => s.NameOption.Print("subject=", certificate.Subject),
        Print.Serial => "serial=" + OpenSslText.FormatInteger(certificate.SerialNumber.Span) + "\n",
        Print.NextSerial => NextSerial(certificate) + "\n",
        Print.Email => Emails(certificate, !s.ClearExtensions && (s.ExtensionNames is null || s.ExtensionNames.Contains("subjectAltName", StringComparison.Ordinal))),
        Print.Alias => "<No Alias>\n",
        Print.SubjectHash => Hex8(certificate.SubjectNameHash),
        Print.SubjectHashOld => Hex8(certificate.SubjectNameHashOld),
        Print.IssuerHash => Hex8(certificate.IssuerNameHash),
        Print.IssuerHashOld => Hex8(certificate.Issuer.OpenSslHashOld),
        Print.Modulus => "Modulus=" + Modulus(certificate) + "\n",
        Print.PublicKey => PemWriter.WriteString(PemLabels.PublicKey, certificate.SubjectPublicKeyInfo.Span),
        Print.Text => X509Text.Certificate(certificate, s.NameOption, s.ExtensionNames, s.ClearExtensions),
        Print.StartDate => "notBefore=" + FormatTime(certificate.NotBefore, s.Iso8601) + "\n",
        Print.EndDate => "notAfter=" + FormatTime(certificate.NotAfter, s.Iso8601) + "\n",
        Print.Fingerprint => Fingerprint(certificate.RawData.Span, s.Digest),
        Print.OcspId => OcspId(certificate),
        _ => X509Text.SelectedExtensions(certificate.Extensions, s.ExtensionNames!, "certificate"),
    };

    private static string Hex8(uint hash) => hash.ToString("x8", CultureInfo.InvariantCulture) + "\n";

    /// <summary><c>ASN1_TIME_print_ex</c> with openssl's <c>-dateopt</c>.</summary>
    internal static string FormatTime(DateTimeOffset time, bool iso8601)
    {
        if (!iso8601)
        {
            return OpenSslText.FormatTime(time);
        }

        string text = OpenSslText.FormatTime(time); // keeps the fraction of a GeneralizedTime
        DateTime utc = time.UtcDateTime;
        int dot = text.IndexOf('.', StringComparison.Ordinal);
        string fraction = dot < 0 ? string.Empty : text[dot..text.IndexOf(' ', dot)];
        return string.Create(CultureInfo.InvariantCulture, $"{utc:yyyy-MM-dd HH:mm:ss}{fraction}Z");
    }

    /// <summary>openssl's <c>-fingerprint</c> line: the digest name as given (default <c>SHA1</c>) and colon hex.</summary>
    internal static string Fingerprint(ReadOnlySpan<byte> der, string? digestName)
    {
        string name = digestName ?? "SHA1";
        if (!DigestNames.TryParse(name, out HashAlgorithmId hash))
        {
            throw new CommandException("Unknown digest");
        }

        return $"{name} Fingerprint={OpenSslText.FormatFingerprint(HashAlgorithms.HashData(hash, der))}\n";
    }

    private static string NextSerial(Certificate certificate)
    {
        var next = certificate.SerialNumberValue + 1;
        return OpenSslText.FormatInteger(next.ToByteArray(isUnsigned: false, isBigEndian: true));
    }

    /// <summary><c>X509_get1_email</c>: emailAddress attributes of the subject, then rfc822Name SANs (unless -ext/-clrext dropped them), without duplicates.</summary>
    private static string Emails(Certificate certificate, bool withAlternativeNames)
    {
        var found = new List<string>();
        foreach (AttributeTypeAndValue attribute in certificate.Subject.Attributes)
        {
            if (attribute.Oid == Oids.EmailAddress && attribute.Value is { } value && !found.Contains(value))
            {
                found.Add(value);
            }
        }

        if (withAlternativeNames && certificate.GetSubjectAlternativeNames() is { } names)
        {
            foreach (GeneralName name in names.Names)
            {
                if (name.Kind == GeneralNameKind.Rfc822Name && name.Text is { } text && !found.Contains(text))
                {
                    found.Add(text);
                }
            }
        }

        var output = new StringBuilder();
        foreach (string email in found)
        {
            output.Append(email).Append('\n');
        }

        return output.ToString();
    }

    /// <summary>BN_print of the RSA modulus or DSA public value; other keys have none.</summary>
    internal static string Modulus(Certificate certificate) => Modulus(certificate.TryGetPublicKey(out PublicKey? key, out _) ? key : null);

    internal static string Modulus(PublicKey? key)
    {
        ReadOnlySpan<byte> value = key switch
        {
            RsaPublicKey rsa => rsa.Modulus.Span,
            DsaPublicKey dsa => dsa.Y.Span,
            _ => default,
        };
        if (key is not (RsaPublicKey or DsaPublicKey))
        {
            return "No modulus for this public key type";
        }

        string hex = Convert.ToHexString(value).TrimStart('0');
        return hex.Length == 0 ? "0" : hex;
    }

    /// <summary><c>X509_ocspid_print</c>: SHA-1 of the subject's DER and of the public key's BIT STRING content.</summary>
    private static string OcspId(Certificate certificate)
    {
        var reader = new DerReader(certificate.SubjectPublicKeyInfo.Span);
        DerReader spki = reader.ReadSequence();
        spki.ReadEncodedValue(); // AlgorithmIdentifier
        ReadOnlySpan<byte> key = spki.ReadBitString(out _);
        return "        Subject OCSP hash: " + Convert.ToHexString(HashAlgorithms.HashData(HashAlgorithmId.Sha1, certificate.Subject.RawData.Span))
            + "\n        Public key OCSP hash: " + Convert.ToHexString(HashAlgorithms.HashData(HashAlgorithmId.Sha1, key)) + "\n";
    }
}
