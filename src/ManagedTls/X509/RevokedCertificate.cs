using System.Collections.ObjectModel;
using System.Numerics;
using ManagedTls.Asn1;

namespace ManagedTls.X509;

/// <summary>One entry of a CRL's revokedCertificates (RFC 5280 §5.1.2.6), kept with its exact encoding.</summary>
public sealed partial class RevokedCertificate
{
    private readonly byte[] _raw;
    private readonly Range _serial;

    private RevokedCertificate(byte[] raw, Range serial, DateTimeOffset revocationDate, ReadOnlyCollection<X509Extension> extensions)
    {
        _raw = raw;
        _serial = serial;
        RevocationDate = revocationDate;
        Extensions = extensions;
    }

    /// <summary>The revoked certificate's serial number: INTEGER content octets, as encoded.</summary>
    public ReadOnlyMemory<byte> SerialNumber => _raw.AsMemory(_serial);

    /// <summary>The serial number as a signed integer.</summary>
    public BigInteger SerialNumberValue => new(SerialNumber.Span, isUnsigned: false, isBigEndian: true);

    /// <summary>When the certificate was revoked.</summary>
    public DateTimeOffset RevocationDate { get; }

    /// <summary>The crlEntryExtensions in encoded order (empty when absent).</summary>
    public IReadOnlyList<X509Extension> Extensions { get; }

    /// <summary>The whole encoded entry.</summary>
    public ReadOnlyMemory<byte> RawData => _raw;

    /// <summary>
    /// The reasonCode entry extension (RFC 5280 §5.3.1: 0 unspecified, 1 keyCompromise, 2 cACompromise,
    /// 3 affiliationChanged, 4 superseded, 5 cessationOfOperation, 6 certificateHold, 8 removeFromCRL,
    /// 9 privilegeWithdrawn, 10 aACompromise), or null when absent.
    /// </summary>
    /// <returns>The code.</returns>
    /// <exception cref="X509FormatException">The extension is malformed (<see cref="X509FormatError.InvalidExtension"/>).</exception>
    public int? GetReasonCode()
    {
        foreach (X509Extension extension in Extensions)
        {
            if (extension.Oid == Oids.CrlReason)
            {
                return ExtensionDecoding.Run(extension.Value.Span, "reasonCode", static (ref DerReader reader) => reader.ReadEnumerated());
            }
        }

        return null;
    }

    /// <summary>Reads one entry.</summary>
    /// <param name="reader">Positioned at the entry SEQUENCE.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="DecodeException">Malformed.</exception>
    /// <exception cref="X509FormatException">A repeated entry extension.</exception>
    public static RevokedCertificate Decode(ref DerReader reader)
    {
        int start = reader.Offset;
        DerReader peek = reader;
        byte[] raw = peek.ReadEncodedValue().ToArray();
        DerReader entry = reader.ReadSequence();
        int length = entry.ReadIntegerBytes().Length;
        var serial = new Range(entry.Offset - start - length, entry.Offset - start);
        DateTimeOffset date = entry.ReadTime();
        ReadOnlyCollection<X509Extension> extensions = entry.HasData ? Certificate.ReadExtensions(ref entry) : ReadOnlyCollection<X509Extension>.Empty;
        entry.ExpectEmpty();
        return new RevokedCertificate(raw, serial, date, extensions);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{OpenSslText.FormatInteger(SerialNumber.Span)} revoked {OpenSslText.FormatTime(RevocationDate)}";
}
