using System.Text;
using ManagedTls.Tls.Wire;

namespace ManagedTls.Tls.Messages.Extensions;

/// <summary>application_layer_protocol_negotiation (RFC 7301 §3.1): a list of non-empty protocol names.</summary>
internal static class AlpnExtension
{
    internal static byte[] Encode(IEnumerable<string> protocols)
    {
        using var writer = new TlsWriter(64);
        using (writer.PushVector16())
        {
            foreach (string protocol in protocols)
            {
                writer.WriteVector8(Encoding.UTF8.GetBytes(protocol));
            }
        }

        return writer.ToArray();
    }

    internal static string[] Decode(ReadOnlySpan<byte> data)
    {
        var reader = new TlsReader(data);
        TlsReader list = reader.ReadNested16();
        reader.ExpectEnd("application_layer_protocol_negotiation");
        var names = new List<string>();
        while (!list.IsEmpty)
        {
            names.Add(Encoding.UTF8.GetString(list.ReadVector8(1, 255)));
        }

        if (names.Count == 0)
        {
            throw TlsException.Decode("RFC 7301 §3.1: empty protocol_name_list");
        }

        return [.. names];
    }
}
