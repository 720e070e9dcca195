namespace ManagedTls.Cli;

/// <summary>
/// An <see cref="OptionSet"/> plus openssl's <c>-*</c> entry ("Any supported cipher", "Any supported digest"): a flag
/// that is not declared is offered to a handler (which names a cipher or digest, or throws openssl's "Unknown
/// cipher" wording) before the option set sees the arguments.
/// </summary>
/// <remarks>Declare options through this wrapper so it knows which names take a value (their values are never
/// mistaken for wildcard flags).</remarks>
internal sealed class WildcardOptions
{
    private readonly HashSet<string> _flags = ["help"];
    private readonly HashSet<string> _values = [];
    private Func<string, bool>? _wildcard;

    /// <summary>Creates the wrapper.</summary>
    /// <param name="verb">The verb name used in messages.</param>
    /// <param name="parameters">The positional synopsis for the usage line, if any.</param>
    public WildcardOptions(string verb, string? parameters = null)
    {
        Set = new OptionSet(verb, parameters);
    }

    /// <summary>The wrapped set (positionals, help state).</summary>
    public OptionSet Set { get; }

    /// <summary>Starts a help section.</summary>
    /// <param name="title">The title without " options:".</param>
    /// <returns>This wrapper.</returns>
    public WildcardOptions Section(string title)
    {
        Set.Section(title);
        return this;
    }

    /// <summary>Declares a flag without a value.</summary>
    /// <param name="name">The name without the dash.</param>
    /// <param name="help">Help text.</param>
    /// <param name="action">Called when seen.</param>
    /// <returns>This wrapper.</returns>
    public WildcardOptions Flag(string name, string help, Action action)
    {
        _flags.Add(name);
        Set.Flag(name, help, action);
        return this;
    }

    /// <summary>Declares an option with a value.</summary>
    /// <param name="name">The name without the dash.</param>
    /// <param name="valueType">The placeholder as openssl prints it.</param>
    /// <param name="help">Help text.</param>
    /// <param name="action">Called with the value.</param>
    /// <returns>This wrapper.</returns>
    public WildcardOptions Value(string name, string valueType, string help, Action<string> action)
    {
        _values.Add(name);
        Set.Value(name, valueType, help, action);
        return this;
    }

    /// <summary>Adds the "Parameters:" section of the help, naming one positional parameter.</summary>
    /// <param name="name">The parameter.</param>
    /// <param name="help">Its help text.</param>
    /// <returns>This wrapper.</returns>
    public WildcardOptions Parameters(string name, string help)
    {
        Set.Parameter(name, help);
        return this;
    }

    /// <summary>Adds a continuation line to the previous option's help.</summary>
    /// <param name="help">The extra line.</param>
    /// <returns>This wrapper.</returns>
    public WildcardOptions More(string help)
    {
        Set.More(help);
        return this;
    }

    /// <summary>Declares the <c>-*</c> entry at this point of the help.</summary>
    /// <param name="help">Its help text.</param>
    /// <param name="handler">Called with an undeclared flag's name (no dash); returns false to leave it unknown.</param>
    /// <returns>This wrapper.</returns>
    public WildcardOptions Wildcard(string help, Func<string, bool> handler)
    {
        _wildcard = handler;
        Set.Flag("*", help, static () => { });
        return this;
    }

    /// <summary>
    /// Parses (as <see cref="Parse"/>) for a verb that takes no positional arguments: false once <c>-help</c> has been
    /// printed (the verb then exits 0), and openssl's "<c>VERB: Use -help for summary.</c>" for a stray argument.
    /// </summary>
    /// <param name="args">The arguments after the verb.</param>
    /// <param name="stderr">Where help and errors go.</param>
    /// <param name="verb">The verb name for the message.</param>
    /// <returns>False when help was requested.</returns>
    /// <exception cref="CommandException">A positional argument was given.</exception>
    public bool ParseWithoutPositionals(ReadOnlySpan<string> args, TextWriter stderr, string verb)
    {
        Parse(args, stderr);
        if (Set.HelpRequested)
        {
            return false;
        }

        if (Set.Positionals.Count > 0)
        {
            throw new CommandException($"{verb}: Use -help for summary.");
        }

        return true;
    }

    /// <summary>Parses the arguments: undeclared flags go to the wildcard handler, the rest to the option set.</summary>
    /// <param name="args">The flags after the verb.</param>
    /// <param name="stderr">Where <c>-help</c> goes.</param>
    /// <exception cref="UsageException">An unknown flag or a missing value.</exception>
    public void Parse(ReadOnlySpan<string> args, TextWriter stderr)
    {
        var rest = new List<string>(args.Length);
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (arg.Length < 2 || arg[0] != '-' || arg == "--")
            {
                rest.AddRange(args[i..]);
                break;
            }

            // "-name", "--name" or "-name=value" (opt_next); an undeclared name goes to the wildcard, as openssl's "-*".
            string name = arg[1] == '-' ? arg[2..] : arg[1..];
            int equals = name.IndexOf('=', StringComparison.Ordinal);
            string bare = equals >= 0 ? name[..equals] : name;
            rest.Add(arg);
            if (_values.Contains(bare))
            {
                if (equals < 0 && i + 1 < args.Length)
                {
                    rest.Add(args[++i]);
                }
            }
            else if (bare == "help")
            {
                break; // the option set prints help and stops here, as openssl does
            }
            else if (!_flags.Contains(bare) && _wildcard is not null && _wildcard(bare))
            {
                rest.RemoveAt(rest.Count - 1);
            }
        }

        Set.Parse(rest.ToArray(), stderr);
    }
}
