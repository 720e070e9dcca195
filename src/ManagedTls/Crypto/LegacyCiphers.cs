using ManagedTls.Crypto.BouncyCastle;

namespace ManagedTls.Crypto;

/// <summary>Legacy ciphers that exist only for old PKCS#12/PKCS#8 files and sit outside <see cref="ICryptoProvider"/>.</summary>
internal static class LegacyCiphers
{
    /// <summary>Creates an unpadded RC2-CBC cipher (RFC 2268).</summary>
    /// <param name="key">1..128 key bytes.</param>
    /// <param name="effectiveKeyBits">The effective key length T1 in bits, 1..1024 (40 or 128 for PKCS#12).</param>
    /// <returns>A fresh cipher the caller disposes (it zeroes its key).</returns>
    /// <exception cref="ArgumentException">A length is out of range.</exception>
    public static IRc2CbcCipher CreateRc2Cbc(ReadOnlySpan<byte> key, int effectiveKeyBits) => new BouncyCastleRc2CbcCipher(key, effectiveKeyBits);
}
