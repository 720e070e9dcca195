using System.Runtime.InteropServices;

namespace ManagedTls.Random;

/// <summary>
/// Reads entropy straight from the operating system: <c>getrandom(2)</c> on Linux (with a <c>/dev/urandom</c>
/// fallback), <c>getentropy(3)</c> on macOS and FreeBSD, <c>BCryptGenRandom</c> on Windows.
/// </summary>
/// <remarks>
/// <para>
/// This type keeps no user-space state, so it is fork-safe by construction: a child process can never replay
/// its parent's output. It never touches .NET's platform crypto (<c>RandomNumberGenerator</c> and friends), which on Linux loads native
/// libcrypto even for <c>RandomNumberGenerator</c>.
/// </para>
/// <para>
/// Library code should not call this type directly: it calls <see cref="SecureRandomSource"/>, which is this
/// source by default and the fork-aware <see cref="HmacDrbg"/> when an application opts in.
/// </para>
/// </remarks>
public static partial class OsEntropy
{
    internal const int EINTR = 4;
    internal const int EPERM = 1;
    internal const int ENOSYS = 38;
    private const int GetEntropyMax = 256;

    private static volatile bool s_getrandomUnavailable;

    /// <summary>One call of a <c>read</c>-like system call: returns bytes written (&gt; 0) or -1 with <paramref name="errno"/> set.</summary>
    internal delegate nint ReadOnce(Span<byte> destination, out int errno);

    /// <summary>Which OS interface <see cref="Fill"/> is using in this process (for diagnostics and tests).</summary>
    internal static string SourceName =>
        OperatingSystem.IsWindows() ? "BCryptGenRandom"
        : OperatingSystem.IsLinux() || OperatingSystem.IsAndroid() ? (s_getrandomUnavailable ? "/dev/urandom" : "getrandom")
        : "getentropy";

    /// <summary>Fills <paramref name="buffer"/> with cryptographically secure random bytes from the OS.</summary>
    /// <param name="buffer">The span to fill; an empty span is a no-op.</param>
    /// <exception cref="IOException">The operating system refused to supply entropy.</exception>
    public static void Fill(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            FillWindows(buffer);
        }
        else if (OperatingSystem.IsLinux() || OperatingSystem.IsAndroid())
        {
            FillLinux(buffer);
        }
        else
        {
            FillGetEntropy(buffer);
        }
    }

    /// <summary>Returns a new array of <paramref name="count"/> random bytes from the OS.</summary>
    /// <param name="count">How many bytes; must not be negative.</param>
    /// <returns>A fresh array.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    /// <exception cref="IOException">The operating system refused to supply entropy.</exception>
    public static byte[] GetBytes(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        byte[] result = new byte[count];
        Fill(result);
        return result;
    }

    /// <summary>
    /// Calls <paramref name="read"/> until <paramref name="buffer"/> is full: short reads continue where they
    /// stopped, <c>EINTR</c> retries. Returns false when the call does not exist (<c>ENOSYS</c>: kernels before
    /// 3.17) or is forbidden (<c>EPERM</c>: some seccomp container profiles), so the caller can fall back.
    /// </summary>
    /// <param name="buffer">The bytes to fill.</param>
    /// <param name="read">The system call (getrandom in production; a script in tests).</param>
    /// <param name="name">The call's name for the error message.</param>
    /// <returns>True when full; false when the call is unavailable (the buffer is then untouched-or-partial and must be refilled).</returns>
    /// <exception cref="IOException">Any other error.</exception>
    internal static bool FillWithRetries(Span<byte> buffer, ReadOnce read, string name)
    {
        int done = 0;
        while (done < buffer.Length)
        {
            nint n = read(buffer[done..], out int errno);
            if (n > 0)
            {
                done += (int)Math.Min(n, buffer.Length - done); // short reads happen for large requests and on signals
                continue;
            }

            if (n < 0 && errno == EINTR)
            {
                continue;
            }

            if (n < 0 && errno is ENOSYS or EPERM)
            {
                return false;
            }

            throw new IOException(n == 0 ? $"{name} returned no bytes." : $"{name} failed with errno {errno}.");
        }

        return true;
    }

    private static void FillLinux(Span<byte> buffer)
    {
        if (!s_getrandomUnavailable)
        {
            if (FillWithRetries(buffer, GetRandomOnce, "getrandom(2)"))
            {
                return;
            }

            s_getrandomUnavailable = true;
        }

        FillFromDevice(buffer);
    }

    private static unsafe nint GetRandomOnce(Span<byte> destination, out int errno)
    {
        fixed (byte* start = destination)
        {
            nint n = getrandom(start, (nuint)destination.Length, 0);
            errno = n < 0 ? Marshal.GetLastPInvokeError() : 0;
            return n;
        }
    }

    /// <summary>The fallback when getrandom(2) is missing or forbidden: reads <c>/dev/urandom</c> until the buffer is full.</summary>
    /// <param name="buffer">The bytes to fill.</param>
    /// <param name="path">The device (tests only pass something else).</param>
    /// <exception cref="IOException">The device cannot be opened or ends.</exception>
    internal static void FillFromDevice(Span<byte> buffer, string path = "/dev/urandom")
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new IOException($"{path} cannot be opened: {e.Message}", e); // one exception type for callers, as documented
        }

        using var _ = stream;
        int done = 0;
        while (done < buffer.Length)
        {
            int n = stream.Read(buffer[done..]); // FileStream retries EINTR itself
            if (n <= 0)
            {
                throw new IOException($"{path} returned end of file.");
            }

            done += n;
        }
    }

    private static unsafe void FillGetEntropy(Span<byte> buffer)
    {
        fixed (byte* start = buffer)
        {
            for (int done = 0; done < buffer.Length; done += GetEntropyMax)
            {
                int chunk = Math.Min(GetEntropyMax, buffer.Length - done);
                if (getentropy(start + done, (nuint)chunk) != 0)
                {
                    throw new IOException($"getentropy(3) failed with errno {Marshal.GetLastPInvokeError()}.");
                }
            }
        }
    }

    private static unsafe void FillWindows(Span<byte> buffer)
    {
        const uint BCRYPT_USE_SYSTEM_PREFERRED_RNG = 0x00000002;
        fixed (byte* start = buffer)
        {
            int status = BCryptGenRandom(0, start, (uint)buffer.Length, BCRYPT_USE_SYSTEM_PREFERRED_RNG);
            if (status != 0)
            {
                throw new IOException($"BCryptGenRandom failed with NTSTATUS 0x{status:X8}.");
            }
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial nint getrandom(byte* buf, nuint buflen, uint flags);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int getentropy(byte* buf, nuint buflen);

    [LibraryImport("bcrypt.dll")]
    private static unsafe partial int BCryptGenRandom(nint algorithm, byte* buffer, uint count, uint flags);
}
