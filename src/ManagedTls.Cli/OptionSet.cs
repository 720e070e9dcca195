using System.Globalization;
using System.Text;

namespace ManagedTls.Cli;

/// <summary>
/// openssl-style flags (<c>-in file</c>, <c>-noout</c>), parsed and documented the way OpenSSL 3.0's
/// <c>opt_help</c> lays them out, so <c>mtls VERB -help</c> reads like <c>openssl VERB -help</c>.
/// </summary>
/// <remarks>
/// Declare options in the order openssl's help lists them; <see cref="Section"/> starts a help heading.
/// Unknown flags raise <see cref="UsageException"/> with openssl's wording.
/// </remarks>
public sealed class OptionSet
{
    private const int MaxHelpWidth = 30; // OpenSSL's MAX_OPT_HELP_WIDTH

    private readonly string _verb;
    private readonly List<Entry> _entries = [];
    private string? _parameters;

    /// <summary>Creates the set for one verb; <c>-help</c> is added as the first option.</summary>
    /// <param name="verb">The verb name used in messages.</param>
    /// <param name="parameters">Positional parameter synopsis for the usage line (e.g. "num"), if any.</param>
    public OptionSet(string verb, string? parameters = null)
    {
        _verb = verb;
        _parameters = parameters;
    }

    /// <summary>Positional arguments left after the flags.</summary>
    public List<string> Positionals { get; } = [];

    /// <summary>True when <c>-help</c> was given (help has been printed; the verb should return 0).</summary>
    public bool HelpRequested { get; private set; }

    /// <summary>Starts a help section ("General", "I/O", "Formatting", ...).</summary>
    /// <param name="title">The section title without " options:".</param>
    /// <returns>This set.</returns>
    public OptionSet Section(string title)
    {
        _entries.Add(new Entry(Kind.Section, title, null, title, null, null));
        if (_entries.Count == 1)
        {
            _entries.Add(new Entry(Kind.Flag, "help", null, "Display this summary", () => HelpRequested = true, null));
        }

        return this;
    }

    /// <summary>Declares a flag that takes no value.</summary>
    /// <param name="name">Name without the dash.</param>
    /// <param name="help">Help text.</param>
    /// <param name="action">Called when the flag is seen.</param>
    /// <returns>This set.</returns>
    public OptionSet Flag(string name, string help, Action action)
    {
        EnsureHelp();
        _entries.Add(new Entry(Kind.Flag, name, null, help, action, null));
        return this;
    }

    /// <summary>Declares a flag that takes one value.</summary>
    /// <param name="name">Name without the dash.</param>
    /// <param name="valueType">The value's placeholder as openssl prints it: infile, outfile, val, +int, int, format, dir, PEM|DER, ...</param>
    /// <param name="help">Help text.</param>
    /// <param name="action">Called with the value.</param>
    /// <returns>This set.</returns>
    public OptionSet Value(string name, string valueType, string help, Action<string> action)
    {
        EnsureHelp();
        _entries.Add(new Entry(Kind.Value, name, valueType, help, null, action));
        return this;
    }

    /// <summary>Adds a positional parameter to a trailing "Parameters:" help section, as openssl's OPT_PARAMETERS.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="help">Its help text.</param>
    /// <returns>This set.</returns>
    public OptionSet Parameter(string name, string help)
    {
        if (!_entries.Exists(e => e.Kind == Kind.Section && e.Name == "\u0001Parameters"))
        {
            _entries.Add(new Entry(Kind.Section, "\u0001Parameters", null, "Parameters:", null, null));
        }

        _entries.Add(new Entry(Kind.Parameter, name, null, help, null, null));
        return this;
    }

    /// <summary>Adds a continuation line to the previous option's help.</summary>
    /// <param name="help">The extra help line.</param>
    /// <returns>This set.</returns>
    public OptionSet More(string help)
    {
        _entries.Add(new Entry(Kind.More, string.Empty, null, help, null, null));
        return this;
    }

    /// <summary>Parses <paramref name="args"/>, calling the actions; prints help to <paramref name="stderr"/> on <c>-help</c>.</summary>
    /// <param name="args">Flags after the verb.</param>
    /// <param name="stderr">Where help goes (openssl prints it on stderr).</param>
    /// <exception cref="UsageException">An unknown flag, or a flag without its value.</exception>
    public void Parse(ReadOnlySpan<string> args, TextWriter stderr)
    {
        EnsureHelp();
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (arg.Length < 2 || arg[0] != '-' || arg == "--")
            {
                int start = arg == "--" ? i + 1 : i;
                for (int j = start; j < args.Length; j++)
                {
                    Positionals.Add(args[j]);
                }

                break;
            }

            // opt_next: "-name", "--name", and "-name=value" for options that take a value; messages name "-name".
            string name = arg[1] == '-' ? arg[2..] : arg[1..];
            string? inlineValue = null;
            int equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                inlineValue = name[(equals + 1)..];
                name = name[..equals];
            }

            Entry? entry = Lookup(name) ?? throw new UsageException($"Unknown option: -{name}");
            if (entry.Kind == Kind.Flag)
            {
                if (inlineValue is not null)
                {
                    throw new UsageException($"Option -{name} does not take a value");
                }

                entry.FlagAction!();
                if (HelpRequested)
                {
                    PrintHelp(stderr);
                    return;
                }

                continue;
            }

            if (inlineValue is not null)
            {
                entry.ValueAction!(inlineValue);
                continue;
            }

            if (i + 1 >= args.Length)
            {
                throw new UsageException($"Option -{name} needs a value");
            }

            entry.ValueAction!(args[++i]);
        }
    }

    /// <summary>Prints the help summary in openssl's layout.</summary>
    /// <param name="writer">The destination.</param>
    public void PrintHelp(TextWriter writer)
    {
        int width = 5;
        foreach (Entry e in _entries)
        {
            if (e.Kind is Kind.Flag or Kind.Value or Kind.Parameter)
            {
                int w = (e.Kind == Kind.Parameter ? 1 : 2) + e.Name.Length + (e.ValueType is null ? 0 : 1 + e.ValueType.Length);
                if (w < MaxHelpWidth && w > width)
                {
                    width = w;
                }
            }
        }

        var text = new StringBuilder();
        text.Append("Usage: ").Append(_verb).Append(" [options]");
        if (_parameters is not null)
        {
            text.Append(' ').Append(_parameters);
        }

        text.Append('\n');
        foreach (Entry e in _entries)
        {
            switch (e.Kind)
            {
                case Kind.Section when e.Name == "\u0001Parameters":
                    text.Append('\n').Append(e.Help).Append('\n');
                    break;
                case Kind.Section:
                    text.Append('\n').Append(e.Help).Append(" options:\n");
                    break;
                case Kind.Parameter:
                    text.Append((" " + e.Name).PadRight(width)).Append("  ").Append(e.Help).Append('\n');
                    break;
                case Kind.More:
                    text.Append(' ', width).Append("  ").Append(e.Help).Append('\n');
                    break;
                default:
                    string flag = " -" + e.Name + (e.ValueType is null ? string.Empty : " " + e.ValueType);
                    if (flag.Length >= MaxHelpWidth)
                    {
                        text.Append(flag).Append('\n').Append(' ', width);
                    }
                    else
                    {
                        text.Append(flag.PadRight(width));
                    }

                    text.Append("  ").Append(e.Help).Append('\n');
                    break;
            }
        }

        writer.Write(text.ToString());
    }

    /// <summary>Parses a non-negative integer the way openssl's <c>+int</c> options do.</summary>
    /// <param name="option">The option name for the error message.</param>
    /// <param name="value">The text.</param>
    /// <returns>The number.</returns>
    /// <exception cref="UsageException">Not a non-negative integer.</exception>
    public static int ParseNonNegative(string option, string value)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int n))
        {
            throw new UsageException($"Non-positive number \"{value}\" for option -{option}");
        }

        return n;
    }

    private void EnsureHelp()
    {
        if (!_entries.Exists(e => e.Name == "help" && e.Kind == Kind.Flag))
        {
            _entries.Insert(0, new Entry(Kind.Flag, "help", null, "Display this summary", () => HelpRequested = true, null));
        }
    }

    private Entry? Lookup(string name)
    {
        foreach (Entry e in _entries)
        {
            if (e.Kind is Kind.Flag or Kind.Value && e.Name == name)
            {
                return e;
            }
        }

        return null;
    }

    private enum Kind
    {
        Section,
        Flag,
        Value,
        More,
        Parameter,
    }

    private sealed record Entry(Kind Kind, string Name, string? ValueType, string Help, Action? FlagAction, Action<string>? ValueAction);
}
