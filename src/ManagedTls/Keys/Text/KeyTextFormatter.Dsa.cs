using System.Globalization;

namespace ManagedTls.Keys;

/// <content>DSA: encode_key2text.c's dsa_to_text and ffc_params_to_text.</content>
public static partial class KeyTextFormatter
{
    /// <summary>
    /// Formats DSA domain parameters as <c>openssl pkeyparam -text -noout</c>, <c>openssl dsaparam -text -noout</c> and
    /// <c>openssl genpkey -genparam -text</c> print them: <c>DSA-Parameters: (N bit)</c>, then P, Q and G.
    /// </summary>
    /// <param name="parameters">The parameters.</param>
    /// <param name="indent">Spaces before every line.</param>
    /// <returns>The text, each line ending in <c>\n</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="indent"/> is negative.</exception>
    public static string FormatDsaParameters(DsaDomainParameters parameters, int indent = 0)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var writer = new KeyTextWriter(indent);
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"DSA-Parameters: ({parameters.Bits} bit)"));
        WriteDsaDomain(writer, parameters);
        return writer.ToString();
    }

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
        WriteDsaDomain(writer, key.Parameters);
    }

    private static void WriteDsaDomain(KeyTextWriter writer, DsaDomainParameters parameters)
    {
        writer.WriteInteger("P:   ", parameters.P.Span);
        writer.WriteInteger("Q:   ", parameters.Q.Span);
        writer.WriteInteger("G:   ", parameters.G.Span);
    }
}
