using System.Text;

namespace ManagedTls.Cli;

/// <summary>The streams a verb talks to, plus openssl's <c>-in</c>/<c>-out</c> conventions.</summary>
public sealed class CommandContext
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Creates a context over the given streams.</summary>
    /// <param name="stdin">Standard input.</param>
    /// <param name="stdout">Standard output (binary).</param>
    /// <param name="stderr">Standard error.</param>
    public CommandContext(Stream stdin, Stream stdout, TextWriter stderr)
    {
        In = stdin;
        OutStream = stdout;
        Out = new StreamWriter(stdout, s_utf8, bufferSize: 4096, leaveOpen: true) { NewLine = "\n" };
        Error = stderr;
    }

    /// <summary>Standard input, binary.</summary>
    public Stream In { get; }

    /// <summary>Standard output as text ("\n" line ends, UTF-8 without BOM).</summary>
    public TextWriter Out { get; }

    /// <summary>Standard output as bytes; call <see cref="Flush"/> on <see cref="Out"/> first when mixing.</summary>
    public Stream OutStream { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>Reads all of <paramref name="path"/>, or standard input when it is null or "-".</summary>
    /// <param name="path">The <c>-in</c> argument.</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="CommandException">The file cannot be read (message as openssl prints it).</exception>
    public byte[] ReadInput(string? path)
    {
        if (path is null or "-")
        {
            using var buffer = new MemoryStream();
            In.CopyTo(buffer);
            return buffer.ToArray();
        }

        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandException($"Can't open \"{path}\" for reading, {Describe(e)}");
        }
    }

    /// <summary>Opens <paramref name="path"/> for writing, or standard output when it is null or "-".</summary>
    /// <param name="path">The <c>-out</c> argument.</param>
    /// <returns>A stream the caller disposes (disposing the standard-output wrapper leaves stdout open).</returns>
    /// <exception cref="CommandException">The file cannot be created.</exception>
    public Stream OpenOutput(string? path)
    {
        if (path is null or "-")
        {
            Out.Flush();
            return new NonClosingStream(OutStream);
        }

        try
        {
            return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandException($"Can't open \"{path}\" for writing, {Describe(e)}");
        }
    }

    /// <summary>Flushes standard output.</summary>
    public void Flush()
    {
        Out.Flush();
        OutStream.Flush();
    }

    private static string Describe(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "No such file or directory",
        UnauthorizedAccessException => "Permission denied",
        _ => e.Message,
    };

    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
        public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);
        protected override void Dispose(bool disposing) => inner.Flush();
    }
}
