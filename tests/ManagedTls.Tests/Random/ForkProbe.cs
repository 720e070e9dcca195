using System.Globalization;
using System.Runtime.InteropServices;
using ManagedTls.Crypto;
using ManagedTls.Random;

namespace ManagedTls.Tests.Random;

/// <summary>
/// The fork experiment itself. It runs inside a FRESH <c>dotnet mtls.dll</c> process (loaded through a startup
/// hook by <see cref="RealForkTests"/>) started with <c>DOTNET_EnableWriteXorExecute=0</c>, never inside the test
/// host: with W^X on, JIT-ed code lives in a shared (MAP_SHARED) double mapping, so a forked child that touches
/// code memory crashes — and can corrupt its parent — which is exactly what happened when this ran in-process.
/// </summary>
/// <remarks>
/// Protocol: prints one line <c>fork-probe parentPid childPid childRealPid childCachedPid parentDrbg childDrbg
/// parentControl childControl</c> (hex for the bytes), or <c>fork-probe-failed reason</c>, then exits the process.
/// </remarks>
internal static class ForkProbe
{
    private const int Report = 72;
    private const int WNOHANG = 1;
    private const int SIGKILL = 9;

    public static void Run()
    {
        Console.Out.WriteLine(Experiment());
        Console.Out.Flush();
        Environment.Exit(0);
    }

    private static string Experiment()
    {
        ICryptoProvider provider = CryptoProviders.Default;
        using var drbg = new HmacDrbg(provider);                                                                     // real getpid()
        using var control = new HmacDrbg(provider, new DrbgOptions { ProcessIdProvider = () => Environment.ProcessId }); // cached id
        byte[] mine = new byte[32];
        byte[] theirs = new byte[32];
        WarmUp(provider, drbg, control, mine, theirs);

        int[] fds = new int[2];
        if (pipe(fds) != 0)
        {
            return "fork-probe-failed pipe";
        }

        nint report = Marshal.AllocHGlobal(Report);
        int parentPid = getpid();
        int child = fork();
        if (child == 0)
        {
            RunChild(drbg, control, mine, theirs, report, fds[1]); // never returns
        }

        if (child < 0)
        {
            return "fork-probe-failed fork";
        }

        close(fds[1]);
        drbg.Fill(mine);
        control.Fill(theirs);
        if (!WaitForExit(child, TimeSpan.FromSeconds(20), out int status))
        {
            return "fork-probe-failed child-hung";
        }

        byte[] fromChild = new byte[Report];
        int got = ReadAll(fds[0], report, fromChild);
        close(fds[0]);
        if (got != Report)
        {
            return $"fork-probe-failed child-status-0x{status:x}-sent-{got}";
        }

        return string.Join(
            ' ',
            "fork-probe",
            parentPid.ToString(CultureInfo.InvariantCulture),
            child.ToString(CultureInfo.InvariantCulture),
            BitConverter.ToInt32(fromChild, 64).ToString(CultureInfo.InvariantCulture),
            BitConverter.ToInt32(fromChild, 68).ToString(CultureInfo.InvariantCulture),
            Convert.ToHexStringLower(mine),
            Convert.ToHexStringLower(fromChild.AsSpan(0, 32)),
            Convert.ToHexStringLower(theirs),
            Convert.ToHexStringLower(fromChild.AsSpan(32, 32)));
    }

    private static void WarmUp(ICryptoProvider provider, HmacDrbg drbg, HmacDrbg control, byte[] mine, byte[] theirs)
    {
        // Compile every path the child takes, including the fork-reseed path (on a throwaway instance whose pid moves).
        int pid = 1;
        using (var scratch = new HmacDrbg(provider, new DrbgOptions { ProcessIdProvider = () => pid }))
        {
            for (int i = 0; i < 50; i++)
            {
                scratch.Fill(mine);
                pid++;
                scratch.Fill(mine);
            }
        }

        for (int i = 0; i < 50; i++)
        {
            drbg.Fill(mine);
            control.Fill(theirs);
        }

        Marshal.PrelinkAll(typeof(ForkProbe));
        _ = Environment.ProcessId;
    }

    private static void RunChild(HmacDrbg drbg, HmacDrbg control, byte[] mine, byte[] theirs, nint report, int fd)
    {
        int code = 0;
        try
        {
            drbg.Fill(mine);
            control.Fill(theirs);
            Marshal.Copy(mine, 0, report, 32);
            Marshal.Copy(theirs, 0, report + 32, 32);
            Marshal.WriteInt32(report, 64, getpid());
            Marshal.WriteInt32(report, 68, Environment.ProcessId);
            if (write(fd, report, Report) != Report)
            {
                code = 2;
            }
        }
        catch (Exception)
        {
            code = 3; // the child must never unwind into its copy of the parent's stack
        }

        _exit(code);
    }

    private static bool WaitForExit(int pid, TimeSpan timeout, out int status)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (waitpid(pid, out status, WNOHANG) == pid)
            {
                return true;
            }

            Thread.Sleep(10);
        }

        kill(pid, SIGKILL);
        waitpid(pid, out status, 0);
        return false;
    }

    private static int ReadAll(int fd, nint buffer, byte[] destination)
    {
        int total = 0;
        while (total < destination.Length)
        {
            nint n = read(fd, buffer + total, destination.Length - total);
            if (n <= 0)
            {
                break;
            }

            total += (int)n;
        }

        Marshal.Copy(buffer, destination, 0, total);
        return total;
    }

    [DllImport("libc")]
    private static extern int fork();

    [DllImport("libc")]
    private static extern void _exit(int status);

    [DllImport("libc")]
    private static extern int getpid();

    [DllImport("libc")]
    private static extern int pipe(int[] fds);

    [DllImport("libc")]
    private static extern int close(int fd);

    [DllImport("libc")]
    private static extern nint write(int fd, nint buffer, nint count);

    [DllImport("libc")]
    private static extern nint read(int fd, nint buffer, nint count);

    [DllImport("libc")]
    private static extern int waitpid(int pid, out int status, int options);

    [DllImport("libc")]
    private static extern int kill(int pid, int signal);
}
