using System.Text;
using ManagedTls.Crypto;

namespace ManagedTls.Pkcs;

/// <summary>
/// The PKCS#12 key derivation function (RFC 7292 Appendix B.2), used by the PKCS#12 PBE schemes such as
/// <c>pbeWithSHAAnd3-KeyTripleDES-CBC</c> and by the PKCS#12 MAC.
/// </summary>
/// <remarks>
/// <para>The password is a BMPString (UTF-16 big-endian) followed by two zero bytes (§B.1), so an empty password is
/// the two bytes <c>00 00</c>. An absent password (a PKCS#12 file with no password at all, OpenSSL's <c>NULL</c>)
/// is the empty octet string instead; the two derive different keys. <see cref="EncodePassword(ReadOnlySpan{char})"/>
/// gives the former; pass an empty span to <see cref="DeriveKey"/> for the latter.</para>
/// </remarks>
internal static class Pkcs12Kdf
{
    /// <summary>The diversifier ID byte for key material (RFC 7292 §B.3).</summary>
    public const byte KeyMaterial = 1;

    /// <summary>The diversifier ID byte for an IV.</summary>
    public const byte IvMaterial = 2;

    /// <summary>The diversifier ID byte for a MAC key.</summary>
    public const byte MacMaterial = 3;

    /// <summary>Encodes a password as RFC 7292 §B.1 wants it: BMPString (UTF-16BE) plus a two-byte zero terminator.</summary>
    /// <param name="password">The characters; surrogate pairs are kept as the two UTF-16 code units, as OpenSSL does.</param>
    /// <returns>A fresh array the caller zeroes.</returns>
    public static byte[] EncodePassword(ReadOnlySpan<char> password)
    {
        byte[] result = new byte[(password.Length + 1) * 2];
        for (int i = 0; i < password.Length; i++)
        {
            result[2 * i] = (byte)(password[i] >> 8);
            result[(2 * i) + 1] = (byte)password[i];
        }

        return result;
    }

    /// <summary>
    /// Encodes password bytes the way OpenSSL's <c>PKCS12_key_gen_utf8</c> does: valid UTF-8 is decoded and
    /// re-encoded as BMPString; anything else is widened byte by byte (<c>OPENSSL_asc2uni</c>).
    /// </summary>
    /// <param name="password">The password octets.</param>
    /// <returns>A fresh array the caller zeroes.</returns>
    public static byte[] EncodePassword(ReadOnlySpan<byte> password)
    {
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        char[] chars;
        try
        {
            chars = new char[strict.GetCharCount(password)];
            strict.GetChars(password, chars);
        }
        catch (DecoderFallbackException)
        {
            chars = new char[password.Length];
            for (int i = 0; i < password.Length; i++)
            {
                chars[i] = (char)password[i];
            }
        }

        try
        {
            return EncodePassword(chars);
        }
        finally
        {
            Array.Clear(chars);
        }
    }

    /// <summary>Derives <c>destination.Length</c> bytes of the material selected by <paramref name="id"/>.</summary>
    /// <param name="provider">Supplies the digest.</param>
    /// <param name="hash">The digest H (SHA-1 for the PBE schemes).</param>
    /// <param name="encodedPassword">The password already encoded by <see cref="EncodePassword(ReadOnlySpan{char})"/>,
    /// or empty for an absent password.</param>
    /// <param name="salt">The salt.</param>
    /// <param name="iterationCount">The iteration count r, at least 1.</param>
    /// <param name="id">1 (key), 2 (IV) or 3 (MAC key).</param>
    /// <param name="destination">Receives n bytes.</param>
    public static void DeriveKey(
        ICryptoProvider provider,
        HashAlgorithmId hash,
        ReadOnlySpan<byte> encodedPassword,
        ReadOnlySpan<byte> salt,
        int iterationCount,
        byte id,
        Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterationCount, 1);
        using IHash digest = provider.CreateHash(hash);
        int u = digest.HashSize;
        int v = BlockSize(hash);

        // Steps 1-4: D = ID repeated v times; I = S || P, each repeated to a whole number of v-byte blocks.
        byte[] d = new byte[v];
        d.AsSpan().Fill(id);
        int sLength = v * ((salt.Length + v - 1) / v);
        int pLength = v * ((encodedPassword.Length + v - 1) / v);
        byte[] i = new byte[sLength + pLength];
        byte[] a = new byte[u];
        byte[] b = new byte[v];
        try
        {
            Repeat(salt, i.AsSpan(0, sLength));
            Repeat(encodedPassword, i.AsSpan(sLength, pLength));
            for (int offset = 0; offset < destination.Length; offset += u)
            {
                // Step 6a: A_i = H^r(D || I).
                digest.Append(d);
                digest.Append(i);
                digest.GetHashAndReset(a);
                for (int round = 1; round < iterationCount; round++)
                {
                    digest.Append(a);
                    digest.GetHashAndReset(a);
                }

                a.AsSpan(0, Math.Min(u, destination.Length - offset)).CopyTo(destination[offset..]);
                if (offset + u >= destination.Length)
                {
                    break;
                }

                // Steps 6b-6c: B = A_i repeated to v bytes; every v-byte block I_j = (I_j + B + 1) mod 2^(8v).
                Repeat(a, b);
                for (int j = 0; j < i.Length; j += v)
                {
                    int carry = 1;
                    for (int k = v - 1; k >= 0; k--)
                    {
                        carry += i[j + k] + b[k];
                        i[j + k] = (byte)carry;
                        carry >>= 8;
                    }
                }
            }
        }
        finally
        {
            SecretMemory.Zero(i);
            SecretMemory.Zero(a);
            SecretMemory.Zero(b);
        }
    }

    /// <summary>The digest's input block size v in bytes (RFC 7292 §B.2).</summary>
    private static int BlockSize(HashAlgorithmId hash) => hash switch
    {
        HashAlgorithmId.Md5 or HashAlgorithmId.Sha1 or HashAlgorithmId.Sha224 or HashAlgorithmId.Sha256 => 64,
        HashAlgorithmId.Sha384 or HashAlgorithmId.Sha512 or HashAlgorithmId.Sha512_224 or HashAlgorithmId.Sha512_256 => 128,
        _ => throw new NotSupportedException($"The PKCS#12 KDF is not defined here for {hash}."),
    };

    private static void Repeat(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (source.IsEmpty)
        {
            return;
        }

        for (int offset = 0; offset < destination.Length; offset += source.Length)
        {
            source[..Math.Min(source.Length, destination.Length - offset)].CopyTo(destination[offset..]);
        }
    }
}
