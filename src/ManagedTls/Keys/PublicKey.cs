using ManagedTls.Asn1;

namespace ManagedTls.Keys;

/// <summary>
/// A public key of any supported algorithm. Immutable; two public keys are equal when their canonical
/// SubjectPublicKeyInfo encodings are equal (same algorithm, parameters and key).
/// </summary>
/// <remarks>Only ManagedTls defines subclasses: <see cref="RsaPublicKey"/>, <see cref="DsaPublicKey"/>, <see cref="EcPublicKey"/>, <see cref="EcxPublicKey"/>.</remarks>
public abstract class PublicKey : IEquatable<PublicKey>
{
    private byte[]? _canonical;

    private protected PublicKey()
    {
    }

    /// <summary>The key type.</summary>
    public abstract KeyAlgorithm Algorithm { get; }

    /// <summary>The key size as OpenSSL's <c>EVP_PKEY_get_bits</c> (and pyOpenSSL's <c>PKey.bits()</c>) reports it.</summary>
    public abstract int Bits { get; }

    /// <summary>
    /// The exact SubjectPublicKeyInfo bytes this key was decoded from (kept because certificates hash and sign them),
    /// or the canonical encoding when the key was built from components.
    /// </summary>
    public ReadOnlyMemory<byte> SubjectPublicKeyInfo => RawSubjectPublicKeyInfo ?? CanonicalEncoding;

    /// <summary>The raw SubjectPublicKeyInfo when decoded from one; otherwise null.</summary>
    private protected byte[]? RawSubjectPublicKeyInfo { get; private set; }

    /// <summary>The canonical DER SubjectPublicKeyInfo (what <see cref="KeyEncoder.EncodeSubjectPublicKeyInfo"/> writes).</summary>
    internal byte[] CanonicalEncoding => _canonical ??= Encode();

    /// <summary>The encoding equality and hashing use: the canonical one, except where two encodings denote one key.</summary>
    internal virtual byte[] IdentityEncoding => CanonicalEncoding;

    /// <summary>Reads a SubjectPublicKeyInfo (RFC 5280 §4.1.2.7) and keeps its raw bytes.</summary>
    /// <param name="reader">Positioned at the SEQUENCE.</param>
    /// <returns>The key.</returns>
    /// <exception cref="DecodeException">The DER is malformed.</exception>
    /// <exception cref="KeyFormatException">Unsupported algorithm or invalid key.</exception>
    public static PublicKey Decode(ref DerReader reader)
    {
        ReadOnlySpan<byte> raw = reader.ReadEncodedValue();
        var inner = new DerReader(raw);
        DerReader spki = inner.ReadSequence();
        AlgorithmIdentifier algorithm = AlgorithmIdentifier.Read(ref spki);
        ReadOnlySpan<byte> key = spki.ReadBitString(out int unusedBits);
        spki.ExpectEmpty();
        if (unusedBits != 0)
        {
            throw new KeyFormatException(KeyFormatError.InvalidKey, "subjectPublicKey BIT STRING has unused bits");
        }

        PublicKey result = algorithm.Oid switch
        {
            KeyOids.RsaEncryption or KeyOids.RsassaPss => RsaPublicKey.DecodeSpkiKey(algorithm, key),
            KeyOids.Dsa => DsaPublicKey.DecodeSpkiKey(algorithm, key),
            KeyOids.EcPublicKey => EcPublicKey.DecodeSpkiKey(algorithm, key),
            KeyOids.Ed25519 or KeyOids.Ed448 or KeyOids.X25519 or KeyOids.X448 => EcxPublicKey.DecodeSpkiKey(algorithm, key),
            _ => throw new KeyFormatException(KeyFormatError.UnsupportedAlgorithm, $"unsupported public key algorithm {KeyOids.Describe(algorithm.Oid)}"),
        };
        result.RawSubjectPublicKeyInfo = raw.ToArray();
        return result;
    }

    /// <summary>Writes the canonical SubjectPublicKeyInfo.</summary>
    /// <param name="writer">The destination.</param>
    public void Encode(DerWriter writer)
    {
        using (writer.PushSequence())
        {
            WriteAlgorithmIdentifier(writer);
            WriteSubjectPublicKey(writer);
        }
    }

    /// <inheritdoc/>
    public bool Equals(PublicKey? other) =>
        other is not null && (ReferenceEquals(this, other) || IdentityEncoding.AsSpan().SequenceEqual(other.IdentityEncoding));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PublicKey other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(IdentityEncoding);
        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Algorithm} public key ({Bits} bit)";

    /// <summary>Writes the AlgorithmIdentifier of the SubjectPublicKeyInfo.</summary>
    private protected abstract void WriteAlgorithmIdentifier(DerWriter writer);

    /// <summary>Writes the subjectPublicKey BIT STRING.</summary>
    private protected abstract void WriteSubjectPublicKey(DerWriter writer);

    private byte[] Encode()
    {
        using var writer = new DerWriter();
        Encode(writer);
        return writer.ToArray();
    }
}
