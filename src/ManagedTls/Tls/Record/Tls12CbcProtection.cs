using System.Buffers.Binary;
using ManagedTls.Crypto;
using ManagedTls.Random;

namespace ManagedTls.Tls.Record;

/// <summary>
/// TLS 1.2 CBC record protection (RFC 5246 §6.2.3.2): a random explicit IV per record, and HMAC over
/// seq_num || type || version || length || content, either MAC-then-encrypt (RFC 5246) or encrypt-then-MAC
/// (RFC 7366, MAC over the IV and ciphertext). Only for suites enabled explicitly (they are off by default).
/// </summary>
/// <remarks>
/// MAC-then-encrypt decryption follows RFC 5246 §6.2.3.2's advice against padding oracles: the padding is checked
/// without branching on its bytes, a MAC is always computed (over the content as if the padding were empty when it is
/// bad), every failure is the same bad_record_mac, and the MAC compare is constant-time. The MAC's input length still
/// depends on the padding length, the small Lucky Thirteen channel the RFC accepts; encrypt-then-MAC has none.
/// </remarks>
internal sealed class Tls12CbcProtection : RecordProtection
{
    private const int BlockSize = 16;
    private const int PseudoHeaderLength = 13;

    private readonly ICbcCipher _cipher;
    private readonly IHmac _mac;
    private readonly int _macLength;
    private readonly bool _encryptThenMac;

    public Tls12CbcProtection(ICbcCipher cipher, IHmac mac, bool encryptThenMac)
    {
        _cipher = cipher;
        _mac = mac;
        _macLength = mac.HashSize;
        _encryptThenMac = encryptThenMac;
    }

    public override TlsProtocolVersion Version => TlsProtocolVersion.Tls12;

    public override int ExplicitNonceLength => BlockSize;

    public override int MaxExpansion => BlockSize + _macLength + BlockSize;

    // Not an AEAD: RFC 8446 §5.5's limits do not apply; the sequence number's wrap is the limit.
    public override ulong ConfidentialityLimit => ulong.MaxValue;

    public override int Seal(ulong sequence, TlsContentType type, TlsProtocolVersion legacyVersion, Span<byte> record, int contentLength)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        ushort version = (ushort)legacyVersion;
        Span<byte> iv = record.Slice(HeaderLength, BlockSize);
        SecureRandomSource.Fill(iv);
        int bodyStart = HeaderLength + BlockSize;
        int macInput = _encryptThenMac ? 0 : _macLength;
        int padLength = BlockSize - ((contentLength + macInput) % BlockSize); // 1..16 bytes, each = padLength - 1
        int encryptedLength = contentLength + macInput + padLength;
        int fragmentLength = BlockSize + encryptedLength + (_encryptThenMac ? _macLength : 0);
        WriteHeader(record, type, version, fragmentLength);
        if (!_encryptThenMac)
        {
            ComputeMac(sequence, type, version, record.Slice(bodyStart, contentLength), ReadOnlySpan<byte>.Empty, record.Slice(bodyStart + contentLength, _macLength));
        }

        record.Slice(bodyStart + contentLength + macInput, padLength).Fill((byte)(padLength - 1));
        Span<byte> body = record.Slice(bodyStart, encryptedLength);
        _cipher.Encrypt(iv, body, body);
        if (_encryptThenMac)
        {
            // RFC 7366 §3: MAC(MAC_write_key, seq_num + type + version + length + IV + ENC(content + padding)).
            ComputeMac(sequence, type, version, record.Slice(HeaderLength, BlockSize + encryptedLength), ReadOnlySpan<byte>.Empty, record.Slice(bodyStart + encryptedLength, _macLength));
        }

        return HeaderLength + fragmentLength;
    }

    public override bool TryOpen(ulong sequence, ReadOnlySpan<byte> header, Span<byte> fragment, out TlsContentType type, out int contentOffset, out int contentLength, out int innerPlaintextLength)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        type = (TlsContentType)header[0];
        ushort version = BinaryPrimitives.ReadUInt16BigEndian(header[1..]);
        contentOffset = BlockSize;
        contentLength = 0;
        innerPlaintextLength = 0;
        Span<byte> computed = stackalloc byte[HashAlgorithms.MaxHashSize];
        computed = computed[.._macLength];

        int encryptedLength = fragment.Length - BlockSize - (_encryptThenMac ? _macLength : 0);
        int minimum = _encryptThenMac ? BlockSize : Math.Max(BlockSize, (_macLength + 1 + BlockSize - 1) / BlockSize * BlockSize);
        if (encryptedLength < minimum || encryptedLength % BlockSize != 0)
        {
            return false;
        }

        Span<byte> iv = fragment[..BlockSize];
        Span<byte> body = fragment.Slice(BlockSize, encryptedLength);
        if (_encryptThenMac)
        {
            ComputeMac(sequence, type, version, fragment[..(BlockSize + encryptedLength)], ReadOnlySpan<byte>.Empty, computed);
            if (!ConstantTime.FixedTimeEquals(computed, fragment.Slice(BlockSize + encryptedLength, _macLength)))
            {
                return false;
            }

            _cipher.Decrypt(iv, body, body);
            int pad = body[^1];
            if (pad + 1 > encryptedLength || !PaddingIsGood(body, pad))
            {
                return false;
            }

            contentLength = encryptedLength - pad - 1;
            innerPlaintextLength = contentLength;
            return true;
        }

        _cipher.Decrypt(iv, body, body);
        int padLength = body[^1];
        // Padding that cannot fit, or whose bytes differ, is treated as empty padding for the MAC (RFC 5246 §6.2.3.2).
        bool fits = padLength + 1 + _macLength <= encryptedLength;
        bool good = fits & PaddingIsGood(body, fits ? padLength : 0);
        int removed = good ? padLength + 1 : 0;
        int length = encryptedLength - removed - _macLength;
        ComputeMac(sequence, type, version, body[..length], ReadOnlySpan<byte>.Empty, computed);
        bool macOk = ConstantTime.FixedTimeEquals(computed, body.Slice(length, _macLength));
        if (!(good & macOk))
        {
            return false;
        }

        contentLength = length;
        innerPlaintextLength = length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        _cipher.Dispose();
        _mac.Dispose();
    }

    /// <summary>Checks that the last <paramref name="pad"/> + 1 bytes all equal <paramref name="pad"/>, touching the same 256 bytes whatever the value.</summary>
    private static bool PaddingIsGood(ReadOnlySpan<byte> body, int pad)
    {
        int window = Math.Min(256, body.Length);
        int bad = 0;
        for (int i = 1; i <= window; i++)
        {
            // mask is 0xFF for the pad + 1 bytes that must equal pad, 0 beyond them.
            int inPadding = ((i - pad - 2) >> 31) & 0xFF; // i <= pad + 1
            bad |= (body[^i] ^ pad) & inPadding;
        }

        return bad == 0 && pad + 1 <= window;
    }

    private void ComputeMac(ulong sequence, TlsContentType type, ushort version, ReadOnlySpan<byte> content, ReadOnlySpan<byte> extra, Span<byte> destination)
    {
        Span<byte> pseudo = stackalloc byte[PseudoHeaderLength];
        BinaryPrimitives.WriteUInt64BigEndian(pseudo, sequence);
        pseudo[8] = (byte)type;
        BinaryPrimitives.WriteUInt16BigEndian(pseudo[9..], version);
        BinaryPrimitives.WriteUInt16BigEndian(pseudo[11..], (ushort)(content.Length + extra.Length));
        _mac.Append(pseudo);
        _mac.Append(content);
        _mac.Append(extra);
        _mac.GetHashAndReset(destination);
    }
}
