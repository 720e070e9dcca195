using System.Collections.ObjectModel;
using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <content>Decoding (RFC 5280 §4.1).</content>
public sealed partial class Certificate
{
    /// <summary>Reads a certificate.</summary>
    /// <param name="reader">Positioned at the Certificate SEQUENCE.</param>
    /// <returns>The certificate.</returns>
    /// <exception cref="DecodeException">The DER is malformed or truncated.</exception>
    /// <exception cref="X509FormatException">Well-formed DER that is not an acceptable certificate.</exception>
    public static Certificate Decode(ref DerReader reader)
    {
        byte[] raw = reader.ReadEncodedValue().ToArray();
        var inner = new DerReader(raw, reader.Options);
        var parts = default(Parts);
        DerReader certificate = inner.ReadSequence();
        ReadTbsCertificate(ref certificate, ref parts);
        parts.SignatureAlgorithm = X509AlgorithmIdentifier.Decode(ref certificate);
        int length = certificate.ReadBitString(out int unusedBits).Length;
        parts.Signature = new Range(certificate.Offset - length, certificate.Offset);
        parts.SignatureUnusedBits = unusedBits;
        certificate.ExpectEmpty();
        return new Certificate(raw, parts);
    }

    /// <summary>Reads a certificate from exactly <paramref name="der"/>.</summary>
    /// <param name="der">One DER certificate and nothing after it.</param>
    /// <returns>The certificate.</returns>
    /// <exception cref="X509FormatException">Malformed (<see cref="X509FormatError.MalformedDer"/>, with the <see cref="DecodeException"/> inside) or not acceptable.</exception>
    public static Certificate Decode(ReadOnlySpan<byte> der)
    {
        try
        {
            var reader = new DerReader(der);
            Certificate result = Decode(ref reader);
            reader.ExpectEmpty();
            return result;
        }
        catch (DecodeException e)
        {
            throw X509FormatException.Malformed(e, "certificate");
        }
    }

    private static void ReadTbsCertificate(ref DerReader certificate, ref Parts parts)
    {
        int tbsStart = certificate.Offset;
        DerReader tbs = certificate.ReadSequence();
        parts.Tbs = new Range(tbsStart, certificate.Offset);

        int version = 0;
        if (tbs.TryReadExplicit(0, out DerReader versionReader))
        {
            int versionOffset = versionReader.Offset;
            version = versionReader.ReadInt32();
            versionReader.ExpectEmpty();
            parts.HasExplicitVersion = version == 0;
            if (version is < 0 or > 2)
            {
                throw new X509FormatException(X509FormatError.UnsupportedVersion, $"Certificate version field {version} at offset {versionOffset} is not v1, v2 or v3 (RFC 5280 §4.1.2.1).");
            }
        }

        parts.Version = version + 1;
        int serialLength = tbs.ReadIntegerBytes().Length;
        parts.Serial = new Range(tbs.Offset - serialLength, tbs.Offset);
        parts.TbsSignatureAlgorithm = X509AlgorithmIdentifier.Decode(ref tbs);
        parts.Issuer = DistinguishedName.Decode(ref tbs);
        DerReader validity = tbs.ReadSequence();
        parts.NotBefore = validity.ReadTime();
        parts.NotAfter = validity.ReadTime();
        validity.ExpectEmpty();
        parts.Subject = DistinguishedName.Decode(ref tbs);
        ReadSubjectPublicKeyInfo(ref tbs, ref parts);

        if (tbs.NextTagIs(Asn1Tag.Context(1, false)))
        {
            parts.IssuerUniqueId = tbs.ReadBitStringBytes(out int unusedBits, Asn1Tag.Context(1, false));
            parts.IssuerUniqueIdUnusedBits = unusedBits;
        }

        if (tbs.NextTagIs(Asn1Tag.Context(2, false)))
        {
            parts.SubjectUniqueId = tbs.ReadBitStringBytes(out int unusedBits, Asn1Tag.Context(2, false));
            parts.SubjectUniqueIdUnusedBits = unusedBits;
        }

        bool hasExtensions = tbs.TryReadExplicit(3, out DerReader extensionsWrapper);
        tbs.ExpectEmpty();

        // RFC 5280 §4.1.2.8-9; OpenSSL 3 rejects these combinations when decoding too (X509_R_INVALID_VERSION).
        if (parts.Version == 1 && (parts.IssuerUniqueId is not null || parts.SubjectUniqueId is not null))
        {
            throw new X509FormatException(X509FormatError.FieldNotAllowedInVersion, "A v1 certificate cannot carry unique identifiers (RFC 5280 §4.1.2.8).");
        }

        if (hasExtensions && parts.Version != 3)
        {
            throw new X509FormatException(X509FormatError.FieldNotAllowedInVersion, $"A v{parts.Version} certificate cannot carry extensions (RFC 5280 §4.1.2.9).");
        }

        parts.Extensions = hasExtensions ? ReadExtensionsWrapper(ref extensionsWrapper) : ReadOnlyCollection<X509Extension>.Empty;
    }

    private static void ReadSubjectPublicKeyInfo(ref DerReader tbs, ref Parts parts)
    {
        int start = tbs.Offset;
        DerReader spki = tbs.ReadSequence();
        parts.Spki = new Range(start, tbs.Offset);
        parts.PublicKeyAlgorithm = X509AlgorithmIdentifier.Decode(ref spki);
        spki.ReadBitString(out _);
        spki.ExpectEmpty();
    }

    private static ReadOnlyCollection<X509Extension> ReadExtensionsWrapper(ref DerReader wrapper)
    {
        ReadOnlyCollection<X509Extension> extensions = ReadExtensions(ref wrapper);
        wrapper.ExpectEmpty();
        return extensions;
    }

    /// <summary>Reads an <c>Extensions</c> SEQUENCE (SIZE (1..MAX)), rejecting a repeated OID (RFC 5280 §4.2, §5.2).</summary>
    internal static ReadOnlyCollection<X509Extension> ReadExtensions(ref DerReader reader)
    {
        DerReader sequence = reader.ReadSequence();
        var extensions = new List<X509Extension>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (sequence.HasData)
        {
            int offset = sequence.Offset;
            X509Extension extension = X509Extension.Decode(ref sequence);
            if (!seen.Add(extension.Oid))
            {
                // RFC 5280 §4.2: "A certificate MUST NOT include more than one instance of a particular extension."
                throw new X509FormatException(X509FormatError.DuplicateExtension, $"Extension {extension.ShortName} ({extension.Oid}) appears twice (second at offset {offset}; RFC 5280 §4.2).");
            }

            extensions.Add(extension);
        }

        if (extensions.Count == 0)
        {
            throw new X509FormatException(X509FormatError.EmptyExtensions, "The extensions field is present but empty (RFC 5280 §4.1: SIZE (1..MAX)).");
        }

        return extensions.AsReadOnly();
    }

    private struct Parts
    {
        public Range Tbs;
        public Range Serial;
        public Range Spki;
        public Range Signature;
        public int Version;
        public bool HasExplicitVersion;
        public X509AlgorithmIdentifier? TbsSignatureAlgorithm;
        public DistinguishedName? Issuer;
        public DateTimeOffset NotBefore;
        public DateTimeOffset NotAfter;
        public DistinguishedName? Subject;
        public X509AlgorithmIdentifier? PublicKeyAlgorithm;
        public ReadOnlyMemory<byte>? IssuerUniqueId;
        public ReadOnlyMemory<byte>? SubjectUniqueId;
        public int? IssuerUniqueIdUnusedBits;
        public int? SubjectUniqueIdUnusedBits;
        public ReadOnlyCollection<X509Extension>? Extensions;
        public X509AlgorithmIdentifier? SignatureAlgorithm;
        public int SignatureUnusedBits;
    }
}
