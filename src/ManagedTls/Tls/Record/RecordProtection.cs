using ManagedTls.Crypto;

namespace ManagedTls.Tls.Record;

/// <summary>
/// One direction's record protection under one key: TLS 1.3 AEAD (RFC 8446 §5.2-§5.3) or TLS 1.2 AEAD (RFC 5246
/// §6.2.3.3 with RFC 5288 GCM nonces, RFC 7905 ChaCha20-Poly1305 nonces). Records are sealed and opened in place in
/// the caller's buffer; the AEAD itself comes from the <see cref="ICryptoProvider"/> seam. The owner disposes it,
/// which disposes the AEAD (zeroing its key schedule).
/// </summary>
internal abstract partial class RecordProtection : IDisposable
{
    /// <summary>The TLS record header length: type, legacy version, uint16 length.</summary>
    public const int HeaderLength = 5;

    /// <summary>The AES-GCM confidentiality limit of RFC 8446 §5.5: 2^24.5 full-size records.</summary>
    public const ulong AesGcmRecordLimit = 23_726_566;

    private bool _disposed;

    /// <summary>The protocol version whose record format this protection implements (TLS 1.2 or TLS 1.3).</summary>
    public abstract TlsProtocolVersion Version { get; }

    /// <summary>Bytes between the header and the encrypted content (the TLS 1.2 GCM explicit nonce: 8; otherwise 0).</summary>
    public abstract int ExplicitNonceLength { get; }

    /// <summary>The most a record can grow beyond its content when sealed (explicit nonce, TLS 1.3 inner type, tag).</summary>
    public abstract int MaxExpansion { get; }

    /// <summary>
    /// How many records may be protected under this key before it should be replaced (RFC 8446 §5.5): 2^24.5 for
    /// AES-GCM; for ChaCha20-Poly1305 the sequence number wraps first, so the limit is the wrap.
    /// </summary>
    public abstract ulong ConfidentialityLimit { get; }

    /// <summary>True once disposed.</summary>
    protected bool IsDisposed => _disposed;

    /// <summary>Creates TLS 1.3 protection: nonce = iv XOR padded sequence number, AAD = the record header (RFC 8446 §5.2-§5.3).</summary>
    /// <param name="provider">The primitive provider.</param>
    /// <param name="aead">The suite's AEAD.</param>
    /// <param name="key">The traffic key.</param>
    /// <param name="iv">The 12-byte traffic IV.</param>
    /// <returns>The protection; the caller (normally <see cref="RecordLayer"/>) disposes it.</returns>
    /// <exception cref="ArgumentException">The key or IV has the wrong length.</exception>
    public static RecordProtection CreateTls13(ICryptoProvider provider, AeadAlgorithmId aead, ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return new Tls13AeadProtection(provider.CreateAead(aead, key), iv);
    }

    /// <summary>
    /// Creates TLS 1.2 AEAD protection. A 4-byte <paramref name="fixedIv"/> selects the RFC 5288 GCM layout
    /// (nonce = fixed IV || 8-byte explicit nonce sent in the record, here the sequence number); a 12-byte one selects
    /// RFC 7905 (nonce = IV XOR padded sequence number, no explicit nonce). AAD = seq || type || version || length.
    /// </summary>
    /// <param name="provider">The primitive provider.</param>
    /// <param name="aead">The suite's AEAD.</param>
    /// <param name="key">The write key from the key block.</param>
    /// <param name="fixedIv">The write IV from the key block (4 bytes for GCM, 12 for ChaCha20-Poly1305).</param>
    /// <returns>The protection; the caller disposes it.</returns>
    /// <exception cref="ArgumentException">The key or IV has the wrong length for the AEAD.</exception>
    public static RecordProtection CreateTls12Aead(ICryptoProvider provider, AeadAlgorithmId aead, ReadOnlySpan<byte> key, ReadOnlySpan<byte> fixedIv)
    {
        ArgumentNullException.ThrowIfNull(provider);
        int expected = aead == AeadAlgorithmId.ChaCha20Poly1305 ? AeadAlgorithms.NonceSize : 4;
        if (fixedIv.Length != expected)
        {
            throw new ArgumentException($"TLS 1.2 {aead} uses a {expected}-byte fixed IV, not {fixedIv.Length}.", nameof(fixedIv));
        }

        return new Tls12AeadProtection(provider.CreateAead(aead, key), fixedIv);
    }

    /// <summary>
    /// Seals one record in place. The content is already at <c>record[HeaderLength + ExplicitNonceLength..]</c>;
    /// the header, any explicit nonce, the TLS 1.3 inner content type and the tag are written around it.
    /// </summary>
    /// <param name="sequence">The record's sequence number.</param>
    /// <param name="type">The content type.</param>
    /// <param name="legacyVersion">The header version for TLS 1.2 (TLS 1.3 always writes 0x0303).</param>
    /// <param name="record">The record buffer, at least <c>HeaderLength + contentLength + MaxExpansion</c> bytes.</param>
    /// <param name="contentLength">The content length (at most 2^14).</param>
    /// <returns>The length of the sealed record, header included.</returns>
    public abstract int Seal(ulong sequence, TlsContentType type, TlsProtocolVersion legacyVersion, Span<byte> record, int contentLength);

    /// <summary>
    /// Authenticates and decrypts one record in place. For TLS 1.3 the padding is removed and the inner content type
    /// returned (<see cref="TlsContentType.Invalid"/> when the plaintext is all zeros).
    /// </summary>
    /// <param name="sequence">The record's sequence number.</param>
    /// <param name="header">The 5-byte record header as received.</param>
    /// <param name="fragment">The record body; decrypted in place.</param>
    /// <param name="type">The content type (the inner one for TLS 1.3).</param>
    /// <param name="contentOffset">Where the content starts in <paramref name="fragment"/>.</param>
    /// <param name="contentLength">The content length.</param>
    /// <param name="innerPlaintextLength">TLS 1.3: the TLSInnerPlaintext length (content, type and padding); TLS 1.2: the content length.</param>
    /// <returns>False when authentication failed (bad_record_mac).</returns>
    public abstract bool TryOpen(ulong sequence, ReadOnlySpan<byte> header, Span<byte> fragment, out TlsContentType type, out int contentOffset, out int contentLength, out int innerPlaintextLength);

    /// <summary>Disposes the AEAD and zeroes the IV.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            Dispose(true);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the key material.</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>.</param>
    protected abstract void Dispose(bool disposing);

    /// <summary>nonce = iv XOR (sequence number left-padded to the IV length) (RFC 8446 §5.3, RFC 7905 §2).</summary>
    protected static void XorSequence(ReadOnlySpan<byte> iv, ulong sequence, Span<byte> nonce)
    {
        iv.CopyTo(nonce);
        int last = nonce.Length - 1;
        for (int i = 0; i < 8; i++)
        {
            nonce[last - i] ^= (byte)(sequence >> (8 * i));
        }
    }

    /// <summary>Writes a record header.</summary>
    protected static void WriteHeader(Span<byte> record, TlsContentType type, ushort version, int length)
    {
        record[0] = (byte)type;
        record[1] = (byte)(version >> 8);
        record[2] = (byte)version;
        record[3] = (byte)(length >> 8);
        record[4] = (byte)length;
    }
}
