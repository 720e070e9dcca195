using System.Text;
using ManagedTls.Keys;

namespace ManagedTls.Cli;

/// <summary>
/// The <c>-text</c> output of the key verbs: <see cref="KeyTextFormatter"/>, which prints exactly what OpenSSL 3.0's
/// <c>EVP_PKEY_print_private</c>/<c>EVP_PKEY_print_public</c> print, written as ASCII.
/// </summary>
internal static class KeyText
{
    /// <summary>The private key components as <c>openssl pkey -text -noout</c> prints them.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The text, ending with a newline.</returns>
    public static string Private(PrivateKey key) => KeyTextFormatter.FormatPrivateKey(key);

    /// <summary>The public key components as <c>openssl pkey -text_pub -noout</c> prints them.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The text, ending with a newline.</returns>
    public static string Public(PublicKey key) => KeyTextFormatter.FormatPublicKey(key);

    /// <summary>Writes <paramref name="text"/> to a binary output as ASCII.</summary>
    /// <param name="output">The destination.</param>
    /// <param name="text">The text.</param>
    public static void Write(Stream output, string text) => output.Write(Encoding.ASCII.GetBytes(text));

    /// <summary>Writes <paramref name="text"/> as UTF-8 (names printed with <c>-nameopt utf8</c> hold non-ASCII characters).</summary>
    /// <param name="output">The destination.</param>
    /// <param name="text">The text.</param>
    public static void WriteUtf8(Stream output, string text) => output.Write(Encoding.UTF8.GetBytes(text));
}
