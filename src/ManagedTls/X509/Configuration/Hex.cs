namespace ManagedTls.X509.Configuration;

/// <summary><c>OPENSSL_hexstr2buf</c>: pairs of hex digits, <c>:</c> allowed between bytes.</summary>
internal static class Hex
{
    public static byte[]? Decode(string text)
    {
        var bytes = new List<byte>(text.Length / 2);
        int i = 0;
        while (i < text.Length)
        {
            char high = text[i++];
            if (high == ':')
            {
                continue;
            }

            if (i >= text.Length)
            {
                return null;
            }

            int h = Value(high);
            int l = Value(text[i++]);
            if (h < 0 || l < 0)
            {
                return null;
            }

            bytes.Add((byte)((h << 4) | l));
        }

        return [.. bytes];
    }

    /// <summary>The reason OpenSSL gives for text <see cref="Decode"/> refused.</summary>
    public static string LastError(string text)
    {
        int i = 0;
        while (i < text.Length)
        {
            char high = text[i++];
            if (high == ':')
            {
                continue;
            }

            if (i >= text.Length)
            {
                return "odd number of digits";
            }

            if (Value(high) < 0 || Value(text[i++]) < 0)
            {
                return "illegal hex digit";
            }
        }

        return "illegal hex digit";
    }

    private static int Value(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
