using System.Collections.ObjectModel;
using System.Buffers.Binary;
using ManagedTls.Asn1;
using ManagedTls.Crypto;

namespace ManagedTls.X509;

/// <summary>
/// An X.501 <c>Name</c> (RFC 5280 §4.1.2.4): an ordered list of RDNs, kept with its exact encoding. Equality,
/// <see cref="CompareTo"/> and the OpenSSL hashes use OpenSSL's canonical form (strings converted to UTF-8, leading,
/// trailing and repeated spaces collapsed, ASCII lower-cased).
/// </summary>
public sealed partial class DistinguishedName : IEquatable<DistinguishedName>, IComparable<DistinguishedName>
{
    private readonly ReadOnlyMemory<byte> _raw;
    private IReadOnlyList<AttributeTypeAndValue>? _attributes;
    private byte[]? _canonical;
    private string? _oneLine;
    private string? _display;

    private DistinguishedName(ReadOnlyMemory<byte> raw, ReadOnlyCollection<RelativeDistinguishedName> rdns)
    {
        _raw = raw;
        Rdns = rdns;
    }

    /// <summary>The RDNs, most significant first (encoded order).</summary>
    public IReadOnlyList<RelativeDistinguishedName> Rdns { get; }

    /// <summary>Every attribute of every RDN in encoded order (OpenSSL's <c>X509_NAME_get_entry</c> order).</summary>
    public IReadOnlyList<AttributeTypeAndValue> Attributes => _attributes ??= FlattenAttributes(Rdns);

    /// <summary>The exact DER of the Name (the SEQUENCE), as read.</summary>
    public ReadOnlyMemory<byte> RawData => _raw;

    /// <summary>True when the Name has no attributes (an empty SEQUENCE, or only empty RDNs).</summary>
    public bool IsEmpty => Attributes.Count == 0;

    /// <summary>
    /// OpenSSL's canonical encoding (<c>x509_name_canon</c>): each RDN as a SET OF canonicalised attributes in DER
    /// order, concatenated, without the outer SEQUENCE header; empty for an empty Name.
    /// </summary>
    public ReadOnlyMemory<byte> CanonicalEncoding => _canonical ??= BuildCanonicalEncoding();

    /// <summary>
    /// The hash <c>openssl x509 -hash</c> / <c>-subject_hash</c> prints and c_rehash uses (<c>X509_NAME_hash_ex</c>):
    /// the first four bytes of SHA-1 over <see cref="CanonicalEncoding"/>, read little-endian.
    /// </summary>
    public uint OpenSslHash => HashPrefix(HashAlgorithmId.Sha1, CanonicalEncoding.Span);

    /// <summary>The pre-1.0 hash (<c>X509_NAME_hash_old</c>, <c>-subject_hash_old</c>): the first four bytes of MD5 over the DER, little-endian.</summary>
    public uint OpenSslHashOld => HashPrefix(HashAlgorithmId.Md5, _raw.Span);

    /// <summary>Reads a Name.</summary>
    /// <param name="reader">Positioned at the SEQUENCE.</param>
    /// <returns>The Name.</returns>
    /// <exception cref="DecodeException">The DER is malformed.</exception>
    /// <exception cref="X509FormatException">An attribute value OpenSSL rejects (<see cref="X509FormatError.InvalidName"/>).</exception>
    public static DistinguishedName Decode(ref DerReader reader) => Decode(ref reader, X509Decoding.CopyNext(reader), reader.Offset);

    /// <summary>Reads a Name whose parts share <paramref name="source"/>, which starts at reader offset <paramref name="sourceOffset"/>.</summary>
    internal static DistinguishedName Decode(ref DerReader reader, ReadOnlyMemory<byte> source, int sourceOffset)
    {
        ReadOnlyMemory<byte> raw = X509Decoding.SliceNext(reader, source, sourceOffset);
        DerReader sequence = reader.ReadSequence();
        var rdns = new List<RelativeDistinguishedName>();
        while (sequence.HasData)
        {
            rdns.Add(RelativeDistinguishedName.Decode(ref sequence, source, sourceOffset));
        }

        return new DistinguishedName(raw, rdns.AsReadOnly());
    }

    /// <summary>Reads a Name from exactly <paramref name="der"/>.</summary>
    /// <param name="der">The DER SEQUENCE, nothing after it.</param>
    /// <returns>The Name.</returns>
    /// <exception cref="X509FormatException">Malformed (<see cref="X509FormatError.MalformedDer"/>) or rejected.</exception>
    public static DistinguishedName Decode(ReadOnlySpan<byte> der)
    {
        try
        {
            var reader = new DerReader(der);
            DistinguishedName name = Decode(ref reader);
            reader.ExpectEmpty();
            return name;
        }
        catch (DecodeException e)
        {
            throw X509FormatException.Malformed(e, "Name");
        }
    }

    /// <summary>Writes the Name exactly as it was read.</summary>
    /// <param name="writer">The destination.</param>
    public void Encode(DerWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteEncodedValue(_raw.Span);
    }

    /// <summary>Equality under OpenSSL's <c>X509_NAME_cmp</c>: equal canonical encodings.</summary>
    /// <param name="other">The other Name.</param>
    /// <returns>True when the canonical encodings are identical.</returns>
    public bool Equals(DistinguishedName? other) =>
        other is not null && (ReferenceEquals(this, other) || CanonicalEncoding.Span.SequenceEqual(other.CanonicalEncoding.Span));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DistinguishedName other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(CanonicalEncoding.Span);
        return hash.ToHashCode();
    }

    /// <summary>Orders as OpenSSL's <c>X509_NAME_cmp</c>: shorter canonical encoding first, then by octets.</summary>
    /// <param name="other">The other Name; null sorts first.</param>
    /// <returns>-1, 0 or 1.</returns>
    public int CompareTo(DistinguishedName? other)
    {
        if (other is null)
        {
            return 1;
        }

        ReadOnlySpan<byte> a = CanonicalEncoding.Span;
        ReadOnlySpan<byte> b = other.CanonicalEncoding.Span;
        int c = a.Length != b.Length ? a.Length.CompareTo(b.Length) : a.SequenceCompareTo(b);
        return Math.Sign(c);
    }

    /// <summary>
    /// The form <c>openssl x509 -noout -subject</c> prints after <c>subject=</c> (OpenSSL 3.0's default
    /// <c>-nameopt oneline</c>: <c>C = US, O = "Example, Inc.", CN = example.com</c>).
    /// </summary>
    /// <returns>The text.</returns>
    public override string ToString() => _display ??= NameFormatter.FormatOneLineFlags(this);

    /// <summary>
    /// OpenSSL's <c>X509_NAME_oneline</c> form (<c>/C=US/O=Example/CN=example.com</c>; <c>+</c> joins a multi-valued RDN),
    /// which pyOpenSSL's <c>X509Name</c> repr and <c>-nameopt compat</c> use. Not truncated (OpenSSL truncates to the
    /// caller's buffer).
    /// </summary>
    /// <returns>The text.</returns>
    public string ToOneLineString() => _oneLine ??= NameFormatter.FormatCompat(this);

    /// <summary>
    /// <see cref="ToOneLineString()"/> as <c>X509_NAME_oneline</c> fills a caller's buffer of <paramref name="bufferSize"/>
    /// bytes (one is the terminating NUL): attributes that no longer fit are left out whole. pyOpenSSL's
    /// <c>X509Name</c> repr uses a 512-byte buffer; the DirName of a GeneralName is printed through a 256-byte one.
    /// </summary>
    /// <param name="bufferSize">The buffer size, at least 1.</param>
    /// <returns>The possibly shortened text.</returns>
    public string ToOneLineString(int bufferSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, 1);
        return NameFormatter.FormatCompat(this, bufferSize - 1);
    }

    /// <summary>Prints the Name as OpenSSL's <c>X509_NAME_print_ex</c> does with <paramref name="flags"/> (the <c>-nameopt</c> options).</summary>
    /// <param name="flags">OpenSSL's flag bits; <see cref="X509NameFormatFlags.OneLine"/> is what <see cref="ToString"/> uses.</param>
    /// <param name="indent">Leading spaces (and, for <see cref="X509NameFormatFlags.SeparatorMultiline"/>, per line).</param>
    /// <returns>The text (octets OpenSSL would print unescaped above 0x7F are decoded as UTF-8).</returns>
    public string Format(X509NameFormatFlags flags, int indent = 0) => NameFormatter.Format(this, flags, indent);

    private static ReadOnlyCollection<AttributeTypeAndValue> FlattenAttributes(IReadOnlyList<RelativeDistinguishedName> rdns)
    {
        var attributes = new List<AttributeTypeAndValue>(rdns.Count);
        foreach (RelativeDistinguishedName rdn in rdns)
        {
            attributes.AddRange(rdn.Attributes);
        }

        return attributes.AsReadOnly();
    }

    private static uint HashPrefix(HashAlgorithmId algorithm, ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[HashAlgorithms.MaxHashSize];
        HashAlgorithms.HashData(algorithm, data, digest);
        return BinaryPrimitives.ReadUInt32LittleEndian(digest);
    }
}
