using ManagedTls.Asn1;
using ManagedTls.Pem;
using ManagedTls.X509;

namespace ManagedTls.Pkcs.Cms;

/// <summary>
/// A PKCS#7 / CMS message (what OpenSSL's <c>PKCS7</c> holds): its content type and, for SignedData, the decoded
/// SignedData with its certificates, CRLs and signers. Read from PEM or from DER/BER (indefinite lengths included);
/// written as definite-length DER, as <c>openssl pkcs7</c> re-emits what it read.
/// </summary>
public sealed partial class Pkcs7
{
    private static readonly string[] s_pemLabels = [PemLabels.Pkcs7, "PKCS #7 SIGNED DATA", PemLabels.Cms];

    private readonly byte[] _der;

    private Pkcs7(byte[] der, ContentInfo contentInfo, SignedData? signedData)
    {
        _der = der;
        ContentInfo = contentInfo;
        SignedData = signedData;
    }

    /// <summary>The outer ContentInfo.</summary>
    public ContentInfo ContentInfo { get; }

    /// <summary>The content type OID, dotted.</summary>
    public string ContentType => ContentInfo.ContentType;

    /// <summary>The type name as OpenSSL prints it (<c>OBJ_nid2sn</c>): <c>pkcs7-signedData</c>, <c>pkcs7-data</c>, ...; the dotted OID when unknown.</summary>
    public string TypeName => OidRegistry.TryGetByDotted(ContentType, out OidInfo? info) ? info.ShortName : ContentType;

    /// <summary>True for SignedData.</summary>
    public bool IsSigned => ContentType == CmsOids.SignedData;

    /// <summary>True for EnvelopedData.</summary>
    public bool IsEnveloped => ContentType == CmsOids.EnvelopedData;

    /// <summary>True for SignedAndEnvelopedData (PKCS#7 v1.5 only).</summary>
    public bool IsSignedAndEnveloped => ContentType == CmsOids.SignedAndEnvelopedData;

    /// <summary>True for Data.</summary>
    public bool IsData => ContentType == CmsOids.Data;

    /// <summary>The SignedData when <see cref="IsSigned"/>; otherwise null.</summary>
    public SignedData? SignedData { get; }

    /// <summary>The certificates a SignedData carries; empty for other types.</summary>
    public IReadOnlyList<Certificate> Certificates => SignedData?.Certificates ?? [];

    /// <summary>The CRLs a SignedData carries; empty for other types.</summary>
    public IReadOnlyList<CertificateRevocationList> Crls => SignedData?.Crls ?? [];

    /// <summary>The definite-length encoding of the whole ContentInfo.</summary>
    public ReadOnlyMemory<byte> RawData => _der;

    /// <summary>
    /// Loads from PEM (<c>PKCS7</c>, <c>PKCS #7 SIGNED DATA</c> or <c>CMS</c> label) or DER/BER, detected as
    /// <c>openssl pkcs7</c> does without <c>-inform</c> (binary starting with a SEQUENCE tag is DER).
    /// </summary>
    /// <param name="data">The bytes.</param>
    /// <returns>The message.</returns>
    /// <exception cref="Pkcs7Exception">No PKCS#7 found, or it is malformed.</exception>
    public static Pkcs7 Load(ReadOnlySpan<byte> data) => !data.IsEmpty && data[0] == 0x30 ? Decode(data) : LoadPem(data);

    /// <summary>Loads the first PKCS#7 PEM block.</summary>
    /// <param name="data">PEM text.</param>
    /// <returns>The message.</returns>
    /// <exception cref="Pkcs7Exception">No block (<see cref="Pkcs7Error.NoPemBlock"/>), bad armour, or malformed content.</exception>
    public static Pkcs7 LoadPem(ReadOnlySpan<byte> data)
    {
        PemBlock? block;
        try
        {
            if (!PemReader.TryFind(data, out block, s_pemLabels))
            {
                throw new Pkcs7Exception(Pkcs7Error.NoPemBlock, "no PKCS7 PEM block found");
            }
        }
        catch (PemException e)
        {
            throw new Pkcs7Exception(Pkcs7Error.Malformed, "bad PEM armour: " + e.Message, e);
        }

        return Decode(block.Data.Span);
    }

    /// <summary>Decodes a ContentInfo from BER or DER.</summary>
    /// <param name="ber">One ContentInfo, nothing after it.</param>
    /// <returns>The message.</returns>
    /// <exception cref="Pkcs7Exception">Malformed, over a limit, or a certificate/CRL inside is malformed.</exception>
    public static Pkcs7 Decode(ReadOnlySpan<byte> ber)
    {
        byte[] der = ContentInfo.Normalize(ber);
        try
        {
            var reader = new DerReader(der, DerMode.Ber);
            ContentInfo info = ContentInfo.Decode(ref reader, der);
            reader.ExpectEmpty();
            SignedData? signed = null;
            if (info.ContentType == CmsOids.SignedData)
            {
                // Walk again to the content: SEQUENCE { OID, [0] EXPLICIT SignedData }.
                var again = new DerReader(der, DerMode.Ber);
                DerReader outer = again.ReadSequence();
                outer.ReadObjectIdentifier();
                if (!outer.TryReadExplicit(0, out DerReader wrapper))
                {
                    throw new Pkcs7Exception(Pkcs7Error.Malformed, "SignedData ContentInfo without content");
                }

                signed = SignedData.Decode(ref wrapper, der);
                wrapper.ExpectEmpty();
            }

            return new Pkcs7(der, info, signed);
        }
        catch (DecodeException e)
        {
            throw ContentInfo.Malformed(e);
        }
    }

    /// <summary>Builds a certs-only SignedData (a "p7b"), as <c>openssl crl2pkcs7</c>: no content, no signers.</summary>
    /// <param name="certificates">The certificates, in order.</param>
    /// <param name="crls">The CRLs, in order; null for none (<c>-nocrl</c>).</param>
    /// <returns>The message.</returns>
    public static Pkcs7 CreateCertificatesOnly(IEnumerable<Certificate> certificates, IEnumerable<CertificateRevocationList>? crls = null)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        SignedData signed = SignedData.Build(1, [], CmsOids.Data, null, [.. certificates], [.. crls ?? []], []);
        return FromSignedData(signed);
    }

    /// <summary>Writes the message as PEM (<c>PKCS7</c> label, as <c>openssl pkcs7</c> and <c>crl2pkcs7</c>).</summary>
    /// <returns>The PEM text.</returns>
    public string ToPem() => PemWriter.WriteString(PemLabels.Pkcs7, _der);

    /// <summary>The DER encoding.</summary>
    /// <returns>A copy of <see cref="RawData"/>.</returns>
    public byte[] Encode() => (byte[])_der.Clone();

    internal static Pkcs7 FromSignedData(SignedData signed)
    {
        var info = new ContentInfo(CmsOids.SignedData, signed.RawData);
        byte[] der = info.Encode();
        return Decode(der);
    }
}
