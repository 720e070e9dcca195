// INTERIM (core13): a minimal stand-in for wt/record's InterimRecordLayer/InterimRecordProtection/InterimHandshakeJoiner so the
// handshake can be built and tested before the real record layer lands. Deleted when wt/record is merged; the
// engine refers to these types only through using-aliases named after the contract types.
#pragma warning disable CS1591
using ManagedTls.Crypto;
using ManagedTls.Tls.Suites;

namespace ManagedTls.Tls.Handshake.Interim;

internal sealed class InterimRecordLayerOptions
{
    public int MaxHandshakeMessageSize { get; set; } = 131072;

    public ulong KeyUsageLimit { get; set; } = 1UL << 24;
}

internal abstract class InterimRecordProtection : IDisposable
{
    public static InterimRecordProtection CreateTls13(ICryptoProvider provider, TlsCipherSuiteInfo info, byte[] key, byte[] iv) => new Tls13Protection(provider.CreateAead(info.Aead!.Value, key), iv);

    public abstract byte[] Seal(TlsContentType type, ReadOnlySpan<byte> data, ulong seq, out TlsContentType outer);

    public abstract byte[] Open(TlsContentType outer, ReadOnlySpan<byte> fragment, ulong seq, out TlsContentType inner);

    public abstract void Dispose();

    private sealed class Tls13Protection(IAead aead, byte[] iv) : InterimRecordProtection
    {
        private readonly byte[] _iv = (byte[])iv.Clone();

        private byte[] Nonce(ulong seq)
        {
            byte[] nonce = (byte[])_iv.Clone();
            for (int i = 0; i < 8; i++)
            {
                nonce[nonce.Length - 1 - i] ^= (byte)(seq >> (8 * i));
            }

            return nonce;
        }

        public override byte[] Seal(TlsContentType type, ReadOnlySpan<byte> data, ulong seq, out TlsContentType outer)
        {
            outer = TlsContentType.ApplicationData;
            byte[] inner = new byte[data.Length + 1];
            data.CopyTo(inner);
            inner[^1] = (byte)type;
            int len = inner.Length + aead.TagSize;
            byte[] ad = [23, 3, 3, (byte)(len >> 8), (byte)len];
            byte[] output = new byte[len];
            aead.Seal(Nonce(seq), inner, ad, output.AsSpan(0, inner.Length), output.AsSpan(inner.Length));
            return output;
        }

        public override byte[] Open(TlsContentType outer, ReadOnlySpan<byte> fragment, ulong seq, out TlsContentType innerType)
        {
            if (outer != TlsContentType.ApplicationData || fragment.Length < aead.TagSize + 1)
            {
                throw TlsException.Unexpected("scratch: bad protected record");
            }

            byte[] ad = [23, 3, 3, (byte)(fragment.Length >> 8), (byte)fragment.Length];
            byte[] plain = new byte[fragment.Length - aead.TagSize];
            if (!aead.TryOpen(Nonce(seq), fragment[..plain.Length], fragment[plain.Length..], ad, plain))
            {
                throw new TlsException(TlsError.BadRecordMac, TlsAlertDescription.BadRecordMac, "bad record mac");
            }

            int end = plain.Length - 1;
            while (end >= 0 && plain[end] == 0)
            {
                end--;
            }

            if (end < 0)
            {
                throw TlsException.Unexpected("no inner type");
            }

            innerType = (TlsContentType)plain[end];
            return plain[..end];
        }

        public override void Dispose() => aead.Dispose();
    }
}

internal sealed class InterimRecordLayer : IDisposable
{
    private readonly InterimRecordLayerOptions _options;
    private readonly List<byte> _input = [];
    private readonly List<byte> _output = [];
    private InterimRecordProtection? _read;
    private InterimRecordProtection? _write;

    public InterimRecordLayer(InterimRecordLayerOptions options) => _options = options;

    public TlsProtocolVersion LegacyWriteVersion { get; set; } = TlsProtocolVersion.Tls12;

    public bool IsTls13 { get; set; }

    public int PendingOutput => _output.Count;

    public ulong ReadSequence { get; private set; }

    public ulong WriteSequence { get; private set; }

    public bool ReadKeyLimitReached => _read is not null && ReadSequence >= _options.KeyUsageLimit;

    public bool WriteKeyLimitReached => _write is not null && WriteSequence >= _options.KeyUsageLimit;

    public int Feed(ReadOnlySpan<byte> data)
    {
        foreach (byte b in data)
        {
            _input.Add(b);
        }

        return data.Length;
    }

    public bool TryReadRecord(out TlsContentType type, out ReadOnlyMemory<byte> payload)
    {
        type = default;
        payload = default;
        if (_input.Count < 5)
        {
            return false;
        }

        int len = (_input[3] << 8) | _input[4];
        if (len > 16384 + 256)
        {
            throw new TlsException(TlsError.RecordOverflow, TlsAlertDescription.RecordOverflow, "overflow");
        }

        if (_input.Count < 5 + len)
        {
            return false;
        }

        var outer = (TlsContentType)_input[0];
        byte[] fragment = _input.GetRange(5, len).ToArray();
        _input.RemoveRange(0, 5 + len);
        if (_read is null || outer == TlsContentType.ChangeCipherSpec)
        {
            type = outer;
            payload = fragment;
            return true;
        }

        payload = _read.Open(outer, fragment, ReadSequence++, out type);
        return true;
    }

    public void SetReadProtection(InterimRecordProtection? protection)
    {
        _read = protection;
        ReadSequence = 0;
    }

    public void SetWriteProtection(InterimRecordProtection? protection)
    {
        _write = protection;
        WriteSequence = 0;
    }

    public void Write(TlsContentType type, ReadOnlySpan<byte> data)
    {
        int offset = 0;
        do
        {
            int count = Math.Min(16384, data.Length - offset);
            ReadOnlySpan<byte> chunk = data.Slice(offset, count);
            byte[] body;
            TlsContentType outer = type;
            if (_write is null || type == TlsContentType.ChangeCipherSpec)
            {
                body = chunk.ToArray();
            }
            else
            {
                body = _write.Seal(type, chunk, WriteSequence++, out outer);
            }

            ushort version = (ushort)LegacyWriteVersion;
            _output.Add((byte)outer);
            _output.Add((byte)(version >> 8));
            _output.Add((byte)version);
            _output.Add((byte)(body.Length >> 8));
            _output.Add((byte)body.Length);
            _output.AddRange(body);
            offset += count;
        }
        while (offset < data.Length);
    }

    public int Drain(Span<byte> destination)
    {
        int n = Math.Min(destination.Length, _output.Count);
        for (int i = 0; i < n; i++)
        {
            destination[i] = _output[i];
        }

        _output.RemoveRange(0, n);
        return n;
    }

    public void Dispose()
    {
    }
}

internal sealed class InterimHandshakeJoiner
{
    private readonly int _max;
    private readonly List<byte> _buffer = [];

    public InterimHandshakeJoiner(int maxMessageSize) => _max = maxMessageSize;

    public bool HasPartialMessage => _buffer.Count > 0;

    public void Add(ReadOnlySpan<byte> payload)
    {
        foreach (byte b in payload)
        {
            _buffer.Add(b);
        }
    }

    public bool TryNext(out TlsHandshakeType type, out ReadOnlyMemory<byte> message)
    {
        type = default;
        message = default;
        if (_buffer.Count < 4)
        {
            return false;
        }

        int len = (_buffer[1] << 16) | (_buffer[2] << 8) | _buffer[3];
        if (len > _max)
        {
            throw new TlsException(TlsError.LimitExceeded, TlsAlertDescription.IllegalParameter, "too big");
        }

        if (_buffer.Count < 4 + len)
        {
            return false;
        }

        type = (TlsHandshakeType)_buffer[0];
        message = _buffer.GetRange(0, 4 + len).ToArray();
        _buffer.RemoveRange(0, 4 + len);
        return true;
    }
}
