using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>
/// One certificate, CRL or request extension (RFC 5280 §4.1.2.9) kept raw: the OID, the criticality flag and the
/// extnValue octets. Typed views (basicConstraints, subjectAltName, ...) are built from <see cref="Value"/>.
/// </summary>
public sealed class X509Extension
{
    private readonly ReadOnlyMemory<byte> _raw;
    private readonly int _valueOffset;
    private readonly int _valueLength;

    private X509Extension(ReadOnlyMemory<byte> raw, string oid, bool critical, bool hasExplicitCritical, int valueOffset, int valueLength)
    {
        _raw = raw;
        Oid = oid;
        Critical = critical;
        HasExplicitCriticalField = hasExplicitCritical;
        _valueOffset = valueOffset;
        _valueLength = valueLength;
    }

    /// <summary>Creates an extension from its parts, encoding the Extension SEQUENCE in DER.</summary>
    /// <param name="oid">The extension OID, dotted.</param>
    /// <param name="critical">The critical flag (omitted from the encoding when FALSE, as DER requires).</param>
    /// <param name="value">The extnValue octets: the DER of the extension's own type.</param>
    /// <exception cref="ArgumentException"><paramref name="oid"/> is not a valid dotted OID.</exception>
    public X509Extension(string oid, bool critical, ReadOnlySpan<byte> value)
    {
        ArgumentNullException.ThrowIfNull(oid);
        using var writer = new DerWriter();
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(oid);
            if (critical)
            {
                writer.WriteBoolean(true);
            }

            writer.WriteOctetString(value);
        }

        _raw = writer.ToArray();
        Oid = oid;
        Critical = critical;
        _valueLength = value.Length;
        _valueOffset = _raw.Length - value.Length;
    }

    /// <summary>The extension OID, dotted.</summary>
    public string Oid { get; }

    /// <summary>OpenSSL's short name (<c>basicConstraints</c>), or the dotted OID when unnamed.</summary>
    public string ShortName => OidRegistry.TryGetByDotted(Oid, out OidInfo? info) ? info.ShortName : Oid;

    /// <summary>OpenSSL's long name (<c>X509v3 Basic Constraints</c>), or the dotted OID when unnamed.</summary>
    public string LongName => OidRegistry.TryGetByDotted(Oid, out OidInfo? info) ? info.LongName : Oid;

    /// <summary>The critical flag (FALSE when the field is absent).</summary>
    public bool Critical { get; }

    /// <summary>
    /// True when the critical BOOLEAN was encoded even though it is FALSE, the DEFAULT DER says to omit (X.690 §11.5).
    /// OpenSSL accepts such extensions and so does ManagedTls; the flag lets a linter report it.
    /// </summary>
    public bool HasExplicitCriticalField { get; }

    /// <summary>The extnValue octets: the DER of the extension's own type.</summary>
    public ReadOnlyMemory<byte> Value => _raw.Slice(_valueOffset, _valueLength);

    /// <summary>The whole encoded Extension SEQUENCE.</summary>
    public ReadOnlyMemory<byte> RawData => _raw;

    /// <summary>Reads one Extension.</summary>
    /// <param name="reader">Positioned at the SEQUENCE.</param>
    /// <returns>The extension.</returns>
    /// <exception cref="DecodeException">The DER is malformed.</exception>
    public static X509Extension Decode(ref DerReader reader) => Decode(ref reader, X509Decoding.CopyNext(reader), reader.Offset);

    /// <summary>Reads one Extension that shares <paramref name="source"/>, which starts at reader offset <paramref name="sourceOffset"/>.</summary>
    internal static X509Extension Decode(ref DerReader reader, ReadOnlyMemory<byte> source, int sourceOffset)
    {
        ReadOnlyMemory<byte> raw = X509Decoding.SliceNext(reader, source, sourceOffset);
        DerReader sequence = reader.ReadSequence();
        string oid = X509Decoding.ReadObjectIdentifier(ref sequence);
        bool critical = false;
        bool explicitCritical = false;
        if (sequence.NextTagIs(Asn1Tag.Boolean))
        {
            critical = sequence.ReadBoolean();
            explicitCritical = !critical;
        }

        int valueLength = sequence.ReadOctetString().Length;
        sequence.ExpectEmpty();
        return new X509Extension(raw, oid, critical, explicitCritical, raw.Length - valueLength, valueLength);
    }

    /// <summary>Writes the extension exactly as it was read.</summary>
    /// <param name="writer">The destination.</param>
    public void Encode(DerWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteEncodedValue(_raw.Span);
    }

    /// <summary>
    /// The value as OpenSSL 3.0's <c>X509V3_EXT_print</c> prints it (pyOpenSSL's <c>str(X509Extension)</c> at indent 0):
    /// <c>CA:TRUE, pathlen:0</c>, <c>Digital Signature, Key Encipherment</c>, <c>DNS:example.com, IP Address:1.2.3.4</c>.
    /// </summary>
    /// <param name="indent">Spaces before the text (before each line of a multi-line value such as authorityKeyIdentifier).</param>
    /// <returns>
    /// The text, or null where OpenSSL's printer fails too (an extension type it has no printer for, or a value it
    /// cannot decode); <c>openssl x509 -text</c> then dumps the raw octets, as <see cref="Certificate.ToText"/> does.
    /// Every typed extension in this namespace is printed (decision 0015).
    /// </returns>
    public string? ToOpenSslString(int indent = 0) => ExtensionText.Format(this, indent);

    /// <inheritdoc/>
    public override string ToString() => $"{ShortName}{(Critical ? " (critical)" : string.Empty)}: {Convert.ToHexString(Value.Span)}";
}
