using System.Text;

namespace ManagedTls.X509.Configuration;

/// <summary>
/// The line loop of OpenSSL 3.0's <c>def_load_bio</c> (crypto/conf/conf_def.c) over the "default" character classes:
/// comments, quotes, escapes, continuation, sections, pragmas, includes and <c>str_copy</c> expansion.
/// </summary>
internal sealed class OpenSslConfigParser
{
    private const int MaxValueLength = 65536; // MAX_CONF_VALUE_LENGTH
    private const int MaxIncludeDepth = 64;
    private const string Source = "../crypto/conf/conf_def.c";

    private readonly string? _fileName;
    private readonly OpenSslConfig _config = new();
    private readonly Stack<Queue<string>> _sources = new();
    private string _section = OpenSslConfig.DefaultSection;
    private int _line;
    private bool _dollarId;
    private bool _absPath;
    private string? _includeDir;

    public OpenSslConfigParser(string? fileName) => _fileName = fileName;

    public OpenSslConfig Run(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        _sources.Push(SplitLines(text));
        var logical = new StringBuilder();
        while (NextPhysical(out string? physical, out bool eof))
        {
            logical.Append(physical);
            bool continued = logical.Length >= 1 && logical[^1] == '\\' && (logical.Length <= 1 || logical[^2] != '\\');
            if (continued && !eof)
            {
                logical.Length--;
                continue;
            }

            if (continued)
            {
                // OpenSSL reads once more at end of input and counts an extra (empty) line.
                logical.Length--;
                _line++;
            }

            string line = logical.ToString();
            logical.Clear();
            ProcessLine(line);
        }

        return _config;
    }

    private static Queue<string> SplitLines(string text)
    {
        var lines = new Queue<string>();
        int start = 0;
        while (start < text.Length)
        {
            int newline = text.IndexOf('\n', start);
            int end = newline < 0 ? text.Length : newline;
            lines.Enqueue(text[start..end].TrimEnd('\r', '\n'));
            start = end + 1;
        }

        return lines;
    }

    /// <summary>Reads the next physical line from the innermost source, returning to outer sources at their end.</summary>
    private bool NextPhysical(out string? line, out bool eof)
    {
        while (_sources.Count > 0)
        {
            Queue<string> current = _sources.Peek();
            if (current.Count > 0)
            {
                line = current.Dequeue();
                _line++;
                eof = current.Count == 0;
                return true;
            }

            _sources.Pop();
        }

        line = null;
        eof = true;
        return false;
    }

    private void ProcessLine(string raw)
    {
        string buf = ClearComments(raw);
        int s = EatWs(buf, 0);
        if (s >= buf.Length)
        {
            return;
        }

        if (buf[s] == '[')
        {
            ProcessSection(buf, s + 1);
            return;
        }

        int pname = s;
        int end = EatAlphaNumeric(buf, s);
        string psection = _section;
        if (end + 1 < buf.Length && buf[end] == ':' && buf[end + 1] == ':')
        {
            psection = buf[pname..end];
            pname = end + 2;
            end = EatAlphaNumeric(buf, pname);
        }

        int p = EatWs(buf, end);
        if (IsDirective(buf, pname, p, ".pragma"))
        {
            ProcessPragma(buf, p);
            return;
        }

        if (IsDirective(buf, pname, p, ".include"))
        {
            ProcessInclude(buf, p, psection);
            return;
        }

        if (p >= buf.Length || buf[p] != '=')
        {
            throw Error("missing equal sign", 101, "def_load_bio", "529", "HERE-->" + buf[p..]);
        }

        string name = buf[pname..end];
        int start = EatWs(buf, p + 1);
        string value = StrCopy(psection, TrimWs(buf[start..]));
        _config.Add(psection, name, value);
    }

    private static bool IsDirective(string buf, int pname, int p, string directive) =>
        string.CompareOrdinal(buf, pname, directive, 0, directive.Length) == 0
        && pname + directive.Length <= buf.Length
        && (p != pname + directive.Length || (p < buf.Length && buf[p] == '='));

    private void ProcessSection(string buf, int s)
    {
        int start = EatWs(buf, s);
        int ss = start;
        int end;
        while (true)
        {
            end = EatAlphaNumeric(buf, ss);
            int p = EatWs(buf, end);
            if (p < buf.Length && buf[p] == ']')
            {
                break;
            }

            if (p < buf.Length && ss != p)
            {
                ss = p;
                continue;
            }

            throw Error("missing close square bracket", 100, "def_load_bio", "368", string.Empty);
        }

        _section = StrCopy(null, buf[start..end]);
        _config.EnsureSection(_section);
    }

    private void ProcessPragma(string buf, int p)
    {
        if (p < buf.Length && buf[p] == '=')
        {
            p = EatWs(buf, p + 1);
        }

        string rest = TrimWs(buf[p..]);
        int colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == rest.Length - 1)
        {
            throw Error("invalid pragma", 122, "def_load_bio", "407", string.Empty);
        }

        string keyword = TrimWs(rest[..colon]);
        string value = rest[(EatWs(rest, colon + 1))..];
        switch (keyword)
        {
            case "dollarid":
                _dollarId = ParseBool(value);
                break;
            case "abspath":
                _absPath = ParseBool(value);
                break;
            case "includedir":
                _includeDir = value;
                break;
            default:
                break; // OpenSSL ignores unknown pragmas.
        }
    }

    private bool ParseBool(string value)
    {
        if (value.Equals("on", StringComparison.OrdinalIgnoreCase) || value.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (value.Equals("off", StringComparison.OrdinalIgnoreCase) || value.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        throw Error("invalid pragma", 122, "parsebool", "201", string.Empty);
    }

    private void ProcessInclude(string buf, int p, string psection)
    {
        if (p < buf.Length && buf[p] == '=')
        {
            p = EatWs(buf, p + 1);
        }

        string include = StrCopy(psection, TrimWs(buf[p..]));
        string? includeDir = Environment.GetEnvironmentVariable("OPENSSL_CONF_INCLUDE") ?? _includeDir;
        if (includeDir is not null && !Path.IsPathRooted(include))
        {
            include = includeDir.EndsWith('/') ? includeDir + include : includeDir + "/" + include;
        }

        if (_absPath && !Path.IsPathRooted(include))
        {
            throw Error("relative path", 125, "def_load_bio", "493", string.Empty);
        }

        if (_sources.Count >= MaxIncludeDepth)
        {
            throw Error("include nesting too deep", 0, "def_load_bio", "0", include);
        }

        var lines = new List<string>();
        if (Directory.Exists(include))
        {
            string[] files = Directory.GetFiles(include);
            Array.Sort(files, StringComparer.Ordinal);
            foreach (string file in files)
            {
                if (file.EndsWith(".cnf", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".conf", StringComparison.OrdinalIgnoreCase))
                {
                    AddFileLines(file, lines);
                }
            }
        }
        else if (File.Exists(include))
        {
            AddFileLines(include, lines);
        }

        // A missing include is not an error in OpenSSL 3.0.
        if (lines.Count > 0)
        {
            _sources.Push(new Queue<string>(lines));
        }
    }

    private static void AddFileLines(string file, List<string> lines)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return; // OpenSSL skips files it cannot open.
        }

        lines.AddRange(SplitLines(text));
    }

    /// <summary>OpenSSL's <c>str_copy</c>: quotes, escapes and variable expansion.</summary>
    private string StrCopy(string? section, string from)
    {
        var output = new StringBuilder(from.Length);
        long bufferLength = from.Length + 1;
        int i = 0;
        while (i < from.Length)
        {
            char c = from[i];
            if (IsQuote(c))
            {
                i++;
                while (i < from.Length && from[i] != c)
                {
                    if (from[i] == '\\')
                    {
                        i++;
                        if (i >= from.Length)
                        {
                            break;
                        }
                    }

                    output.Append(from[i++]);
                }

                if (i < from.Length && from[i] == c)
                {
                    i++;
                }
            }
            else if (c == '\\')
            {
                i++;
                if (i >= from.Length)
                {
                    break;
                }

                char v = from[i++];
                output.Append(v switch { 'r' => '\r', 'n' => '\n', 'b' => '\b', 't' => '\t', _ => v });
            }
            else if (c == '$' && (!_dollarId || (i + 1 < from.Length && from[i + 1] is '{' or '(')))
            {
                i = Expand(section, from, i, output, ref bufferLength);
            }
            else
            {
                output.Append(c);
                i++;
            }
        }

        return output.ToString();
    }

    private int Expand(string? section, string from, int dollar, StringBuilder output, ref long bufferLength)
    {
        int s = dollar + 1;
        char close = s < from.Length ? from[s] switch { '{' => '}', '(' => ')', _ => '\0' } : '\0';
        if (close != '\0')
        {
            s++;
        }

        string? lookupSection = section;
        int e = s;
        while (e < from.Length && IsVariableChar(from[e]))
        {
            e++;
        }

        int nameStart = s;
        if (e + 1 < from.Length && from[e] == ':' && from[e + 1] == ':')
        {
            lookupSection = from[s..e];
            e += 2;
            nameStart = e;
            while (e < from.Length && IsVariableChar(from[e]))
            {
                e++;
            }
        }

        string name = from[nameStart..e];
        if (close != '\0')
        {
            if (e >= from.Length || from[e] != close)
            {
                throw Error("no close brace", 102, "str_copy", "747", string.Empty);
            }

            e++;
        }

        string value = _config.GetValue(lookupSection, name)
            ?? throw Error("variable has no value", 104, "str_copy", "767", string.Empty);
        long newSize = value.Length + bufferLength - (e - dollar);
        if (newSize > MaxValueLength)
        {
            throw Error("variable expansion too long", 116, "str_copy", "772", string.Empty);
        }

        bufferLength = newSize;
        output.Append(value);
        return e;
    }

    private bool IsVariableChar(char c) => IsAlnum(c) || (_dollarId && c == '$');

    private static string ClearComments(string p)
    {
        int i = EatWs(p, 0);
        while (i < p.Length)
        {
            char c = p[i];
            if (c == '#')
            {
                return p[..i];
            }

            if (IsQuote(c))
            {
                i = ScanQuote(p, i);
            }
            else if (c == '\\')
            {
                i = ScanEscape(p, i);
            }
            else
            {
                i++;
            }
        }

        return p;
    }

    private static int ScanQuote(string p, int i)
    {
        char q = p[i++];
        while (i < p.Length && p[i] != q)
        {
            if (p[i] == '\\')
            {
                i++;
                if (i >= p.Length)
                {
                    return i;
                }
            }

            i++;
        }

        return i < p.Length ? i + 1 : i;
    }

    private static int ScanEscape(string p, int i) => i + 1 >= p.Length ? i + 1 : i + 2;

    private int EatAlphaNumeric(string p, int i)
    {
        while (i < p.Length)
        {
            char c = p[i];
            if (c == '\\')
            {
                i = ScanEscape(p, i);
                continue;
            }

            if (!(IsAlnum(c) || IsPunctuation(c) || (_dollarId && c == '$')))
            {
                return i;
            }

            i++;
        }

        return Math.Min(i, p.Length);
    }

    private static int EatWs(string p, int i)
    {
        while (i < p.Length && IsWs(p[i]))
        {
            i++;
        }

        return i;
    }

    private static string TrimWs(string p)
    {
        int end = p.Length;
        while (end > 0 && IsWs(p[end - 1]))
        {
            end--;
        }

        return p[..end];
    }

    private static bool IsWs(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static bool IsQuote(char c) => c is '\'' or '"' or '`';

    private static bool IsAlnum(char c) => c is (>= '0' and <= '9') or (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or '_';

    private static bool IsPunctuation(char c) => c is '!' or '.' or '%' or '&' or '*' or '+' or ',' or '/' or ';' or '?' or '@' or '^' or '~' or '|' or '-';

    private OpenSslConfigException Error(string reason, int code, string function, string sourceLine, string data) =>
        new(reason, code, function, _line, data, _fileName, $"{Source}:{sourceLine}");
}
