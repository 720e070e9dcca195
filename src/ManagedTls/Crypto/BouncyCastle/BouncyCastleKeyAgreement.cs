using Org.BouncyCastle.Crypto.Agreement;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Utilities;
using Rfc7748X25519 = Org.BouncyCastle.Math.EC.Rfc7748.X25519;
using Rfc7748X448 = Org.BouncyCastle.Math.EC.Rfc7748.X448;

namespace ManagedTls.Crypto.BouncyCastle;

/// <summary><see cref="IKeyAgreement"/> for X25519, X448 (RFC 7748) and ECDH on the NIST curves (SEC 1 §3.3.1).</summary>
internal sealed class BouncyCastleKeyAgreement : IKeyAgreement
{
    private readonly byte[] _privateKey;
    private readonly byte[] _publicKey;
    private readonly ECDomainParameters? _domain;
    private bool _disposed;

    private BouncyCastleKeyAgreement(KeyAgreementAlgorithmId algorithm, byte[] privateKey, byte[] publicKey, ECDomainParameters? domain, int secretSize)
    {
        Algorithm = algorithm;
        _privateKey = privateKey;
        _publicKey = publicKey;
        _domain = domain;
        SharedSecretSize = secretSize;
    }

    public KeyAgreementAlgorithmId Algorithm { get; }

    public ReadOnlySpan<byte> PublicKey => _publicKey;

    public int SharedSecretSize { get; }

    public static BouncyCastleKeyAgreement Generate(KeyAgreementAlgorithmId algorithm)
    {
        switch (algorithm)
        {
            case KeyAgreementAlgorithmId.X25519:
                return Import(algorithm, new X25519PrivateKeyParameters(BouncyCastleEntropy.Random).GetEncoded());
            case KeyAgreementAlgorithmId.X448:
                return Import(algorithm, new X448PrivateKeyParameters(BouncyCastleEntropy.Random).GetEncoded());
            default:
                ECDomainParameters domain = Domain(algorithm);
                var generator = new ECKeyPairGenerator();
                generator.Init(new ECKeyGenerationParameters(domain, BouncyCastleEntropy.Random));
                var key = (ECPrivateKeyParameters)generator.GenerateKeyPair().Private;
                return Import(algorithm, BigIntegers.AsUnsignedByteArray(BouncyCastleCurves.OrderSize(domain), key.D));
        }
    }

    public static BouncyCastleKeyAgreement Import(KeyAgreementAlgorithmId algorithm, ReadOnlySpan<byte> privateKey)
    {
        switch (algorithm)
        {
            case KeyAgreementAlgorithmId.X25519:
            {
                RequireLength(privateKey, Rfc7748X25519.ScalarSize);
                byte[] k = privateKey.ToArray();
                byte[] u = new byte[Rfc7748X25519.PointSize];
                Rfc7748X25519.ScalarMultBase(k, 0, u, 0);
                return new BouncyCastleKeyAgreement(algorithm, k, u, null, Rfc7748X25519.PointSize);
            }

            case KeyAgreementAlgorithmId.X448:
            {
                RequireLength(privateKey, Rfc7748X448.ScalarSize);
                byte[] k = privateKey.ToArray();
                byte[] u = new byte[Rfc7748X448.PointSize];
                Rfc7748X448.ScalarMultBase(k, 0, u, 0);
                return new BouncyCastleKeyAgreement(algorithm, k, u, null, Rfc7748X448.PointSize);
            }

            default:
            {
                ECDomainParameters domain = Domain(algorithm);
                var d = new BigInteger(1, privateKey.ToArray());
                if (d.SignValue <= 0 || d.CompareTo(domain.N) >= 0)
                {
                    throw new ArgumentException("The ECDH private scalar is out of range [1, n-1].", nameof(privateKey));
                }

                byte[] q = domain.G.Multiply(d).Normalize().GetEncoded(false);
                return new BouncyCastleKeyAgreement(algorithm, BigIntegers.AsUnsignedByteArray(BouncyCastleCurves.OrderSize(domain), d), q, domain, BouncyCastleCurves.FieldSize(domain));
            }
        }
    }

    public bool TryDeriveSharedSecret(ReadOnlySpan<byte> peerPublicKey, Span<byte> sharedSecret)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (sharedSecret.Length != SharedSecretSize)
        {
            throw new ArgumentException($"The secret span must be {SharedSecretSize} bytes.", nameof(sharedSecret));
        }

        byte[] secret = new byte[SharedSecretSize];
        try
        {
            bool ok = Algorithm switch
            {
                KeyAgreementAlgorithmId.X25519 => peerPublicKey.Length == Rfc7748X25519.PointSize
                    && Rfc7748X25519.CalculateAgreement(_privateKey, 0, peerPublicKey.ToArray(), 0, secret, 0),
                KeyAgreementAlgorithmId.X448 => peerPublicKey.Length == Rfc7748X448.PointSize
                    && Rfc7748X448.CalculateAgreement(_privateKey, 0, peerPublicKey.ToArray(), 0, secret, 0),
                _ => TryEcdh(peerPublicKey, secret),
            };
            if (ok)
            {
                secret.CopyTo(sharedSecret);
            }
            else
            {
                sharedSecret.Clear();
            }

            return ok;
        }
        finally
        {
            SecretMemory.Zero(secret);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        SecretMemory.Zero(_privateKey);
    }

    private static ECDomainParameters Domain(KeyAgreementAlgorithmId algorithm) => algorithm switch
    {
        KeyAgreementAlgorithmId.EcdhP256 => BouncyCastleCurves.Get(EcCurve.P256),
        KeyAgreementAlgorithmId.EcdhP384 => BouncyCastleCurves.Get(EcCurve.P384),
        KeyAgreementAlgorithmId.EcdhP521 => BouncyCastleCurves.Get(EcCurve.P521),
        _ => throw new NotSupportedException($"Key agreement {algorithm} is not supported."),
    };

    private static void RequireLength(ReadOnlySpan<byte> key, int length)
    {
        if (key.Length != length)
        {
            throw new ArgumentException($"The private key must be {length} bytes.", nameof(key));
        }
    }

    private bool TryEcdh(ReadOnlySpan<byte> peerPublicKey, byte[] secret)
    {
        ECDomainParameters domain = _domain!;
        if (!BouncyCastleCurves.TryDecodePoint(domain, peerPublicKey, out ECPoint? point))
        {
            return false;
        }

        var agreement = new ECDHBasicAgreement();
        agreement.Init(new ECPrivateKeyParameters(new BigInteger(1, _privateKey), domain));
        BigInteger x;
        try
        {
            x = agreement.CalculateAgreement(new ECPublicKeyParameters(point, domain));
        }
        catch (InvalidOperationException)
        {
            return false; // the product is the point at infinity
        }

        BigIntegers.AsUnsignedByteArray(x).AsSpan().CopyTo(secret.AsSpan(secret.Length - BigIntegers.GetUnsignedByteLength(x)));
        return true;
    }
}
