using System.Numerics;
using ManagedTls.Keys;

namespace ManagedTls.Cli;

/// <summary>
/// The consistency checks behind <c>pkey -check</c>/<c>-pubcheck</c> and <c>rsa -check</c>, after OpenSSL's
/// <c>EVP_PKEY_check</c>/<c>EVP_PKEY_public_check</c> and <c>RSA_check_key</c> (RSA through <see cref="RsaKeyConsistency"/>).
/// The key model already rejects much at decode time (RSA n = p·q, EC points on the curve, DSA y = g^x mod p); these
/// add the checks it leaves out.
/// </summary>
internal static class KeyCheck
{
    /// <summary>Checks a key pair (private and public halves, and their agreement).</summary>
    /// <param name="key">The key.</param>
    /// <returns>The outcome and, when invalid, openssl-style reason lines.</returns>
    public static Result Check(PrivateKey key)
    {
        var problems = new List<string>();
        switch (key)
        {
            case RsaPrivateKey rsa:
                CheckRsa(rsa, problems);
                break;
            case DsaPrivateKey dsa:
                CheckDsaDomain(dsa.Parameters, problems);
                break;
            case EcPrivateKey ec:
                byte[]? derived = KeyMath.TryDeriveEcPublicPoint(ec.Curve, ec.Scalar.Span);
                if (derived is not null && !derived.AsSpan().SequenceEqual(ec.PublicKey.Point.Span))
                {
                    problems.Add("EC key error: invalid private key (public key does not match d*G)");
                }

                break;
            case EcxPrivateKey ecx:
                byte[]? pub = KeyMath.TryDeriveEcxPublicKey(ecx.Algorithm, ecx.Key.Span);
                if (pub is not null && !pub.AsSpan().SequenceEqual(ecx.PublicKey.Key.Span))
                {
                    problems.Add($"{ecx.Algorithm} key error: public key does not match the private key");
                }

                break;
        }

        if (problems.Count == 0)
        {
            problems.AddRange(CheckPublic(key.PublicKey).Problems);
        }

        return new Result(problems);
    }

    /// <summary>Checks a public key alone.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The outcome.</returns>
    public static Result CheckPublic(PublicKey key)
    {
        var problems = new List<string>();
        if (key is RsaPublicKey rsa)
        {
            BigInteger n = ToInteger(rsa.Modulus.Span);
            BigInteger e = ToInteger(rsa.Exponent.Span);
            if (n.IsEven)
            {
                problems.Add("RSA key error: n is even");
            }

            if (e.IsEven || e < 3 || e >= n)
            {
                problems.Add("RSA key error: bad e value");
            }
        }
        else if (key is DsaPublicKey dsa)
        {
            CheckDsaDomain(dsa.Parameters, problems);
            BigInteger p = ToInteger(dsa.Parameters.P.Span), q = ToInteger(dsa.Parameters.Q.Span), y = ToInteger(dsa.Y.Span);
            if (y < 2 || y > p - 2 || BigInteger.ModPow(y, q, p) != BigInteger.One)
            {
                problems.Add("DSA key error: invalid public key y");
            }
        }

        return new Result(problems);
    }

    private static void CheckRsa(RsaPrivateKey key, List<string> problems)
    {
        if (key.P.IsEmpty)
        {
            return; // no CRT values: n = p·q cannot be checked; decoding checked what it could
        }

        problems.AddRange(RsaKeyConsistency.Check(key).Select(p => "RSA key error: " + RsaKeyConsistency.OpenSslReason(p)));
    }

    private static void CheckDsaDomain(DsaDomainParameters domain, List<string> problems)
    {
        BigInteger p = ToInteger(domain.P.Span), q = ToInteger(domain.Q.Span), g = ToInteger(domain.G.Span);
        // As OpenSSL's simple FFC validation (no seed to re-derive from): q divides p - 1 and g has order q.
        if (q < 2 || p <= q || (p - 1) % q != BigInteger.Zero)
        {
            problems.Add("DSA key error: invalid domain parameters p, q");
        }
        else if (g < 2 || g > p - 2 || BigInteger.ModPow(g, q, p) != BigInteger.One)
        {
            problems.Add("DSA key error: invalid domain parameter g");
        }
    }

    private static BigInteger ToInteger(ReadOnlySpan<byte> bigEndian) => new(bigEndian, isUnsigned: true, isBigEndian: true);

    /// <summary>The outcome of a check.</summary>
    /// <param name="Problems">openssl-style reason lines; empty when the key is valid.</param>
    internal sealed record Result(IReadOnlyList<string> Problems)
    {
        /// <summary>True when no problem was found.</summary>
        public bool IsValid => Problems.Count == 0;
    }
}
