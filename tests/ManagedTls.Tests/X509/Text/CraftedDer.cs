using System.Numerics;
using ManagedTls.Asn1;

namespace ManagedTls.Tests.X509.Text;

/// <summary>
/// DER building blocks for the odd certificates, requests and CRLs the text tests hand to both openssl and
/// ManagedTls (signatures are not valid; printing never checks them).
/// </summary>
internal static class CraftedDer
{
    public static readonly byte[] P256Spki = Convert.FromHexString(TestCertificate.P256Spki);

    /// <summary>One TLV with a one-octet tag and a minimal definite length.</summary>
    public static byte[] Tlv(byte tag, params byte[][] content)
    {
        byte[] body = [.. content.SelectMany(c => c)];
        var output = new List<byte> { tag };
        if (body.Length < 0x80)
        {
            output.Add((byte)body.Length);
        }
        else
        {
            byte[] length = new BigInteger(body.Length).ToByteArray(isUnsigned: true, isBigEndian: true);
            output.Add((byte)(0x80 | length.Length));
            output.AddRange(length);
        }

        output.AddRange(body);
        return [.. output];
    }

    public static byte[] Seq(params byte[][] items) => Tlv(0x30, items);

    public static byte[] Set(params byte[][] items) => Tlv(0x31, items);

    public static byte[] Explicit(int number, params byte[][] items) => Tlv((byte)(0xA0 | number), items);

    public static byte[] Oid(string dotted)
    {
        using var w = new DerWriter();
        w.WriteObjectIdentifier(dotted);
        return w.ToArray();
    }

    public static byte[] Int(BigInteger value)
    {
        using var w = new DerWriter();
        w.WriteInteger(value);
        return w.ToArray();
    }

    public static byte[] Utf8(string text) => Tlv(0x0C, System.Text.Encoding.UTF8.GetBytes(text));

    public static byte[] Ascii(byte tag, string text) => Tlv(tag, System.Text.Encoding.Latin1.GetBytes(text));

    public static byte[] Bits(byte[] bits) => Tlv(0x03, [0], bits);

    public static byte[] Octets(byte[] content) => Tlv(0x04, content);

    public static byte[] UtcTime(string text) => Ascii(0x17, text);

    public static byte[] GeneralizedTime(string text) => Ascii(0x18, text);

    public static byte[] Algorithm(string oid, byte[]? parameters = null) => parameters is null ? Seq(Oid(oid)) : Seq(Oid(oid), parameters);

    public static byte[] Name(string commonName) => Seq(Set(Seq(Oid("2.5.4.3"), Utf8(commonName))));

    public static byte[] Extension(string oid, bool? critical, byte[] value) =>
        critical is bool c ? Seq(Oid(oid), Tlv(0x01, [c ? (byte)0xFF : (byte)0]), Octets(value)) : Seq(Oid(oid), Octets(value));

    public static byte[] Certificate(
        byte[]? serial = null,
        byte[]? algorithm = null,
        byte[]? outerAlgorithm = null,
        int? version = 2,
        byte[]? issuer = null,
        byte[]? subject = null,
        byte[]? notBefore = null,
        byte[]? notAfter = null,
        byte[]? spki = null,
        byte[]? issuerUniqueId = null,
        byte[]? subjectUniqueId = null,
        byte[][]? extensions = null,
        byte[]? signature = null)
    {
        algorithm ??= Algorithm("1.2.840.10045.4.3.2");
        var tbs = new List<byte[]>();
        if (version is int v)
        {
            tbs.Add(Explicit(0, Int(v)));
        }

        tbs.Add(serial ?? Int(0x1000));
        tbs.Add(algorithm);
        tbs.Add(issuer ?? Name("Crafted CA"));
        tbs.Add(Seq(notBefore ?? UtcTime("200101000000Z"), notAfter ?? UtcTime("300101000000Z")));
        tbs.Add(subject ?? Name("crafted"));
        tbs.Add(spki ?? P256Spki);
        if (issuerUniqueId is not null)
        {
            tbs.Add(Tlv(0x81, [0], issuerUniqueId));
        }

        if (subjectUniqueId is not null)
        {
            tbs.Add(Tlv(0x82, [0], subjectUniqueId));
        }

        if (extensions is not null)
        {
            tbs.Add(Explicit(3, Seq(extensions)));
        }

        return Seq(Seq([.. tbs]), outerAlgorithm ?? algorithm, Bits(signature ?? [0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01]));
    }

    public static byte[] Request(
        byte[][]? attributes,
        int version = 0,
        byte[]? subject = null,
        byte[]? spki = null,
        byte[]? algorithm = null,
        byte[]? signature = null)
    {
        algorithm ??= Algorithm("1.2.840.10045.4.3.2");
        var info = new List<byte[]> { Int(version), subject ?? Name("crafted request"), spki ?? P256Spki };
        if (attributes is not null)
        {
            info.Add(Tlv(0xA0, attributes));
        }

        return Seq(Seq([.. info]), algorithm, Bits(signature ?? [0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01]));
    }

    public static byte[] Attribute(string oid, params byte[][] values) => Seq(Oid(oid), Set(values));

    public static byte[] RevocationList(
        byte[][]? revoked,
        int? version = 1,
        byte[]? algorithm = null,
        byte[]? outerAlgorithm = null,
        byte[]? issuer = null,
        byte[]? thisUpdate = null,
        byte[]? nextUpdate = null,
        byte[][]? extensions = null,
        byte[]? signature = null)
    {
        algorithm ??= Algorithm("1.2.840.10045.4.3.2");
        var tbs = new List<byte[]>();
        if (version is int v)
        {
            tbs.Add(Int(v));
        }

        tbs.Add(algorithm);
        tbs.Add(issuer ?? Name("Crafted CA"));
        tbs.Add(thisUpdate ?? UtcTime("240101000000Z"));
        if (nextUpdate is not null)
        {
            tbs.Add(nextUpdate);
        }

        if (revoked is not null)
        {
            tbs.Add(Seq(revoked));
        }

        if (extensions is not null)
        {
            tbs.Add(Explicit(0, Seq(extensions)));
        }

        return Seq(Seq([.. tbs]), outerAlgorithm ?? algorithm, Bits(signature ?? [0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01]));
    }

    public static byte[] Revoked(BigInteger serial, byte[]? date = null, params byte[][] extensions) =>
        extensions.Length == 0
            ? Seq(Int(serial), date ?? UtcTime("230601120000Z"))
            : Seq(Int(serial), date ?? UtcTime("230601120000Z"), Seq(extensions));
}
