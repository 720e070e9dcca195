using System.Text;
using ManagedTls.Asn1;

namespace ManagedTls.Cli.Commands.Asn1Parse;

/// <summary>
/// <c>-oid file</c>: extra objects for this run, read as OpenSSL's <c>OBJ_create_objects</c> reads them. Each line
/// is <c>dotted [shortName [long name...]]</c>; reading stops quietly at the first line that does not start with a
/// letter or digit, or whose object cannot be created (bad OID, OID or name already known).
/// </summary>
internal sealed class ExtraOids
{
    private readonly List<(byte[] Content, string ShortName, string? LongName)> _entries = [];

    /// <summary>Parses the file contents.</summary>
    public static ExtraOids Parse(byte[] file)
    {
        var extra = new ExtraOids();
        foreach (string rawLine in Lines(file))
        {
            string line = rawLine;
            if (line.Length == 0 || !char.IsAsciiLetterOrDigit(line[0]))
            {
                break;
            }

            int s = 0;
            while (s < line.Length && (char.IsAsciiDigit(line[s]) || line[s] == '.'))
            {
                s++;
            }

            string oid = line[..s];
            string? shortName = null;
            string? longName = null;
            if (s < line.Length)
            {
                string rest = line[(s + 1)..].TrimStart(' ', '\t', '\n', '\v', '\f', '\r');
                int space = rest.IndexOfAny([' ', '\t', '\n', '\v', '\f', '\r']);
                shortName = rest.Length == 0 ? null : space < 0 ? rest : rest[..space];
                string tail = space < 0 ? string.Empty : rest[(space + 1)..].TrimStart(' ', '\t', '\n', '\v', '\f', '\r');
                longName = tail.Length == 0 ? null : tail;
            }

            if (oid.Length == 0 || !extra.TryAdd(oid, shortName, longName))
            {
                break;
            }
        }

        return extra;
    }

    /// <summary>The name OBJ_obj2txt would print for an added object (long name, else short name), or null.</summary>
    public string? Find(ReadOnlySpan<byte> content)
    {
        foreach (var (c, sn, ln) in _entries)
        {
            if (content.SequenceEqual(c))
            {
                return ln ?? sn;
            }
        }

        return null;
    }

    private bool TryAdd(string oid, string? shortName, string? longName)
    {
        if ((shortName is not null && (OidRegistry.TryGetByShortName(shortName, out _) || _entries.Exists(e => e.ShortName == shortName)))
            || (longName is not null && (OidRegistry.TryGetByLongName(longName, out _) || _entries.Exists(e => e.LongName == longName))))
        {
            return false; // OBJ_R_OID_EXISTS
        }

        byte[] content;
        try
        {
            content = ObjectIdentifier.Encode(oid);
        }
        catch (FormatException)
        {
            return false;
        }

        if (OidRegistry.TryGetByEncoded(content, out _) || Find(content) is not null || shortName is null)
        {
            return false;
        }

        _entries.Add((content, shortName, longName));
        return true;
    }

    // BIO_gets with a 512-byte buffer: lines of up to 511 characters; the last character read is dropped.
    private static IEnumerable<string> Lines(byte[] file)
    {
        string text = Encoding.Latin1.GetString(file);
        int pos = 0;
        while (pos < text.Length)
        {
            int nl = text.IndexOf('\n', pos);
            int end = nl < 0 ? text.Length : nl + 1;
            if (end - pos > 511)
            {
                end = pos + 511;
            }

            yield return text[pos..(end - 1)];
            pos = end;
        }
    }
}
