using System.Text;

namespace ManagedTls.Pkcs;

/// <summary>
/// How a character password becomes the octets the KDFs see: UTF-8, which is what OpenSSL receives from a UTF-8
/// terminal or <c>-passin pass:</c> and uses unchanged. (Unpaired surrogates become U+FFFD, as in any UTF-8 encoder.)
/// </summary>
internal static class PasswordOctets
{
    /// <summary>Encodes <paramref name="password"/> as UTF-8.</summary>
    /// <param name="password">The characters.</param>
    /// <returns>A fresh array the caller zeroes with <see cref="Crypto.SecretMemory.Zero(byte[])"/>.</returns>
    public static byte[] FromChars(ReadOnlySpan<char> password)
    {
        byte[] octets = new byte[Encoding.UTF8.GetByteCount(password)];
        Encoding.UTF8.GetBytes(password, octets);
        return octets;
    }
}
