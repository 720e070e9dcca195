using ManagedTls.Asn1;
using ManagedTls.Crypto;

namespace ManagedTls.Pkcs;

/// <summary>A CBC cipher usable for password-based encryption: its names, PBES2 OID and sizes.</summary>
/// <param name="Name">OpenSSL's lower-case name ("aes-256-cbc"), used by <see cref="PbeParameters"/>.</param>
/// <param name="PemName">The upper-case name OpenSSL writes in a PEM <c>DEK-Info</c> header ("AES-256-CBC").</param>
/// <param name="Oid">The PBES2 encryption scheme OID (RFC 8018 §B.2).</param>
/// <param name="Algorithm">The provider's block cipher.</param>
/// <param name="KeySize">The key length in bytes.</param>
/// <param name="BlockSize">The block and IV length in bytes.</param>
internal sealed record PbeCipher(string Name, string PemName, string Oid, BlockCipherAlgorithmId Algorithm, int KeySize, int BlockSize)
{
    /// <summary>AES-128-CBC (NIST aes128-CBC-PAD).</summary>
    public static PbeCipher Aes128Cbc { get; } = new("aes-128-cbc", "AES-128-CBC", Oids.Aes128Cbc, BlockCipherAlgorithmId.Aes128, 16, 16);

    /// <summary>AES-192-CBC.</summary>
    public static PbeCipher Aes192Cbc { get; } = new("aes-192-cbc", "AES-192-CBC", Oids.Aes192Cbc, BlockCipherAlgorithmId.Aes192, 24, 16);

    /// <summary>AES-256-CBC.</summary>
    public static PbeCipher Aes256Cbc { get; } = new("aes-256-cbc", "AES-256-CBC", Oids.Aes256Cbc, BlockCipherAlgorithmId.Aes256, 32, 16);

    /// <summary>Three-key triple DES in CBC mode (RFC 8018 §B.2.2 des-EDE3-CBC).</summary>
    public static PbeCipher DesEde3Cbc { get; } = new("des-ede3-cbc", "DES-EDE3-CBC", Oids.DesEde3Cbc, BlockCipherAlgorithmId.DesEde3, 24, 8);

    /// <summary>Single DES in CBC mode (RFC 8018 §B.2.1 desCBC): read for old files; written only when asked.</summary>
    public static PbeCipher DesCbc { get; } = new("des-cbc", "DES-CBC", "1.3.14.3.2.7", BlockCipherAlgorithmId.Des, 8, 8);

    private static readonly PbeCipher[] s_all = [Aes128Cbc, Aes192Cbc, Aes256Cbc, DesEde3Cbc, DesCbc];

    /// <summary>Finds a cipher by OpenSSL name or alias (case-insensitive): "aes-256-cbc", "aes256", "des3", "des", ...</summary>
    /// <param name="name">The name.</param>
    /// <returns>The cipher, or null when ManagedTls does not offer it.</returns>
    public static PbeCipher? FromName(string name)
    {
        string canonical = name.ToLowerInvariant() switch
        {
            "aes128" => "aes-128-cbc",
            "aes192" => "aes-192-cbc",
            "aes256" => "aes-256-cbc",
            "des3" or "des-ede3" => "des-ede3-cbc",
            "des" => "des-cbc",
            string other => other,
        };
        foreach (PbeCipher cipher in s_all)
        {
            if (cipher.Name == canonical)
            {
                return cipher;
            }
        }

        return null;
    }

    /// <summary>Finds a cipher by its PBES2 encryption scheme OID.</summary>
    /// <param name="oid">The dotted OID.</param>
    /// <returns>The cipher, or null.</returns>
    public static PbeCipher? FromOid(string oid)
    {
        foreach (PbeCipher cipher in s_all)
        {
            if (cipher.Oid == oid)
            {
                return cipher;
            }
        }

        return null;
    }
}
