using ManagedTls.Tls.Wire;

namespace ManagedTls.Tls.Messages.Extensions;

/// <summary>supported_versions (RFC 8446 §4.2.1): a list in the ClientHello, one version in the ServerHello.</summary>
internal static class SupportedVersionsExtension
{
    internal static byte[] EncodeClient(IReadOnlyList<ushort> versions)
    {
        using var writer = new TlsWriter(16);
        using (writer.PushVector8())
        {
            foreach (ushort version in versions)
            {
                writer.WriteUInt16(version);
            }
        }

        return writer.ToArray();
    }

    internal static ushort[] DecodeClient(ReadOnlySpan<byte> data)
    {
        var reader = new TlsReader(data);
        ReadOnlySpan<byte> list = reader.ReadVector8(2, 254);
        reader.ExpectEnd("supported_versions");
        if ((list.Length & 1) != 0)
        {
            throw TlsException.Decode("supported_versions: odd list length");
        }

        var versions = new ushort[list.Length / 2];
        for (int i = 0; i < versions.Length; i++)
        {
            versions[i] = (ushort)((list[2 * i] << 8) | list[(2 * i) + 1]);
        }

        return versions;
    }

    internal static byte[] EncodeServer(TlsProtocolVersion version) => [(byte)((ushort)version >> 8), (byte)version];

    internal static TlsProtocolVersion DecodeServer(ReadOnlySpan<byte> data)
    {
        var reader = new TlsReader(data);
        ushort version = reader.ReadUInt16();
        reader.ExpectEnd("supported_versions");
        return (TlsProtocolVersion)version;
    }
}
