using System.Text;
using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Pem;
using ManagedTls.Signatures;
using ManagedTls.X509;

namespace ManagedTls.OpenSsl;

/// <summary>Certificates, requests and CRLs: <c>load_certificate</c>, <c>dump_certificate</c>, <c>load_certificate_request</c>, <c>dump_certificate_request</c>, <c>load_crl</c>, <c>dump_crl</c>.</summary>
public static partial class Crypto
{
    private const string PemOrAsn1 = "type argument must be FILETYPE_PEM or FILETYPE_ASN1";
    private const string PemAsn1OrText = "type argument must be FILETYPE_PEM, FILETYPE_ASN1, or FILETYPE_TEXT";

    /// <summary>
    /// Loads a certificate (<c>load_certificate</c>, <c>PEM_read_bio_X509</c>/<c>d2i_X509_bio</c>).
    /// </summary>
    /// <param name="type"><see cref="FileType.Pem"/>: the first <c>CERTIFICATE</c>, <c>X509 CERTIFICATE</c> or <c>TRUSTED CERTIFICATE</c> block (others are skipped); <see cref="FileType.Asn1"/>: DER.</param>
    /// <param name="buffer">The encoded certificate.</param>
    /// <returns>The certificate; dumping it unchanged gives back the same DER.</returns>
    /// <exception cref="ArgumentException">Another <paramref name="type"/> ("type argument must be FILETYPE_PEM or FILETYPE_ASN1").</exception>
    /// <exception cref="CryptoException">No certificate (<c>("PEM routines", "get_name", "no start line")</c>) or a malformed one.</exception>
    public static X509 LoadCertificate(FileType type, byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        Certificate certificate = type switch
        {
            FileType.Pem => LoadPem(buffer, "PEM_read_bio_X509", static der => Certificate.Load(der), PemLabels.Certificate, "X509 CERTIFICATE", "TRUSTED CERTIFICATE"),
            FileType.Asn1 => LoadDer(buffer, "d2i_X509_bio", static der => Certificate.Decode(der)),
            _ => throw new ArgumentException(PemOrAsn1, nameof(type)),
        };
        return new X509(certificate);
    }

    /// <summary>Dumps a certificate (<c>dump_certificate</c>).</summary>
    /// <param name="type">PEM (<c>CERTIFICATE</c>), ASN1 (DER) or TEXT (<c>X509_print_ex</c>: what <c>openssl x509 -text -noout</c> prints).</param>
    /// <param name="cert">The certificate.</param>
    /// <returns>The encoded certificate.</returns>
    /// <exception cref="ArgumentException">Another <paramref name="type"/>.</exception>
    /// <exception cref="InvalidOperationException">The certificate was changed since it was loaded or signed: sign it first.</exception>
    public static byte[] DumpCertificate(FileType type, X509 cert)
    {
        ArgumentNullException.ThrowIfNull(cert);
        CheckDumpType(type);
        Certificate certificate = cert.ToCertificate();
        return type switch
        {
            FileType.Pem => PemWriter.Write(PemLabels.Certificate, certificate.RawData.Span),
            FileType.Asn1 => certificate.RawData.ToArray(),
            _ => Encoding.UTF8.GetBytes(CertificateText(certificate)),
        };
    }

    /// <summary>Loads a certificate signing request (<c>load_certificate_request</c>).</summary>
    /// <param name="type"><see cref="FileType.Pem"/>: the first <c>CERTIFICATE REQUEST</c> or <c>NEW CERTIFICATE REQUEST</c> block; <see cref="FileType.Asn1"/>: DER.</param>
    /// <param name="buffer">The encoded request.</param>
    /// <returns>The request; dumping it unchanged gives back the same DER.</returns>
    /// <exception cref="ArgumentException">Another <paramref name="type"/>.</exception>
    /// <exception cref="CryptoException">No request, or a malformed one.</exception>
    public static X509Req LoadCertificateRequest(FileType type, byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        CertificationRequest request = type switch
        {
            FileType.Pem => LoadPem(buffer, "PEM_read_bio_X509_REQ", static der => CertificationRequest.Decode(der), PemLabels.CertificateRequest, PemLabels.NewCertificateRequest),
            FileType.Asn1 => LoadDer(buffer, "d2i_X509_REQ_bio", static der => CertificationRequest.Decode(der)),
            _ => throw new ArgumentException(PemOrAsn1, nameof(type)),
        };
        return new X509Req(request);
    }

    /// <summary>Dumps a certificate signing request (<c>dump_certificate_request</c>).</summary>
    /// <param name="type">PEM (<c>CERTIFICATE REQUEST</c>), ASN1 or TEXT (what <c>openssl req -text -noout</c> prints).</param>
    /// <param name="req">The request.</param>
    /// <returns>The encoded request.</returns>
    /// <exception cref="ArgumentException">Another <paramref name="type"/>.</exception>
    /// <exception cref="InvalidOperationException">The request was changed since it was loaded or signed: sign it first.</exception>
    public static byte[] DumpCertificateRequest(FileType type, X509Req req)
    {
        ArgumentNullException.ThrowIfNull(req);
        CheckDumpType(type);
        CertificationRequest request = req.ToCertificationRequest();
        return type switch
        {
            FileType.Pem => PemWriter.Write(PemLabels.CertificateRequest, request.RawData.Span),
            FileType.Asn1 => request.RawData.ToArray(),
            _ => Encoding.UTF8.GetBytes(RequestText(request)),
        };
    }

    /// <summary>Loads a certificate revocation list (<c>load_crl</c>).</summary>
    /// <param name="type"><see cref="FileType.Pem"/>: the first <c>X509 CRL</c> block; <see cref="FileType.Asn1"/>: DER.</param>
    /// <param name="buffer">The encoded CRL.</param>
    /// <returns>The CRL; dumping it unchanged gives back the same DER.</returns>
    /// <exception cref="ArgumentException">Another <paramref name="type"/>.</exception>
    /// <exception cref="CryptoException">No CRL, or a malformed one.</exception>
    public static CRL LoadCrl(FileType type, byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        CertificateRevocationList crl = type switch
        {
            FileType.Pem => LoadPem(buffer, "PEM_read_bio_X509_CRL", static der => CertificateRevocationList.Decode(der), PemLabels.X509Crl),
            FileType.Asn1 => LoadDer(buffer, "d2i_X509_CRL_bio", static der => CertificateRevocationList.Decode(der)),
            _ => throw new ArgumentException(PemOrAsn1, nameof(type)),
        };
        return new CRL(crl);
    }

    /// <summary>Dumps a certificate revocation list (<c>dump_crl</c>).</summary>
    /// <param name="type">PEM (<c>X509 CRL</c>), ASN1 or TEXT (what <c>openssl crl -text -noout</c> prints).</param>
    /// <param name="crl">The CRL.</param>
    /// <returns>The encoded CRL.</returns>
    /// <exception cref="ArgumentException">Another <paramref name="type"/>.</exception>
    /// <exception cref="InvalidOperationException">The CRL was changed since it was loaded or signed: sign it first.</exception>
    public static byte[] DumpCrl(FileType type, CRL crl)
    {
        ArgumentNullException.ThrowIfNull(crl);
        CheckDumpType(type);
        CertificateRevocationList list = crl.ToCertificateRevocationList();
        return type switch
        {
            FileType.Pem => PemWriter.Write(PemLabels.X509Crl, list.RawData.Span),
            FileType.Asn1 => list.RawData.ToArray(),
            _ => Encoding.UTF8.GetBytes(CrlText(list)),
        };
    }

    /// <summary>
    /// Verifies a signature with the public key of the signer's certificate (<c>verify(cert, signature, data, digest)</c>);
    /// see <see cref="Verify(PKey, byte[], byte[], string)"/>.
    /// </summary>
    /// <param name="cert">The signer's certificate.</param>
    /// <param name="signature">The signature.</param>
    /// <param name="data">The message.</param>
    /// <param name="digest">The digest name used when signing.</param>
    /// <exception cref="ArgumentException">An unknown digest ("No such digest method").</exception>
    /// <exception cref="CryptoException">The signature does not verify, or the certificate has no usable key.</exception>
    public static void Verify(X509 cert, byte[] signature, byte[] data, string digest)
    {
        ArgumentNullException.ThrowIfNull(cert);
        ParseDigest(digest);
        Verify(new PKey(cert.GetPublicKey()), signature, data, digest);
    }

    internal static HashAlgorithmId ParseDigestName(string digest) => ParseDigest(digest);

    /// <summary>The digest to hand a builder: none for EdDSA keys, which sign the message itself.</summary>
    internal static HashAlgorithmId? DigestFor(PrivateKey key, HashAlgorithmId hash) =>
        key.Algorithm is KeyAlgorithm.Ed25519 or KeyAlgorithm.Ed448 ? null : hash;

    /// <summary>Runs a builder's Sign, translating its failures into <see cref="CryptoException"/>s.</summary>
    internal static T BuildSigned<T>(Func<T> sign, string function)
    {
        try
        {
            return sign();
        }
        catch (X509BuildException e)
        {
            throw new CryptoException("x509 certificate routines", function, e.Message, e);
        }
        catch (SignatureException e)
        {
            throw CryptoErrors.FromSignature(e, function);
        }
    }

    /// <summary>Upper-case hex pairs joined by colons, as pyOpenSSL's <c>digest</c>.</summary>
    internal static string ColonHex(ReadOnlySpan<byte> value)
    {
        var text = new StringBuilder(value.Length * 3);
        foreach (byte b in value)
        {
            if (text.Length > 0)
            {
                text.Append(':');
            }

            text.Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private static void CheckDumpType(FileType type)
    {
        if (type is not (FileType.Pem or FileType.Asn1 or FileType.Text))
        {
            throw new ArgumentException(PemAsn1OrText, nameof(type));
        }
    }

    /// <summary>PEM_read_bio_*: the first block with one of <paramref name="labels"/>; others are skipped.</summary>
    private static T LoadPem<T>(byte[] buffer, string function, Func<byte[], T> decode, params string[] labels)
    {
        PemBlock? block;
        try
        {
            if (!PemReader.TryFind(buffer, out block, labels))
            {
                throw CryptoErrors.NoStartLine();
            }
        }
        catch (PemException e)
        {
            throw CryptoErrors.FromPem(e);
        }

        return LoadDer(FirstBlockBytes(buffer, block), function, decode);
    }

    private static byte[] FirstBlockBytes(byte[] buffer, PemBlock block) =>
        block.Label == "TRUSTED CERTIFICATE" ? buffer : block.Data.ToArray();

    private static T LoadDer<T>(byte[] der, string function, Func<byte[], T> decode)
    {
        try
        {
            return decode(der);
        }
        catch (X509FormatException e)
        {
            throw CryptoErrors.FromX509Format(e, function);
        }
        catch (PemException e)
        {
            throw CryptoErrors.FromPem(e);
        }
    }
}
