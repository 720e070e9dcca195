namespace ManagedTls.Cli;

/// <summary><c>mtls help</c>: lists the verbs, as <c>openssl help</c> does.</summary>
internal sealed class HelpCommand : ICommand
{
    public string Name => "help";

    public string Summary => "Display the list of commands";

    public int Run(ReadOnlySpan<string> args, CommandContext context)
    {
        if (args.Length > 0 && CommandLine.Find(args[0]) is ICommand command)
        {
            return command.Run(["-help"], context);
        }

        PrintVerbs(context.Out);
        return 0;
    }

    internal static void PrintVerbs(TextWriter writer)
    {
        writer.WriteLine("help:");
        writer.WriteLine();
        writer.WriteLine("Standard commands");
        int column = 0;
        foreach (ICommand command in CommandLine.Commands)
        {
            writer.Write(command.Name.PadRight(18));
            if (++column % 4 == 0)
            {
                writer.WriteLine();
            }
        }

        if (column % 4 != 0)
        {
            writer.WriteLine();
        }
    }
}
