namespace ManagedTls.Cli;

/// <summary>One <c>mtls</c> verb, named and flagged as the <c>openssl</c> verb that does the same job.</summary>
public interface ICommand
{
    /// <summary>The verb, e.g. <c>asn1parse</c>.</summary>
    string Name { get; }

    /// <summary>One line for <c>mtls help</c>.</summary>
    string Summary { get; }

    /// <summary>Runs the verb.</summary>
    /// <param name="args">The flags after the verb.</param>
    /// <param name="context">Streams and helpers.</param>
    /// <returns>The exit code.</returns>
    /// <exception cref="UsageException">Bad flags; the dispatcher prints usage and exits 1.</exception>
    /// <exception cref="CommandException">An operational failure with an openssl-like message.</exception>
    int Run(ReadOnlySpan<string> args, CommandContext context);
}
