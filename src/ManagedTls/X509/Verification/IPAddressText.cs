using System.Globalization;
using System.Net;
using System.Text;

namespace ManagedTls.X509.Verification;

/// <summary>Strict parsing and OpenSSL-style printing of IP address text for identity checks.</summary>
internal static class IPAddressText
{
    /// <summary>
    /// Parses canonical IP text: IPv4 as exactly four decimal octets without leading zeros (no <c>127.1</c>,
    /// <c>0x7f.0.0.1</c> or <c>010.0.0.1</c>, which inet_aton reads differently); IPv6 in RFC 4291 §2.2 text form
    /// (with an optional embedded IPv4 tail), no zone index, no brackets, no surrounding spaces.
    /// </summary>
    public static bool TryParse(string text, out byte[] address)
    {
        address = [];
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (text.Contains(':', StringComparison.Ordinal))
        {
            foreach (char c in text)
            {
                if (!(char.IsAsciiHexDigit(c) || c is ':' or '.'))
                {
                    return false;
                }
            }

            if (!IPAddress.TryParse(text, out IPAddress? ip) || ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            {
                return false;
            }

            // An embedded IPv4 tail must itself be canonical.
            int lastColon = text.LastIndexOf(':');
            if (text.Contains('.', StringComparison.Ordinal) && !TryParseV4(text[(lastColon + 1)..], out _))
            {
                return false;
            }

            address = ip.GetAddressBytes();
            return true;
        }

        if (TryParseV4(text, out byte[] v4))
        {
            address = v4;
            return true;
        }

        return false;
    }

    /// <summary>Whether the text looks like an IP literal (so it must never be matched as a DNS name).</summary>
    public static bool LooksLikeIP(string text)
    {
        if (text.Contains(':', StringComparison.Ordinal))
        {
            return true;
        }

        // All-numeric dotted text (1.2.3.4, 127.1, 1.2.3.4.) is an address attempt, not a hostname: the last label of
        // a DNS name is never all digits (RFC 3696 §2).
        string trimmed = text.TrimEnd('.');
        int dot = trimmed.LastIndexOf('.');
        string last = trimmed[(dot + 1)..];
        return last.Length > 0 && last.All(char.IsAsciiDigit);
    }

    /// <summary>Formats octets as OpenSSL prints an iPAddress GeneralName (<c>1.2.3.4</c>, <c>2001:DB8:0:0:0:0:0:1</c>).</summary>
    public static string Format(ReadOnlySpan<byte> address)
    {
        if (address.Length == 4)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{address[0]}.{address[1]}.{address[2]}.{address[3]}");
        }

        if (address.Length == 16)
        {
            var s = new StringBuilder();
            for (int i = 0; i < 16; i += 2)
            {
                if (i > 0)
                {
                    s.Append(':');
                }

                s.Append(((address[i] << 8) | address[i + 1]).ToString("X", CultureInfo.InvariantCulture));
            }

            return s.ToString();
        }

        return "<invalid>";
    }

    private static bool TryParseV4(string text, out byte[] address)
    {
        address = new byte[4];
        string[] parts = text.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        for (int i = 0; i < 4; i++)
        {
            string p = parts[i];
            if (p.Length is 0 or > 3 || (p.Length > 1 && p[0] == '0') || !p.All(char.IsAsciiDigit))
            {
                return false;
            }

            int value = int.Parse(p, NumberStyles.None, CultureInfo.InvariantCulture);
            if (value > 255)
            {
                return false;
            }

            address[i] = (byte)value;
        }

        return true;
    }
}
