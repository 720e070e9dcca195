using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Signatures;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace ManagedTls.Benchmarks;

/// <summary>
/// Sign, verify and key generation for RSA-2048/3072 (PKCS#1 v1.5, SHA-256), ECDSA P-256/P-384 (SHA-256/SHA-384,
/// DER signatures, RFC 6979 nonces) and Ed25519 over a 1 KiB message, three ways in one run: ManagedTls
/// (<see cref="Signer"/>/<see cref="Verifier"/> over the key model, hashing through the provider), raw BouncyCastle
/// (the same primitives with pre-built key parameters: the floor our overhead is measured against), and .NET's
/// OpenSSL-backed <see cref="RSA"/>/<see cref="ECDsa"/> (no Ed25519 in .NET: those rows are NA). A fourth row calls
/// the <see cref="ICryptoProvider"/> directly with key bags prepared once, to tell the Signatures layer's cost from
/// the provider's (which rebuilds BouncyCastle key objects, and so their precomputations, on every call).
/// Run: <c>dotnet run -c Release --project perf/ManagedTls.Benchmarks -- --job short --filter *Signature*</c>.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class SignatureBenchmarks
{
    private const int RsaCertainty = 112; // as the provider's key generation
    private static readonly SecureRandom s_random = new();

    private readonly byte[] _message = new byte[1024];
    private PrivateKey _ourKey = null!;
    private PublicKey _ourPublic = null!;
    private HashAlgorithmId? _hash;
    private byte[] _ourSignature = null!;

    private RsaParameters? _rsaBag;
    private RsaParameters? _rsaPublicBag;
    private EcParameters? _ecBag;
    private EcParameters? _ecPublicBag;
    private EdDsaParameters? _edBag;
    private EdDsaParameters? _edPublicBag;
    private byte[] _providerSignature = null!;

    private ICipherParameters _bcPrivate = null!;
    private ICipherParameters _bcPublic = null!;
    private byte[] _bcSignature = null!;

    private RSA? _netRsa;
    private ECDsa? _netEc;
    private byte[] _netSignature = null!;

    /// <summary>The algorithm and key size.</summary>
    [Params("RSA-2048", "RSA-3072", "P-256", "P-384", "Ed25519")]
    public string Algorithm { get; set; } = "P-256";

    private bool IsRsa => Algorithm.StartsWith("RSA", StringComparison.Ordinal);

    private int RsaBits => Algorithm == "RSA-3072" ? 3072 : 2048;

    private EcCurve Curve => Algorithm == "P-384" ? EcCurve.P384 : EcCurve.P256;

    private HashAlgorithmName NetHash => Algorithm == "P-384" ? HashAlgorithmName.SHA384 : HashAlgorithmName.SHA256;

    [GlobalSetup(Targets = [nameof(Sign_ManagedTls), nameof(Verify_ManagedTls), nameof(KeyGen_ManagedTls), nameof(Sign_Provider), nameof(Verify_Provider)])]
    public void SetupManagedTls()
    {
        FillMessage();
        ICryptoProvider provider = CryptoProviders.Default;
        _ourKey = Algorithm switch
        {
            "Ed25519" => KeyMaterial.FromCrypto(provider.GenerateEdDsaKey(EdwardsCurve.Ed25519)),
            _ when IsRsa => KeyMaterial.FromCrypto(provider.GenerateRsaKey(RsaBits)),
            _ => KeyMaterial.FromCrypto(provider.GenerateEcKey(Curve)),
        };
        _ourPublic = _ourKey.PublicKey;
        _hash = Algorithm switch { "Ed25519" => null, "P-384" => HashAlgorithmId.Sha384, _ => HashAlgorithmId.Sha256 };
        _ourSignature = Signer.Sign(_ourKey, _message, _hash);
        switch (_ourKey)
        {
            case RsaPrivateKey rsa:
                _rsaBag = KeyMaterial.ToCrypto(rsa);
                _rsaPublicBag = KeyMaterial.ToCrypto(rsa.PublicKey);
                break;
            case EcPrivateKey ec:
                _ecBag = KeyMaterial.ToCrypto(ec);
                _ecPublicBag = KeyMaterial.ToCrypto(ec.PublicKey);
                break;
            case EcxPrivateKey ed:
                _edBag = KeyMaterial.ToCrypto(ed);
                _edPublicBag = KeyMaterial.ToCrypto(ed.PublicKey);
                break;
        }

        _providerSignature = Sign_Provider();
    }

    [GlobalSetup(Targets = [nameof(Sign_BouncyCastle), nameof(Verify_BouncyCastle), nameof(KeyGen_BouncyCastle)])]
    public void SetupBouncyCastle()
    {
        FillMessage();
        AsymmetricCipherKeyPair pair = GenerateBouncyCastle();
        _bcPrivate = pair.Private;
        _bcPublic = pair.Public;
        _bcSignature = Sign_BouncyCastle();
    }

    [GlobalSetup(Targets = [nameof(Sign_DotNet), nameof(Verify_DotNet), nameof(KeyGen_DotNet)])]
    public void SetupDotNet()
    {
        FillMessage();
        if (Algorithm == "Ed25519")
        {
            throw new NotSupportedException(".NET has no Ed25519");
        }

        if (IsRsa)
        {
            _netRsa = RSA.Create(RsaBits);
        }
        else
        {
            _netEc = ECDsa.Create(Algorithm == "P-384" ? ECCurve.NamedCurves.nistP384 : ECCurve.NamedCurves.nistP256);
        }

        _netSignature = Sign_DotNet();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _netRsa?.Dispose();
        _netEc?.Dispose();
    }

    [Benchmark(Description = "ManagedTls Signer")]
    [BenchmarkCategory("Sign")]
    public byte[] Sign_ManagedTls() => Signer.Sign(_ourKey, _message, _hash);

    /// <summary>The provider seam alone (hash through IHash, raw key bags prepared once): separates the Signatures layer's cost from the provider's per-call key import.</summary>
    [Benchmark(Description = "ICryptoProvider direct")]
    [BenchmarkCategory("Sign")]
    public byte[] Sign_Provider()
    {
        ICryptoProvider provider = CryptoProviders.Default;
        if (_edBag is not null)
        {
            return provider.SignEdDsa(_edBag, _message);
        }

        Span<byte> digest = stackalloc byte[64];
        int length = Hash(provider, digest);
        return _rsaBag is not null
            ? provider.SignRsa(_rsaBag, _hash!.Value, RsaSignaturePadding.Pkcs1, digest[..length])
            : provider.SignEcdsa(_ecBag!, _hash!.Value, digest[..length]);
    }

    [Benchmark(Baseline = true, Description = "raw BouncyCastle")]
    [BenchmarkCategory("Sign")]
    public byte[] Sign_BouncyCastle()
    {
        ISigner signer = CreateBouncyCastleSigner();
        signer.Init(true, _bcPrivate);
        signer.BlockUpdate(_message, 0, _message.Length);
        return signer.GenerateSignature();
    }

    [Benchmark(Description = ".NET (OpenSSL)")]
    [BenchmarkCategory("Sign")]
    public byte[] Sign_DotNet() => _netRsa is not null
        ? _netRsa.SignData(_message, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
        : _netEc!.SignData(_message, NetHash, DSASignatureFormat.Rfc3279DerSequence);

    [Benchmark(Description = "ManagedTls Verifier")]
    [BenchmarkCategory("Verify")]
    public bool Verify_ManagedTls() => Verifier.Verify(_ourPublic, _message, _ourSignature, _hash);

    [Benchmark(Description = "ICryptoProvider direct")]
    [BenchmarkCategory("Verify")]
    public bool Verify_Provider()
    {
        ICryptoProvider provider = CryptoProviders.Default;
        if (_edPublicBag is not null)
        {
            return provider.VerifyEdDsa(_edPublicBag, _message, _providerSignature);
        }

        Span<byte> digest = stackalloc byte[64];
        int length = Hash(provider, digest);
        return _rsaPublicBag is not null
            ? provider.VerifyRsa(_rsaPublicBag, _hash!.Value, RsaSignaturePadding.Pkcs1, digest[..length], _providerSignature)
            : provider.VerifyEcdsa(_ecPublicBag!, digest[..length], _providerSignature);
    }

    [Benchmark(Baseline = true, Description = "raw BouncyCastle")]
    [BenchmarkCategory("Verify")]
    public bool Verify_BouncyCastle()
    {
        ISigner signer = CreateBouncyCastleSigner();
        signer.Init(false, _bcPublic);
        signer.BlockUpdate(_message, 0, _message.Length);
        return signer.VerifySignature(_bcSignature);
    }

    [Benchmark(Description = ".NET (OpenSSL)")]
    [BenchmarkCategory("Verify")]
    public bool Verify_DotNet() => _netRsa is not null
        ? _netRsa.VerifyData(_message, _netSignature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
        : _netEc!.VerifyData(_message, _netSignature, NetHash, DSASignatureFormat.Rfc3279DerSequence);

    [Benchmark(Description = "ManagedTls provider + key model")]
    [BenchmarkCategory("KeyGen")]
    public PrivateKey KeyGen_ManagedTls()
    {
        ICryptoProvider provider = CryptoProviders.Default;
        return Algorithm switch
        {
            "Ed25519" => KeyMaterial.FromCrypto(provider.GenerateEdDsaKey(EdwardsCurve.Ed25519)),
            _ when IsRsa => KeyMaterial.FromCrypto(provider.GenerateRsaKey(RsaBits)),
            _ => KeyMaterial.FromCrypto(provider.GenerateEcKey(Curve)),
        };
    }

    [Benchmark(Baseline = true, Description = "raw BouncyCastle")]
    [BenchmarkCategory("KeyGen")]
    public AsymmetricCipherKeyPair KeyGen_BouncyCastle() => GenerateBouncyCastle();

    [Benchmark(Description = ".NET (OpenSSL)")]
    [BenchmarkCategory("KeyGen")]
    public object KeyGen_DotNet()
    {
        if (IsRsa)
        {
            using var rsa = RSA.Create(RsaBits);
            return rsa.ExportParameters(false); // forces the lazy generation
        }

        using var ec = ECDsa.Create(Algorithm == "P-384" ? ECCurve.NamedCurves.nistP384 : ECCurve.NamedCurves.nistP256);
        return ec.ExportParameters(false);
    }

    private int Hash(ICryptoProvider provider, Span<byte> destination)
    {
        using IHash hash = provider.CreateHash(_hash!.Value);
        hash.Append(_message);
        return hash.GetHashAndReset(destination);
    }

    private void FillMessage()
    {
        for (int i = 0; i < _message.Length; i++)
        {
            _message[i] = (byte)((i * 31) + 7);
        }
    }

    private AsymmetricCipherKeyPair GenerateBouncyCastle()
    {
        if (Algorithm == "Ed25519")
        {
            var key = new Ed25519PrivateKeyParameters(s_random);
            return new AsymmetricCipherKeyPair(key.GeneratePublicKey(), key);
        }

        if (IsRsa)
        {
            var rsa = new RsaKeyPairGenerator();
            rsa.Init(new RsaKeyGenerationParameters(BcBigInteger.ValueOf(65537), s_random, RsaBits, RsaCertainty));
            return rsa.GenerateKeyPair();
        }

        X9ECParameters x9 = CustomNamedCurves.GetByName(Algorithm);
        var ec = new ECKeyPairGenerator();
        ec.Init(new ECKeyGenerationParameters(new ECDomainParameters(x9.Curve, x9.G, x9.N, x9.H, x9.GetSeed()), s_random));
        return ec.GenerateKeyPair();
    }

    private ISigner CreateBouncyCastleSigner() => Algorithm switch
    {
        "Ed25519" => new Ed25519Signer(),
        "P-384" => new DsaDigestSigner(new ECDsaSigner(new HMacDsaKCalculator(new Sha384Digest())), new Sha384Digest()),
        "P-256" => new DsaDigestSigner(new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest())), new Sha256Digest()),
        _ => new RsaDigestSigner(new Sha256Digest()),
    };
}
