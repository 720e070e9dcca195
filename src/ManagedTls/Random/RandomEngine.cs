namespace ManagedTls.Random;

/// <summary>
/// Which generator <see cref="SecureRandomSource"/> draws from; the two modes of pyca/cryptography's OpenSSL backend
/// (<c>activate_osrandom_engine</c> / <c>activate_builtin_random</c>).
/// </summary>
public enum RandomEngine
{
    /// <summary>
    /// Every byte comes straight from the kernel (<see cref="OsEntropy"/>): no user-space state, fork-safe by
    /// construction. The default.
    /// </summary>
    OsRandom,

    /// <summary>
    /// A user-space NIST SP 800-90A HMAC_DRBG (<see cref="HmacDrbg"/>) seeded from the OS, reseeded on a process id
    /// change, after a request limit and on demand; <c>Rand.Add</c>/<c>Rand.Seed</c> mix into it.
    /// </summary>
    BuiltinDrbg,
}
