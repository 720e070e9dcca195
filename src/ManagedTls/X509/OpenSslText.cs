using System.Globalization;
using System.Numerics;
using System.Text;

namespace ManagedTls.X509;

/// <summary>OpenSSL's text forms of times and integers, as <c>openssl x509</c> prints them.</summary>
public static class OpenSslText
{
    private static readonly string[] s_months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>
    /// <c>ASN1_TIME_print</c>: <c>Jan  1 00:00:00 2020 GMT</c> (day space-padded to two columns, fractional seconds
    /// of a GeneralizedTime kept after the seconds).
    /// </summary>
    /// <param name="time">The instant (converted to UTC).</param>
    /// <returns>The text.</returns>
    public static string FormatTime(DateTimeOffset time)
    {
        DateTime utc = time.UtcDateTime;
        long fractionTicks = utc.Ticks % TimeSpan.TicksPerSecond;
        string fraction = fractionTicks == 0
            ? string.Empty
            : "." + fractionTicks.ToString("D7", CultureInfo.InvariantCulture).TrimEnd('0');
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{s_months[utc.Month - 1]} {utc.Day,2} {utc.Hour:D2}:{utc.Minute:D2}:{utc.Second:D2}{fraction} {utc.Year} GMT");
    }

    /// <summary>
    /// <c>i2a_ASN1_INTEGER</c>, what <c>openssl x509 -serial</c> prints: a <c>-</c> for a negative value, then the
    /// magnitude in upper-case hex, two digits per octet, with <c>\</c> and a newline after every 35 octets.
    /// </summary>
    /// <param name="twosComplement">The INTEGER content octets (big-endian two's complement).</param>
    /// <returns>The text.</returns>
    public static string FormatInteger(ReadOnlySpan<byte> twosComplement)
    {
        var value = new BigInteger(twosComplement, isUnsigned: false, isBigEndian: true);
        byte[] magnitude = BigInteger.Abs(value).ToByteArray(isUnsigned: true, isBigEndian: true);
        var text = new StringBuilder();
        if (value.Sign < 0)
        {
            text.Append('-');
        }

        for (int i = 0; i < magnitude.Length; i++)
        {
            if (i != 0 && i % 35 == 0)
            {
                text.Append("\\\n");
            }

            text.Append(magnitude[i].ToString("X2", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>A digest as OpenSSL's <c>-fingerprint</c> and pyOpenSSL's <c>X509.digest</c> print it: upper-case hex pairs joined by colons.</summary>
    /// <param name="digest">The digest.</param>
    /// <returns>The text, e.g. <c>AB:CD:01</c>.</returns>
    public static string FormatFingerprint(ReadOnlySpan<byte> digest)
    {
        var text = new StringBuilder(digest.Length * 3);
        for (int i = 0; i < digest.Length; i++)
        {
            if (i != 0)
            {
                text.Append(':');
            }

            text.Append(digest[i].ToString("X2", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
