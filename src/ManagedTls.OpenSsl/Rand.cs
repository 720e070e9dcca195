using ManagedTls.Crypto;
using ManagedTls.Random;

namespace ManagedTls.OpenSsl;

/// <summary>
/// pyOpenSSL 16.1's <c>OpenSSL.rand</c> module, C#-spelled, over <see cref="SecureRandomSource"/> (ManagedTls's
/// only source of randomness). As pyOpenSSL itself warns: new code should not use this module; it exists so that
/// ported code keeps working. Call <see cref="SecureRandomSource.Fill"/> directly instead.
/// </summary>
/// <remarks>
/// <para>
/// By default every byte comes from the OS (the osrandom engine of pyca/cryptography): <see cref="Add"/>,
/// <see cref="Seed"/>, <see cref="LoadFile"/> and <see cref="Egd"/> are accepted and have no effect on output,
/// as <c>RAND_add</c> has none under that engine. After <see cref="ActivateBuiltinRandom()"/> they reseed the
/// fork-aware HMAC_DRBG with the bytes as additional input.
/// </para>
/// <para>
/// Argument checks mirror pyOpenSSL's: its <c>ValueError</c>s become <see cref="ArgumentOutOfRangeException"/> with
/// the same message; its <c>TypeError</c>s for wrong types cannot happen in C#, except for <c>None</c>, which is
/// <see cref="ArgumentNullException"/>. Failures of the entropy source raise <see cref="RandException"/>
/// (<c>rand.Error</c>).
/// </para>
/// </remarks>
public static class Rand
{
    private const int RandFileBytes = 1024;   // OpenSSL RAND_DATA: what RAND_write_file writes
    private const int LoadChunk = 1024;       // OpenSSL 1.0.2 randfile.c BUFSIZE
    private const int DeviceReadLimit = 2048; // RAND_load_file's cap for devices when reading "everything"

    /// <summary>
    /// Mixes <paramref name="buffer"/> into the generator (<c>rand.add</c>, <c>RAND_add</c>).
    /// </summary>
    /// <param name="buffer">Bytes believed to hold some randomness.</param>
    /// <param name="entropy">
    /// The caller's estimate, in bytes, of the randomness in <paramref name="buffer"/>. Accepted for compatibility
    /// and not trusted: the generator never counts caller bytes as entropy.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
    /// <exception cref="RandException">The OS refused entropy while reseeding.</exception>
    public static void Add(byte[] buffer, double entropy)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        _ = entropy;
        Translate("RAND_add", () => SecureRandomSource.AddEntropy(buffer));
    }

    /// <summary>Returns <paramref name="numBytes"/> random bytes (<c>rand.bytes</c>, <c>RAND_bytes</c>).</summary>
    /// <param name="numBytes">How many bytes; zero gives an empty array.</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="numBytes"/> is negative ("num_bytes must not be negative").</exception>
    /// <exception cref="RandException">The OS refused entropy.</exception>
    public static byte[] Bytes(int numBytes)
    {
        if (numBytes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(numBytes), numBytes, "num_bytes must not be negative");
        }

        byte[] result = new byte[numBytes];
        Translate("RAND_bytes", () => SecureRandomSource.Fill(result));
        return result;
    }

    /// <summary>
    /// Erases the generator's memory (<c>rand.cleanup</c>, <c>RAND_cleanup</c>): zeroes the DRBG state in builtin
    /// mode (the next request reseeds from the OS); nothing to erase in OS mode. The generator stays usable.
    /// </summary>
    public static void Cleanup() => SecureRandomSource.Cleanup();

    /// <summary>Same as <see cref="Add"/> with the entropy estimate equal to the buffer length (<c>rand.seed</c>).</summary>
    /// <param name="buffer">Bytes believed to be random.</param>
    /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
    /// <exception cref="RandException">The OS refused entropy while reseeding.</exception>
    public static void Seed(byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        Add(buffer, buffer.Length);
    }

    /// <summary>
    /// Whether the generator is seeded enough (<c>rand.status</c>). Always true: both engines draw from the OS,
    /// which blocks (only at early boot) until its own pool is ready, so there is no unseeded state to report.
    /// </summary>
    /// <returns>True.</returns>
    public static bool Status() => true;

    /// <summary>
    /// Reads up to <paramref name="maxbytes"/> bytes of <paramref name="filename"/> and mixes them into the generator
    /// (<c>rand.load_file</c>, <c>RAND_load_file</c> as in the OpenSSL 1.0.2 that pyOpenSSL 16.1 shipped against).
    /// </summary>
    /// <param name="filename">The file.</param>
    /// <param name="maxbytes">How many bytes to read; negative (the default) reads the whole file, or at most 2048
    /// bytes of a device or pipe, which never ends; zero reads nothing.</param>
    /// <returns>The number of bytes read: 0 when the file does not exist or cannot be read (no exception, as in
    /// OpenSSL 1.0.2).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="filename"/> is null.</exception>
    /// <exception cref="RandException">The OS refused entropy while reseeding.</exception>
    public static int LoadFile(string filename, int maxbytes = -1)
    {
        ArgumentNullException.ThrowIfNull(filename);
        if (maxbytes == 0 || !File.Exists(filename))
        {
            return 0;
        }

        int total = 0;
        byte[] buffer = new byte[LoadChunk];
        try
        {
            using var stream = new FileStream(filename, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
            long remaining = maxbytes > 0 ? maxbytes
                : !stream.CanSeek || stream.Length == 0 ? DeviceReadLimit // a device, FIFO or /proc file: no end to trust
                : long.MaxValue;
            while (remaining > 0)
            {
                int n = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, remaining));
                if (n <= 0)
                {
                    break;
                }

                Translate("RAND_load_file", () => SecureRandomSource.AddEntropy(buffer.AsSpan(0, n)));
                total += n;
                remaining -= n;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // OpenSSL 1.0.2 reports what it managed to read and raises nothing.
        }
        finally
        {
            Array.Clear(buffer);
        }

        return total;
    }

    /// <summary>
    /// Writes 1024 random bytes to <paramref name="filename"/> (<c>rand.write_file</c>, <c>RAND_write_file</c>),
    /// creating it with mode 0600 on Unix (and setting 0600 on an existing file), for a later <see cref="LoadFile"/>.
    /// </summary>
    /// <param name="filename">The file to create or replace.</param>
    /// <returns>The number of bytes written (1024), or 0 when the file cannot be opened or written (no exception,
    /// as in OpenSSL 1.0.2).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="filename"/> is null.</exception>
    /// <exception cref="RandException">The OS refused entropy.</exception>
    public static int WriteFile(string filename)
    {
        ArgumentNullException.ThrowIfNull(filename);
        byte[] data = Bytes(RandFileBytes);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(filename, options))
            {
                stream.Write(data);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(filename, UnixFileMode.UserRead | UnixFileMode.UserWrite); // OpenSSL chmods an existing file too
            }

            return data.Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
        finally
        {
            Array.Clear(data);
        }
    }

    /// <summary>
    /// Formerly queried an Entropy Gathering Daemon (<c>rand.egd</c>). As in pyOpenSSL 16: does not contact any
    /// daemon; seeds the generator with <paramref name="bytes"/> bytes from the OS and returns <paramref name="bytes"/>.
    /// </summary>
    /// <param name="path">Ignored (the daemon's socket path).</param>
    /// <param name="bytes">How many OS bytes to mix in; default 255.</param>
    /// <returns><paramref name="bytes"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bytes"/> is negative.</exception>
    [Obsolete("Rand.Egd is deprecated as in pyOpenSSL 16.0.0 (OpenSSL.rand.egd() is deprecated): EGD served UNIX systems that reached end of life long ago. It contacts no daemon and only mixes in OS entropy; use SecureRandomSource instead.")]
    public static int Egd(string path, int bytes = 255)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (bytes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bytes), bytes, "negative argument not allowed");
        }

        Translate("RAND_egd", () => SecureRandomSource.AddEntropy(OsEntropy.GetBytes(bytes)));
        return bytes;
    }

    /// <summary>
    /// Added the contents of the screen to the PRNG (<c>rand.screen</c>, Windows only in pyOpenSSL). On Windows this
    /// is a no-op kept for source compatibility: ManagedTls does not capture the screen, and the OS source needs no
    /// help. Elsewhere it throws, as <c>rand.screen</c> does not exist there.
    /// </summary>
    /// <exception cref="PlatformNotSupportedException">Not running on Windows.</exception>
    public static void Screen()
    {
        if (!OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException(
                "Rand.Screen is Windows-only: OpenSSL's RAND_screen (and pyOpenSSL's rand.screen) exist only on Windows, "
                + "where they mixed the screen contents into the PRNG. ManagedTls seeds from the OS and needs no screen data.");
        }
    }

    /// <summary>
    /// Makes every later random byte come straight from the OS (pyca/cryptography's
    /// <c>backend.activate_osrandom_engine()</c>). The default. Any DRBG state is zeroed.
    /// </summary>
    public static void ActivateOsRandomEngine() => SecureRandomSource.UseOsRandom();

    /// <summary>
    /// Switches to the user-space generator (pyca/cryptography's <c>backend.activate_builtin_random()</c>): a NIST
    /// SP 800-90A HMAC_DRBG over the default provider's (<see cref="CryptoProviders.Default"/>) HMAC-SHA-256, seeded
    /// from the OS and reseeded on fork (real <c>getpid()</c> change), every 1024 requests and every hour.
    /// </summary>
    public static void ActivateBuiltinRandom() => SecureRandomSource.UseBuiltinDrbg(CryptoProviders.Default);

    /// <summary>
    /// Switches to the user-space generator (pyca/cryptography's <c>backend.activate_builtin_random()</c>): a NIST
    /// SP 800-90A HMAC_DRBG over <paramref name="provider"/>'s HMAC-SHA-256, seeded from the OS and reseeded on
    /// fork (real <c>getpid()</c> change), every 1024 requests and every hour.
    /// </summary>
    /// <param name="provider">The crypto provider whose HMAC the DRBG uses.</param>
    /// <exception cref="ArgumentNullException"><paramref name="provider"/> is null.</exception>
    public static void ActivateBuiltinRandom(ICryptoProvider provider) => SecureRandomSource.UseBuiltinDrbg(provider);

    // Translates the layer below's failure once, at the facade boundary (STYLE: errors are translated once per layer).
    private static void Translate(string function, Action action)
    {
        try
        {
            action();
        }
        catch (IOException e)
        {
            throw new RandException(function, e.Message, e);
        }
    }
}
