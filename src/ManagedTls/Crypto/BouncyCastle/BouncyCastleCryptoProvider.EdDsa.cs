using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace ManagedTls.Crypto.BouncyCastle;

internal sealed partial class BouncyCastleCryptoProvider
{
    public EdDsaParameters GenerateEdDsaKey(EdwardsCurve curve)
    {
        switch (curve)
        {
            case EdwardsCurve.Ed25519:
            {
                var key = new Ed25519PrivateKeyParameters(BouncyCastleEntropy.Random);
                return new EdDsaParameters { Curve = curve, PrivateKey = key.GetEncoded(), PublicKey = key.GeneratePublicKey().GetEncoded() };
            }

            case EdwardsCurve.Ed448:
            {
                var key = new Ed448PrivateKeyParameters(BouncyCastleEntropy.Random);
                return new EdDsaParameters { Curve = curve, PrivateKey = key.GetEncoded(), PublicKey = key.GeneratePublicKey().GetEncoded() };
            }

            default:
                throw new NotSupportedException($"EdDSA curve {curve} is not supported.");
        }
    }

    public byte[] DeriveEdDsaPublicKey(EdwardsCurve curve, ReadOnlySpan<byte> privateKey)
    {
        (_, int keySize) = CreateEdSigner(curve);
        if (privateKey.Length != keySize)
        {
            throw new ArgumentException($"An {curve} private key is {keySize} bytes.", nameof(privateKey));
        }

        return curve == EdwardsCurve.Ed25519
            ? new Ed25519PrivateKeyParameters(privateKey.ToArray(), 0).GeneratePublicKey().GetEncoded()
            : new Ed448PrivateKeyParameters(privateKey.ToArray(), 0).GeneratePublicKey().GetEncoded();
    }

    public byte[] SignEdDsa(EdDsaParameters key, ReadOnlySpan<byte> message)
    {
        ArgumentNullException.ThrowIfNull(key);
        RequirePrivate(key.HasPrivateKey, nameof(key));
        int keySize = CreateEdSigner(key.Curve).KeySize;
        if (key.PrivateKey.Length != keySize)
        {
            throw new ArgumentException($"An {key.Curve} private key is {keySize} bytes.", nameof(key));
        }

        // Sign through a cached private-key object: BouncyCastle caches the derived public key inside it, where a fresh
        // object per call recomputed it (a full scalar multiplication) for every signature.
        BouncyCastleKeyCache.EdPrivateEntry entry = BouncyCastleKeyCache.EdPrivate(key, CreateEdPrivateEntry);
        byte[] msg = message.ToArray();
        byte[] signature = new byte[2 * keySize];
        if (entry.Ed25519 is not null)
        {
            entry.Ed25519.Sign(Org.BouncyCastle.Math.EC.Rfc8032.Ed25519.Algorithm.Ed25519, null, msg, 0, msg.Length, signature, 0);
        }
        else
        {
            entry.Ed448!.Sign(Org.BouncyCastle.Math.EC.Rfc8032.Ed448.Algorithm.Ed448, [], msg, 0, msg.Length, signature, 0);
        }

        return signature;
    }

    public bool VerifyEdDsa(EdDsaParameters key, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(key);
        (ISigner signer, int keySize) = CreateEdSigner(key.Curve);
        if (key.PublicKey.Length != keySize || signature.Length != 2 * keySize)
        {
            return false;
        }

        ICipherParameters parameters = key.Curve == EdwardsCurve.Ed25519
            ? new Ed25519PublicKeyParameters(key.PublicKey.ToArray(), 0)
            : new Ed448PublicKeyParameters(key.PublicKey.ToArray(), 0);
        signer.Init(false, parameters);
        signer.BlockUpdate(message.ToArray(), 0, message.Length);
        return signer.VerifySignature(signature.ToArray());
    }

    private static BouncyCastleKeyCache.EdPrivateEntry CreateEdPrivateEntry(EdDsaParameters key)
    {
        if (key.Curve == EdwardsCurve.Ed25519)
        {
            var privateKey = new Ed25519PrivateKeyParameters(key.PrivateKey.ToArray(), 0);
            privateKey.GeneratePublicKey(); // fills the object's cached public key once
            return new(privateKey, null);
        }

        var ed448 = new Ed448PrivateKeyParameters(key.PrivateKey.ToArray(), 0);
        ed448.GeneratePublicKey();
        return new(null, ed448);
    }

    private static (ISigner Signer, int KeySize) CreateEdSigner(EdwardsCurve curve) => curve switch
    {
        EdwardsCurve.Ed25519 => (new Ed25519Signer(), Ed25519PublicKeyParameters.KeySize),
        EdwardsCurve.Ed448 => (new Ed448Signer([]), Ed448PublicKeyParameters.KeySize),
        _ => throw new NotSupportedException($"EdDSA curve {curve} is not supported."),
    };
}
