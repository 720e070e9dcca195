using ManagedTls.Asn1;
using ManagedTls.Pem;

namespace ManagedTls.X509.Trust;

/// <summary>Reads the compact bundle written by <see cref="CaBundleResourceWriter"/>.</summary>
internal static class CaBundleResourceReader
{
    /// <summary>Decodes the PEM-armoured payload.</summary>
    /// <exception cref="CertdataFormatException">The payload is malformed.</exception>
    public static CaBundle Read(ReadOnlySpan<byte> pem)
    {
        try
        {
            PemBlock block = PemReader.ReadFirst(pem, CaBundleResourceWriter.PemLabel);
            return Decode(block.Data.Span);
        }
        catch (Exception e) when (e is DecodeException or PemException or X509FormatException)
        {
            throw new CertdataFormatException("The embedded CA bundle is malformed: " + e.Message, e);
        }
    }

    private static CaBundle Decode(ReadOnlySpan<byte> der)
    {
        var outer = new DerReader(der);
        DerReader bundle = outer.ReadSequence();
        outer.ExpectEmpty();
        int version = bundle.ReadInt32();
        if (version != CaBundleResourceWriter.FormatVersion)
        {
            throw new CertdataFormatException($"The embedded CA bundle has format {version}, expected {CaBundleResourceWriter.FormatVersion}.");
        }

        var roots = new List<CaRoot>();
        DerReader rootList = bundle.ReadSequence();
        while (rootList.HasData)
        {
            DerReader r = rootList.ReadSequence();
            string label = r.ReadCharacterString(Asn1Tag.Utf8String);
            CaTrust trust = ReadTrust(ref r);
            DateTimeOffset? server = r.NextTagIs(Asn1Tag.Context(0, false)) ? r.ReadGeneralizedTime(Asn1Tag.Context(0, false)) : null;
            DateTimeOffset? email = r.NextTagIs(Asn1Tag.Context(1, false)) ? r.ReadGeneralizedTime(Asn1Tag.Context(1, false)) : null;
            Certificate certificate = Certificate.Decode(ref r);
            r.ExpectEmpty();
            roots.Add(new CaRoot(label, certificate, trust, server, email));
        }

        var distrusted = new List<CaDistrustEntry>();
        DerReader distrustList = bundle.ReadSequence();
        while (distrustList.HasData)
        {
            DerReader d = distrustList.ReadSequence();
            string label = d.ReadCharacterString(Asn1Tag.Utf8String);
            CaTrust trust = ReadTrust(ref d);
            DistinguishedName issuer = DistinguishedName.Decode(ref d);
            byte[] serial = d.ReadOctetString().ToArray();
            byte[]? sha1 = d.NextTagIs(Asn1Tag.Context(0, false)) ? d.ReadOctetString(Asn1Tag.Context(0, false)).ToArray() : null;
            d.ExpectEmpty();
            distrusted.Add(new CaDistrustEntry(label, issuer, serial, sha1, trust));
        }

        bundle.ExpectEmpty();
        return new CaBundle(roots, distrusted);
    }

    private static CaTrust ReadTrust(ref DerReader r) =>
        new(ReadLevel(ref r), ReadLevel(ref r), ReadLevel(ref r));

    private static CaTrustLevel ReadLevel(ref DerReader r)
    {
        int value = r.ReadEnumerated();
        if (value is < (int)CaTrustLevel.Unknown or > (int)CaTrustLevel.ValidDelegator)
        {
            throw new CertdataFormatException($"The embedded CA bundle has an unknown trust level {value}.");
        }

        return (CaTrustLevel)value;
    }
}
