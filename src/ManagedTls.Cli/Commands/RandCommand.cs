using System.Globalization;
using System.Text;
using ManagedTls.OpenSsl;
using ManagedTls.Random;

namespace ManagedTls.Cli;

/// <summary>
/// <c>mtls rand</c>: writes <c>num</c> random bytes from <see cref="SecureRandomSource"/>, raw, hex or base64, as
/// OpenSSL 3.0's <c>openssl rand</c> does (same flags, help layout, number syntax and error wording).
/// </summary>
/// <remarks>
/// <c>-engine</c> and the <c>-provider*</c> options are not offered: ManagedTls has no engines or providers to load.
/// Size suffixes (<c>1k</c>, <c>2m</c>) are rejected, as in OpenSSL 3.0 (they arrived in 3.1).
/// </remarks>
internal sealed class RandCommand : ICommand
{
    private const int Chunk = 48 * 64; // whole base64 lines per chunk

    public string Name => "rand";

    public string Summary => "Generate random bytes";

    public int Run(ReadOnlySpan<string> args, CommandContext context)
    {
        string? outFile = null;
        string? randFiles = null;
        string? writeRand = null;
        var format = OutputFormat.Binary;
        var options = new OptionSet(Name, "num")
            .Section("General")
            .Section("Output")
            .Value("out", "outfile", "Output file", v => outFile = v)
            .Flag("base64", "Base64 encode output", () => format = OutputFormat.Base64)
            .Flag("hex", "Hex encode output", () => format = OutputFormat.Hex)
            .Section("Random state")
            .Value("rand", "val", "Load the given file(s) into the random number generator", v => randFiles = v)
            .Value("writerand", "outfile", "Write random data to the specified file", v => writeRand = v);
        options.Parse(args, context.Error);
        if (options.HelpRequested)
        {
            // OptionSet has no "Parameters:" section; append it in opt_help's layout (width 19 set by -writerand outfile).
            context.Error.Write("\nParameters:\n" + " num".PadRight(19) + "  Number of bytes to generate\n");
            return 0;
        }

        long num = -1; // no argument: write nothing (and, for -hex, just the newline), as openssl does
        if (options.Positionals.Count == 1)
        {
            num = ParseInt(options.Positionals[0]);
        }

        // More than one argument, or a number below 1: openssl jumps to opthelp without a message of its own.
        if (options.Positionals.Count > 1 || num <= 0 && options.Positionals.Count == 1)
        {
            context.Error.WriteLine($"{Name}: Use -help for summary.");
            return 1;
        }

        if (randFiles is not null && !LoadRandFiles(randFiles, context.Error))
        {
            return 1;
        }

        using (Stream output = context.OpenOutput(outFile))
        {
            Write(output, num, format);
        }

        if (writeRand is not null && Rand.WriteFile(writeRand) <= 0)
        {
            context.Error.WriteLine("Cannot write random bytes:");
            context.Error.WriteLine($"error:12000079:random number generator:RAND_write_file:Cannot open file:Filename={writeRand}");
            return 1;
        }

        return 0;
    }

    /// <summary>
    /// Parses <c>num</c> as OpenSSL's <c>opt_int</c> does: <c>strtol(value, &amp;end, 0)</c> (leading blanks, a sign,
    /// <c>0x</c> hex and <c>0</c> octal), the whole string consumed, then a range check against <c>int</c>.
    /// </summary>
    /// <param name="value">The argument.</param>
    /// <returns>The value; the caller rejects zero and negatives (reachable after <c>--</c>).</returns>
    /// <exception cref="UsageException">Not a number, or outside the int range, worded as openssl words it.</exception>
    internal static int ParseInt(string value)
    {
        if (!TryStrtol(value, out long result))
        {
            string kind = value.StartsWith("0x", StringComparison.Ordinal) || value.StartsWith("0X", StringComparison.Ordinal) ? "a hexadecimal"
                : value.StartsWith('0') ? "an octal"
                : "a number";
            throw new UsageException(kind == "a number" ? $"Can't parse \"{value}\" as a number" : $"Can't parse \"{value}\" as {kind} number");
        }

        if (result is < int.MinValue or > int.MaxValue)
        {
            throw new UsageException($"Value \"{value}\" outside integer range");
        }

        return (int)result;
    }

    private static bool TryStrtol(string s, out long result)
    {
        result = 0;
        int i = 0;
        while (i < s.Length && s[i] is ' ' or '\t' or '\n' or '\v' or '\f' or '\r')
        {
            i++;
        }

        bool negative = false;
        if (i < s.Length && s[i] is '+' or '-')
        {
            negative = s[i] == '-';
            i++;
        }

        int radix = 10;
        if (i + 1 < s.Length && s[i] == '0' && s[i + 1] is 'x' or 'X' && i + 2 < s.Length && Uri.IsHexDigit(s[i + 2]))
        {
            radix = 16;
            i += 2;
        }
        else if (i < s.Length && s[i] == '0')
        {
            radix = 8;
        }

        int start = i;
        ulong magnitude = 0;
        bool overflow = false;
        for (; i < s.Length; i++)
        {
            int digit = s[i] switch
            {
                >= '0' and <= '9' => s[i] - '0',
                >= 'a' and <= 'f' => s[i] - 'a' + 10,
                >= 'A' and <= 'F' => s[i] - 'A' + 10,
                _ => 99,
            };
            if (digit >= radix)
            {
                break;
            }

            // Keep magnitude <= 2^63 (|long.MinValue|) without ever wrapping: checking after the multiply missed
            // values that wrapped past 2^64 (18446744073709551620 read as 4).
            const ulong Limit = (ulong)long.MaxValue + 1;
            if (overflow || magnitude > (Limit - (ulong)digit) / (ulong)radix)
            {
                overflow = true;
                continue;
            }

            magnitude = (magnitude * (ulong)radix) + (ulong)digit;
        }

        if (i == start || i != s.Length || overflow || (!negative && magnitude > long.MaxValue))
        {
            return false; // nothing parsed, trailing characters, or ERANGE (the same message in all three cases)
        }

        result = negative ? (long)(0 - magnitude) : (long)magnitude;
        return true;
    }

    private static bool LoadRandFiles(string list, TextWriter error)
    {
        // app_RAND_load: names separated by ':' (';' on Windows); a trailing separator ends the list.
        char separator = OperatingSystem.IsWindows() ? ';' : ':';
        bool ok = true;
        string[] names = list.Split(separator);
        int count = names.Length > 1 && names[^1].Length == 0 ? names.Length - 1 : names.Length;
        for (int i = 0; i < count; i++)
        {
            string name = names[i];
            if (!File.Exists(name))
            {
                // RAND_load_file in OpenSSL 3.0 fails on a missing file (Rand.LoadFile keeps 1.0.2's "0 bytes").
                error.WriteLine($"Can't load {name} into RNG");
                error.WriteLine($"error:12000079:random number generator:RAND_load_file:Cannot open file:Filename={name}");
                ok = false;
                continue;
            }

            Rand.LoadFile(name);
        }

        return ok;
    }

    private static void Write(Stream output, long num, OutputFormat format)
    {
        byte[] buffer = new byte[Chunk];
        var text = new StringBuilder();
        for (long remaining = num; remaining > 0;)
        {
            int n = (int)Math.Min(buffer.Length, remaining);
            Span<byte> chunk = buffer.AsSpan(0, n);
            SecureRandomSource.Fill(chunk);
            remaining -= n;
            switch (format)
            {
                case OutputFormat.Binary:
                    output.Write(chunk);
                    break;
                case OutputFormat.Hex:
                    WriteText(output, Convert.ToHexStringLower(chunk));
                    break;
                default:
                    text.Clear();
                    for (int line = 0; line < n; line += 48)
                    {
                        text.Append(Convert.ToBase64String(chunk.Slice(line, Math.Min(48, n - line)))).Append('\n');
                    }

                    WriteText(output, text.ToString());
                    break;
            }
        }

        if (format == OutputFormat.Hex)
        {
            WriteText(output, "\n");
        }

        Array.Clear(buffer);
    }

    private static void WriteText(Stream output, string text) => output.Write(Encoding.ASCII.GetBytes(text));

    private enum OutputFormat
    {
        Binary,
        Hex,
        Base64,
    }
}
