using System.Numerics;
using ManagedTls.Random;

namespace ManagedTls.Keys;

/// <summary>
/// Checks that an RSA private key's components agree with each other, as OpenSSL's <c>RSA_check_key</c> does
/// (and pyOpenSSL's <c>PKey.check()</c> through it): p and q prime (Miller-Rabin with witnesses from
/// <see cref="SecureRandomSource"/>), n = p·q, d·e ≡ 1 mod lcm(p − 1, q − 1), and the CRT values.
/// </summary>
/// <remarks>
/// Decoding already rejects keys whose primes do not multiply to n, so <see cref="RsaKeyProblem.ModulusNotProductOfPrimes"/>
/// is reported only for keys built by other means. The primality test runs 64 rounds, OpenSSL 3's count for checking
/// untrusted input, after trial division by small primes; a 4096-bit key takes a fraction of a second.
/// </remarks>
public static class RsaKeyConsistency
{
    private const int MillerRabinRounds = 64;

    private static readonly int[] s_smallPrimes = SmallPrimes(2000);

    /// <summary>Checks the key and returns every problem found, in OpenSSL's order; empty when the key is consistent.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The problems.</returns>
    public static IReadOnlyList<RsaKeyProblem> Check(RsaPrivateKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var problems = new List<RsaKeyProblem>();
        BigInteger n = Magnitude.ToBigInteger(key.Modulus.Span);
        BigInteger e = Magnitude.ToBigInteger(key.Exponent.Span);
        BigInteger d = Magnitude.ToBigInteger(key.D.Span);
        BigInteger p = Magnitude.ToBigInteger(key.P.Span);
        BigInteger q = Magnitude.ToBigInteger(key.Q.Span);

        if (e.IsOne || e.IsEven)
        {
            problems.Add(RsaKeyProblem.BadPublicExponent);
        }

        if (!IsProbablePrime(p))
        {
            problems.Add(RsaKeyProblem.PNotPrime);
        }

        if (!IsProbablePrime(q))
        {
            problems.Add(RsaKeyProblem.QNotPrime);
        }

        BigInteger product = p * q;
        BigInteger lambda = Lcm(p - 1, q - 1);
        var others = key.OtherPrimes.Select(o => (
            R: Magnitude.ToBigInteger(o.Prime.Span),
            D: Magnitude.ToBigInteger(o.Exponent.Span),
            T: Magnitude.ToBigInteger(o.Coefficient.Span))).ToList();
        foreach (var other in others)
        {
            if (!IsProbablePrime(other.R))
            {
                problems.Add(RsaKeyProblem.OtherPrimeNotPrime);
            }

            product *= other.R;
            lambda = Lcm(lambda, other.R - 1);
        }

        if (product != n)
        {
            problems.Add(RsaKeyProblem.ModulusNotProductOfPrimes);
        }

        if (lambda.IsZero || BigInteger.Remainder(d * e, lambda) != BigInteger.One % lambda)
        {
            problems.Add(RsaKeyProblem.DETimesNotOne);
        }

        if (p <= 1 || key.DP.Length == 0 || Magnitude.ToBigInteger(key.DP.Span) != d % (p - 1))
        {
            problems.Add(RsaKeyProblem.DPNotCongruent);
        }

        if (q <= 1 || key.DQ.Length == 0 || Magnitude.ToBigInteger(key.DQ.Span) != d % (q - 1))
        {
            problems.Add(RsaKeyProblem.DQNotCongruent);
        }

        if (p <= 1 || (Magnitude.ToBigInteger(key.QInv.Span) * q) % p != BigInteger.One)
        {
            problems.Add(RsaKeyProblem.QInvNotInverse);
        }

        BigInteger preceding = p * q;
        foreach (var other in others)
        {
            if (other.R <= 1 || other.D != d % (other.R - 1))
            {
                problems.Add(RsaKeyProblem.OtherExponentNotCongruent);
            }

            if (other.R <= 1 || (other.T * preceding) % other.R != BigInteger.One)
            {
                problems.Add(RsaKeyProblem.OtherCoefficientNotInverse);
            }

            preceding *= other.R;
        }

        return problems;
    }

    /// <summary>The reason text OpenSSL's <c>RSA_check_key</c> puts on the error queue for <paramref name="problem"/>.</summary>
    /// <param name="problem">The problem.</param>
    /// <returns>For example "p not prime".</returns>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined <see cref="RsaKeyProblem"/>.</exception>
    public static string OpenSslReason(RsaKeyProblem problem) => problem switch
    {
        RsaKeyProblem.BadPublicExponent => "bad e value",
        RsaKeyProblem.PNotPrime => "p not prime",
        RsaKeyProblem.QNotPrime => "q not prime",
        RsaKeyProblem.ModulusNotProductOfPrimes => "n does not equal p q",
        RsaKeyProblem.DETimesNotOne => "d e not congruent to 1",
        RsaKeyProblem.DPNotCongruent => "dmp1 not congruent to d",
        RsaKeyProblem.DQNotCongruent => "dmq1 not congruent to d",
        RsaKeyProblem.QInvNotInverse => "iqmp not inverse of q",
        RsaKeyProblem.OtherPrimeNotPrime => "mp r not prime",
        RsaKeyProblem.OtherExponentNotCongruent => "mp exponent not congruent to d",
        RsaKeyProblem.OtherCoefficientNotInverse => "mp coefficient not inverse of r",
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, "unknown RSA key problem"),
    };

    /// <summary>Miller-Rabin (FIPS 186-4 §C.3.1) after trial division; witnesses come from <see cref="SecureRandomSource"/>.</summary>
    private static bool IsProbablePrime(BigInteger n)
    {
        if (n < 2)
        {
            return false;
        }

        foreach (int small in s_smallPrimes)
        {
            if (n == small)
            {
                return true;
            }

            if (n % small == 0)
            {
                return false;
            }
        }

        BigInteger nMinusOne = n - 1;
        int s = 0;
        BigInteger m = nMinusOne;
        while (m.IsEven)
        {
            m >>= 1;
            s++;
        }

        int length = n.GetByteCount(isUnsigned: true);
        byte[] buffer = new byte[length + 8];
        for (int round = 0; round < MillerRabinRounds; round++)
        {
            SecureRandomSource.Fill(buffer);
            BigInteger a = (new BigInteger(buffer, isUnsigned: true, isBigEndian: true) % (n - 3)) + 2; // a in [2, n-2]
            BigInteger x = BigInteger.ModPow(a, m, n);
            if (x.IsOne || x == nMinusOne)
            {
                continue;
            }

            bool composite = true;
            for (int j = 1; j < s; j++)
            {
                x = BigInteger.ModPow(x, 2, n);
                if (x == nMinusOne)
                {
                    composite = false;
                    break;
                }

                if (x.IsOne)
                {
                    break;
                }
            }

            if (composite)
            {
                return false;
            }
        }

        return true;
    }

    private static BigInteger Lcm(BigInteger a, BigInteger b) =>
        a.IsZero || b.IsZero ? BigInteger.Zero : BigInteger.Abs(a / BigInteger.GreatestCommonDivisor(a, b) * b);

    private static int[] SmallPrimes(int limit)
    {
        var sieve = new bool[limit + 1];
        var primes = new List<int>();
        for (int i = 2; i <= limit; i++)
        {
            if (sieve[i])
            {
                continue;
            }

            primes.Add(i);
            for (int j = i * i; j <= limit; j += i)
            {
                sieve[j] = true;
            }
        }

        return [.. primes];
    }
}
