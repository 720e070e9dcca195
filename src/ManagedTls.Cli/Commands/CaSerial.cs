using System.Globalization;
using System.Numerics;
using System.Text;

namespace ManagedTls.Cli;

/// <summary>
/// openssl's serial number files (<c>x509 -CAserial</c>, the <c>ca</c> verb's <c>serial</c> and <c>crlnumber</c>): one
/// line of upper-case hex, an even number of digits, read with <c>a2i_ASN1_INTEGER</c> and written by <c>save_serial</c>.
/// </summary>
internal static class CaSerial
{
    /// <summary>
    /// <c>x509_load_serial</c>: reads the serial file (by default the CA file's name with <c>.srl</c> instead of its
    /// extension), or starts from a random serial when it is missing and <paramref name="create"/> is set; adds one,
    /// saves it and returns it.
    /// </summary>
    /// <param name="caFile">The <c>-CA</c> path.</param>
    /// <param name="serialFile">The <c>-CAserial</c> path, or null.</param>
    /// <param name="create">The <c>-CAcreateserial</c> flag.</param>
    /// <returns>The serial for the new certificate.</returns>
    /// <exception cref="CommandException">Missing without <paramref name="create"/>, or unreadable.</exception>
    public static BigInteger Next(string caFile, string? serialFile, bool create)
    {
        if (serialFile is null)
        {
            int dot = caFile.LastIndexOf('.');
            serialFile = (dot >= 0 ? caFile[..dot] : caFile) + ".srl";
        }

        BigInteger serial = File.Exists(serialFile) || !create ? Load(serialFile) : SerialNumbers.Random();
        serial += 1;
        Save(serialFile, serial);
        return serial;
    }

    /// <summary>Reads a serial file.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The number.</returns>
    /// <exception cref="CommandException">Missing or not an even-length hex line.</exception>
    public static BigInteger Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandException($"{path}: No such file or directory");
        }

        string line = text.Split('\n')[0].TrimEnd('\r');
        if (!TryParseHex(line, out BigInteger value))
        {
            throw new CommandException($"Unable to load number from {path}\nshort line");
        }

        return value;
    }

    /// <summary>Writes a serial file as <c>save_serial</c>: the hex and a newline.</summary>
    /// <param name="path">The path.</param>
    /// <param name="serial">The number.</param>
    public static void Save(string path, BigInteger serial)
    {
        try
        {
            File.WriteAllText(path, SerialNumbers.ToHex(serial) + "\n", Encoding.ASCII);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandException($"unable to write serial number file {path}");
        }
    }

    /// <summary><c>a2i_ASN1_INTEGER</c>'s core: pairs of hex digits.</summary>
    /// <param name="line">The text.</param>
    /// <param name="value">The number.</param>
    /// <returns>Whether it parsed.</returns>
    public static bool TryParseHex(string line, out BigInteger value)
    {
        value = BigInteger.Zero;
        if (line.Length == 0 || line.Length % 2 != 0)
        {
            return false;
        }

        foreach (char c in line)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        value = BigInteger.Parse("0" + line, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        return true;
    }
}
