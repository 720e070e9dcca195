using ManagedTls.Tls.Wire;

namespace ManagedTls.Tls.Messages;

/// <summary>KeyUpdate (RFC 8446 §4.6.3).</summary>
internal sealed class KeyUpdate : IHandshakeBody
{
    internal KeyUpdate(TlsKeyUpdateRequest request) => Request = request;

    public TlsHandshakeType Type => TlsHandshakeType.KeyUpdate;

    internal TlsKeyUpdateRequest Request { get; }

    internal static KeyUpdate Decode(ReadOnlySpan<byte> body)
    {
        var reader = new TlsReader(body);
        byte value = reader.ReadUInt8();
        reader.ExpectEnd("KeyUpdate");
        if (value > 1)
        {
            throw TlsException.Illegal("RFC 8446 §4.6.3: request_update is neither 0 nor 1");
        }

        return new KeyUpdate((TlsKeyUpdateRequest)value);
    }

    /// <inheritdoc/>
    public void EncodeBody(TlsWriter writer) => writer.WriteUInt8((byte)Request);
}
