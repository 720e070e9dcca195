namespace ManagedTls.Asn1;

/// <summary>An ASN.1 tag: class, number and the primitive/constructed bit (ITU-T X.690 §8.1.2).</summary>
public readonly struct Asn1Tag : IEquatable<Asn1Tag>
{
    private const byte ConstructedFlag = 0x20;

    // Bits 6-7: class, bit 5: constructed; same layout as the first identifier octet.
    private readonly byte _controlFlags;

    /// <summary>Creates a tag.</summary>
    /// <param name="tagClass">The class.</param>
    /// <param name="tagValue">The tag number; must not be negative.</param>
    /// <param name="isConstructed">Whether the encoding is constructed.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tagValue"/> is negative or the class is unknown.</exception>
    public Asn1Tag(TagClass tagClass, int tagValue, bool isConstructed = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tagValue);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((int)tagClass, 3);
        _controlFlags = (byte)(((int)tagClass << 6) | (isConstructed ? ConstructedFlag : 0));
        TagValue = tagValue;
    }

    // controlFlags: the class and constructed bits exactly as in the first identifier octet (0xE0 mask).
    internal Asn1Tag(byte controlFlags, int tagValue)
    {
        _controlFlags = controlFlags;
        TagValue = tagValue;
    }

    /// <summary>UNIVERSAL 1, BOOLEAN.</summary>
    public static Asn1Tag Boolean { get; } = new(0, 1);

    /// <summary>UNIVERSAL 2, INTEGER.</summary>
    public static Asn1Tag Integer { get; } = new(0, 2);

    /// <summary>UNIVERSAL 3, BIT STRING (primitive).</summary>
    public static Asn1Tag BitString { get; } = new(0, 3);

    /// <summary>UNIVERSAL 4, OCTET STRING (primitive).</summary>
    public static Asn1Tag OctetString { get; } = new(0, 4);

    /// <summary>UNIVERSAL 5, NULL.</summary>
    public static Asn1Tag Null { get; } = new(0, 5);

    /// <summary>UNIVERSAL 6, OBJECT IDENTIFIER.</summary>
    public static Asn1Tag ObjectIdentifier { get; } = new(0, 6);

    /// <summary>UNIVERSAL 10, ENUMERATED.</summary>
    public static Asn1Tag Enumerated { get; } = new(0, 10);

    /// <summary>UNIVERSAL 12, UTF8String.</summary>
    public static Asn1Tag Utf8String { get; } = new(0, 12);

    /// <summary>UNIVERSAL 16, SEQUENCE / SEQUENCE OF (constructed).</summary>
    public static Asn1Tag Sequence { get; } = new(ConstructedFlag, 16);

    /// <summary>UNIVERSAL 17, SET / SET OF (constructed).</summary>
    public static Asn1Tag SetOf { get; } = new(ConstructedFlag, 17);

    /// <summary>UNIVERSAL 18, NumericString.</summary>
    public static Asn1Tag NumericString { get; } = new(0, 18);

    /// <summary>UNIVERSAL 19, PrintableString.</summary>
    public static Asn1Tag PrintableString { get; } = new(0, 19);

    /// <summary>UNIVERSAL 20, T61String (TeletexString).</summary>
    public static Asn1Tag T61String { get; } = new(0, 20);

    /// <summary>UNIVERSAL 22, IA5String.</summary>
    public static Asn1Tag IA5String { get; } = new(0, 22);

    /// <summary>UNIVERSAL 23, UTCTime.</summary>
    public static Asn1Tag UtcTime { get; } = new(0, 23);

    /// <summary>UNIVERSAL 24, GeneralizedTime.</summary>
    public static Asn1Tag GeneralizedTime { get; } = new(0, 24);

    /// <summary>UNIVERSAL 26, VisibleString.</summary>
    public static Asn1Tag VisibleString { get; } = new(0, 26);

    /// <summary>UNIVERSAL 28, UniversalString.</summary>
    public static Asn1Tag UniversalString { get; } = new(0, 28);

    /// <summary>UNIVERSAL 30, BMPString.</summary>
    public static Asn1Tag BmpString { get; } = new(0, 30);

    /// <summary>The tag class.</summary>
    public TagClass TagClass => (TagClass)(_controlFlags >> 6);

    /// <summary>The tag number.</summary>
    public int TagValue { get; }

    /// <summary>True for the constructed encoding.</summary>
    public bool IsConstructed => (_controlFlags & ConstructedFlag) != 0;

    /// <summary>Alias of <see cref="TagClass"/> matching the contract's naming.</summary>
    public TagClass Class => TagClass;

    /// <summary>Creates a context-specific tag <c>[n]</c>.</summary>
    /// <param name="tagValue">The tag number.</param>
    /// <param name="constructed">True for the constructed encoding (EXPLICIT tags, implicit SEQUENCE/SET).</param>
    /// <returns>The tag.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tagValue"/> is negative.</exception>
    public static Asn1Tag Context(int tagValue, bool constructed) => new(TagClass.ContextSpecific, tagValue, constructed);

    /// <summary>Returns this tag with the constructed bit set.</summary>
    /// <returns>The constructed form.</returns>
    public Asn1Tag AsConstructed() => new((byte)(_controlFlags | ConstructedFlag), TagValue);

    /// <summary>Returns this tag with the constructed bit clear.</summary>
    /// <returns>The primitive form.</returns>
    public Asn1Tag AsPrimitive() => new((byte)(_controlFlags & ~ConstructedFlag), TagValue);

    /// <summary>True when class and number match, ignoring the constructed bit.</summary>
    /// <param name="other">The tag to compare with.</param>
    /// <returns>Whether the two tags name the same type.</returns>
    public bool HasSameClassAndValue(Asn1Tag other) =>
        TagValue == other.TagValue && ((_controlFlags ^ other._controlFlags) & 0xC0) == 0;

    // The single identifier octet of a low tag number (below 31).
    internal byte FirstIdentifierOctet => (byte)(_controlFlags | TagValue);

    /// <summary>Number of identifier octets this tag encodes to.</summary>
    /// <returns>1 for tag numbers below 31, otherwise 1 plus the base-128 digits.</returns>
    public int CalculateEncodedSize()
    {
        if (TagValue < 31)
        {
            return 1;
        }

        int size = 1;
        for (int v = TagValue; v != 0; v >>= 7)
        {
            size++;
        }

        return size;
    }

    /// <summary>Writes the identifier octets.</summary>
    /// <param name="destination">At least <see cref="CalculateEncodedSize"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too small.</exception>
    public int Encode(Span<byte> destination)
    {
        int size = CalculateEncodedSize();
        if (destination.Length < size)
        {
            throw new ArgumentException("Destination is too small.", nameof(destination));
        }

        if (size == 1)
        {
            destination[0] = (byte)(_controlFlags | TagValue);
            return 1;
        }

        destination[0] = (byte)(_controlFlags | 0x1F);
        int v = TagValue;
        for (int i = size - 1; i >= 1; i--)
        {
            destination[i] = (byte)((v & 0x7F) | (i == size - 1 ? 0 : 0x80));
            v >>= 7;
        }

        return size;
    }

    /// <inheritdoc/>
    public bool Equals(Asn1Tag other) => _controlFlags == other._controlFlags && TagValue == other.TagValue;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Asn1Tag other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => (_controlFlags << 24) ^ TagValue;

    /// <summary>Tag equality.</summary>
    /// <param name="left">First tag.</param>
    /// <param name="right">Second tag.</param>
    /// <returns>Whether class, number and constructed bit all match.</returns>
    public static bool operator ==(Asn1Tag left, Asn1Tag right) => left.Equals(right);

    /// <summary>Tag inequality.</summary>
    /// <param name="left">First tag.</param>
    /// <param name="right">Second tag.</param>
    /// <returns>Whether any of class, number or constructed bit differ.</returns>
    public static bool operator !=(Asn1Tag left, Asn1Tag right) => !left.Equals(right);

    /// <summary>Formats the tag the way <c>openssl asn1parse</c> names it: <c>SEQUENCE</c>, <c>cont [ 0 ]</c>, <c>appl [ 1 ]</c>.</summary>
    /// <returns>The display name.</returns>
    public override string ToString()
    {
        return TagClass switch
        {
            TagClass.Universal => UniversalName(TagValue) ?? $"[UNIVERSAL {TagValue}]",
            TagClass.ContextSpecific => $"cont [ {TagValue} ]",
            TagClass.Application => $"appl [ {TagValue} ]",
            _ => $"priv [ {TagValue} ]",
        };
    }

    /// <summary>The OpenSSL display name of a universal tag number, or null when unnamed.</summary>
    /// <param name="tagValue">The universal tag number.</param>
    /// <returns>The name, for example <c>OBJECT</c> or <c>PRINTABLESTRING</c>.</returns>
    public static string? UniversalName(int tagValue) => tagValue switch
    {
        0 => "EOC",
        1 => "BOOLEAN",
        2 => "INTEGER",
        3 => "BIT STRING",
        4 => "OCTET STRING",
        5 => "NULL",
        6 => "OBJECT",
        7 => "OBJECT DESCRIPTOR",
        8 => "EXTERNAL",
        9 => "REAL",
        10 => "ENUMERATED",
        12 => "UTF8STRING",
        13 => "RELATIVE-OID",
        16 => "SEQUENCE",
        17 => "SET",
        18 => "NUMERICSTRING",
        19 => "PRINTABLESTRING",
        20 => "T61STRING",
        21 => "VIDEOTEXSTRING",
        22 => "IA5STRING",
        23 => "UTCTIME",
        24 => "GENERALIZEDTIME",
        25 => "GRAPHICSTRING",
        26 => "VISIBLESTRING",
        27 => "GENERALSTRING",
        28 => "UNIVERSALSTRING",
        30 => "BMPSTRING",
        _ => null,
    };
}
