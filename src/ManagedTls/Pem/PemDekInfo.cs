using System.Diagnostics.CodeAnalysis;

namespace ManagedTls.Pem;

/// <summary>
/// The parsed <c>DEK-Info</c> header of an OpenSSL traditional encrypted key (RFC 1421 §4.6.1.3):
/// <c>DEK-Info: AES-128-CBC,&lt;IV in hex&gt;</c>. The IV doubles as the salt of OpenSSL's key derivation.
/// </summary>
public sealed class PemDekInfo
{
    /// <summary>Creates a DEK-Info value.</summary>
    /// <param name="cipher">The OpenSSL cipher name, such as <c>AES-128-CBC</c> or <c>DES-EDE3-CBC</c>.</param>
    /// <param name="iv">The initialisation vector.</param>
    /// <exception cref="ArgumentException"><paramref name="cipher"/> is empty or has a comma, space or non-printable character.</exception>
    public PemDekInfo(string cipher, ReadOnlySpan<byte> iv)
    {
        ArgumentException.ThrowIfNullOrEmpty(cipher);
        foreach (char c in cipher)
        {
            if (c is <= ' ' or > '~' or ',')
            {
                throw new ArgumentException($"The cipher name \"{cipher}\" has a comma, space or non-printable character.", nameof(cipher));
            }
        }

        Cipher = cipher;
        Iv = iv.ToArray();
    }

    /// <summary>Gets the OpenSSL cipher name as written, such as <c>AES-128-CBC</c>.</summary>
    public string Cipher { get; }

    /// <summary>Gets the initialisation vector.</summary>
    public ReadOnlyMemory<byte> Iv { get; }

    /// <summary>Parses a <c>DEK-Info</c> header value.</summary>
    /// <param name="value">The value, such as <c>AES-128-CBC,00112233445566778899AABBCCDDEEFF</c>.</param>
    /// <returns>The cipher name and IV.</returns>
    /// <exception cref="PemException">The value has no comma, an empty cipher name, or an IV that is not an even number of hex digits (<see cref="PemError.InvalidHeader"/>).</exception>
    public static PemDekInfo Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value, out PemDekInfo? info)
            ? info
            : throw new PemException(PemError.InvalidHeader, -1, 0, $"DEK-Info \"{value}\" is not \"cipher,hex IV\"");
    }

    /// <summary>Parses a <c>DEK-Info</c> header value.</summary>
    /// <param name="value">The value, such as <c>AES-128-CBC,00112233445566778899AABBCCDDEEFF</c>.</param>
    /// <param name="info">The parsed value, or null.</param>
    /// <returns>False when the value is malformed.</returns>
    public static bool TryParse(string? value, [NotNullWhen(true)] out PemDekInfo? info)
    {
        info = null;
        int comma = value?.IndexOf(',', StringComparison.Ordinal) ?? -1;
        if (value is null || comma <= 0)
        {
            return false;
        }

        string cipher = value[..comma].Trim();
        ReadOnlySpan<char> hex = value.AsSpan(comma + 1).Trim();
        if (cipher.Length == 0 || hex.IsEmpty || hex.Length % 2 != 0)
        {
            return false;
        }

        byte[] iv = new byte[hex.Length / 2];
        for (int i = 0; i < iv.Length; i++)
        {
            int high = HexValue(hex[2 * i]);
            int low = HexValue(hex[(2 * i) + 1]);
            if (high < 0 || low < 0)
            {
                return false;
            }

            iv[i] = (byte)((high << 4) | low);
        }

        foreach (char c in cipher)
        {
            if (c is <= ' ' or > '~')
            {
                return false;
            }
        }

        info = new PemDekInfo(cipher, iv);
        return true;
    }

    /// <summary>Returns the headers OpenSSL writes before an encrypted traditional key: Proc-Type then this DEK-Info.</summary>
    /// <returns><c>Proc-Type: 4,ENCRYPTED</c> and <c>DEK-Info: cipher,IV</c> with the IV in upper-case hex.</returns>
    public PemHeader[] ToHeaders() =>
        [new PemHeader(PemHeader.ProcType, PemHeader.ProcTypeEncrypted), new PemHeader(PemHeader.DekInfo, ToString())];

    /// <summary>Returns the header value: the cipher name, a comma and the IV in upper-case hex, as OpenSSL writes it.</summary>
    /// <returns>For example <c>AES-128-CBC,00112233445566778899AABBCCDDEEFF</c>.</returns>
    public override string ToString() => $"{Cipher},{Convert.ToHexString(Iv.Span)}";

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => -1,
    };
}
