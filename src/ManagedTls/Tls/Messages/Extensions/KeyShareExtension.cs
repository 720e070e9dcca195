using ManagedTls.Tls.Wire;

namespace ManagedTls.Tls.Messages.Extensions;

/// <summary>key_share (RFC 8446 §4.2.8): a list in the ClientHello, one entry in the ServerHello, a group in a HelloRetryRequest.</summary>
internal static class KeyShareExtension
{
    internal static byte[] EncodeClient(IReadOnlyList<KeyShareEntry> shares)
    {
        using var writer = new TlsWriter(128);
        using (writer.PushVector16())
        {
            foreach (KeyShareEntry share in shares)
            {
                WriteEntry(writer, share);
            }
        }

        return writer.ToArray();
    }

    internal static KeyShareEntry[] DecodeClient(ReadOnlySpan<byte> data)
    {
        var reader = new TlsReader(data);
        TlsReader list = reader.ReadNested16();
        reader.ExpectEnd("key_share");
        var shares = new List<KeyShareEntry>();
        while (!list.IsEmpty)
        {
            KeyShareEntry entry = ReadEntry(ref list);
            foreach (KeyShareEntry previous in shares)
            {
                if (previous.Group == entry.Group)
                {
                    throw TlsException.Illegal("RFC 8446 §4.2.8: two key shares for the same group");
                }
            }

            shares.Add(entry);
        }

        return [.. shares];
    }

    internal static byte[] EncodeServer(KeyShareEntry share)
    {
        using var writer = new TlsWriter(128);
        WriteEntry(writer, share);
        return writer.ToArray();
    }

    internal static KeyShareEntry DecodeServer(ReadOnlySpan<byte> data)
    {
        var reader = new TlsReader(data);
        KeyShareEntry entry = ReadEntry(ref reader);
        reader.ExpectEnd("key_share");
        return entry;
    }

    internal static byte[] EncodeRetry(TlsNamedGroup group) => [(byte)((ushort)group >> 8), (byte)group];

    internal static TlsNamedGroup DecodeRetry(ReadOnlySpan<byte> data)
    {
        var reader = new TlsReader(data);
        var group = (TlsNamedGroup)reader.ReadUInt16();
        reader.ExpectEnd("key_share");
        return group;
    }

    private static void WriteEntry(TlsWriter writer, KeyShareEntry share)
    {
        writer.WriteUInt16((ushort)share.Group);
        writer.WriteVector16(share.KeyExchange.Span);
    }

    private static KeyShareEntry ReadEntry(ref TlsReader reader)
    {
        var group = (TlsNamedGroup)reader.ReadUInt16();
        byte[] key = reader.ReadVector16(1, 0xFFFF).ToArray();
        return new KeyShareEntry(group, key);
    }
}
