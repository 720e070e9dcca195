using System.Runtime.InteropServices;

namespace ManagedTls.Random;

/// <summary>
/// The real id of the calling process, asked of the kernel on every call: <c>getpid(2)</c> through libc on Unix,
/// <c>GetCurrentProcessId</c> on Windows.
/// </summary>
/// <remarks>
/// <see cref="Environment.ProcessId"/> is read once and cached by the runtime, so after a <c>fork(2)</c> the child
/// still sees its parent's id there; fork detection must not use it. glibc has not cached <c>getpid</c> since
/// 2.25, and musl and the BSDs never did, so this call returns the child's id in a forked child.
/// </remarks>
internal static partial class ProcessIdentity
{
    /// <summary>Asks the kernel for the calling process's id.</summary>
    /// <returns>The current process id.</returns>
    public static int GetCurrentProcessId() => OperatingSystem.IsWindows() ? (int)GetCurrentProcessIdWindows() : getpid();

    [LibraryImport("libc")]
    private static partial int getpid();

    [LibraryImport("kernel32.dll", EntryPoint = "GetCurrentProcessId")]
    private static partial uint GetCurrentProcessIdWindows();
}
