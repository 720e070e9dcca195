using System.Numerics;
using ManagedTls.X509;
using static ManagedTls.Tests.X509.Text.CraftedDer;

namespace ManagedTls.Tests.X509.Text;

/// <summary>
/// <see cref="Certificate.ToText"/> on hand-made certificates that reach the corners of <c>X509_print_ex</c>: every
/// serial form, unloadable keys, unique IDs, raw extension fallbacks, RSA-PSS parameter sets, DSA signature values.
/// Each is printed by openssl from the same DER.
/// </summary>
public sealed class CraftedCertificateTextTests
{
    private const string Pss = "1.2.840.113549.1.1.10";
    private const string Mgf1 = "1.2.840.113549.1.1.8";
    private const string DsaWithSha1 = "1.2.840.10040.4.3";

    private static readonly byte[] s_sha256 = Algorithm("2.16.840.1.101.3.4.2.1", [0x05, 0x00]);

    private static readonly byte[] s_dsaSignature = Seq(Int(5), Int(BigInteger.Pow(2, 80)));

    private static readonly Dictionary<string, Func<byte[]>> s_rows = new(StringComparer.Ordinal)
    {
        ["serial -1"] = () => Certificate(serial: Int(-1)),
        ["serial -2"] = () => Certificate(serial: Int(-2)),
        ["serial -2^63"] = () => Certificate(serial: Int(-BigInteger.Pow(2, 63))),
        ["serial -2^63-1"] = () => Certificate(serial: Int(-BigInteger.Pow(2, 63) - 1)),
        ["serial 2^63-1"] = () => Certificate(serial: Int(long.MaxValue)),
        ["serial 2^63"] = () => Certificate(serial: Int(BigInteger.Pow(2, 63))),
        ["serial 2^64-1"] = () => Certificate(serial: Int(BigInteger.Pow(2, 64) - 1)),
        ["serial -2^70"] = () => Certificate(serial: Int(-BigInteger.Pow(2, 70))),
        ["serial 0"] = () => Certificate(serial: Int(0)),
        ["serial 40 bytes"] = () => Certificate(serial: Int(BigInteger.Pow(2, 319) + 12345)),
        ["v1 with explicit version"] = () => Certificate(version: 0),
        ["v1 without version"] = () => Certificate(version: null),
        ["v2 with unique ids"] = () => Certificate(version: 1, issuerUniqueId: [0xAA, 0xBB], subjectUniqueId: [.. Enumerable.Range(1, 40).Select(i => (byte)i)]),
        ["v3 with empty unique id"] = () => Certificate(issuerUniqueId: []),
        ["empty issuer and subject"] = () => Certificate(issuer: Seq(), subject: Seq()),
        ["generalized times with fraction"] = () => Certificate(notBefore: GeneralizedTime("19991231235959.5Z"), notAfter: GeneralizedTime("20991231235959.123Z")),
        ["unknown key algorithm"] = () => Certificate(spki: Seq(Algorithm("1.2.3.4"), Bits([1, 2]))),
        ["rsa key that does not decode"] = () => Certificate(spki: Seq(Algorithm("1.2.840.113549.1.1.1", [0x05, 0x00]), Bits([1, 2]))),
        ["ec key on an unknown curve"] = () => Certificate(spki: Seq(Algorithm("1.2.840.10045.2.1", Oid("1.2.3.4")), Bits([4, 1, 2]))),
        ["unknown and unparsable extensions"] = () => Certificate(extensions:
        [
            Extension("1.2.3.4", null, "ab\ncd\u007f\u0080\0\u001fz\r"u8.ToArray()),
            Extension("2.5.29.19", true, [0x05, 0x00]),
            Extension("2.5.29.15", false, [0x03, 0x02, 0x05, 0xA0]),
            Extension("1.3.6.1.4.1.99999.1", true, [.. Enumerable.Range(0, 200).Select(i => (byte)i)]),
        ]),
        ["unknown signature algorithm"] = () => Certificate(algorithm: Algorithm("1.2.3.4.5.6", [0x05, 0x00])),
        ["known oid that is no signature algorithm"] = () => Certificate(algorithm: Algorithm("1.2.840.113549.1.1.1", [0x05, 0x00])),
        ["inner and outer algorithms differ"] = () => Certificate(algorithm: Algorithm("1.2.840.10045.4.3.2"), outerAlgorithm: Algorithm("1.2.840.113549.1.1.11", [0x05, 0x00])),
        ["empty signature"] = () => Certificate(signature: []),
        ["long signature"] = () => Certificate(signature: [.. Enumerable.Range(0, 37).Select(i => (byte)(i * 7))]),
        ["pss without parameters"] = () => Certificate(algorithm: Algorithm(Pss)),
        ["pss with NULL parameters"] = () => Certificate(algorithm: Algorithm(Pss, [0x05, 0x00])),
        ["pss with empty parameters"] = () => Certificate(algorithm: Algorithm(Pss, Seq())),
        ["pss with every field"] = () => Certificate(algorithm: Algorithm(Pss, Seq(Explicit(0, s_sha256), Explicit(1, Seq(Oid(Mgf1), s_sha256)), Explicit(2, Int(32)), Explicit(3, Int(1))))),
        ["pss with a mask function other than mgf1"] = () => Certificate(algorithm: Algorithm(Pss, Seq(Explicit(0, s_sha256), Explicit(1, Seq(Oid("1.2.3.4"), s_sha256))))),
        ["pss with mgf1 lacking its hash"] = () => Certificate(algorithm: Algorithm(Pss, Seq(Explicit(1, Seq(Oid(Mgf1)))))),
        ["pss with mgf1 hash NULL"] = () => Certificate(algorithm: Algorithm(Pss, Seq(Explicit(1, Seq(Oid(Mgf1), [0x05, 0x00]))))),
        ["pss with unknown hash, negative salt, trailer 2"] = () => Certificate(algorithm: Algorithm(Pss, Seq(Explicit(0, Algorithm("1.2.3.4.5")), Explicit(2, Int(-20)), Explicit(3, Int(2))))),
        ["pss with a trailing field"] = () => Certificate(algorithm: Algorithm(Pss, Seq(Explicit(2, Int(0)), Explicit(3, Int(1)), Int(5)))),
        ["pss with a huge salt"] = () => Certificate(algorithm: Algorithm(Pss, Seq(Explicit(2, Int(BigInteger.Pow(2, 300)))))),
        ["dsa r and s"] = () => Certificate(algorithm: Algorithm(DsaWithSha1), signature: s_dsaSignature),
        ["dsa negative s"] = () => Certificate(algorithm: Algorithm(DsaWithSha1), signature: Seq(Int(0), Int(-5))),
        ["dsa small values and trailing data"] = () => Certificate(algorithm: Algorithm(DsaWithSha1), signature: [.. Seq(Int(BigInteger.Pow(2, 64) - 1), Int(BigInteger.Pow(2, 64))), 0, 1]),
        ["dsa padded integer"] = () => Certificate(algorithm: Algorithm(DsaWithSha1), signature: Seq(Tlv(0x02, [0, 0, 5]), Int(255))),
        ["dsa one integer"] = () => Certificate(algorithm: Algorithm(DsaWithSha1), signature: Seq(Int(5))),
        ["dsa three integers"] = () => Certificate(algorithm: Algorithm(DsaWithSha1), signature: Seq(Int(1), Int(2), Int(3))),
        ["dsa empty signature"] = () => Certificate(algorithm: Algorithm(DsaWithSha1), signature: []),
        ["dsa long-form lengths"] = () => Certificate(algorithm: Algorithm(DsaWithSha1), signature: [0x30, 0x81, 0x07, 0x02, 0x81, 0x01, 0x05, 0x02, 0x01, 0x07]),
        ["dsa zero r"] = () => Certificate(algorithm: Algorithm(DsaWithSha1), signature: Seq(Int(0), Int(7))),
        ["dsa with sha224"] = () => Certificate(algorithm: Algorithm("2.16.840.1.101.3.4.3.1"), signature: s_dsaSignature),
        ["dsa with sha256"] = () => Certificate(algorithm: Algorithm("2.16.840.1.101.3.4.3.2"), signature: s_dsaSignature),
        ["dsa with sha384"] = () => Certificate(algorithm: Algorithm("2.16.840.1.101.3.4.3.3"), signature: s_dsaSignature),
        ["dsa with sha512"] = () => Certificate(algorithm: Algorithm("2.16.840.1.101.3.4.3.4"), signature: s_dsaSignature),
        ["dsa with sha3-256"] = () => Certificate(algorithm: Algorithm("2.16.840.1.101.3.4.3.6"), signature: s_dsaSignature),
        ["dsaWithSHA1-old"] = () => Certificate(algorithm: Algorithm("1.3.14.3.2.27"), signature: s_dsaSignature),
        ["dsaWithSHA"] = () => Certificate(algorithm: Algorithm("1.3.14.3.2.13"), signature: s_dsaSignature),
        ["dsaEncryption as signature"] = () => Certificate(algorithm: Algorithm("1.2.840.10040.4.1"), signature: s_dsaSignature),
        ["ecdsa with a dsa-shaped value"] = () => Certificate(algorithm: Algorithm("1.2.840.10045.4.3.2"), signature: s_dsaSignature),
    };

    public static TheoryData<string> Rows => [.. s_rows.Keys];

    [SkippableTheory]
    [MemberData(nameof(Rows))]
    public void ToText_CraftedCertificate_MatchesOpenSsl(string row)
    {
        byte[] der = s_rows[row]();
        string expected = OpenSslTextWorkspace.OpenSslText("x509", der);
        expected.ShouldStartWith("Certificate:\n", customMessage: $"openssl did not load the row {row}");

        OpenSslTextWorkspace.ShouldMatch(ManagedTls.X509.Certificate.Decode(der).ToText(), expected, row);
    }
}
