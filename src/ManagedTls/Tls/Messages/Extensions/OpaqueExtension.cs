using ManagedTls.Tls.Wire;

namespace ManagedTls.Tls.Messages.Extensions;

/// <summary>
/// Extensions whose data is one length-prefixed opaque vector or a byte list: cookie (RFC 8446 §4.2.2, 16-bit),
/// renegotiation_info (RFC 5746 §3.2, 8-bit), psk_key_exchange_modes (§4.2.9) and ec_point_formats (RFC 8422 §5.1.2).
/// </summary>
internal static class OpaqueExtension
{
    internal static byte[] EncodeVector16(ReadOnlySpan<byte> value)
    {
        using var writer = new TlsWriter(value.Length + 2);
        writer.WriteVector16(value);
        return writer.ToArray();
    }

    internal static byte[] DecodeVector16(ReadOnlySpan<byte> data, int min, string what)
    {
        var reader = new TlsReader(data);
        byte[] value = reader.ReadVector16(min, 0xFFFF).ToArray();
        reader.ExpectEnd(what);
        return value;
    }

    internal static byte[] EncodeVector8(ReadOnlySpan<byte> value)
    {
        using var writer = new TlsWriter(value.Length + 1);
        writer.WriteVector8(value);
        return writer.ToArray();
    }

    internal static byte[] DecodeVector8(ReadOnlySpan<byte> data, int min, string what)
    {
        var reader = new TlsReader(data);
        byte[] value = reader.ReadVector8(min, 255).ToArray();
        reader.ExpectEnd(what);
        return value;
    }

    internal static void ExpectEmpty(ReadOnlySpan<byte> data, string what)
    {
        if (!data.IsEmpty)
        {
            throw TlsException.Decode($"{what}: extension_data must be empty");
        }
    }
}
