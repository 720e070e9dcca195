using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using ManagedTls.Asn1;
using ManagedTls.Keys;
using ManagedTls.Pem;
using ManagedTls.Signatures;

namespace ManagedTls.X509;

/// <summary>
/// A PKCS#10 certification request (RFC 2986), parsed once and immutable, with the exact encodings of the request,
/// the signed CertificationRequestInfo, the subject and the SubjectPublicKeyInfo kept.
/// </summary>
/// <remarks>
/// As for <see cref="Certificate"/>: DER only, the public key decoded on demand, signature algorithms kept raw. The
/// attributes field may be absent (RFC 2986 requires it; OpenSSL accepts requests without it).
/// </remarks>
public sealed partial class CertificationRequest : IEquatable<CertificationRequest>
{
    /// <summary>PKCS#9 extensionRequest (1.2.840.113549.1.9.14).</summary>
    private const string ExtensionRequestOid = "1.2.840.113549.1.9.14";

    /// <summary>Microsoft's older extension request attribute (1.3.6.1.4.1.311.2.1.14), which OpenSSL also reads.</summary>
    private const string MsExtensionRequestOid = "1.3.6.1.4.1.311.2.1.14";

    private readonly byte[] _raw;
    private readonly Range _info;
    private readonly Range _spki;
    private readonly Range _signature;
    private LazyPublicKey? _publicKey;

    private CertificationRequest(byte[] raw, Range info, Range spki, Range signature, int version, DistinguishedName subject, X509AlgorithmIdentifier keyAlgorithm, ReadOnlyCollection<X509Attribute>? attributes, X509AlgorithmIdentifier signatureAlgorithm, int unusedBits)
    {
        _raw = raw;
        _info = info;
        _spki = spki;
        _signature = signature;
        Version = version;
        Subject = subject;
        PublicKeyAlgorithm = keyAlgorithm;
        HasAttributesField = attributes is not null;
        Attributes = attributes ?? ReadOnlyCollection<X509Attribute>.Empty;
        SignatureAlgorithm = signatureAlgorithm;
        SignatureUnusedBits = unusedBits;
    }

    /// <summary>The whole request DER.</summary>
    public ReadOnlyMemory<byte> RawData => _raw;

    /// <summary>The CertificationRequestInfo DER: the bytes that were signed.</summary>
    public ReadOnlyMemory<byte> RawCertificationRequestInfo => _raw.AsMemory(_info);

    /// <summary>The version field's value (0 for the only defined version, v1; OpenSSL prints it as <c>1 (0x0)</c>).</summary>
    public int Version { get; }

    /// <summary>The subject Name.</summary>
    public DistinguishedName Subject { get; }

    /// <summary>The exact SubjectPublicKeyInfo DER.</summary>
    public ReadOnlyMemory<byte> SubjectPublicKeyInfo => _raw.AsMemory(_spki);

    /// <summary>The algorithm of the public key.</summary>
    public X509AlgorithmIdentifier PublicKeyAlgorithm { get; }

    /// <summary>Whether the <c>[0] attributes</c> field was present (it is required, but OpenSSL tolerates its absence).</summary>
    public bool HasAttributesField { get; }

    /// <summary>The request attributes, in encoded order.</summary>
    public IReadOnlyList<X509Attribute> Attributes { get; }

    /// <summary>The signatureAlgorithm.</summary>
    public X509AlgorithmIdentifier SignatureAlgorithm { get; }

    /// <summary>The signature bits.</summary>
    public ReadOnlyMemory<byte> Signature => _raw.AsMemory(_signature);

    /// <summary>Unused bits in the last signature octet (0 for every real algorithm).</summary>
    public int SignatureUnusedBits { get; }

    /// <summary>Reads a request.</summary>
    /// <param name="reader">Positioned at the CertificationRequest SEQUENCE.</param>
    /// <returns>The request.</returns>
    /// <exception cref="DecodeException">The DER is malformed.</exception>
    /// <exception cref="X509FormatException">A Name value OpenSSL rejects.</exception>
    public static CertificationRequest Decode(ref DerReader reader)
    {
        int start = reader.Offset;
        DerReader peek = reader;
        byte[] raw = peek.ReadEncodedValue().ToArray();
        DerReader request = reader.ReadSequence();

        int infoStart = request.Offset - start;
        DerReader info = request.ReadSequence();
        var infoRange = new Range(infoStart, request.Offset - start);
        int version = info.ReadInt32();
        DistinguishedName subject = DistinguishedName.Decode(ref info);
        int spkiStart = info.Offset - start;
        DerReader spki = info.ReadSequence();
        var spkiRange = new Range(spkiStart, info.Offset - start);
        X509AlgorithmIdentifier keyAlgorithm = X509AlgorithmIdentifier.Decode(ref spki);
        spki.ReadBitString(out _);
        spki.ExpectEmpty();
        ReadOnlyCollection<X509Attribute>? attributes = null;
        if (info.NextTagIs(Asn1Tag.Context(0, true)))
        {
            DerReader set = info.ReadSequence(Asn1Tag.Context(0, true));
            var list = new List<X509Attribute>();
            while (set.HasData)
            {
                list.Add(X509Attribute.Decode(ref set));
            }

            attributes = list.AsReadOnly();
        }

        info.ExpectEmpty();
        X509AlgorithmIdentifier signatureAlgorithm = X509AlgorithmIdentifier.Decode(ref request);
        int length = request.ReadBitString(out int unusedBits).Length;
        var signature = new Range(request.Offset - start - length, request.Offset - start);
        request.ExpectEmpty();
        return new CertificationRequest(raw, infoRange, spkiRange, signature, version, subject, keyAlgorithm, attributes, signatureAlgorithm, unusedBits);
    }

    /// <summary>Reads a request from exactly <paramref name="der"/>.</summary>
    /// <param name="der">One DER request and nothing after it.</param>
    /// <returns>The request.</returns>
    /// <exception cref="X509FormatException">Malformed or not acceptable.</exception>
    public static CertificationRequest Decode(ReadOnlySpan<byte> der)
    {
        try
        {
            var reader = new DerReader(der);
            CertificationRequest result = Decode(ref reader);
            reader.ExpectEmpty();
            return result;
        }
        catch (DecodeException e)
        {
            throw X509FormatException.Malformed(e, "certification request");
        }
    }

    /// <summary>Loads a request from DER or PEM (<c>CERTIFICATE REQUEST</c> or <c>NEW CERTIFICATE REQUEST</c>).</summary>
    /// <param name="data">DER bytes or PEM text.</param>
    /// <returns>The request.</returns>
    /// <exception cref="X509FormatException">No request found, or malformed.</exception>
    /// <exception cref="PemException">The PEM armour is malformed.</exception>
    public static CertificationRequest Load(ReadOnlySpan<byte> data)
    {
        if (!data.IsEmpty && data[0] == 0x30)
        {
            return Decode(data);
        }

        foreach (PemBlock block in PemReader.Enumerate(data))
        {
            if (block.Label is PemLabels.CertificateRequest or PemLabels.NewCertificateRequest)
            {
                return Decode(block.Data.Span);
            }
        }

        throw new X509FormatException(X509FormatError.NoPemBlock, "No CERTIFICATE REQUEST PEM block found.");
    }

    /// <summary>Writes the request as a PEM <c>CERTIFICATE REQUEST</c> block.</summary>
    /// <returns>The PEM text.</returns>
    public string ToPem() => PemWriter.WriteString(PemLabels.CertificateRequest, _raw);

    /// <summary>
    /// The extensions asked for in the extensionRequest attribute (PKCS#9, or Microsoft's older OID, as OpenSSL's
    /// <c>X509_REQ_get_extensions</c> reads them); empty when there is none.
    /// </summary>
    /// <returns>The extensions in encoded order.</returns>
    /// <exception cref="X509FormatException">The attribute is malformed (<see cref="X509FormatError.InvalidExtension"/>) or repeats an extension.</exception>
    public IReadOnlyList<X509Extension> GetRequestedExtensions()
    {
        foreach (X509Attribute attribute in Attributes)
        {
            if (attribute.Oid is ExtensionRequestOid or MsExtensionRequestOid && attribute.Values.Count > 0)
            {
                try
                {
                    var reader = new DerReader(attribute.Values[0].Span);
                    DerReader sequence = reader.ReadSequence();
                    reader.ExpectEmpty();
                    var extensions = new List<X509Extension>();
                    var seen = new HashSet<string>(StringComparer.Ordinal);
                    while (sequence.HasData)
                    {
                        X509Extension extension = X509Extension.Decode(ref sequence);
                        if (!seen.Add(extension.Oid))
                        {
                            throw new X509FormatException(X509FormatError.DuplicateExtension, $"Requested extension {extension.ShortName} appears twice.");
                        }

                        extensions.Add(extension);
                    }

                    return extensions.AsReadOnly();
                }
                catch (DecodeException e)
                {
                    throw new X509FormatException(X509FormatError.InvalidExtension, $"Malformed extensionRequest attribute: {e.Message}", e);
                }
            }
        }

        return ReadOnlyCollection<X509Extension>.Empty;
    }

    /// <summary>Decodes the subject public key.</summary>
    /// <returns>The key.</returns>
    /// <exception cref="KeyFormatException">Unsupported or invalid key.</exception>
    /// <exception cref="DecodeException">The key's inner DER is malformed.</exception>
    public PublicKey GetPublicKey() => (_publicKey ??= new LazyPublicKey(SubjectPublicKeyInfo)).Get();

    /// <summary>Decodes the subject public key, reporting failure instead of throwing.</summary>
    /// <param name="key">The key when supported and valid.</param>
    /// <param name="error">Why not, otherwise null.</param>
    /// <returns>Whether the key was decoded.</returns>
    public bool TryGetPublicKey([NotNullWhen(true)] out PublicKey? key, out Exception? error) =>
        (_publicKey ??= new LazyPublicKey(SubjectPublicKeyInfo)).TryGet(out key, out error);

    /// <summary>Checks the request's self-signature with its own public key (<c>openssl req -verify</c>, <c>X509_REQ_verify</c>).</summary>
    /// <returns>Whether the signature is valid.</returns>
    /// <exception cref="SignatureException">Unsupported algorithm, or one that does not fit the key.</exception>
    /// <exception cref="KeyFormatException">The public key is unsupported or invalid.</exception>
    /// <exception cref="DecodeException">The algorithm parameters or key are malformed.</exception>
    public bool VerifySignature()
    {
        if (SignatureUnusedBits != 0)
        {
            return false;
        }

        Signatures.SignatureAlgorithm algorithm = Signatures.SignatureAlgorithm.Decode(SignatureAlgorithm.RawData.Span);
        return Verifier.Verify(GetPublicKey(), algorithm, RawCertificationRequestInfo.Span, Signature.Span);
    }

    /// <summary>Equality of the DER encodings.</summary>
    /// <param name="other">The other request.</param>
    /// <returns>True when both encode identically.</returns>
    public bool Equals(CertificationRequest? other) => other is not null && (ReferenceEquals(this, other) || _raw.AsSpan().SequenceEqual(other._raw));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CertificationRequest other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(_raw);
        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public override string ToString() => $"[Subject: {Subject}]";
}
