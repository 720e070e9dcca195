using System.Globalization;
using System.Text;
using ManagedTls.Cli.Commands.Asn1Parse;
using ManagedTls.Pem;

namespace ManagedTls.Cli;

/// <summary>
/// <c>mtls asn1parse</c>: dumps the BER/DER structure of a file exactly as <c>openssl asn1parse</c> (OpenSSL 3.0)
/// prints it, including <c>-i</c>, <c>-strparse</c>, <c>-offset</c>/<c>-length</c>, <c>-dump</c>/<c>-dlimit</c>,
/// <c>-noout</c> and <c>-out</c>.
/// </summary>
internal sealed class Asn1ParseCommand : ICommand
{
    public string Name => "asn1parse";

    public string Summary => "Parse an ASN.1 sequence";

    public int Run(ReadOnlySpan<string> args, CommandContext context)
    {
        string? inFile = null;
        string? outFile = null;
        bool der = false;
        bool noout = false;
        bool indent = false;
        bool strictPem = false;
        int offset = 0;
        int length = 0;
        int dump = 0;
        var strparse = new List<(int Value, string Text)>();
        string? unsupported = null;
        string? oidFile = null;
        var options = new OptionSet(Name)
            .Section("General")
            .Value("oid", "infile", "file of extra oid definitions", v => oidFile = v)
            .Section("I/O")
            .Value("inform", "PEM|DER", "input format - one of DER PEM", v => der = ParseFormat(v))
            .Value("in", "infile", "input file", v => inFile = v)
            .Value("out", "outfile", "output file (output format is always DER)", v => outFile = v)
            .Flag("noout", "do not produce any output", () => noout = true)
            .Value("offset", "+int", "offset into file", v => offset = ParseNumber("offset", v))
            .Value("length", "+int", "length of section in file", v => length = ParseNumber("length", v))
            .Value("strparse", "+int", "offset; a series of these can be used to 'dig'", v => strparse.Add((ParseNumber("strparse", v), v)))
            .More("into multiple ASN1 blob wrappings")
            .Value("genstr", "val", "string to generate ASN1 structure from", _ => unsupported ??= "-genstr")
            .Value("genconf", "val", "file to generate ASN1 structure from", _ => unsupported ??= "-genconf")
            .Flag("strictpem", "do not attempt base64 decode outside PEM markers", () => strictPem = true)
            .Value("item", "val", "item to parse and print", _ => unsupported ??= "-item")
            .More("(-inform  will be ignored)")
            .Section("Formatting")
            .Flag("i", "indents the output", () => indent = true)
            .Flag("dump", "unknown data in hex form", () => dump = -1)
            .Value("dlimit", "+int", "dump the first arg bytes of unknown data in hex form", v => dump = ParseNumber("dlimit", v));
        options.Parse(args, context.Error);
        if (options.HelpRequested)
        {
            return 0;
        }

        if (options.Positionals.Count > 0)
        {
            throw new CommandException($"{Name}: Use -help for summary."); // openssl prints only this line for extra arguments
        }

        if (unsupported is not null)
        {
            throw new CommandException($"asn1parse: {unsupported} is not supported by mtls yet");
        }

        ExtraOids? extraOids = oidFile is null ? null : ExtraOids.Parse(context.ReadInput(oidFile));
        byte[] raw = context.ReadInput(inFile);
        byte[] data = der ? raw : strictPem ? StrictPem(raw) : OpenSslBase64Reader.Decode(raw);
        ReadOnlySpan<byte> buffer = data;
        foreach ((int j, string arg) in strparse)
        {
            if (j >= buffer.Length)
            {
                context.Error.WriteLine($"'{arg}' is out of range");
                continue;
            }

            if (!StrParse.TryDecode(buffer[j..], out int type, out byte[] value))
            {
                context.Error.WriteLine("Error parsing structure");
                return 1;
            }

            if (type is 6 or 1 or 5)
            {
                context.Error.WriteLine($"Can't parse {Asn1Printer.TagName(type)} type");
                return 1;
            }

            buffer = value;
        }

        if (offset >= buffer.Length)
        {
            context.Error.WriteLine("Error: offset out of range");
            return 1;
        }

        int num = buffer.Length - offset;
        if (length == 0 || length > num)
        {
            length = num;
        }

        ReadOnlySpan<byte> section = buffer.Slice(offset, length);
        if (outFile is not null)
        {
            using Stream derOut = context.OpenOutput(outFile);
            derOut.Write(section);
        }

        if (noout)
        {
            return 0;
        }

        var text = new MemoryStream();
        var printer = new Asn1Printer(text, indent, dump, extraOids);
        bool ok = printer.Print(section);
        context.Out.Flush();
        context.OutStream.Write(text.GetBuffer(), 0, (int)text.Length);
        if (!ok)
        {
            if (printer.ErrorText is not null)
            {
                context.Error.WriteLine($"asn1parse:error:{printer.ErrorText}");
            }

            return 1;
        }

        return 0;
    }

    /// <summary>openssl's <c>opt_format</c> with OPT_FMT_PEMDER: D... is DER, P/PEM/pem is PEM.</summary>
    private static bool ParseFormat(string value)
    {
        if (value.Length > 0 && value[0] is 'D' or 'd')
        {
            return true;
        }

        if (value is "P" or "p" or "PEM" or "pem")
        {
            return false;
        }

        bool otherKnownFormat = value.Length > 0 && value[0] is 'E' or 'e' or 'M' or 'm' or 'N' or 'n' or 'S' or 's' or 'H' or 'h'
            || value is "PVK" or "pvk" or "P12" or "p12" or "PKCS12" or "pkcs12";
        string reason = otherKnownFormat ? $"Bad format \"{value}\"; must be pem or der" : $"Bad format \"{value}\"";
        throw new UsageException($"{reason}\nasn1parse: Invalid format \"{value}\" for option -inform");
    }

    /// <summary>
    /// openssl's <c>opt_int</c> plus the '+' check: strtol base 0 (0x.. hex, 0.. octal, optional sign and leading
    /// white space), within int range, and positive.
    /// </summary>
    private static int ParseNumber(string option, string value)
    {
        ReadOnlySpan<char> text = value.AsSpan().TrimStart(" \t\n\v\f\r");
        bool negative = false;
        if (text.Length > 0 && text[0] is '+' or '-')
        {
            negative = text[0] == '-';
            text = text[1..];
        }

        int radix = 10;
        if (text.Length > 2 && text[0] == '0' && text[1] is 'x' or 'X')
        {
            radix = 16;
            text = text[2..];
        }
        else if (text.Length > 1 && text[0] == '0')
        {
            radix = 8;
            text = text[1..];
        }

        if (text.IsEmpty)
        {
            throw NumberError(value);
        }

        System.Numerics.BigInteger n = 0;
        foreach (char c in text)
        {
            int digit = c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'f' ? c - 'a' + 10 : c is >= 'A' and <= 'F' ? c - 'A' + 10 : 99;
            if (digit >= radix)
            {
                throw NumberError(value);
            }

            n = (n * radix) + digit;
        }

        if (negative)
        {
            n = -n;
        }

        if (n > long.MaxValue || n < long.MinValue)
        {
            throw NumberError(value);
        }

        if (n > int.MaxValue || n < int.MinValue)
        {
            throw new UsageException($"Value \"{value}\" outside integer range");
        }

        if (n <= 0)
        {
            throw new UsageException($"Non-positive number \"{value}\" for option -{option}");
        }

        return (int)n;
    }

    private static UsageException NumberError(string value)
    {
        string kind = value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? "a hexadecimal" : value.StartsWith('0') ? "an octal" : "a";
        return new UsageException($"Can't parse \"{value}\" as {kind} number");
    }

    /// <summary><c>-strictpem</c>: the first PEM block through the shared codec, with openssl's error lines on failure.</summary>
    private static byte[] StrictPem(byte[] raw)
    {
        try
        {
            if (PemReader.TryFind(raw, out PemBlock? block))
            {
                return block.Data.ToArray();
            }
        }
        catch (PemException e)
        {
            string reason = e.Reason switch
            {
                PemError.MissingEndLine or PemError.MismatchedEndLabel => "04800066:PEM routines:get_header_and_data:bad end line",
                PemError.InvalidHeader or PemError.HeaderLimitExceeded => "04800070:PEM routines:get_header_and_data:bad header",
                _ => "04800064:PEM routines:PEM_read_bio_ex:bad base64 decode",
            };
            throw new CommandException($"Error reading PEM file\nasn1parse: error:{reason}");
        }

        throw new CommandException("Error reading PEM file\nasn1parse: error:0480006C:PEM routines:get_name:no start line");
    }
}
