namespace ManagedTls.Tests.Asn1;

internal static class Hex
{
    public static byte[] Decode(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));

    public static string Encode(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);
}
