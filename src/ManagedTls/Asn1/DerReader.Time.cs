namespace ManagedTls.Asn1;

/// <content>UTCTime and GeneralizedTime (ITU-T X.680 §46–47, X.690 §11.7–11.8, RFC 5280 §4.1.2.5).</content>
public ref partial struct DerReader
{
    /// <summary>
    /// Reads a UTCTime. DER requires <c>YYMMDDHHMMSSZ</c>; BER also accepts a missing seconds field and a
    /// <c>±hhmm</c> offset. Years 50–99 are 1950–2049's first half and 00–49 the second (RFC 5280 §4.1.2.5.1).
    /// </summary>
    /// <param name="tag">Implicit tag override.</param>
    /// <returns>The instant, with a zero offset.</returns>
    /// <exception cref="DecodeException">Wrong tag or not a valid time in the accepted form (<see cref="DecodeError.InvalidTime"/>).</exception>
    public DateTimeOffset ReadUtcTime(Asn1Tag? tag = null)
    {
        ReadOnlySpan<byte> s = ReadPrimitive(tag ?? Asn1Tag.UtcTime, out Asn1Header header);
        int at = header.Offset + header.HeaderLength;
        bool der = _options.Mode == DerMode.Der;
        int pos = 0;
        if (!TwoDigits(s, ref pos, out int yy) || !TwoDigits(s, ref pos, out int month) || !TwoDigits(s, ref pos, out int day) ||
            !TwoDigits(s, ref pos, out int hour) || !TwoDigits(s, ref pos, out int minute))
        {
            throw InvalidTime(at, "UTCTime must start YYMMDDHHMM");
        }

        int second = 0;
        if (!TwoDigits(s, ref pos, out second) && der)
        {
            throw InvalidTime(at, "DER UTCTime must include seconds");
        }

        TimeSpan offset = ParseZone(s, ref pos, der, at, requireZone: true);
        if (pos != s.Length)
        {
            throw InvalidTime(at, "unexpected characters after the time zone");
        }

        int year = yy >= 50 ? 1900 + yy : 2000 + yy;
        return Build(year, month, day, hour, minute, second, 0, offset, at);
    }

    /// <summary>
    /// Reads a GeneralizedTime. DER requires <c>YYYYMMDDHHMMSS[.f]Z</c> with no trailing zeros in the fraction;
    /// BER also accepts missing minutes/seconds, a comma, a <c>±hhmm</c> offset, and a missing zone (read as UTC).
    /// </summary>
    /// <param name="tag">Implicit tag override.</param>
    /// <returns>The instant, with a zero offset; fractions beyond 100 ns are truncated.</returns>
    /// <exception cref="DecodeException">Wrong tag or not a valid time in the accepted form.</exception>
    public DateTimeOffset ReadGeneralizedTime(Asn1Tag? tag = null)
    {
        ReadOnlySpan<byte> s = ReadPrimitive(tag ?? Asn1Tag.GeneralizedTime, out Asn1Header header);
        int at = header.Offset + header.HeaderLength;
        bool der = _options.Mode == DerMode.Der;
        int pos = 0;
        if (!TwoDigits(s, ref pos, out int century) || !TwoDigits(s, ref pos, out int yy) || !TwoDigits(s, ref pos, out int month) ||
            !TwoDigits(s, ref pos, out int day) || !TwoDigits(s, ref pos, out int hour))
        {
            throw InvalidTime(at, "GeneralizedTime must start YYYYMMDDHH");
        }

        int minute = 0, second = 0;
        bool hasMinute = TwoDigits(s, ref pos, out minute);
        bool hasSecond = hasMinute && TwoDigits(s, ref pos, out second);
        if (der && !hasSecond)
        {
            throw InvalidTime(at, "DER GeneralizedTime must include minutes and seconds");
        }

        long ticks = 0;
        if (pos < s.Length && (s[pos] == '.' || (s[pos] == ',' && !der)))
        {
            pos++;
            int start = pos;
            long scale = TimeSpan.TicksPerSecond;
            while (pos < s.Length && s[pos] >= '0' && s[pos] <= '9')
            {
                scale /= 10;
                ticks += (s[pos] - '0') * scale;
                pos++;
            }

            if (pos == start || (der && s[pos - 1] == '0'))
            {
                throw InvalidTime(at, "fraction must have digits and, in DER, no trailing zero");
            }

            if (!hasSecond)
            {
                throw InvalidTime(at, "fractions of minutes or hours are not supported");
            }
        }

        TimeSpan offset = ParseZone(s, ref pos, der, at, requireZone: der);
        if (pos != s.Length)
        {
            throw InvalidTime(at, "unexpected characters after the time zone");
        }

        return Build((century * 100) + yy, month, day, hour, minute, second, ticks, offset, at);
    }

    /// <summary>Reads the X.509 <c>Time</c> CHOICE: a UTCTime or a GeneralizedTime (RFC 5280 §4.1.2.5).</summary>
    /// <returns>The instant, with a zero offset.</returns>
    /// <exception cref="DecodeException">The next element is neither, or is invalid.</exception>
    public DateTimeOffset ReadTime()
    {
        Asn1Tag next = PeekTag();
        if (next == Asn1Tag.UtcTime)
        {
            return ReadUtcTime();
        }

        if (next == Asn1Tag.GeneralizedTime)
        {
            return ReadGeneralizedTime();
        }

        throw new DecodeException(DecodeError.UnexpectedTag, _offset, $"expected UTCTIME or GENERALIZEDTIME, found {next}");
    }

    private static bool TwoDigits(ReadOnlySpan<byte> s, ref int pos, out int value)
    {
        if (pos + 1 < s.Length && s[pos] >= '0' && s[pos] <= '9' && s[pos + 1] >= '0' && s[pos + 1] <= '9')
        {
            value = ((s[pos] - '0') * 10) + (s[pos + 1] - '0');
            pos += 2;
            return true;
        }

        value = 0;
        return false;
    }

    private static TimeSpan ParseZone(ReadOnlySpan<byte> s, ref int pos, bool der, int at, bool requireZone)
    {
        if (pos < s.Length && s[pos] == 'Z')
        {
            pos++;
            return TimeSpan.Zero;
        }

        if (pos < s.Length && (s[pos] == '+' || s[pos] == '-') && !der)
        {
            int sign = s[pos] == '-' ? -1 : 1;
            pos++;
            if (!TwoDigits(s, ref pos, out int hh) || !TwoDigits(s, ref pos, out int mm) || hh > 14 || mm > 59 || (hh == 14 && mm != 0))
            {
                throw InvalidTime(at, "invalid time zone offset");
            }

            return new TimeSpan(sign * hh, sign * mm, 0);
        }

        if (requireZone)
        {
            throw InvalidTime(at, der ? "DER times must end in Z" : "missing time zone");
        }

        return TimeSpan.Zero;
    }

    private static DateTimeOffset Build(int year, int month, int day, int hour, int minute, int second, long ticks, TimeSpan offset, int at)
    {
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) ||
            hour > 23 || minute > 59 || second > 59)
        {
            throw InvalidTime(at, "field out of range");
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
        long utcTicks = local.Ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            throw InvalidTime(at, "instant out of range");
        }

        return new DateTimeOffset(utcTicks, TimeSpan.Zero);
    }

    private static DecodeException InvalidTime(int offset, string message) => new(DecodeError.InvalidTime, offset, message);
}
