using System.Globalization;

namespace ManagedTls.Tls.Suites;

/// <summary>OpenSSL 3.0's SSL_CIPHER_description line, column for column.</summary>
internal static class OpenSslDescription
{
    /// <summary>Formats "NAME VERSION Kx=.. Au=.. Enc=..(bits) Mac=.." with OpenSSL's column widths (30, 7, 8, 5, 22, 4).</summary>
    public static string Format(TlsCipherSuiteInfo info)
    {
        string version = info.MinVersion switch
        {
            TlsProtocolVersion.Ssl3 => "SSLv3",
            TlsProtocolVersion.Tls10 => "TLSv1",
            TlsProtocolVersion.Tls11 => "TLSv1.1",
            TlsProtocolVersion.Tls12 => "TLSv1.2",
            _ => "TLSv1.3",
        };
        string kx = info.KeyExchange switch
        {
            TlsKeyExchange.Ecdhe => "ECDH",
            TlsKeyExchange.Dhe => "DH",
            TlsKeyExchange.Rsa => "RSA",
            _ => "any",
        };
        string au = info.Authentication switch
        {
            TlsAuthentication.Ecdsa => "ECDSA",
            TlsAuthentication.Rsa => "RSA",
            _ => "any",
        };
        string enc = info.Bulk switch
        {
            TlsBulkCipher.Aes128Gcm or TlsBulkCipher.Aes256Gcm => "AESGCM",
            TlsBulkCipher.ChaCha20Poly1305 => "CHACHA20/POLY1305",
            TlsBulkCipher.Aes128Ccm => "AESCCM",
            TlsBulkCipher.Aes128Ccm8 => "AESCCM8",
            _ => "AES",
        };
        string mac = info.MacHash switch
        {
            Crypto.HashAlgorithmId.Sha1 => "SHA1",
            Crypto.HashAlgorithmId.Sha256 => "SHA256",
            Crypto.HashAlgorithmId.Sha384 => "SHA384",
            _ => "AEAD",
        };
        string encWithBits = string.Create(CultureInfo.InvariantCulture, $"{enc}({info.KeyLength * 8})");
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{info.OpenSslName,-30} {version,-7} Kx={kx,-8} Au={au,-5} Enc={encWithBits,-22} Mac={mac,-4}");
    }
}
