using System.Buffers;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace ManagedTls.Crypto.BouncyCastle;

/// <summary>
/// <see cref="IAead"/> over BouncyCastle's GCM and ChaCha20-Poly1305. BouncyCastle 1.8 works on arrays, so each call
/// copies through pooled buffers (cleared on return) and allocates only the nonce array BouncyCastle keeps. Sealing
/// and opening use separate cipher objects so BouncyCastle's nonce-reuse check on sealing stays meaningful.
/// </summary>
internal sealed class BouncyCastleAead : IAead
{
    private const int TagBits = AeadAlgorithms.TagSize * 8;

    private readonly IAeadCipher _sealer;
    private readonly IAeadCipher _opener;
    private KeyParameter? _sealKey;
    private KeyParameter? _openKey;
    private bool _disposed;

    public BouncyCastleAead(AeadAlgorithmId algorithm, ReadOnlySpan<byte> key)
    {
        int keySize = AeadAlgorithms.KeySize(algorithm);
        if (key.Length != keySize)
        {
            throw new ArgumentException($"{algorithm} needs a {keySize}-byte key, not {key.Length}.", nameof(key));
        }

        Algorithm = algorithm;
        KeySize = keySize;
        _sealer = CreateCipher(algorithm);
        _opener = CreateCipher(algorithm);
        _sealKey = new KeyParameter(key.ToArray());
        _openKey = new KeyParameter(key.ToArray());
    }

    public AeadAlgorithmId Algorithm { get; }

    public int KeySize { get; }

    public int NonceSize => AeadAlgorithms.NonceSize;

    public int TagSize => AeadAlgorithms.TagSize;

    public void Seal(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData, Span<byte> ciphertext, Span<byte> tag)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        CheckNonce(nonce);
        if (ciphertext.Length != plaintext.Length)
        {
            throw new ArgumentException("The ciphertext span must be as long as the plaintext.", nameof(ciphertext));
        }

        if (tag.Length != TagSize)
        {
            throw new ArgumentException($"The tag span must be {TagSize} bytes.", nameof(tag));
        }

        // A null key after the first Init keeps BouncyCastle's key schedule (and GHASH tables) instead of rebuilding them.
        _sealer.Init(true, new AeadParameters(_sealKey, TagBits, nonce.ToArray(), null));
        _sealKey = null;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(plaintext.Length + TagSize);
        byte[] output = ArrayPool<byte>.Shared.Rent(plaintext.Length + TagSize);
        try
        {
            Absorb(_sealer, associatedData, buffer);
            plaintext.CopyTo(buffer);
            int n = _sealer.ProcessBytes(buffer, 0, plaintext.Length, output, 0);
            n += _sealer.DoFinal(output, n);
            output.AsSpan(0, plaintext.Length).CopyTo(ciphertext);
            output.AsSpan(plaintext.Length, TagSize).CopyTo(tag);
        }
        finally
        {
            Return(buffer, plaintext.Length + TagSize);
            Return(output, plaintext.Length + TagSize);
        }
    }

    public bool TryOpen(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, ReadOnlySpan<byte> associatedData, Span<byte> plaintext)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        CheckNonce(nonce);
        if (plaintext.Length != ciphertext.Length)
        {
            throw new ArgumentException("The plaintext span must be as long as the ciphertext.", nameof(plaintext));
        }

        if (tag.Length != TagSize)
        {
            plaintext.Clear();
            return false;
        }

        _opener.Init(false, new AeadParameters(_openKey, TagBits, nonce.ToArray(), null));
        _openKey = null;
        int total = ciphertext.Length + TagSize;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(total);
        byte[] output = ArrayPool<byte>.Shared.Rent(total);
        try
        {
            Absorb(_opener, associatedData, buffer);
            ciphertext.CopyTo(buffer);
            tag.CopyTo(buffer.AsSpan(ciphertext.Length));
            int n = _opener.ProcessBytes(buffer, 0, total, output, 0);
            n += _opener.DoFinal(output, n);
            output.AsSpan(0, ciphertext.Length).CopyTo(plaintext);
            return true;
        }
        catch (InvalidCipherTextException)
        {
            plaintext.Clear();
            return false;
        }
        finally
        {
            Return(buffer, total);
            Return(output, total);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        // Re-keying with zeros overwrites the expanded keys BouncyCastle holds; the KeyParameters hold copies.
        byte[] zero = new byte[KeySize];
        byte[] nonce = new byte[NonceSize];
        ManagedTls.Random.SecureRandomSource.Fill(nonce); // a fresh nonce cannot trip GCM's same-key-same-nonce check
        _sealer.Init(true, new AeadParameters(new KeyParameter(zero), TagBits, nonce, null));
        _opener.Init(false, new AeadParameters(new KeyParameter(zero), TagBits, nonce, null));
        ZeroKey(_sealKey);
        ZeroKey(_openKey);
    }

    private static IAeadCipher CreateCipher(AeadAlgorithmId algorithm) => algorithm switch
    {
        AeadAlgorithmId.Aes128Gcm or AeadAlgorithmId.Aes192Gcm or AeadAlgorithmId.Aes256Gcm => new GcmBlockCipher(new AesEngine()),
        AeadAlgorithmId.ChaCha20Poly1305 => new ChaCha20Poly1305(),
        _ => throw new NotSupportedException($"AEAD {algorithm} is not supported."),
    };

    private static void Absorb(IAeadCipher cipher, ReadOnlySpan<byte> associatedData, byte[] scratch)
    {
        while (!associatedData.IsEmpty)
        {
            int n = Math.Min(associatedData.Length, scratch.Length);
            associatedData[..n].CopyTo(scratch);
            cipher.ProcessAadBytes(scratch, 0, n);
            associatedData = associatedData[n..];
        }
    }

    private static void Return(byte[] buffer, int used)
    {
        SecretMemory.Zero(buffer.AsSpan(0, Math.Min(used, buffer.Length)));
        ArrayPool<byte>.Shared.Return(buffer);
    }

    private static void ZeroKey(KeyParameter? key)
    {
        if (key is not null)
        {
            SecretMemory.Zero(key.GetKey()); // GetKey returns a copy in BouncyCastle 1.8; best effort only
        }
    }

    private void CheckNonce(ReadOnlySpan<byte> nonce)
    {
        if (nonce.Length != NonceSize)
        {
            throw new ArgumentException($"The nonce must be {NonceSize} bytes, not {nonce.Length}.", nameof(nonce));
        }
    }
}
