using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace ManagedTls.OpenSsl;

/// <summary>
/// A <c>passphrase</c> argument as pyOpenSSL accepts it: bytes, or a callback that returns them. Strings convert
/// implicitly (encoded as UTF-8, the bytes OpenSSL would see from a UTF-8 terminal), as do <c>byte[]</c> and
/// <see cref="PassphraseCallback"/>, so <c>Crypto.LoadPrivateKey(FileType.Pem, pem, "secret")</c> reads like the Python.
/// </summary>
public sealed class Passphrase
{
    /// <summary>OpenSSL's <c>PEM_BUFSIZE</c>: the buffer size pyOpenSSL gives its callback; longer passphrases are rejected.</summary>
    public const int MaxLength = 1024;

    private readonly byte[]? _bytes;
    private readonly PassphraseCallback? _callback;

    private Passphrase(byte[]? bytes, PassphraseCallback? callback)
    {
        _bytes = bytes;
        _callback = callback;
    }

    /// <summary>True when the passphrase comes from a callback.</summary>
    public bool IsCallback => _callback is not null;

    /// <summary>Wraps passphrase bytes.</summary>
    /// <param name="passphrase">The bytes, used unchanged (copied).</param>
    /// <returns>The passphrase.</returns>
    public static Passphrase FromBytes(byte[] passphrase)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        return new Passphrase([.. passphrase], null);
    }

    /// <summary>Wraps a text passphrase, encoded as UTF-8.</summary>
    /// <param name="passphrase">The text.</param>
    /// <returns>The passphrase.</returns>
    public static Passphrase FromString(string passphrase)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        return new Passphrase(Encoding.UTF8.GetBytes(passphrase), null);
    }

    /// <summary>Wraps a callback.</summary>
    /// <param name="callback">Called once, when the passphrase is needed.</param>
    /// <returns>The passphrase.</returns>
    public static Passphrase FromCallback(PassphraseCallback callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return new Passphrase(null, callback);
    }

    /// <summary>Converts text (UTF-8); null stays null (no passphrase).</summary>
    /// <param name="passphrase">The text.</param>
    [return: NotNullIfNotNull(nameof(passphrase))]
    public static implicit operator Passphrase?(string? passphrase) => passphrase is null ? null : FromString(passphrase);

    /// <summary>Converts bytes; null stays null (no passphrase).</summary>
    /// <param name="passphrase">The bytes.</param>
    [return: NotNullIfNotNull(nameof(passphrase))]
    public static implicit operator Passphrase?(byte[]? passphrase) => passphrase is null ? null : FromBytes(passphrase);

    /// <summary>Converts a callback; null stays null (no passphrase).</summary>
    /// <param name="callback">The callback.</param>
    [return: NotNullIfNotNull(nameof(callback))]
    public static implicit operator Passphrase?(PassphraseCallback? callback) => callback is null ? null : FromCallback(callback);

    /// <summary>
    /// Produces the bytes: calls the callback (once per call of this method) or returns the stored bytes, with
    /// pyOpenSSL's checks. Exceptions from the callback propagate unchanged.
    /// </summary>
    /// <param name="writing">Passed to the callback: true when encrypting.</param>
    /// <returns>The passphrase bytes.</returns>
    /// <exception cref="ArgumentException">The callback returned null ("Bytes expected") or more than <see cref="MaxLength"/> bytes ("passphrase returned by callback is too long").</exception>
    internal byte[] Resolve(bool writing)
    {
        byte[] result = _callback is null ? _bytes! : _callback(writing) ?? throw new ArgumentException("Bytes expected");
        if (result.Length > MaxLength)
        {
            throw new ArgumentException("passphrase returned by callback is too long");
        }

        return result;
    }
}
