using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using Org.BouncyCastle.Crypto.Prng;
using Org.BouncyCastle.Security;

namespace ManagedTls.Crypto.BouncyCastle;

/// <summary>
/// Cuts BouncyCastle off from .NET's platform crypto (<c>RandomNumberGenerator</c> and friends): see docs/decisions/0001-bouncycastle-securerandom.md.
/// </summary>
/// <remarks>
/// Portable.BouncyCastle 1.8.10 seeds every default <see cref="SecureRandom"/> — including the one
/// <c>Org.BouncyCastle.Math.BigInteger</c>'s static constructor creates on first use of any RSA/EC/DSA/DH code —
/// from the private static <c>SecureRandom.master</c>, whose generator wraps .NET's <c>RandomNumberGenerator</c>,
/// which on Linux loads native libcrypto (and aborts the process when it is absent). Before any other BouncyCastle
/// type is touched, <see cref="Install"/> swaps that generator for <see cref="OsEntropyRandomGenerator"/>; every
/// call we make that takes randomness is additionally handed <see cref="Random"/>.
/// </remarks>
internal static class BouncyCastleEntropy
{
    private const string MasterField = "master";
    private const string GeneratorField = "generator";

    /// <summary>The <see cref="SecureRandom"/> every BouncyCastle API we call receives.</summary>
    public static SecureRandom Random { get; } = CreateRandom();

    /// <summary>True once <see cref="Install"/> has redirected <c>SecureRandom.master</c>.</summary>
    public static bool Installed { get; private set; }

    /// <summary>
    /// Runs when the ManagedTls assembly is loaded, before any code in it — hence before any BouncyCastle type the
    /// adapter uses — can run. Idempotent.
    /// </summary>
    /// <exception cref="InvalidOperationException">BouncyCastle's private layout is not the one this code was written for.</exception>
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
        Justification = "The redirect must happen before any BouncyCastle type initializer can reach RandomNumberGenerator; "
            + "only a module initializer runs early enough without every entry point remembering to call it. See decision 0001.")]
    internal static void Install()
    {
        if (Installed)
        {
            return;
        }

        // Touching typeof(SecureRandom).GetField runs SecureRandom's static constructor. That constructor builds
        // master = new SecureRandom(new CryptoApiRandomGenerator()); creating the RandomNumberGenerator object does
        // not load libcrypto — only drawing bytes from it does — so we replace it before anything draws.
        FieldInfo master = typeof(SecureRandom).GetField(MasterField, BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw LayoutChanged($"static field SecureRandom.{MasterField} not found");
        FieldInfo generator = typeof(SecureRandom).GetField(GeneratorField, BindingFlags.NonPublic | BindingFlags.Instance)
            ?? throw LayoutChanged($"instance field SecureRandom.{GeneratorField} not found");
        if (master.FieldType != typeof(SecureRandom) || generator.FieldType != typeof(IRandomGenerator))
        {
            throw LayoutChanged($"unexpected field types {master.FieldType} / {generator.FieldType}");
        }

        object instance = master.GetValue(null) ?? throw LayoutChanged($"SecureRandom.{MasterField} is null");
        generator.SetValue(instance, new OsEntropyRandomGenerator());
        if (generator.GetValue(instance) is not OsEntropyRandomGenerator)
        {
            throw LayoutChanged($"writing SecureRandom.{MasterField}.{GeneratorField} did not take effect");
        }

        Installed = true;
    }

    /// <summary>Returns the generator behind <c>SecureRandom.master</c> (for the guard tests).</summary>
    /// <returns>The generator object.</returns>
    internal static object? MasterGenerator()
    {
        object? instance = typeof(SecureRandom).GetField(MasterField, BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null);
        return instance is null ? null : typeof(SecureRandom).GetField(GeneratorField, BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(instance);
    }

    private static SecureRandom CreateRandom()
    {
        Install(); // static initialisation order: make sure master is redirected before any SecureRandom is built
        return new SecureRandom(new OsEntropyRandomGenerator());
    }

    private static InvalidOperationException LayoutChanged(string detail) => new(
        "ManagedTls cannot cut BouncyCastle off from .NET's RandomNumberGenerator (which loads native libcrypto): "
        + detail + ". The BouncyCastle package was changed without updating Crypto/BouncyCastle/BouncyCastleEntropy.cs; "
        + "see docs/decisions/0001-bouncycastle-securerandom.md.");
}
