using System.Buffers.Binary;
using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>
/// The CT precertificate SCTs extension (1.3.6.1.4.1.11129.2.4.2, RFC 6962 §3.3): an OCTET STRING holding a TLS
/// <c>SignedCertificateTimestampList</c> (a 2-octet length, then each SCT with a 2-octet length).
/// </summary>
/// <param name="Timestamps">The SCTs in encoded order.</param>
public sealed record SignedCertificateTimestampList(IReadOnlyList<SignedCertificateTimestamp> Timestamps)
{
    /// <summary>Decodes the extnValue with OpenSSL's rules (<c>o2i_SCT_LIST</c>).</summary>
    /// <param name="value">The extension's value octets.</param>
    /// <returns>The list.</returns>
    /// <exception cref="X509FormatException">Malformed (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public static SignedCertificateTimestampList Decode(ReadOnlySpan<byte> value)
    {
        byte[] list = ExtensionDecoding.Run(value, "SCT list", static (ref DerReader reader) => reader.ReadOctetString().ToArray());
        if (list.Length < 2 || list.Length > ushort.MaxValue || BinaryPrimitives.ReadUInt16BigEndian(list) != list.Length - 2)
        {
            throw Invalid("the list length does not match");
        }

        var timestamps = new List<SignedCertificateTimestamp>();
        int at = 2;
        while (at < list.Length)
        {
            if (list.Length - at < 2)
            {
                throw Invalid("an SCT length is truncated");
            }

            int length = BinaryPrimitives.ReadUInt16BigEndian(list.AsSpan(at));
            at += 2;
            if (length == 0 || length > list.Length - at)
            {
                throw Invalid("an SCT length is zero or overruns the list");
            }

            timestamps.Add(SignedCertificateTimestamp.Decode(list.AsSpan(at, length)));
            at += length;
        }

        return new SignedCertificateTimestampList(timestamps.AsReadOnly());
    }

    /// <summary>The extnValue DER: the OCTET STRING around the TLS list.</summary>
    /// <returns>The encoding.</returns>
    /// <exception cref="ArgumentException">The list exceeds 65535 octets.</exception>
    public byte[] Encode()
    {
        int total = 2;
        foreach (SignedCertificateTimestamp timestamp in Timestamps)
        {
            total += 2 + timestamp.RawData.Length;
        }

        if (total > ushort.MaxValue)
        {
            throw new ArgumentException("A SignedCertificateTimestampList is at most 65535 octets.");
        }

        byte[] list = new byte[total];
        BinaryPrimitives.WriteUInt16BigEndian(list, (ushort)(total - 2));
        int at = 2;
        foreach (SignedCertificateTimestamp timestamp in Timestamps)
        {
            BinaryPrimitives.WriteUInt16BigEndian(list.AsSpan(at), (ushort)timestamp.RawData.Length);
            timestamp.RawData.Span.CopyTo(list.AsSpan(at + 2));
            at += 2 + timestamp.RawData.Length;
        }

        return ExtensionDecoding.Encode(writer => writer.WriteOctetString(list));
    }

    /// <summary>A CT precertificate SCTs extension holding <see cref="Encode"/>.</summary>
    /// <param name="critical">The critical flag.</param>
    /// <returns>The extension.</returns>
    public X509Extension ToExtension(bool critical = false) => new(Oids.CtPrecertScts, critical, Encode());

    private static X509FormatException Invalid(string detail) =>
        new(X509FormatError.InvalidExtension, $"Malformed SCT list: {detail}.");
}
