using System.Buffers.Binary;
using ManagedTls.Crypto;

namespace ManagedTls.Tls.Record;

/// <summary>
/// TLS 1.2 AEAD record protection (RFC 5246 §6.2.3.3). AES-GCM (RFC 5288 §3): nonce = 4-byte fixed IV || 8-byte
/// explicit nonce carried at the start of the fragment (the sequence number, as OpenSSL does). ChaCha20-Poly1305
/// (RFC 7905 §2): nonce = 12-byte IV XOR padded sequence number, nothing explicit. AAD = seq_num || type || version ||
/// plaintext length.
/// </summary>
internal sealed class Tls12AeadProtection : RecordProtection
{
    private const int AadLength = 13;
    private const int GcmExplicitNonceLength = 8;

    private readonly IAead _aead;
    private readonly byte[] _iv;
    private readonly bool _explicitNonce;

    public Tls12AeadProtection(IAead aead, ReadOnlySpan<byte> fixedIv)
    {
        _aead = aead;
        _iv = fixedIv.ToArray();
        _explicitNonce = fixedIv.Length == 4;
    }

    public override TlsProtocolVersion Version => TlsProtocolVersion.Tls12;

    public override int ExplicitNonceLength => _explicitNonce ? GcmExplicitNonceLength : 0;

    public override int MaxExpansion => ExplicitNonceLength + AeadAlgorithms.TagSize;

    public override ulong ConfidentialityLimit => _aead.Algorithm == AeadAlgorithmId.ChaCha20Poly1305 ? ulong.MaxValue : AesGcmRecordLimit;

    public override int Seal(ulong sequence, TlsContentType type, TlsProtocolVersion legacyVersion, Span<byte> record, int contentLength)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        int explicitLength = ExplicitNonceLength;
        int fragmentLength = explicitLength + contentLength + AeadAlgorithms.TagSize;
        WriteHeader(record, type, (ushort)legacyVersion, fragmentLength);
        Span<byte> nonce = stackalloc byte[AeadAlgorithms.NonceSize];
        BuildNonce(sequence, record.Slice(HeaderLength, explicitLength), nonce, sealing: true);
        Span<byte> aad = stackalloc byte[AadLength];
        BuildAad(sequence, type, (ushort)legacyVersion, contentLength, aad);
        Span<byte> content = record.Slice(HeaderLength + explicitLength, contentLength);
        _aead.Seal(nonce, content, aad, content, record.Slice(HeaderLength + explicitLength + contentLength, AeadAlgorithms.TagSize));
        return HeaderLength + fragmentLength;
    }

    public override bool TryOpen(ulong sequence, ReadOnlySpan<byte> header, Span<byte> fragment, out TlsContentType type, out int contentOffset, out int contentLength, out int innerPlaintextLength)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        type = (TlsContentType)header[0];
        int explicitLength = ExplicitNonceLength;
        contentOffset = explicitLength;
        contentLength = 0;
        innerPlaintextLength = 0;
        if (fragment.Length < explicitLength + AeadAlgorithms.TagSize)
        {
            return false;
        }

        int length = fragment.Length - explicitLength - AeadAlgorithms.TagSize;
        Span<byte> nonce = stackalloc byte[AeadAlgorithms.NonceSize];
        BuildNonce(sequence, fragment[..explicitLength], nonce, sealing: false);
        Span<byte> aad = stackalloc byte[AadLength];
        BuildAad(sequence, type, BinaryPrimitives.ReadUInt16BigEndian(header[1..]), length, aad);
        Span<byte> content = fragment.Slice(explicitLength, length);
        if (!_aead.TryOpen(nonce, content, fragment.Slice(explicitLength + length, AeadAlgorithms.TagSize), aad, content))
        {
            return false;
        }

        contentLength = length;
        innerPlaintextLength = length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        _aead.Dispose();
        SecretMemory.Zero(_iv);
    }

    private void BuildNonce(ulong sequence, Span<byte> explicitNonce, Span<byte> nonce, bool sealing)
    {
        if (_explicitNonce)
        {
            if (sealing)
            {
                BinaryPrimitives.WriteUInt64BigEndian(explicitNonce, sequence);
            }

            _iv.CopyTo(nonce);
            explicitNonce.CopyTo(nonce[4..]);
        }
        else
        {
            XorSequence(_iv, sequence, nonce);
        }
    }

    private static void BuildAad(ulong sequence, TlsContentType type, ushort version, int length, Span<byte> aad)
    {
        BinaryPrimitives.WriteUInt64BigEndian(aad, sequence);
        aad[8] = (byte)type;
        BinaryPrimitives.WriteUInt16BigEndian(aad[9..], version);
        BinaryPrimitives.WriteUInt16BigEndian(aad[11..], (ushort)length);
    }
}
