using Org.BouncyCastle.Math;
using Org.BouncyCastle.Utilities;

namespace ManagedTls.Crypto.BouncyCastle;

/// <summary>
/// <see cref="IKeyAgreement"/> for finite-field Diffie-Hellman (PKCS#3; RFC 7919 groups): y = g^x mod p and
/// Z = y_peer^x mod p with BouncyCastle's big-integer modular exponentiation.
/// </summary>
internal sealed class BouncyCastleFiniteFieldDh : IKeyAgreement
{
    private const int MinPrimeBits = 512;

    private readonly BigInteger _p;
    private readonly BigInteger _pMinusOne;
    private readonly byte[] _privateKey;
    private readonly byte[] _publicKey;
    private bool _disposed;

    private BouncyCastleFiniteFieldDh(KeyAgreementAlgorithmId algorithm, BigInteger p, BigInteger g, BigInteger x)
    {
        Algorithm = algorithm;
        _p = p;
        _pMinusOne = p.Subtract(BigInteger.One);
        SharedSecretSize = BigIntegers.GetUnsignedByteLength(p);
        _privateKey = BigIntegers.AsUnsignedByteArray(x);
        _publicKey = BigIntegers.AsUnsignedByteArray(SharedSecretSize, g.ModPow(x, p));
    }

    public KeyAgreementAlgorithmId Algorithm { get; }

    public ReadOnlySpan<byte> PublicKey => _publicKey;

    public int SharedSecretSize { get; }

    public static bool IsNamedGroup(KeyAgreementAlgorithmId algorithm) =>
        algorithm is KeyAgreementAlgorithmId.Ffdhe2048 or KeyAgreementAlgorithmId.Ffdhe3072 or KeyAgreementAlgorithmId.Ffdhe4096
            or KeyAgreementAlgorithmId.Ffdhe6144 or KeyAgreementAlgorithmId.Ffdhe8192;

    public static BouncyCastleFiniteFieldDh GenerateNamed(KeyAgreementAlgorithmId group) =>
        Generate(FfdheGroups.Prime(group).Span, FfdheGroups.Generator.Span, FfdheGroups.PrivateExponentBits(group));

    public static BouncyCastleFiniteFieldDh ImportNamed(KeyAgreementAlgorithmId group, ReadOnlySpan<byte> privateKey)
    {
        var p = new BigInteger(1, FfdheGroups.Prime(group).ToArray());
        var x = new BigInteger(1, privateKey.ToArray());
        if (x.CompareTo(BigInteger.One) <= 0 || x.CompareTo(p.Subtract(BigInteger.One)) >= 0)
        {
            throw new ArgumentException("The DH private exponent is out of range (1, p-1).", nameof(privateKey));
        }

        return new BouncyCastleFiniteFieldDh(group, p, BigInteger.Two, x);
    }

    public static BouncyCastleFiniteFieldDh Generate(ReadOnlySpan<byte> prime, ReadOnlySpan<byte> generator, int privateExponentBits)
    {
        var p = new BigInteger(1, prime.ToArray());
        var g = new BigInteger(1, generator.ToArray());
        if (p.BitLength < MinPrimeBits || !p.TestBit(0))
        {
            throw new ArgumentException($"DH prime must be odd and at least {MinPrimeBits} bits (got {p.BitLength}).", nameof(prime));
        }

        if (g.CompareTo(BigInteger.One) <= 0 || g.CompareTo(p.Subtract(BigInteger.One)) >= 0)
        {
            throw new ArgumentException("DH generator must be in [2, p-2].", nameof(generator));
        }

        int bits = Math.Clamp(privateExponentBits, 160, p.BitLength - 1);
        BigInteger x;
        do
        {
            x = new BigInteger(bits, BouncyCastleEntropy.Random);
        }
        while (x.CompareTo(BigInteger.One) <= 0);

        KeyAgreementAlgorithmId algorithm = FfdheGroups.Identify(prime, generator) ?? KeyAgreementAlgorithmId.FiniteFieldDh;
        return new BouncyCastleFiniteFieldDh(algorithm, p, g, x);
    }

    public bool TryDeriveSharedSecret(ReadOnlySpan<byte> peerPublicKey, Span<byte> sharedSecret)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (sharedSecret.Length != SharedSecretSize)
        {
            throw new ArgumentException($"The secret span must be {SharedSecretSize} bytes.", nameof(sharedSecret));
        }

        sharedSecret.Clear();
        if (peerPublicKey.IsEmpty || peerPublicKey.Length > SharedSecretSize)
        {
            return false;
        }

        // RFC 7919 §5.1 / SP 800-56A §5.6.2.3.1: 1 < y < p-1, which excludes the order-1 and order-2 elements.
        var y = new BigInteger(1, peerPublicKey.ToArray());
        if (y.CompareTo(BigInteger.One) <= 0 || y.CompareTo(_pMinusOne) >= 0)
        {
            return false;
        }

        BigInteger z = y.ModPow(new BigInteger(1, _privateKey), _p);
        if (z.CompareTo(BigInteger.One) <= 0)
        {
            return false;
        }

        byte[] secret = BigIntegers.AsUnsignedByteArray(SharedSecretSize, z);
        secret.CopyTo(sharedSecret);
        SecretMemory.Zero(secret);
        return true;
    }

    public void Dispose()
    {
        _disposed = true;
        SecretMemory.Zero(_privateKey);
    }
}
