using System.Globalization;

namespace ManagedTls.Keys;

/// <content>DSA: encode_key2text.c's dsa_to_text and ffc_params_to_text.</content>
public static partial class KeyTextFormatter
{
    private static void WriteDsa(KeyTextWriter writer, DsaPublicKey key, ReadOnlyMemory<byte>? privateValue)
    {
        string kind = privateValue is null ? "Public-Key" : "Private-Key";
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind}: ({key.Bits} bit)"));
        if (privateValue is ReadOnlyMemory<byte> x)
        {
            writer.WriteInteger("priv:", x.Span);
        }

        // The labels are padded as OpenSSL pads them: "pub: " and "P:   " keep their trailing spaces.
        writer.WriteInteger("pub: ", key.Y.Span);
        writer.WriteInteger("P:   ", key.Parameters.P.Span);
        writer.WriteInteger("Q:   ", key.Parameters.Q.Span);
        writer.WriteInteger("G:   ", key.Parameters.G.Span);
    }
}
