using System.Security.Cryptography;

// Deliberately in the global namespace: DOTNET_STARTUP_HOOKS looks for a type named exactly "StartupHook".
// LibsslFreeRunTests loads this assembly as a startup hook into `dotnet mtls.dll` to prove the sabotage works:
// with MTLS_GUARD_PROBE=RandomNumberGenerator the hook draws from .NET's RandomNumberGenerator, which on Linux
// needs native libcrypto. Outside the sabotaged namespace that succeeds; inside it must abort the process.
// Without the variable (or when the assembly is not a hook) it does nothing.
internal static class StartupHook
{
    public static void Initialize()
    {
        if (Environment.GetEnvironmentVariable("MTLS_GUARD_PROBE") == "RandomNumberGenerator")
        {
            byte[] bytes = RandomNumberGenerator.GetBytes(16);
            Console.Error.WriteLine($"guard probe: RandomNumberGenerator returned {bytes.Length} bytes (native libcrypto is loadable)");
        }
    }
}
