namespace ManagedTls.Cli;

/// <summary>Verb dispatch: finds the command for <c>args[0]</c> and turns every failure into a message and exit code 1.</summary>
public static class CommandLine
{
    // One line per verb, kept in openssl's alphabetical order. Add new verbs here.
    private static readonly ICommand[] s_commands =
    [
        new Asn1ParseCommand(),
        new CaCommand(),
        new CiphersCommand(),
        new CrlCommand(),
        new DemoCommand(),
        new DgstCommand(),
        new GenPkeyCommand(),
        new HelpCommand(),
        new PkeyCommand(),
        new PkeyutlCommand(),
        new RandCommand(),
        new RehashCommand(),
        new ReqCommand(),
        new RsaCommand(),
        new SClientCommand(),
        new SServerCommand(),
        new VerifyCommand(),
        new VersionCommand(),
        new X509Command(),
    ];

    /// <summary>The registered verbs.</summary>
    public static IReadOnlyList<ICommand> Commands => s_commands;

    /// <summary>Runs <paramref name="args"/> with the given streams (tests pass in-memory ones).</summary>
    /// <param name="args">Verb and flags.</param>
    /// <param name="stdin">Standard input.</param>
    /// <param name="stdout">Standard output, binary: DER output must not go through a text encoder.</param>
    /// <param name="stderr">Standard error.</param>
    /// <returns>The process exit code.</returns>
    public static int Run(string[] args, Stream stdin, Stream stdout, TextWriter stderr)
    {
        if (args.Length == 0)
        {
            HelpCommand.PrintVerbs(stderr);
            return 1;
        }

        ICommand? command = Find(args[0]);
        if (command is null)
        {
            stderr.WriteLine($"Invalid command '{args[0]}'; type \"help\" for a list.");
            return 1;
        }

        var context = new CommandContext(stdin, stdout, stderr);
        try
        {
            try
            {
                return command.Run(args.AsSpan(1), context);
            }
            finally
            {
                context.Flush(); // inside the outer try: a failing flush is an I/O error like any other write
            }
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"{command.Name}: {e.Message}");
            stderr.WriteLine($"{command.Name}: Use -help for summary.");
            return 1;
        }
        catch (CommandException e)
        {
            stderr.WriteLine(e.Message);
            return e.ExitCode;
        }
        catch (IOException e)
        {
            // Writing the output failed (disk full, EIO, a closed file): one line and exit 1, as openssl does,
            // never an unhandled exception with a stack trace and SIGABRT.
            stderr.WriteLine($"{command.Name}: {e.Message}");
            return 1;
        }
    }

    internal static ICommand? Find(string name)
    {
        foreach (ICommand command in s_commands)
        {
            if (command.Name == name)
            {
                return command;
            }
        }

        return null;
    }
}
