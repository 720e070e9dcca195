using ManagedTls.Crypto;

namespace ManagedTls.Tls.Record;

/// <summary>
/// TLS 1.3 record protection (RFC 8446 §5.2): TLSCiphertext carries opaque_type application_data, legacy version
/// 0x0303, and AEAD(TLSInnerPlaintext = content || type || zeros) with AAD = the 5-byte header and nonce = iv XOR seq.
/// </summary>
internal sealed class Tls13AeadProtection : RecordProtection
{
    private readonly IAead _aead;
    private readonly byte[] _iv;

    public Tls13AeadProtection(IAead aead, ReadOnlySpan<byte> iv)
    {
        if (iv.Length != AeadAlgorithms.NonceSize)
        {
            aead.Dispose();
            throw new ArgumentException($"TLS 1.3 IVs are {AeadAlgorithms.NonceSize} bytes (RFC 8446 §5.3), not {iv.Length}.", nameof(iv));
        }

        _aead = aead;
        _iv = iv.ToArray();
    }

    public override TlsProtocolVersion Version => TlsProtocolVersion.Tls13;

    public override int ExplicitNonceLength => 0;

    public override int MaxExpansion => 1 + AeadAlgorithms.TagSize;

    public override ulong ConfidentialityLimit => _aead.Algorithm == AeadAlgorithmId.ChaCha20Poly1305 ? ulong.MaxValue : AesGcmRecordLimit;

    public override int Seal(ulong sequence, TlsContentType type, TlsProtocolVersion legacyVersion, Span<byte> record, int contentLength)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        int innerLength = contentLength + 1;
        int fragmentLength = innerLength + AeadAlgorithms.TagSize;
        WriteHeader(record, TlsContentType.ApplicationData, (ushort)TlsProtocolVersion.Tls12, fragmentLength);
        record[HeaderLength + contentLength] = (byte)type;
        Span<byte> nonce = stackalloc byte[AeadAlgorithms.NonceSize];
        XorSequence(_iv, sequence, nonce);
        Span<byte> inner = record.Slice(HeaderLength, innerLength);
        _aead.Seal(nonce, inner, record[..HeaderLength], inner, record.Slice(HeaderLength + innerLength, AeadAlgorithms.TagSize));
        return HeaderLength + fragmentLength;
    }

    public override bool TryOpen(ulong sequence, ReadOnlySpan<byte> header, Span<byte> fragment, out TlsContentType type, out int contentOffset, out int contentLength, out int innerPlaintextLength)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        type = TlsContentType.Invalid;
        contentOffset = 0;
        contentLength = 0;
        innerPlaintextLength = 0;
        if (fragment.Length < AeadAlgorithms.TagSize)
        {
            return false;
        }

        int innerLength = fragment.Length - AeadAlgorithms.TagSize;
        Span<byte> nonce = stackalloc byte[AeadAlgorithms.NonceSize];
        XorSequence(_iv, sequence, nonce);
        Span<byte> inner = fragment[..innerLength];
        if (!_aead.TryOpen(nonce, inner, fragment.Slice(innerLength, AeadAlgorithms.TagSize), header, inner))
        {
            return false;
        }

        innerPlaintextLength = innerLength;

        // RFC 8446 §5.4: the content type is the last non-zero byte; everything after it is padding.
        int i = innerLength - 1;
        while (i >= 0 && inner[i] == 0)
        {
            i--;
        }

        if (i >= 0)
        {
            type = (TlsContentType)inner[i];
            contentLength = i;
        }

        return true;
    }

    protected override void Dispose(bool disposing)
    {
        _aead.Dispose();
        SecretMemory.Zero(_iv);
    }
}
