using ManagedTls.Tls.Wire;

namespace ManagedTls.Tls.Messages;

/// <summary>One extension as it appeared on the wire: its type and its opaque extension_data.</summary>
internal readonly record struct TlsExtension(TlsExtensionType Type, ReadOnlyMemory<byte> Data)
{
    /// <summary>Reads an extensions block (the 16-bit length-prefixed list); duplicates are refused (RFC 8446 §4.2).</summary>
    internal static TlsExtension[] DecodeBlock(ref TlsReader reader)
    {
        TlsReader block = reader.ReadNested16();
        var list = new List<TlsExtension>();
        var seen = new System.Collections.BitArray(ushort.MaxValue + 1); // linear in the block, whatever the peer sends
        while (!block.IsEmpty)
        {
            ushort code = block.ReadUInt16();
            var type = (TlsExtensionType)code;
            byte[] data = block.ReadVector16().ToArray();
            if (seen[code])
            {
                throw TlsException.Illegal($"RFC 8446 §4.2: extension {type} appears twice in one block");
            }

            seen[code] = true;
            list.Add(new TlsExtension(type, data));
        }

        return [.. list];
    }

    /// <summary>Writes an extensions block.</summary>
    internal static void EncodeBlock(TlsWriter writer, IReadOnlyList<TlsExtension> extensions)
    {
        using (writer.PushVector16())
        {
            foreach (TlsExtension extension in extensions)
            {
                writer.WriteUInt16((ushort)extension.Type);
                writer.WriteVector16(extension.Data.Span);
            }
        }
    }

    /// <summary>Finds an extension by type.</summary>
    internal static bool TryFind(IReadOnlyList<TlsExtension> extensions, TlsExtensionType type, out ReadOnlyMemory<byte> data)
    {
        foreach (TlsExtension extension in extensions)
        {
            if (extension.Type == type)
            {
                data = extension.Data;
                return true;
            }
        }

        data = default;
        return false;
    }

    /// <summary>Builds an extension from a writer callback.</summary>
    internal static TlsExtension Build(TlsExtensionType type, Action<TlsWriter> body)
    {
        using var writer = new TlsWriter(64);
        body(writer);
        return new TlsExtension(type, writer.ToArray());
    }
}
