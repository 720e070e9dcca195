namespace ManagedTls.X509.Configuration;

/// <summary>One <c>name[:value]</c> item of an OpenSSL value list or a configuration section entry.</summary>
internal readonly record struct ConfValue(string Name, string? Value)
{
    /// <summary><c>X509V3_parse_list</c>: comma-separated <c>name</c> or <c>name:value</c> items, spaces stripped.</summary>
    public static List<ConfValue> ParseList(string line)
    {
        var values = new List<ConfValue>();
        bool inValue = false;
        string? name = null;
        int start = 0;
        int end = line.IndexOfAny(['\r', '\n']);
        if (end < 0)
        {
            end = line.Length;
        }

        for (int i = 0; i < end; i++)
        {
            char c = line[i];
            if (!inValue)
            {
                if (c == ':')
                {
                    inValue = true;
                    name = Strip(line[start..i]) ?? throw Failure.Make("invalid empty name", "X509V3_parse_list", string.Empty);
                    start = i + 1;
                }
                else if (c == ',')
                {
                    string item = Strip(line[start..i]) ?? throw Failure.Make("invalid empty name", "X509V3_parse_list", string.Empty);
                    values.Add(new ConfValue(item, null));
                    start = i + 1;
                }
            }
            else if (c == ',')
            {
                inValue = false;
                string value = Strip(line[start..i]) ?? throw Failure.Make("invalid null value", "X509V3_parse_list", string.Empty);
                values.Add(new ConfValue(name!, value));
                start = i + 1;
            }
        }

        if (inValue)
        {
            string value = Strip(line[start..end]) ?? throw Failure.Make("invalid null value", "X509V3_parse_list", string.Empty);
            values.Add(new ConfValue(name!, value));
        }
        else
        {
            string item = Strip(line[start..end]) ?? throw Failure.Make("invalid empty name", "X509V3_parse_list", string.Empty);
            values.Add(new ConfValue(item, null));
        }

        return values;
    }

    /// <summary><c>ossl_v3_name_cmp</c>: <paramref name="name"/> is <paramref name="expected"/>, optionally followed by <c>.suffix</c>.</summary>
    public static bool NameIs(string name, string expected) =>
        name.StartsWith(expected, StringComparison.Ordinal) && (name.Length == expected.Length || name[expected.Length] == '.');

    private static string? Strip(string text)
    {
        string trimmed = text.Trim(' ', '\t', '\n', '\v', '\f', '\r');
        return trimmed.Length == 0 ? null : trimmed;
    }
}

/// <summary>A rejection raised deep in a handler; <see cref="X509ExtensionConfig"/> adds the name and value.</summary>
internal sealed class Failure : Exception
{
    private Failure(List<string> reasons, string function, string detail)
        : base(reasons[0])
    {
        Reasons = reasons;
        Function = function;
        Detail = detail;
    }

    public List<string> Reasons { get; }

    public string Function { get; }

    public string Detail { get; }

    public static Failure Make(string reason, string function, string detail) => new([reason], function, detail);

    /// <summary>Adds an outer reason OpenSSL prints after the first (e.g. <c>invalid extension string</c>).</summary>
    public Failure Then(string reason)
    {
        Reasons.Add(reason);
        return this;
    }
}
