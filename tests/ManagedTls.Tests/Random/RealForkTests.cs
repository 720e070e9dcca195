using System.Reflection;
using System.Reflection.Emit;
using ManagedTls.Tests.TestSupport;
using Xunit.Abstractions;

namespace ManagedTls.Tests.Random;

/// <summary>
/// Fork detection proved with a real <c>fork(2)</c> of a real .NET process running the real DRBG and the real
/// <c>getpid()</c> — not a simulated pid (those tests are in <see cref="HmacDrbgTests"/>).
/// </summary>
/// <remarks>
/// <para>
/// How: the test emits a tiny startup-hook assembly whose <c>StartupHook.Initialize</c> loads this test assembly and
/// calls <see cref="ForkProbe"/>, then starts <c>dotnet mtls.dll version</c> with that hook and
/// <c>DOTNET_EnableWriteXorExecute=0</c>. The probe seeds a DRBG, forks, lets parent and child each draw 32 bytes,
/// and reports both, plus the same for a control DRBG keyed to the cached <see cref="Environment.ProcessId"/>.
/// </para>
/// <para>
/// Limits, stated plainly: .NET does not support managed code in a forked child. It works here because the child
/// runs a short, already-compiled path on the only surviving thread, with W^X off (with it on, the child crashes on
/// shared code pages — observed). So the probe proves the detection logic and the getpid binding under a real fork;
/// it does not make forking a .NET process safe in general. If the runtime cannot run the experiment (child hangs or
/// dies silently) the test is SKIPPED with the reason; a child that reports wrong bytes FAILS it.
/// </para>
/// </remarks>
public class RealForkTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void Fill_AfterRealFork_ChildDivergesFromParentUnlessPidIsCached()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the real-fork proof uses Linux fork(2)/pipe(2); the simulated-pid tests cover the logic everywhere");
        string? dotnet = ProcessRunner.FindOnPath("dotnet");
        Skip.If(dotnet is null, "dotnet is not on PATH; the real-fork probe runs in a fresh `dotnet mtls.dll` process");
        string hook = EmitStartupHook(typeof(ForkProbe).Assembly.Location);
        try
        {
            ProcessResult result = ProcessRunner.Run(
                dotnet!,
                [Mtls.AssemblyPath, "version"],
                timeout: TimeSpan.FromSeconds(90),
                environment: new Dictionary<string, string>
                {
                    ["DOTNET_STARTUP_HOOKS"] = hook,
                    ["DOTNET_EnableWriteXorExecute"] = "0",
                    ["DOTNET_TieredCompilation"] = "0", // fully optimised code up front: no background tier-up the child could trip on
                });

            string line = result.Stdout.Split('\n').FirstOrDefault(l => l.StartsWith("fork-probe", StringComparison.Ordinal))
                ?? throw new ShouldAssertException($"the probe did not run (exit {result.ExitCode}): {result.Stdout}{result.Stderr}");
            output.WriteLine(line);
            Skip.If(line.StartsWith("fork-probe-failed", StringComparison.Ordinal), $"the runtime could not run the fork experiment: {line}");

            string[] f = line.Split(' ');
            int parentPid = int.Parse(f[1]), childPid = int.Parse(f[2]), childRealPid = int.Parse(f[3]), childCachedPid = int.Parse(f[4]);
            string parentDrbg = f[5], childDrbg = f[6], parentControl = f[7], childControl = f[8];

            childRealPid.ShouldBe(childPid, "getpid() in the child returns the child's id");
            childRealPid.ShouldNotBe(parentPid);
            childDrbg.ShouldNotBe(parentDrbg, "after a real fork the child's DRBG must not repeat the parent's bytes");
            if (childCachedPid == parentPid)
            {
                // The runtime kept the parent's id in the child: a DRBG keyed to it is blind to the fork.
                childControl.ShouldBe(parentControl, "the control shows the hazard: same state, same bytes");
            }
        }
        finally
        {
            File.Delete(hook);
        }
    }

    /// <summary>Writes an assembly with <c>StartupHook.Initialize() =&gt; Assembly.LoadFrom(testAssembly).GetType(ForkProbe).GetMethod("Run").Invoke(null, null)</c>.</summary>
    private static string EmitStartupHook(string testAssembly)
    {
        var builder = new PersistedAssemblyBuilder(new AssemblyName("ManagedTlsForkProbeHook"), typeof(object).Assembly);
        ModuleBuilder module = builder.DefineDynamicModule("ManagedTlsForkProbeHook");
        TypeBuilder type = module.DefineType("StartupHook", TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Sealed | TypeAttributes.Class);
        MethodBuilder initialize = type.DefineMethod("Initialize", MethodAttributes.Public | MethodAttributes.Static, typeof(void), Type.EmptyTypes);
        ILGenerator il = initialize.GetILGenerator();
        il.Emit(OpCodes.Ldstr, testAssembly);
        il.Emit(OpCodes.Call, typeof(Assembly).GetMethod(nameof(Assembly.LoadFrom), [typeof(string)])!);
        il.Emit(OpCodes.Ldstr, typeof(ForkProbe).FullName!);
        il.Emit(OpCodes.Ldc_I4_1); // throwOnError
        il.Emit(OpCodes.Callvirt, typeof(Assembly).GetMethod(nameof(Assembly.GetType), [typeof(string), typeof(bool)])!);
        il.Emit(OpCodes.Ldstr, nameof(ForkProbe.Run));
        il.Emit(OpCodes.Callvirt, typeof(Type).GetMethod(nameof(Type.GetMethod), [typeof(string)])!);
        il.Emit(OpCodes.Ldnull);
        il.Emit(OpCodes.Ldnull);
        il.Emit(OpCodes.Callvirt, typeof(MethodBase).GetMethod(nameof(MethodBase.Invoke), [typeof(object), typeof(object[])])!);
        il.Emit(OpCodes.Pop);
        il.Emit(OpCodes.Ret);
        type.CreateType();
        string path = Path.Combine(Path.GetTempPath(), $"mtls-fork-probe-{Guid.NewGuid():N}.dll");
        builder.Save(path);
        return path;
    }
}
