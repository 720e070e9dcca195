using System.Globalization;
using System.Numerics;
using ManagedTls.Asn1;
using ManagedTls.Crypto;

namespace ManagedTls.Pkcs;

/// <summary>
/// scrypt-params (RFC 7914 §7.1), as <c>openssl pkcs8 -topk8 -scrypt</c> writes them:
/// <code>
/// scrypt-params ::= SEQUENCE { salt OCTET STRING, costParameter INTEGER (1..MAX), blockSize INTEGER (1..MAX),
///     parallelizationParameter INTEGER (1..MAX), keyLength INTEGER (1..MAX) OPTIONAL }
/// </code>
/// </summary>
/// <remarks>
/// A hostile file could ask for gigabytes, so decoding enforces OpenSSL's default ceiling: 128·r·(N + p) bytes at most
/// <see cref="MaxMemoryBytes"/> (32 MiB, OpenSSL's <c>SCRYPT_MAX_MEM</c>), N a power of two, and p at most
/// <see cref="MaxParallelization"/>.
/// </remarks>
internal sealed class ScryptParameters : Pbes2Kdf
{
    /// <summary>The memory ceiling for decoded parameters: OpenSSL's default <c>maxmem</c>, 32 MiB.</summary>
    public const long MaxMemoryBytes = 32L * 1024 * 1024;

    /// <summary>The largest p accepted (time grows linearly with it).</summary>
    public const int MaxParallelization = 16;

    private readonly byte[] _salt;

    /// <summary>Creates the parameters.</summary>
    /// <param name="salt">The salt (kept, not copied).</param>
    /// <param name="n">The cost parameter N.</param>
    /// <param name="r">The block size r.</param>
    /// <param name="p">The parallelisation p.</param>
    /// <param name="keyLength">The keyLength field, or null to omit it (as OpenSSL does).</param>
    public ScryptParameters(byte[] salt, int n, int r, int p, int? keyLength)
    {
        _salt = salt;
        N = n;
        R = r;
        P = p;
        KeyLength = keyLength;
    }

    /// <summary>The cost parameter N.</summary>
    public int N { get; }

    /// <summary>The block size r.</summary>
    public int R { get; }

    /// <summary>The parallelisation parameter p.</summary>
    public int P { get; }

    /// <inheritdoc/>
    public override int? KeyLength { get; }

    /// <summary>Checks N, r and p against the limits.</summary>
    /// <param name="n">N.</param>
    /// <param name="r">r.</param>
    /// <param name="p">p.</param>
    /// <returns>Null when acceptable, else the reason.</returns>
    public static string? CheckLimits(long n, long r, long p)
    {
        if (n < 2 || n > int.MaxValue || !BitOperations.IsPow2(n))
        {
            return $"scrypt N must be a power of two greater than 1, not {n}.";
        }

        if (r < 1 || p < 1 || p > MaxParallelization)
        {
            return $"scrypt r must be at least 1 and p 1..{MaxParallelization} (r = {r}, p = {p}).";
        }

        // 128·r·(N + p) <= MaxMemoryBytes, computed by division so that hostile values cannot overflow.
        long blocks = MaxMemoryBytes / 128;
        return r > blocks || n + p > blocks / r
            ? $"scrypt N = {n}, r = {r}, p = {p} needs more than the {MaxMemoryBytes / (1024 * 1024)} MiB limit."
            : null;
    }

    /// <summary>Decodes scrypt-params (the reader is inside the AlgorithmIdentifier, after the OID).</summary>
    /// <param name="reader">The AlgorithmIdentifier's reader.</param>
    /// <returns>The parameters.</returns>
    public static ScryptParameters DecodeParameters(ref DerReader reader)
    {
        DerReader parameters = reader.ReadSequence();
        ExpectSpecifiedSalt(ref parameters, "scrypt");
        byte[] salt = PbeScheme.ReadSalt(ref parameters, 0, PbeParameters.MaxSaltLength);
        long n = ReadPositive(ref parameters);
        long r = ReadPositive(ref parameters);
        long p = ReadPositive(ref parameters);
        int? keyLength = ReadOptionalKeyLength(ref parameters);
        parameters.ExpectEmpty();
        if (CheckLimits(n, r, p) is string reason)
        {
            throw new PbeException(PbeError.InvalidParameters, reason);
        }

        return new ScryptParameters(salt, (int)n, (int)r, (int)p, keyLength);
    }

    /// <inheritdoc/>
    public override void Encode(DerWriter writer)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(PbeOids.Scrypt);
            using (writer.PushSequence())
            {
                writer.WriteOctetString(_salt);
                writer.WriteInteger(N);
                writer.WriteInteger(R);
                writer.WriteInteger(P);
                if (KeyLength is int keyLength)
                {
                    writer.WriteInteger(keyLength);
                }
            }
        }
    }

    /// <inheritdoc/>
    public override void DeriveKey(ICryptoProvider provider, ReadOnlySpan<byte> password, Span<byte> key) =>
        Scrypt.DeriveKey(provider, password, _salt, N, R, P, key);

    /// <inheritdoc/>
    public override string Describe(string cipherName) =>
        string.Create(CultureInfo.InvariantCulture, $"scrypt, {cipherName}, Salt length: {_salt.Length}, Cost(N): {N}, Block size(r): {R}, Parallelism(p): {P}");

    /// <summary>Reads an INTEGER (1..MAX), saturating anything above 2^40 (which fails the limits anyway).</summary>
    private static long ReadPositive(ref DerReader reader)
    {
        ReadOnlySpan<byte> value = reader.ReadIntegerBytes();
        if ((value[0] & 0x80) != 0)
        {
            throw new PbeException(PbeError.InvalidParameters, "A scrypt parameter is negative.");
        }

        value = value[0] == 0 && value.Length > 1 ? value[1..] : value;
        if (value.Length > 5)
        {
            return long.MaxValue;
        }

        long result = 0;
        foreach (byte b in value)
        {
            result = (result << 8) | b;
        }

        return result;
    }
}
