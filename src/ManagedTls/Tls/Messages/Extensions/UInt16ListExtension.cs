using ManagedTls.Tls.Wire;

namespace ManagedTls.Tls.Messages.Extensions;

/// <summary>
/// The extensions whose data is a 16-bit-length list of 16-bit code points: supported_groups (RFC 8446 §4.2.7),
/// signature_algorithms and signature_algorithms_cert (§4.2.3).
/// </summary>
internal static class UInt16ListExtension
{
    internal static byte[] Encode(IReadOnlyList<ushort> values)
    {
        using var writer = new TlsWriter(2 + (2 * values.Count));
        using (writer.PushVector16())
        {
            foreach (ushort value in values)
            {
                writer.WriteUInt16(value);
            }
        }

        return writer.ToArray();
    }

    internal static ushort[] Decode(ReadOnlySpan<byte> data, string what)
    {
        var reader = new TlsReader(data);
        ReadOnlySpan<byte> list = reader.ReadVector16(2, 0xFFFE);
        reader.ExpectEnd(what);
        if ((list.Length & 1) != 0)
        {
            throw TlsException.Decode($"{what}: odd list length {list.Length}");
        }

        var values = new ushort[list.Length / 2];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (ushort)((list[2 * i] << 8) | list[(2 * i) + 1]);
        }

        return values;
    }

    internal static TlsNamedGroup[] DecodeGroups(ReadOnlySpan<byte> data)
    {
        ushort[] raw = Decode(data, "supported_groups");
        var groups = new TlsNamedGroup[raw.Length];
        for (int i = 0; i < raw.Length; i++)
        {
            groups[i] = (TlsNamedGroup)raw[i];
        }

        return groups;
    }

    internal static TlsSignatureScheme[] DecodeSchemes(ReadOnlySpan<byte> data, string what)
    {
        ushort[] raw = Decode(data, what);
        var schemes = new TlsSignatureScheme[raw.Length];
        for (int i = 0; i < raw.Length; i++)
        {
            schemes[i] = (TlsSignatureScheme)raw[i];
        }

        return schemes;
    }

    internal static byte[] EncodeGroups(IEnumerable<TlsNamedGroup> groups)
    {
        var raw = new List<ushort>();
        foreach (TlsNamedGroup group in groups)
        {
            raw.Add((ushort)group);
        }

        return Encode(raw);
    }

    internal static byte[] EncodeSchemes(IEnumerable<TlsSignatureScheme> schemes)
    {
        var raw = new List<ushort>();
        foreach (TlsSignatureScheme scheme in schemes)
        {
            raw.Add((ushort)scheme);
        }

        return Encode(raw);
    }
}
