using System.Globalization;
using System.Numerics;

namespace ManagedTls.Cli;

/// <summary>
/// Serial numbers as the X.509 verbs read and write them: <c>s2i_ASN1_INTEGER</c> for <c>-set_serial</c> (decimal,
/// or hex after <c>0x</c>, optionally negative), openssl's serial files (one hex line) and its random serials.
/// </summary>
internal static class SerialNumbers
{
    /// <summary>Parses a <c>-set_serial</c> value as <c>s2i_ASN1_INTEGER</c>.</summary>
    /// <param name="value">The text.</param>
    /// <param name="verb">The verb, for the failure message.</param>
    /// <returns>The serial.</returns>
    /// <exception cref="CommandException">Not a number (openssl's usage pointer and its reason).</exception>
    public static BigInteger Parse(string value, string verb) =>
        TryParse(value, out BigInteger serial) ? serial : throw new CommandException($"{verb}: Use -help for summary.\nbn dec2bn error");

    /// <summary>Parses as <c>s2i_ASN1_INTEGER</c> without throwing.</summary>
    /// <param name="value">The text.</param>
    /// <param name="serial">The number.</param>
    /// <returns>Whether it parsed.</returns>
    public static bool TryParse(string value, out BigInteger serial)
    {
        serial = BigInteger.Zero;
        bool negative = value.StartsWith('-');
        string digits = negative ? value[1..] : value;
        bool hex = digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        if (hex)
        {
            digits = digits[2..];
        }

        if (digits.Length == 0)
        {
            return false;
        }

        foreach (char c in digits)
        {
            if (hex ? !char.IsAsciiHexDigit(c) : !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        serial = hex
            ? BigInteger.Parse("0" + digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)
            : BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        serial = negative ? -serial : serial;
        return true;
    }

    /// <summary>A fresh random serial as openssl's <c>rand_serial</c>: 159 random bits (positive, below 2^159).</summary>
    /// <returns>The serial.</returns>
    public static BigInteger Random()
    {
        byte[] bytes = ManagedTls.Random.SecureRandomSource.GetBytes(20);
        bytes[0] &= 0x7F;
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }

    /// <summary>A serial as openssl writes serial files and index.txt: upper-case hex, an even number of digits ("00" for zero).</summary>
    /// <param name="serial">The serial (non-negative).</param>
    /// <returns>The hex.</returns>
    public static string ToHex(BigInteger serial)
    {
        if (serial.IsZero)
        {
            return "00";
        }

        string hex = Convert.ToHexString(BigInteger.Abs(serial).ToByteArray(isUnsigned: true, isBigEndian: true));
        return serial.Sign < 0 ? "-" + hex : hex;
    }
}
