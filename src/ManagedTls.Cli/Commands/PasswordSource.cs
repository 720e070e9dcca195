using System.Text;

namespace ManagedTls.Cli;

/// <summary>
/// openssl's pass phrase arguments (<c>-passin</c>, <c>-passout</c>, <c>-pass</c>): <c>pass:TEXT</c>, <c>env:VAR</c>,
/// <c>file:PATH</c>, <c>fd:N</c> and <c>stdin</c>, resolved as OpenSSL 3.0's <c>app_passwd</c> does.
/// </summary>
/// <remarks>
/// <para>file/fd/stdin sources yield the first line (up to 1023 bytes, the trailing <c>\n</c> removed, a <c>\r</c>
/// kept), as <c>BIO_gets</c> into a 1024-byte buffer. When <c>-passin</c> and <c>-passout</c> name the same source
/// the first line is the input pass phrase and the second the output one, as openssl documents.</para>
/// <para>Pass phrases are octets: openssl hands the bytes it read to the KDF, so do we (a <c>pass:</c> argument is
/// the UTF-8 of the command-line string). There is no interactive prompt: with no source, an encrypted key fails.</para>
/// <para>Failures are <see cref="CommandException"/>s with openssl's first line and its "Error getting passwords".</para>
/// </remarks>
internal static class PasswordSource
{
    private const int MaxLength = 1023; // APP_PASS_LEN - 1
    private const int SourceSizeMax = 5; // PASS_SOURCE_SIZE_MAX

    /// <summary>Resolves the input and output pass phrase arguments (either may be null).</summary>
    /// <param name="passIn">The <c>-passin</c> argument.</param>
    /// <param name="passOut">The <c>-passout</c> argument.</param>
    /// <param name="context">For standard input.</param>
    /// <returns>The pass phrases as octets, null where no argument was given.</returns>
    /// <exception cref="CommandException">A source cannot be read; the message is openssl's.</exception>
    public static (byte[]? In, byte[]? Out) Resolve(string? passIn, string? passOut, CommandContext context)
    {
        bool same = passIn is not null && passIn == passOut;
        LineReader? shared = null;
        try
        {
            byte[]? input = passIn is null ? null : Get(passIn, context, same, ref shared);
            byte[]? output = passOut is null ? null : Get(passOut, context, same, ref shared);
            return (input, output);
        }
        finally
        {
            shared?.Dispose();
        }
    }

    /// <summary>Resolves one pass phrase argument.</summary>
    /// <param name="argument">The argument, or null.</param>
    /// <param name="context">For standard input.</param>
    /// <returns>The pass phrase octets, or null when <paramref name="argument"/> is null.</returns>
    /// <exception cref="CommandException">The source cannot be read.</exception>
    public static byte[]? Resolve(string? argument, CommandContext context) => Resolve(argument, null, context).In;

    private static byte[] Get(string arg, CommandContext context, bool keep, ref LineReader? shared)
    {
        if (arg.StartsWith("pass:", StringComparison.Ordinal))
        {
            return Encoding.UTF8.GetBytes(arg[5..]);
        }

        if (arg.StartsWith("env:", StringComparison.Ordinal))
        {
            string? value = Environment.GetEnvironmentVariable(arg[4..]);
            return value is null ? throw Fail($"No environment variable {arg[4..]}") : Encoding.UTF8.GetBytes(value);
        }

        LineReader reader = shared ?? Open(arg, context);
        try
        {
            return reader.ReadLine() ?? throw Fail("Error reading password from BIO");
        }
        finally
        {
            if (keep)
            {
                shared = reader;
            }
            else
            {
                reader.Dispose();
            }
        }
    }

    private static LineReader Open(string arg, CommandContext context)
    {
        if (arg.StartsWith("file:", StringComparison.Ordinal))
        {
            try
            {
                return new LineReader(File.OpenRead(arg[5..]), ownsStream: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw Fail($"Can't open file {arg[5..]}");
            }
        }

        if (arg.StartsWith("fd:", StringComparison.Ordinal))
        {
            // atoi() semantics: leading digits; Linux exposes descriptors under /proc/self/fd.
            string digits = new(arg[3..].TakeWhile(char.IsAsciiDigit).ToArray());
            try
            {
                int fd = digits.Length == 0 ? 0 : int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
                return new LineReader(File.OpenRead($"/proc/self/fd/{fd}"), ownsStream: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or OverflowException)
            {
                throw Fail($"Can't access file descriptor {arg[3..]}");
            }
        }

        if (arg == "stdin")
        {
            return new LineReader(context.In, ownsStream: false);
        }

        int colon = arg.IndexOf(':', StringComparison.Ordinal);
        throw colon < 0 || colon > SourceSizeMax
            ? Fail($"Invalid password argument, missing ':' within the first {SourceSizeMax} chars")
            : Fail($"Invalid password argument, starting with \"{arg[..(colon + 1)]}\"");
    }

    private static CommandException Fail(string line) => new($"{line}\nError getting passwords");

    /// <summary>Reads lines byte by byte, so a second read continues where the first stopped (no read-ahead).</summary>
    private sealed class LineReader(Stream stream, bool ownsStream) : IDisposable
    {
        public byte[]? ReadLine()
        {
            var line = new List<byte>();
            int b = -1;
            while (line.Count < MaxLength && (b = stream.ReadByte()) >= 0)
            {
                line.Add((byte)b);
                if (b == '\n')
                {
                    break;
                }
            }

            if (line.Count == 0)
            {
                return null;
            }

            int newline = line.IndexOf((byte)'\n');
            return (newline >= 0 ? line.GetRange(0, newline) : line).ToArray();
        }

        public void Dispose()
        {
            if (ownsStream)
            {
                stream.Dispose();
            }
        }
    }
}
