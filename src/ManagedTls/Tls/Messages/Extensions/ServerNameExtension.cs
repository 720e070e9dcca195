using System.Text;
using ManagedTls.Tls.Wire;

namespace ManagedTls.Tls.Messages.Extensions;

/// <summary>server_name (RFC 6066 §3): a list holding one host_name.</summary>
internal static class ServerNameExtension
{
    private const byte HostNameType = 0;

    internal static byte[] Encode(string hostName)
    {
        using var writer = new TlsWriter(64);
        using (writer.PushVector16())
        {
            writer.WriteUInt8(HostNameType);
            writer.WriteVector16(Encoding.ASCII.GetBytes(hostName));
        }

        return writer.ToArray();
    }

    /// <summary>Decodes the client's list; returns the host_name (null when the list holds only other name types).</summary>
    internal static string? Decode(ReadOnlySpan<byte> data)
    {
        var reader = new TlsReader(data);
        TlsReader list = reader.ReadNested16();
        reader.ExpectEnd("server_name");
        if (list.IsEmpty)
        {
            throw TlsException.Decode("RFC 6066 §3: empty server_name list");
        }

        string? hostName = null;
        while (!list.IsEmpty)
        {
            byte type = list.ReadUInt8();
            ReadOnlySpan<byte> name = list.ReadVector16(1, 0xFFFF);
            if (type != HostNameType)
            {
                continue;
            }

            if (hostName is not null)
            {
                throw TlsException.Illegal("RFC 6066 §3: more than one host_name in server_name");
            }

            foreach (byte b in name)
            {
                if (b is 0 or >= 0x80)
                {
                    throw TlsException.Illegal("RFC 6066 §3: host_name is not an ASCII DNS name");
                }
            }

            hostName = Encoding.ASCII.GetString(name).TrimEnd('.');
        }

        return hostName;
    }
}
