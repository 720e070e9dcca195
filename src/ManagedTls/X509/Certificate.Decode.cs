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
        ReadTbsCertificate(ref certificate, raw, ref parts);
        parts.SignatureAlgorithm = X509AlgorithmIdentifier.Decode(ref certificate, raw, 0);
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

    // Every part (names, algorithms, extensions) is a view of raw, the certificate's one copy of its encoding.
    private static void ReadTbsCertificate(ref DerReader certificate, byte[] raw, ref Parts parts)
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
        parts.TbsSignatureAlgorithm = X509AlgorithmIdentifier.Decode(ref tbs, raw, 0);
        parts.Issuer = DistinguishedName.Decode(ref tbs, raw, 0);
        DerReader validity = tbs.ReadSequence();
        parts.NotBefore = validity.ReadTime();
        parts.NotAfter = validity.ReadTime();
        validity.ExpectEmpty();
        parts.Subject = DistinguishedName.Decode(ref tbs, raw, 0);
        ReadSubjectPublicKeyInfo(ref tbs, raw, ref parts);

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

        parts.Extensions = hasExtensions ? ReadExtensionsWrapper(ref extensionsWrapper, raw) : ReadOnlyCollection<X509Extension>.Empty;
    }

    private static void ReadSubjectPublicKeyInfo(ref DerReader tbs, byte[] raw, ref Parts parts)
    {
        int start = tbs.Offset;
        DerReader spki = tbs.ReadSequence();
        parts.Spki = new Range(start, tbs.Offset);
        parts.PublicKeyAlgorithm = X509AlgorithmIdentifier.Decode(ref spki, raw, 0);
        spki.ReadBitString(out _);
        spki.ExpectEmpty();
    }

    private static ReadOnlyCollection<X509Extension> ReadExtensionsWrapper(ref DerReader wrapper, byte[] raw)
    {
        ReadOnlyCollection<X509Extension> extensions = ReadExtensions(ref wrapper, raw, 0);
        wrapper.ExpectEmpty();
        return extensions;
    }

    /// <summary>Reads an <c>Extensions</c> SEQUENCE (SIZE (1..MAX)), rejecting a repeated OID (RFC 5280 §4.2, §5.2).</summary>
    internal static ReadOnlyCollection<X509Extension> ReadExtensions(ref DerReader reader) =>
        ReadExtensions(ref reader, X509Decoding.CopyNext(reader), reader.Offset);

    /// <summary>As <see cref="ReadExtensions(ref DerReader)"/>, the extensions sharing <paramref name="source"/> (which starts at reader offset <paramref name="sourceOffset"/>).</summary>
    internal static ReadOnlyCollection<X509Extension> ReadExtensions(ref DerReader reader, ReadOnlyMemory<byte> source, int sourceOffset)
    {
        DerReader sequence = reader.ReadSequence();
        var extensions = new List<X509Extension>();
        HashSet<string>? seen = null;
        while (sequence.HasData)
        {
            int offset = sequence.Offset;
            X509Extension extension = X509Extension.Decode(ref sequence, source, sourceOffset);
            if (IsRepeated(extensions, extension.Oid, ref seen))
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

    // A linear scan while the list is short (a typical leaf has ten extensions), a set once it is long, so a
    // hostile list of thousands stays linear.
    private static bool IsRepeated(List<X509Extension> extensions, string oid, ref HashSet<string>? seen)
    {
        const int LinearLimit = 16;
        if (seen is null && extensions.Count < LinearLimit)
        {
            foreach (X509Extension earlier in extensions)
            {
                if (string.Equals(earlier.Oid, oid, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        if (seen is null)
        {
            seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (X509Extension earlier in extensions)
            {
                seen.Add(earlier.Oid);
            }
        }

        return !seen.Add(oid);
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

/// <summary>
/// Decoding helpers shared by the certificate's parts: slices of one shared buffer instead of a copy per part, and OID
/// strings taken from OpenSSL's table (one shared string per known OID) instead of formatted afresh.
/// </summary>
internal static class X509Decoding
{
    /// <summary>The encoding of the element at <paramref name="reader"/>'s position, as a slice of <paramref name="source"/>.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="source">A buffer holding the element.</param>
    /// <param name="sourceOffset">The reader offset (absolute) at which <paramref name="source"/> starts.</param>
    /// <returns>The slice (nothing is copied).</returns>
    /// <exception cref="DecodeException">The element is malformed.</exception>
    public static ReadOnlyMemory<byte> SliceNext(in DerReader reader, ReadOnlyMemory<byte> source, int sourceOffset)
    {
        DerReader peek = reader;
        int length = peek.ReadEncodedValue().Length;
        return source.Slice(reader.Offset - sourceOffset, length);
    }

    /// <summary>The encoding of the element at <paramref name="reader"/>'s position, copied (for the public span decoders).</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>A copy of the element's encoding.</returns>
    /// <exception cref="DecodeException">The element is malformed.</exception>
    public static byte[] CopyNext(in DerReader reader)
    {
        DerReader peek = reader;
        return peek.ReadEncodedValue().ToArray();
    }

    /// <summary>Reads an OBJECT IDENTIFIER as dotted text, sharing the registry's string when OpenSSL knows the OID.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The dotted OID.</returns>
    /// <exception cref="DecodeException">The OID is malformed.</exception>
    public static string ReadObjectIdentifier(ref DerReader reader)
    {
        ReadOnlySpan<byte> content = reader.ReadObjectIdentifierBytes();
        return OidRegistry.TryGetByEncoded(content, out OidInfo? info) ? info.Dotted : ObjectIdentifier.ToDotted(content);
    }
}
