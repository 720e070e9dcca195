namespace ManagedTls.Keys;

/// <summary>
/// An inconsistency <see cref="RsaKeyConsistency.Check"/> found in an RSA private key; each is one of the reasons
/// OpenSSL's <c>RSA_check_key</c> reports (see <see cref="RsaKeyConsistency.OpenSslReason"/>).
/// </summary>
public enum RsaKeyProblem
{
    /// <summary>e is even or 1 ("bad e value").</summary>
    BadPublicExponent,

    /// <summary>p is composite ("p not prime").</summary>
    PNotPrime,

    /// <summary>q is composite ("q not prime").</summary>
    QNotPrime,

    /// <summary>The product of the primes is not n ("n does not equal p q").</summary>
    ModulusNotProductOfPrimes,

    /// <summary>d·e ≢ 1 mod lcm(p − 1, q − 1, …) ("d e not congruent to 1").</summary>
    DETimesNotOne,

    /// <summary>dP ≠ d mod (p − 1) ("dmp1 not congruent to d").</summary>
    DPNotCongruent,

    /// <summary>dQ ≠ d mod (q − 1) ("dmq1 not congruent to d").</summary>
    DQNotCongruent,

    /// <summary>qInv·q ≢ 1 mod p ("iqmp not inverse of q").</summary>
    QInvNotInverse,

    /// <summary>A further prime of a multi-prime key is composite ("mp r not prime").</summary>
    OtherPrimeNotPrime,

    /// <summary>A further prime's exponent is not d mod (r − 1) ("mp exponent not congruent to d").</summary>
    OtherExponentNotCongruent,

    /// <summary>A further prime's coefficient is not the inverse of the preceding primes' product ("mp coefficient not inverse of r").</summary>
    OtherCoefficientNotInverse,
}
