using System.Buffers.Binary;
using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>
/// One SignedCertificateTimestamp (RFC 6962 §3.2), kept with its TLS encoding. Only v1 SCTs are parsed into fields;
/// other versions are kept raw (<see cref="RawData"/>), as OpenSSL does.
/// </summary>
public sealed class SignedCertificateTimestamp
{
    private readonly byte[] _raw;

    /// <summary>Creates a v1 SCT.</summary>
    /// <param name="logId">The log's 32-octet id (SHA-256 of its key).</param>
    /// <param name="timestamp">Milliseconds since the Unix epoch.</param>
    /// <param name="extensions">The CtExtensions octets (usually empty).</param>
    /// <param name="hashAlgorithm">TLS HashAlgorithm (4 = sha256).</param>
    /// <param name="signatureAlgorithm">TLS SignatureAlgorithm (1 = rsa, 3 = ecdsa).</param>
    /// <param name="signature">The signature octets.</param>
    /// <exception cref="ArgumentException">The log id is not 32 octets, or a field is longer than 65535 octets.</exception>
    public SignedCertificateTimestamp(ReadOnlySpan<byte> logId, ulong timestamp, ReadOnlySpan<byte> extensions, byte hashAlgorithm, byte signatureAlgorithm, ReadOnlySpan<byte> signature)
    {
        if (logId.Length != 32)
        {
            throw new ArgumentException("A v1 log id is 32 octets.", nameof(logId));
        }

        if (extensions.Length > ushort.MaxValue || signature.Length > ushort.MaxValue)
        {
            throw new ArgumentException("CtExtensions and the signature are at most 65535 octets.");
        }

        _raw = new byte[1 + 32 + 8 + 2 + extensions.Length + 4 + signature.Length];
        Span<byte> p = _raw;
        p[0] = 0;
        logId.CopyTo(p[1..]);
        BinaryPrimitives.WriteUInt64BigEndian(p[33..], timestamp);
        BinaryPrimitives.WriteUInt16BigEndian(p[41..], (ushort)extensions.Length);
        extensions.CopyTo(p[43..]);
        int at = 43 + extensions.Length;
        p[at] = hashAlgorithm;
        p[at + 1] = signatureAlgorithm;
        BinaryPrimitives.WriteUInt16BigEndian(p[(at + 2)..], (ushort)signature.Length);
        signature.CopyTo(p[(at + 4)..]);
        LogId = logId.ToArray();
        Timestamp = timestamp;
        Extensions = extensions.ToArray();
        HashAlgorithm = hashAlgorithm;
        SignatureAlgorithm = signatureAlgorithm;
        Signature = signature.ToArray();
    }

    private SignedCertificateTimestamp(byte[] raw)
    {
        _raw = raw;
        Version = raw[0];
    }

    /// <summary>The version octet (0 = v1).</summary>
    public int Version { get; }

    /// <summary>The log id (v1), otherwise empty.</summary>
    public ReadOnlyMemory<byte> LogId { get; private init; }

    /// <summary>Milliseconds since the Unix epoch (v1).</summary>
    public ulong Timestamp { get; private init; }

    /// <summary>The CtExtensions octets (v1).</summary>
    public ReadOnlyMemory<byte> Extensions { get; private init; }

    /// <summary>The TLS HashAlgorithm (v1; 4 = sha256).</summary>
    public byte HashAlgorithm { get; private init; }

    /// <summary>The TLS SignatureAlgorithm (v1; 1 = rsa, 3 = ecdsa).</summary>
    public byte SignatureAlgorithm { get; private init; }

    /// <summary>The signature octets (v1).</summary>
    public ReadOnlyMemory<byte> Signature { get; private init; }

    /// <summary>The serialized SCT (without its list length prefix).</summary>
    public ReadOnlyMemory<byte> RawData => _raw;

    /// <summary>Parses one serialized SCT with OpenSSL's rules (<c>o2i_SCT</c>): a v1 SCT needs its fixed header, a
    /// sha256 with rsa or ecdsa signature and lengths within bounds; octets after the signature are ignored.</summary>
    /// <param name="serialized">The SCT octets.</param>
    /// <returns>The SCT.</returns>
    /// <exception cref="X509FormatException">Malformed (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public static SignedCertificateTimestamp Decode(ReadOnlySpan<byte> serialized)
    {
        if (serialized.IsEmpty || serialized.Length > ushort.MaxValue)
        {
            throw Invalid("an SCT is 1..65535 octets");
        }

        byte[] raw = serialized.ToArray();
        if (raw[0] != 0)
        {
            return new SignedCertificateTimestamp(raw);
        }

        if (raw.Length < 43)
        {
            throw Invalid("a v1 SCT is at least 43 octets");
        }

        int extensionLength = BinaryPrimitives.ReadUInt16BigEndian(raw.AsSpan(41));
        int remaining = raw.Length - 43;
        if (extensionLength > remaining)
        {
            throw Invalid("CtExtensions overrun the SCT");
        }

        int at = 43 + extensionLength;
        remaining -= extensionLength;
        if (remaining <= 4)
        {
            throw Invalid("the SCT signature is missing");
        }

        byte hash = raw[at];
        byte signatureAlgorithm = raw[at + 1];
        if (hash != 4 || (signatureAlgorithm != 1 && signatureAlgorithm != 3))
        {
            throw Invalid("the SCT signature algorithm is not sha256 with rsa or ecdsa");
        }

        int signatureLength = BinaryPrimitives.ReadUInt16BigEndian(raw.AsSpan(at + 2));
        if (signatureLength > remaining - 4)
        {
            throw Invalid("the SCT signature overruns the SCT");
        }

        return new SignedCertificateTimestamp(raw)
        {
            LogId = raw.AsMemory(1, 32),
            Timestamp = BinaryPrimitives.ReadUInt64BigEndian(raw.AsSpan(33)),
            Extensions = raw.AsMemory(43, extensionLength),
            HashAlgorithm = hash,
            SignatureAlgorithm = signatureAlgorithm,
            Signature = raw.AsMemory(at + 4, signatureLength),
        };
    }

    private static X509FormatException Invalid(string detail) =>
        new(X509FormatError.InvalidExtension, $"Malformed signed certificate timestamp: {detail}.");
}
