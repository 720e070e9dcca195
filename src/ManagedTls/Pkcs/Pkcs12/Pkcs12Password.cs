using ManagedTls.Crypto;

namespace ManagedTls.Pkcs.Pkcs12;

/// <summary>
/// A password as the PKCS#12 KDF and PBKDF2 see it. An absent password (OpenSSL's <c>NULL</c>) is the empty octet
/// string for the PKCS#12 KDF, an empty one the BMPString terminator <c>00 00</c>; for PBKDF2 both are empty.
/// </summary>
internal sealed class Pkcs12Password
{
    private readonly byte[]? _octets;

    private Pkcs12Password(byte[]? octets) => _octets = octets;

    /// <summary>The absent password.</summary>
    public static Pkcs12Password Absent { get; } = new(null);

    /// <summary>The empty password.</summary>
    public static Pkcs12Password Empty { get; } = new([]);

    /// <summary>True for the absent password.</summary>
    public bool IsAbsent => _octets is null;

    /// <summary>The octets PBKDF2 and PBES1 see (UTF-8 for text): empty for an absent password.</summary>
    public ReadOnlySpan<byte> Octets => _octets;

    /// <summary>Wraps password octets (null for absent).</summary>
    public static Pkcs12Password From(ReadOnlySpan<byte> octets, bool absent) => absent ? Absent : new(octets.ToArray());

    /// <summary>The PKCS#12 KDF input: the zero-terminated BMPString, or nothing for an absent password.</summary>
    /// <returns>A fresh array the caller zeroes.</returns>
    public byte[] Bmp() => _octets is null ? [] : Pkcs12Kdf.EncodePassword(_octets.AsSpan());

    /// <summary>Decrypts with any PBE scheme, using the BMP form for the PKCS#12 schemes and the octets otherwise.</summary>
    public byte[] Decrypt(ICryptoProvider provider, PbeScheme scheme, ReadOnlySpan<byte> ciphertext)
    {
        if (scheme is Pkcs12PbeScheme pkcs12)
        {
            byte[] bmp = Bmp();
            try
            {
                return pkcs12.DecryptEncoded(provider, bmp, ciphertext);
            }
            finally
            {
                SecretMemory.Zero(bmp);
            }
        }

        return scheme.Decrypt(provider, Octets, ciphertext);
    }

    /// <summary>Encrypts with any PBE scheme (see <see cref="Decrypt"/>).</summary>
    public byte[] Encrypt(ICryptoProvider provider, PbeScheme scheme, ReadOnlySpan<byte> plaintext)
    {
        if (scheme is Pkcs12PbeScheme pkcs12)
        {
            byte[] bmp = Bmp();
            try
            {
                return pkcs12.EncryptEncoded(provider, bmp, plaintext);
            }
            finally
            {
                SecretMemory.Zero(bmp);
            }
        }

        return scheme.Encrypt(provider, Octets, plaintext);
    }
}
