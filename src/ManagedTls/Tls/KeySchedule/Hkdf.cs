using System.Text;
using ManagedTls.Crypto;

namespace ManagedTls.Tls.KeySchedule;

/// <summary>
/// HKDF (RFC 5869) over the provider's HMAC, and TLS 1.3's HKDF-Expand-Label and Derive-Secret (RFC 8446 §7.1).
/// Only HMAC crosses the provider seam; the construction is ours.
/// </summary>
internal static class Hkdf
{
    /// <summary>The prefix RFC 8446 §7.1 puts in front of every HKDF-Expand-Label label.</summary>
    private const string LabelPrefix = "tls13 ";

    /// <summary>The longest HkdfLabel: uint16 length, label&lt;7..255&gt;, context&lt;0..255&gt;.</summary>
    private const int MaxHkdfLabelLength = 2 + 1 + 255 + 1 + 255;

    /// <summary>HKDF-Extract(salt, IKM) = HMAC-Hash(salt, IKM) (RFC 5869 §2.2).</summary>
    /// <param name="provider">The primitive provider.</param>
    /// <param name="hash">The hash.</param>
    /// <param name="salt">The salt; empty means HashLen zero bytes (HMAC pads a key with zeros, so both are the same).</param>
    /// <param name="ikm">The input keying material.</param>
    /// <param name="prk">Receives HashLen bytes (exactly that many are written).</param>
    /// <exception cref="ArgumentException"><paramref name="prk"/> is shorter than HashLen.</exception>
    public static void Extract(ICryptoProvider provider, HashAlgorithmId hash, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> ikm, Span<byte> prk)
    {
        int hashLength = HashAlgorithms.HashSize(hash);
        if (prk.Length < hashLength)
        {
            throw new ArgumentException($"HKDF-Extract writes {hashLength} bytes.", nameof(prk));
        }

        Span<byte> zeros = stackalloc byte[HashAlgorithms.MaxHashSize];
        zeros.Clear();
        using IHmac hmac = provider.CreateHmac(hash, salt.IsEmpty ? zeros[..hashLength] : salt);
        hmac.Append(ikm);
        hmac.GetHashAndReset(prk);
    }

    /// <summary>HKDF-Expand(PRK, info, L) (RFC 5869 §2.3); L is <c>output.Length</c>.</summary>
    /// <param name="provider">The primitive provider.</param>
    /// <param name="hash">The hash.</param>
    /// <param name="prk">The pseudorandom key (at least HashLen bytes in normal use).</param>
    /// <param name="info">Context and application specific information.</param>
    /// <param name="output">Receives the output keying material; at most 255 * HashLen bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="output"/> is longer than 255 * HashLen.</exception>
    public static void Expand(ICryptoProvider provider, HashAlgorithmId hash, ReadOnlySpan<byte> prk, ReadOnlySpan<byte> info, Span<byte> output)
    {
        int hashLength = HashAlgorithms.HashSize(hash);
        if (output.Length > 255 * hashLength)
        {
            throw new ArgumentException($"HKDF-Expand yields at most {255 * hashLength} bytes (RFC 5869 §2.3).", nameof(output));
        }

        Span<byte> block = stackalloc byte[HashAlgorithms.MaxHashSize];
        Span<byte> counter = stackalloc byte[1];
        using IHmac hmac = provider.CreateHmac(hash, prk);
        int written = 0;
        for (int i = 1; written < output.Length; i++)
        {
            if (i > 1)
            {
                hmac.Append(block[..hashLength]);
            }

            hmac.Append(info);
            counter[0] = (byte)i;
            hmac.Append(counter);
            hmac.GetHashAndReset(block);
            int take = Math.Min(hashLength, output.Length - written);
            block[..take].CopyTo(output[written..]);
            written += take;
        }

        SecretMemory.Zero(block);
    }

    /// <summary>
    /// HKDF-Expand-Label(Secret, Label, Context, Length) (RFC 8446 §7.1): HKDF-Expand over the HkdfLabel structure
    /// whose label is "tls13 " + <paramref name="label"/>; Length is <c>output.Length</c>.
    /// </summary>
    /// <param name="provider">The primitive provider.</param>
    /// <param name="hash">The hash.</param>
    /// <param name="secret">The secret.</param>
    /// <param name="label">The label without the "tls13 " prefix (ASCII, at most 249 characters).</param>
    /// <param name="context">The context (at most 255 bytes).</param>
    /// <param name="output">Receives Length bytes (at most 65535).</param>
    /// <exception cref="ArgumentException">The label, context or output is too long, or the label is not ASCII.</exception>
    public static void ExpandLabel(ICryptoProvider provider, HashAlgorithmId hash, ReadOnlySpan<byte> secret, string label, ReadOnlySpan<byte> context, Span<byte> output)
    {
        ArgumentNullException.ThrowIfNull(label);
        int labelLength = LabelPrefix.Length + label.Length;
        if (labelLength > 255)
        {
            throw new ArgumentException("RFC 8446 §7.1: HkdfLabel.label is at most 255 bytes including \"tls13 \".", nameof(label));
        }

        if (context.Length > 255)
        {
            throw new ArgumentException("RFC 8446 §7.1: HkdfLabel.context is at most 255 bytes.", nameof(context));
        }

        if (output.Length > ushort.MaxValue)
        {
            throw new ArgumentException("RFC 8446 §7.1: HkdfLabel.length is a uint16.", nameof(output));
        }

        Span<byte> hkdfLabel = stackalloc byte[MaxHkdfLabelLength];
        int n = 0;
        hkdfLabel[n++] = (byte)(output.Length >> 8);
        hkdfLabel[n++] = (byte)output.Length;
        hkdfLabel[n++] = (byte)labelLength;
        n += Encoding.ASCII.GetBytes(LabelPrefix, hkdfLabel[n..]);
        for (int i = 0; i < label.Length; i++)
        {
            char c = label[i];
            if (c > 0x7F)
            {
                throw new ArgumentException("TLS labels are ASCII.", nameof(label));
            }

            hkdfLabel[n++] = (byte)c;
        }

        hkdfLabel[n++] = (byte)context.Length;
        context.CopyTo(hkdfLabel[n..]);
        n += context.Length;
        Expand(provider, hash, secret, hkdfLabel[..n], output);
    }

    /// <summary>
    /// Derive-Secret(Secret, Label, Messages) = HKDF-Expand-Label(Secret, Label, Transcript-Hash(Messages), Hash.length)
    /// (RFC 8446 §7.1), given the transcript hash already computed.
    /// </summary>
    /// <param name="provider">The primitive provider.</param>
    /// <param name="hash">The hash.</param>
    /// <param name="secret">The secret.</param>
    /// <param name="label">The label without the "tls13 " prefix.</param>
    /// <param name="transcriptHash">Transcript-Hash(Messages) (Hash("") for an empty transcript).</param>
    /// <param name="output">Receives Hash.length bytes; only that many are written.</param>
    /// <exception cref="ArgumentException"><paramref name="output"/> is shorter than Hash.length.</exception>
    public static void DeriveSecret(ICryptoProvider provider, HashAlgorithmId hash, ReadOnlySpan<byte> secret, string label, ReadOnlySpan<byte> transcriptHash, Span<byte> output)
    {
        int hashLength = HashAlgorithms.HashSize(hash);
        if (output.Length < hashLength)
        {
            throw new ArgumentException($"Derive-Secret writes {hashLength} bytes.", nameof(output));
        }

        ExpandLabel(provider, hash, secret, label, transcriptHash, output[..hashLength]);
    }

    /// <summary>Derive-Secret into a new array.</summary>
    /// <param name="provider">The primitive provider.</param>
    /// <param name="hash">The hash.</param>
    /// <param name="secret">The secret.</param>
    /// <param name="label">The label without the "tls13 " prefix.</param>
    /// <param name="transcriptHash">The transcript hash.</param>
    /// <returns>Hash.length bytes.</returns>
    public static byte[] DeriveSecret(ICryptoProvider provider, HashAlgorithmId hash, ReadOnlySpan<byte> secret, string label, ReadOnlySpan<byte> transcriptHash)
    {
        byte[] output = new byte[HashAlgorithms.HashSize(hash)];
        DeriveSecret(provider, hash, secret, label, transcriptHash, output);
        return output;
    }

    /// <summary>Hash("") for <paramref name="hash"/>: the transcript hash of no messages.</summary>
    /// <param name="provider">The primitive provider.</param>
    /// <param name="hash">The hash.</param>
    /// <param name="destination">Receives Hash.length bytes.</param>
    /// <returns>The number of bytes written.</returns>
    public static int EmptyHash(ICryptoProvider provider, HashAlgorithmId hash, Span<byte> destination)
    {
        using IHash h = provider.CreateHash(hash);
        return h.GetHashAndReset(destination);
    }
}
