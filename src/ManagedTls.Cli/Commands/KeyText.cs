using System.Text;
using ManagedTls.Keys;

namespace ManagedTls.Cli;

/// <summary>The <c>-text</c> output of the key verbs (openssl's <c>EVP_PKEY_print_private/public</c>), written as ASCII.</summary>
internal static class KeyText
{
    /// <summary>The private key components as <c>openssl pkey -text -noout</c> prints them.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The text, ending with a newline.</returns>
    /// <exception cref="CommandException">Text output is not available yet.</exception>
    public static string Private(PrivateKey key) =>
        throw new CommandException($"-text is not available yet for {key.Algorithm} keys (waiting for the key text formatter)");

    /// <summary>The public key components as <c>openssl pkey -text_pub -noout</c> prints them.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The text, ending with a newline.</returns>
    /// <exception cref="CommandException">Text output is not available yet.</exception>
    public static string Public(PublicKey key) =>
        throw new CommandException($"-text_pub is not available yet for {key.Algorithm} keys (waiting for the key text formatter)");

    /// <summary>Writes <paramref name="text"/> to a binary output as ASCII.</summary>
    /// <param name="output">The destination.</param>
    /// <param name="text">The text.</param>
    public static void Write(Stream output, string text) => output.Write(Encoding.ASCII.GetBytes(text));
}
