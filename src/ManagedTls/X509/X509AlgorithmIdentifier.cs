using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>
/// An AlgorithmIdentifier (RFC 5280 §4.1.1.2) kept raw: the OID and the encoded parameters. Certificates keep their
/// signature algorithms in this form so an algorithm ManagedTls cannot verify never stops a certificate from loading.
/// </summary>
public sealed class X509AlgorithmIdentifier : IEquatable<X509AlgorithmIdentifier>
{
    private readonly ReadOnlyMemory<byte> _raw;
    private readonly int _parametersOffset;

    private X509AlgorithmIdentifier(ReadOnlyMemory<byte> raw, string oid, int parametersOffset)
    {
        _raw = raw;
        Oid = oid;
        _parametersOffset = parametersOffset;
    }

    /// <summary>The algorithm OID, dotted.</summary>
    public string Oid { get; }

    /// <summary>OpenSSL's long name for the OID (<c>sha256WithRSAEncryption</c>), or the dotted OID when OpenSSL does not name it.</summary>
    public string Name => OidRegistry.TryGetByDotted(Oid, out OidInfo? info) ? info.LongName : Oid;

    /// <summary>The complete encoding (tag, length, content) of the parameters; empty when absent.</summary>
    public ReadOnlyMemory<byte> Parameters => _raw.Slice(_parametersOffset);

    /// <summary>The whole encoded AlgorithmIdentifier SEQUENCE.</summary>
    public ReadOnlyMemory<byte> RawData => _raw;

    /// <summary>Reads an AlgorithmIdentifier.</summary>
    /// <param name="reader">Positioned at the SEQUENCE.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="DecodeException">Malformed DER, or more than one parameters element.</exception>
    public static X509AlgorithmIdentifier Decode(ref DerReader reader) => Decode(ref reader, X509Decoding.CopyNext(reader), reader.Offset);

    /// <summary>Reads an AlgorithmIdentifier that shares <paramref name="source"/>, which starts at reader offset <paramref name="sourceOffset"/>.</summary>
    internal static X509AlgorithmIdentifier Decode(ref DerReader reader, ReadOnlyMemory<byte> source, int sourceOffset)
    {
        ReadOnlyMemory<byte> raw = X509Decoding.SliceNext(reader, source, sourceOffset);
        DerReader sequence = reader.ReadSequence();
        string oid = X509Decoding.ReadObjectIdentifier(ref sequence);
        int parametersOffset = raw.Length - sequence.RemainingBytes.Length;
        if (sequence.HasData)
        {
            sequence.ReadEncodedValue();
        }

        sequence.ExpectEmpty();
        return new X509AlgorithmIdentifier(raw, oid, parametersOffset);
    }

    /// <summary>Writes the identifier exactly as it was read.</summary>
    /// <param name="writer">The destination.</param>
    public void Encode(DerWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteEncodedValue(_raw.Span);
    }

    /// <summary>Octet-for-octet equality of the encodings (what OpenSSL's <c>X509_ALGOR_cmp</c> amounts to for DER input).</summary>
    /// <param name="other">The other identifier.</param>
    /// <returns>True when the encodings are identical.</returns>
    public bool Equals(X509AlgorithmIdentifier? other) => other is not null && _raw.Span.SequenceEqual(other._raw.Span);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is X509AlgorithmIdentifier other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(_raw.Span);
        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
