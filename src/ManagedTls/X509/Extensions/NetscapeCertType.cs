using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>Netscape certificate type (nsCertType, 2.16.840.1.113730.1.1): a named-bit BIT STRING.</summary>
/// <param name="Flags">The bits set.</param>
public sealed record NetscapeCertType(NetscapeCertTypeFlags Flags)
{
    /// <summary>Decodes the extnValue.</summary>
    /// <param name="value">The extension's value octets.</param>
    /// <returns>The type.</returns>
    /// <exception cref="X509FormatException">Malformed (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public static NetscapeCertType Decode(ReadOnlySpan<byte> value) => ExtensionDecoding.Run(value, "nsCertType", static (ref DerReader reader) =>
        new NetscapeCertType((NetscapeCertTypeFlags)NamedBits.Read(ref reader, 8)));

    /// <summary>The extnValue DER.</summary>
    /// <returns>The encoding.</returns>
    public byte[] Encode() => ExtensionDecoding.Encode(writer => NamedBits.Write(writer, (int)Flags, 8));

    /// <summary>An nsCertType extension holding <see cref="Encode"/>.</summary>
    /// <param name="critical">The critical flag.</param>
    /// <returns>The extension.</returns>
    public X509Extension ToExtension(bool critical = false) => new(ExtensionOids.NetscapeCertType, critical, Encode());
}
