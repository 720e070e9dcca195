using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>Runs an extension decoder over a whole extnValue and translates codec errors once; encodes extnValues.</summary>
internal static class ExtensionDecoding
{
    public delegate T Decoder<out T>(ref DerReader reader);

    public static T Run<T>(ReadOnlySpan<byte> value, string what, Decoder<T> decode)
    {
        try
        {
            var reader = new DerReader(value);
            T result = decode(ref reader);
            reader.ExpectEmpty();
            return result;
        }
        catch (DecodeException e)
        {
            throw new X509FormatException(X509FormatError.InvalidExtension, $"Malformed {what} extension: {e.Message}", e);
        }
    }

    /// <summary>The DER written by <paramref name="encode"/>.</summary>
    public static byte[] Encode(Action<DerWriter> encode)
    {
        using var writer = new DerWriter();
        encode(writer);
        return writer.ToArray();
    }

    /// <summary>
    /// The octets of an IA5String-like value given as text: one octet per character when every character is at most
    /// U+00FF (the inverse of reading octets as Latin-1), otherwise the UTF-8 encoding.
    /// </summary>
    public static byte[] TextOctets(string text)
    {
        foreach (char c in text)
        {
            if (c > 0xFF)
            {
                return System.Text.Encoding.UTF8.GetBytes(text);
            }
        }

        return System.Text.Encoding.Latin1.GetBytes(text);
    }
}
