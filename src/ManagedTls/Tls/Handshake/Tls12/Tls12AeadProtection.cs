using System.Buffers.Binary;
using ManagedTls.Crypto;
using ManagedTls.Tls.Handshake.Interim;
using ManagedTls.Tls.Suites;

namespace ManagedTls.Tls.Handshake.Tls12;

/// <summary>
/// TLS 1.2 AEAD record protection over the interim record layer: AES-GCM with a 4-byte implicit salt and an 8-byte
/// explicit nonce (RFC 5288 §3; the explicit part is the sequence number, as OpenSSL sends it) and ChaCha20-Poly1305
/// with the 12-byte IV XOR the sequence number (RFC 7905 §2). The additional data is
/// <c>seq_num || type || version || length</c> (RFC 5246 §6.2.3.3).
/// </summary>
/// <remarks>Stands in until wt/record's <c>RecordProtection.CreateTls12Aead</c> is wired into the handshake context.</remarks>
internal sealed class Tls12AeadProtection : InterimRecordProtection
{
    private const int ExplicitNonceLength = 8;
    private readonly IAead _aead;
    private readonly byte[] _iv;
    private readonly bool _explicitNonce;

    internal Tls12AeadProtection(ICryptoProvider provider, TlsCipherSuiteInfo info, byte[] key, byte[] fixedIv)
    {
        _aead = provider.CreateAead(info.Aead!.Value, key);
        _iv = (byte[])fixedIv.Clone();
        _explicitNonce = info.RecordIvLength == ExplicitNonceLength;
    }

    public override byte[] Seal(TlsContentType type, ReadOnlySpan<byte> data, ulong seq, out TlsContentType outer)
    {
        outer = type;
        int prefix = _explicitNonce ? ExplicitNonceLength : 0;
        byte[] output = new byte[prefix + data.Length + _aead.TagSize];
        Span<byte> nonce = stackalloc byte[12];
        Nonce(seq, nonce);
        if (_explicitNonce)
        {
            nonce[4..].CopyTo(output);
        }

        Span<byte> ad = stackalloc byte[13];
        AdditionalData(seq, type, data.Length, ad);
        _aead.Seal(nonce, data, ad, output.AsSpan(prefix, data.Length), output.AsSpan(prefix + data.Length));
        return output;
    }

    public override byte[] Open(TlsContentType outer, ReadOnlySpan<byte> fragment, ulong seq, out TlsContentType inner)
    {
        inner = outer;
        int prefix = _explicitNonce ? ExplicitNonceLength : 0;
        if (fragment.Length < prefix + _aead.TagSize)
        {
            throw new TlsException(TlsError.BadRecordMac, TlsAlertDescription.BadRecordMac, "RFC 5246 §6.2.3.3: protected record shorter than its nonce and tag");
        }

        Span<byte> nonce = stackalloc byte[12];
        if (_explicitNonce)
        {
            _iv.CopyTo(nonce);
            fragment[..prefix].CopyTo(nonce[4..]);
        }
        else
        {
            Nonce(seq, nonce);
        }

        int length = fragment.Length - prefix - _aead.TagSize;
        Span<byte> ad = stackalloc byte[13];
        AdditionalData(seq, outer, length, ad);
        byte[] plain = new byte[length];
        if (!_aead.TryOpen(nonce, fragment.Slice(prefix, length), fragment[(prefix + length)..], ad, plain))
        {
            throw new TlsException(TlsError.BadRecordMac, TlsAlertDescription.BadRecordMac, "RFC 5246 §6.2.3.3: record authentication failed");
        }

        return plain;
    }

    public override void Dispose() => _aead.Dispose();

    private void Nonce(ulong seq, Span<byte> nonce)
    {
        if (_explicitNonce)
        {
            _iv.CopyTo(nonce);
            BinaryPrimitives.WriteUInt64BigEndian(nonce[4..], seq);
        }
        else
        {
            _iv.CopyTo(nonce);
            for (int i = 0; i < 8; i++)
            {
                nonce[11 - i] ^= (byte)(seq >> (8 * i));
            }
        }
    }

    private static void AdditionalData(ulong seq, TlsContentType type, int length, Span<byte> ad)
    {
        BinaryPrimitives.WriteUInt64BigEndian(ad, seq);
        ad[8] = (byte)type;
        ad[9] = 3;
        ad[10] = 3;
        BinaryPrimitives.WriteUInt16BigEndian(ad[11..], (ushort)length);
    }
}
