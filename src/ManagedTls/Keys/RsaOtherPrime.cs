namespace ManagedTls.Keys;

/// <summary>One OtherPrimeInfo of a multi-prime RSA key (RFC 8017 §A.1.2): rᵢ, dᵢ = d mod (rᵢ − 1), tᵢ = (r₁·…·rᵢ₋₁)⁻¹ mod rᵢ.</summary>
public sealed class RsaOtherPrime
{
    private readonly byte[] _prime;
    private readonly byte[] _exponent;
    private readonly byte[] _coefficient;

    /// <summary>Creates the triple.</summary>
    /// <param name="prime">rᵢ, big-endian unsigned.</param>
    /// <param name="exponent">dᵢ, big-endian unsigned.</param>
    /// <param name="coefficient">tᵢ, big-endian unsigned.</param>
    public RsaOtherPrime(ReadOnlySpan<byte> prime, ReadOnlySpan<byte> exponent, ReadOnlySpan<byte> coefficient)
    {
        _prime = Magnitude.Minimal(prime);
        _exponent = Magnitude.Minimal(exponent);
        _coefficient = Magnitude.Minimal(coefficient);
    }

    /// <summary>rᵢ.</summary>
    public ReadOnlyMemory<byte> Prime => _prime;

    /// <summary>dᵢ.</summary>
    public ReadOnlyMemory<byte> Exponent => _exponent;

    /// <summary>tᵢ.</summary>
    public ReadOnlyMemory<byte> Coefficient => _coefficient;
}
