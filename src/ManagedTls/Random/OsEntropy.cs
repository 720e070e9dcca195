using System.Runtime.InteropServices;

namespace ManagedTls.Random;

/// <summary>
/// Reads entropy straight from the operating system: <c>getrandom(2)</c> on Linux (with a <c>/dev/urandom</c>
/// fallback), <c>getentropy(3)</c> on macOS and FreeBSD, <c>BCryptGenRandom</c> on Windows.
/// </summary>
/// <remarks>
/// This type keeps no user-space state, so it is fork-safe by construction: a child process can never replay
/// its parent's output. It never touches <c>System.Security.Cryptography</c>, which on Linux loads native
/// libcrypto even for <c>RandomNumberGenerator</c>.
/// </remarks>
public static partial class OsEntropy
{
    private const int EINTR = 4;
    private const int ENOSYS = 38;
    private const int GetEntropyMax = 256;

    private static volatile bool s_getrandomUnavailable;

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
    public static byte[] GetBytes(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        byte[] result = new byte[count];
        Fill(result);
        return result;
    }

    private static unsafe void FillLinux(Span<byte> buffer)
    {
        if (!s_getrandomUnavailable)
        {
            fixed (byte* start = buffer)
            {
                int done = 0;
                while (done < buffer.Length)
                {
                    nint n = getrandom(start + done, (nuint)(buffer.Length - done), 0);
                    if (n > 0)
                    {
                        done += (int)n; // short reads happen for large requests and on signals
                        continue;
                    }

                    int errno = Marshal.GetLastPInvokeError();
                    if (n < 0 && errno == EINTR)
                    {
                        continue;
                    }

                    if (n < 0 && errno == ENOSYS)
                    {
                        s_getrandomUnavailable = true; // kernels before 3.17
                        break;
                    }

                    throw new IOException($"getrandom(2) failed with errno {errno}.");
                }

                if (done == buffer.Length)
                {
                    return;
                }
            }
        }

        FillFromDevice(buffer);
    }

    private static void FillFromDevice(Span<byte> buffer)
    {
        using var stream = new FileStream("/dev/urandom", FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        int done = 0;
        while (done < buffer.Length)
        {
            int n = stream.Read(buffer[done..]);
            if (n <= 0)
            {
                throw new IOException("/dev/urandom returned end of file.");
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
