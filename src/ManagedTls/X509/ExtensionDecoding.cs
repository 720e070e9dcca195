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
}
