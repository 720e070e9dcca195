using System.Globalization;

namespace ManagedTls.OpenSsl;

/// <summary>
/// The timestamp strings pyOpenSSL passes to and from OpenSSL: <c>ASN1_TIME_set_string</c>'s input forms and the
/// <c>YYYYMMDDhhmmssZ</c> GeneralizedTime text the getters return.
/// </summary>
internal static class Asn1TimeText
{
    /// <summary>Formats an instant as GeneralizedTime text, <c>YYYYMMDDhhmmssZ</c> (<c>ASN1_TIME_to_generalizedtime</c>).</summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "Z";

    /// <summary>
    /// Parses what OpenSSL's GeneralizedTime/UTCTime checks accept: <c>YYYYMMDDhhmm[ss[.f...]]</c> (or the two-digit
    /// year UTCTime form <c>YYMMDDhhmm[ss]</c>, 1950–2049) followed by <c>Z</c> or a <c>+hhmm</c>/<c>-hhmm</c> offset.
    /// </summary>
    /// <param name="text">The timestamp.</param>
    /// <returns>The instant.</returns>
    /// <exception cref="ArgumentException">Not a valid timestamp (pyOpenSSL's <c>ValueError("Invalid string")</c>).</exception>
    public static DateTimeOffset Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out DateTimeOffset value) ? value : throw new ArgumentException("Invalid string", nameof(text));
    }

    private static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        int digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        // ASN1_TIME_set_string tries UTCTime first (YYMMDDhhmm[ss]), then GeneralizedTime (YYYYMMDDhhmmss[.f]).
        int year;
        int at;
        if (digits is 10 or 12)
        {
            year = Number(text, 0, 2);
            year += year < 50 ? 2000 : 1900;
            at = 2;
        }
        else if (digits == 14)
        {
            year = Number(text, 0, 4);
            at = 4;
        }
        else
        {
            return false;
        }

        return Finish(text, digits, year, at, out value);
    }

    private static bool Finish(string text, int digits, int year, int at, out DateTimeOffset value)
    {
        value = default;
        int month = Number(text, at, 2);
        int day = Number(text, at + 2, 2);
        int hour = Number(text, at + 4, 2);
        int minute = Number(text, at + 6, 2);
        int second = digits - at == 10 ? Number(text, at + 8, 2) : 0;
        int pos = digits;
        long fractionTicks = 0;
        if (at == 4 && digits == 14 && pos < text.Length && text[pos] == '.')
        {
            int start = ++pos;
            while (pos < text.Length && char.IsAsciiDigit(text[pos]))
            {
                pos++;
            }

            if (pos == start)
            {
                return false;
            }

            string fraction = (text[start..pos] + "0000000")[..7];
            fractionTicks = long.Parse(fraction, CultureInfo.InvariantCulture);
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(year, 1), month) || hour > 23 || minute > 59 || second > 59 || year < 1)
        {
            return false;
        }

        TimeSpan offset;
        if (pos == text.Length - 1 && text[pos] == 'Z')
        {
            offset = TimeSpan.Zero;
        }
        else if (pos == text.Length - 5 && text[pos] is '+' or '-' && text.AsSpan(pos + 1).ContainsAnyExceptInRange('0', '9') == false)
        {
            int offsetHours = Number(text, pos + 1, 2);
            int offsetMinutes = Number(text, pos + 3, 2);
            if (offsetHours > 12 || offsetMinutes > 59)
            {
                return false;
            }

            offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            if (text[pos] == '-')
            {
                offset = -offset;
            }
        }
        else
        {
            return false;
        }

        value = new DateTimeOffset(year, month, day, hour, minute, second, offset).AddTicks(fractionTicks).ToUniversalTime();
        return true;
    }

    private static int Number(string text, int start, int length) => int.Parse(text.AsSpan(start, length), NumberStyles.None, CultureInfo.InvariantCulture);
}
