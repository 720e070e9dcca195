using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace ManagedTls.Pem;

/// <summary>
/// Reads PEM blocks (RFC 7468, plus the RFC 1421 headers of OpenSSL's traditional encrypted keys) from a buffer
/// that may hold several blocks with explanatory text before, between and after them, as certificate bundles do.
/// </summary>
/// <remarks>
/// Lax by default, accepting what OpenSSL's <c>PEM_read_bio</c> accepts: LF or CRLF, trailing whitespace, base64
/// lines of any length and with whitespace anywhere, no final newline. <see cref="PemReaderOptions.Strict"/> applies
/// RFC 7468 §3. The BEGIN and END lines must start in column 0, as in OpenSSL. Byte input is ASCII or UTF-8; text
/// input is treated the same way, with offsets counted in chars. Every error is a <see cref="PemException"/>.
/// </remarks>
public static class PemReader
{
    /// <summary>Enumerates the blocks in <paramref name="data"/>, decoding each as it is reached.</summary>
    /// <param name="data">The PEM file contents.</param>
    /// <param name="options">Parsing mode and limits; <see cref="PemReaderOptions.Default"/> when null.</param>
    /// <returns>An enumerator for <c>foreach</c>; it throws <see cref="PemException"/> at a malformed block.</returns>
    public static PemBlockEnumerator Enumerate(ReadOnlySpan<byte> data, PemReaderOptions? options = null) =>
        new(data, options ?? PemReaderOptions.Default, 0);

    /// <summary>Reads every block in <paramref name="data"/>.</summary>
    /// <param name="data">The PEM file contents.</param>
    /// <param name="options">Parsing mode and limits; <see cref="PemReaderOptions.Default"/> when null.</param>
    /// <returns>The blocks in file order; empty when there is no BEGIN line.</returns>
    /// <exception cref="PemException">A block is malformed or a limit is exceeded.</exception>
    public static IReadOnlyList<PemBlock> ReadAll(ReadOnlySpan<byte> data, PemReaderOptions? options = null)
    {
        var blocks = new List<PemBlock>();
        foreach (PemBlock block in Enumerate(data, options))
        {
            blocks.Add(block);
        }

        return blocks;
    }

    /// <summary>Reads every block in <paramref name="text"/>.</summary>
    /// <param name="text">The PEM text.</param>
    /// <param name="options">Parsing mode and limits; <see cref="PemReaderOptions.Default"/> when null.</param>
    /// <returns>The blocks in order; offsets are in chars.</returns>
    /// <exception cref="PemException">A block is malformed or a limit is exceeded.</exception>
    public static IReadOnlyList<PemBlock> ReadAll(ReadOnlySpan<char> text, PemReaderOptions? options = null)
    {
        options ??= PemReaderOptions.Default;
        byte[] rented = Narrow(text, options, out int start);
        try
        {
            var blocks = new List<PemBlock>();
            foreach (PemBlock block in new PemBlockEnumerator(rented.AsSpan(0, text.Length), options, start))
            {
                blocks.Add(block);
            }

            return blocks;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented, clearArray: true); // it may hold a private key
        }
    }

    /// <summary>Reads the first block labelled <paramref name="label"/>, skipping blocks with other labels.</summary>
    /// <param name="data">The PEM file contents.</param>
    /// <param name="label">The label wanted, such as <see cref="PemLabels.Certificate"/>.</param>
    /// <param name="options">Parsing mode and limits; <see cref="PemReaderOptions.Default"/> when null.</param>
    /// <returns>The block.</returns>
    /// <exception cref="PemException">No such block (<see cref="PemError.NotFound"/>), or a block before it is malformed.</exception>
    public static PemBlock ReadFirst(ReadOnlySpan<byte> data, string label, PemReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(label);
        return TryFind(data, options, out PemBlock? block, label) ? block : throw NotFound(label);
    }

    /// <summary>Reads the first block labelled <paramref name="label"/>, skipping blocks with other labels.</summary>
    /// <param name="text">The PEM text.</param>
    /// <param name="label">The label wanted, such as <see cref="PemLabels.Certificate"/>.</param>
    /// <param name="options">Parsing mode and limits; <see cref="PemReaderOptions.Default"/> when null.</param>
    /// <returns>The block; offsets are in chars.</returns>
    /// <exception cref="PemException">No such block (<see cref="PemError.NotFound"/>), or a block before it is malformed.</exception>
    public static PemBlock ReadFirst(ReadOnlySpan<char> text, string label, PemReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(label);
        return TryFind(text, options, out PemBlock? block, label) ? block : throw NotFound(label);
    }

    /// <summary>Finds the first block whose label is one of <paramref name="acceptedLabels"/>.</summary>
    /// <param name="data">The PEM file contents.</param>
    /// <param name="block">The block found, or null.</param>
    /// <param name="acceptedLabels">The labels to accept; none means any label.</param>
    /// <returns>True when a block was found.</returns>
    /// <exception cref="PemException">A block before or at the one found is malformed (skipped blocks are validated too, as in OpenSSL).</exception>
    public static bool TryFind(ReadOnlySpan<byte> data, [NotNullWhen(true)] out PemBlock? block, params ReadOnlySpan<string> acceptedLabels) =>
        TryFind(data, null, out block, acceptedLabels);

    /// <summary>Finds the first block whose label is one of <paramref name="acceptedLabels"/>.</summary>
    /// <param name="data">The PEM file contents.</param>
    /// <param name="options">Parsing mode and limits; <see cref="PemReaderOptions.Default"/> when null.</param>
    /// <param name="block">The block found, or null.</param>
    /// <param name="acceptedLabels">The labels to accept; none means any label.</param>
    /// <returns>True when a block was found.</returns>
    /// <exception cref="PemException">A block before or at the one found is malformed (skipped blocks are validated too, as in OpenSSL).</exception>
    public static bool TryFind(ReadOnlySpan<byte> data, PemReaderOptions? options, [NotNullWhen(true)] out PemBlock? block, params ReadOnlySpan<string> acceptedLabels) =>
        Find(data, options ?? PemReaderOptions.Default, 0, out block, acceptedLabels);

    /// <summary>Finds the first block whose label is one of <paramref name="acceptedLabels"/>.</summary>
    /// <param name="text">The PEM text.</param>
    /// <param name="block">The block found, or null; offsets are in chars.</param>
    /// <param name="acceptedLabels">The labels to accept; none means any label.</param>
    /// <returns>True when a block was found.</returns>
    /// <exception cref="PemException">A block before or at the one found is malformed.</exception>
    public static bool TryFind(ReadOnlySpan<char> text, [NotNullWhen(true)] out PemBlock? block, params ReadOnlySpan<string> acceptedLabels) =>
        TryFind(text, null, out block, acceptedLabels);

    /// <summary>Finds the first block whose label is one of <paramref name="acceptedLabels"/>.</summary>
    /// <param name="text">The PEM text.</param>
    /// <param name="options">Parsing mode and limits; <see cref="PemReaderOptions.Default"/> when null.</param>
    /// <param name="block">The block found, or null; offsets are in chars.</param>
    /// <param name="acceptedLabels">The labels to accept; none means any label.</param>
    /// <returns>True when a block was found.</returns>
    /// <exception cref="PemException">A block before or at the one found is malformed.</exception>
    public static bool TryFind(ReadOnlySpan<char> text, PemReaderOptions? options, [NotNullWhen(true)] out PemBlock? block, params ReadOnlySpan<string> acceptedLabels)
    {
        options ??= PemReaderOptions.Default;
        byte[] rented = Narrow(text, options, out int start);
        try
        {
            return Find(rented.AsSpan(0, text.Length), options, start, out block, acceptedLabels);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented, clearArray: true); // it may hold a private key
        }
    }

    private static bool Find(ReadOnlySpan<byte> data, PemReaderOptions options, int start, [NotNullWhen(true)] out PemBlock? block, ReadOnlySpan<string> acceptedLabels)
    {
        var cursor = new PemCursor(start);
        while (PemParser.TryReadNext(data, ref cursor, options, acceptedLabels, out block))
        {
            if (block is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Maps text to bytes one for one so that offsets stay char offsets: ASCII stays, anything else becomes 0xFF,
    /// which is never valid inside a block (labels, headers and base64 are ASCII) and harmless in explanatory text.
    /// A leading U+FEFF byte order mark is skipped in lax mode by starting after it.
    /// </summary>
    private static byte[] Narrow(ReadOnlySpan<char> text, PemReaderOptions options, out int start)
    {
        byte[] bytes = ArrayPool<byte>.Shared.Rent(Math.Max(text.Length, 1));
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bytes[i] = c < 0x80 ? (byte)c : (byte)0xFF;
        }

        start = !options.Strict && text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        return bytes;
    }

    private static PemException NotFound(string label) =>
        new(PemError.NotFound, -1, 0, $"no -----BEGIN {label}----- block found");
}
