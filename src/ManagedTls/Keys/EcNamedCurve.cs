using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;

namespace ManagedTls.Keys;

/// <summary>
/// A named short-Weierstrass prime curve ManagedTls accepts in EC keys: the registry of OIDs, OpenSSL names and
/// sizes, plus the field constants needed to check that a point lies on the curve and to decompress points.
/// </summary>
/// <remarks>
/// Only named curves exist here on purpose; explicit parameters (SpecifiedECDomain) are rejected at decode time
/// (<see cref="KeyFormatError.ExplicitCurveParameters"/>). The constants were dumped with
/// <c>openssl ecparam -name NAME -param_enc explicit</c> and are checked against it in the tests.
/// </remarks>
public sealed class EcNamedCurve : IEquatable<EcNamedCurve>
{
    private readonly BigInteger _p;
    private readonly BigInteger _a;
    private readonly BigInteger _b;
    private readonly BigInteger _n;

    private EcNamedCurve(string name, string? nistName, string oid, string p, string a, string b, string n)
    {
        Name = name;
        NistName = nistName;
        Oid = oid;
        _p = Parse(p);
        _a = Parse(a);
        _b = Parse(b);
        _n = Parse(n);
        FieldBits = (int)_p.GetBitLength();
        OrderBits = (int)_n.GetBitLength();
        FieldSize = (FieldBits + 7) / 8;
        OrderSize = (OrderBits + 7) / 8;
    }

    /// <summary>NIST P-256 (OpenSSL <c>prime256v1</c>, SECG secp256r1), 1.2.840.10045.3.1.7.</summary>
    public static EcNamedCurve P256 { get; } = new("prime256v1", "P-256", "1.2.840.10045.3.1.7", "FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF", "FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFC", "5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B", "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551");

    /// <summary>NIST P-384 (OpenSSL <c>secp384r1</c>), 1.3.132.0.34.</summary>
    public static EcNamedCurve P384 { get; } = new("secp384r1", "P-384", "1.3.132.0.34", "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFFFF0000000000000000FFFFFFFF", "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFFFF0000000000000000FFFFFFFC", "B3312FA7E23EE7E4988E056BE3F82D19181D9C6EFE8141120314088F5013875AC656398D8A2ED19D2A85C8EDD3EC2AEF", "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFC7634D81F4372DDF581A0DB248B0A77AECEC196ACCC52973");

    /// <summary>NIST P-521 (OpenSSL <c>secp521r1</c>), 1.3.132.0.35.</summary>
    public static EcNamedCurve P521 { get; } = new("secp521r1", "P-521", "1.3.132.0.35", "01FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", "01FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFC", "0051953EB9618E1C9A1F929A21A0B68540EEA2DA725B99B315F3B8B489918EF109E156193951EC7E937B1652C0BD3BB1BF073573DF883D2C34F1EF451FD46B503F00", "01FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFA51868783BF2F966B7FCC0148F709A5D03BB5C9B8899C47AEBB6FB71E91386409");

    /// <summary>SECG secp256k1 (the Bitcoin curve), 1.3.132.0.10.</summary>
    public static EcNamedCurve Secp256k1 { get; } = new("secp256k1", null, "1.3.132.0.10", "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F", "0000000000000000000000000000000000000000000000000000000000000000", "0000000000000000000000000000000000000000000000000000000000000007", "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141");

    /// <summary>brainpoolP256r1, RFC 5639.</summary>
    public static EcNamedCurve BrainpoolP256r1 { get; } = new("brainpoolP256r1", null, "1.3.36.3.3.2.8.1.1.7", "A9FB57DBA1EEA9BC3E660A909D838D726E3BF623D52620282013481D1F6E5377", "7D5A0975FC2C3057EEF67530417AFFE7FB8055C126DC5C6CE94A4B44F330B5D9", "26DC5C6CE94A4B44F330B5D9BBD77CBF958416295CF7E1CE6BCCDC18FF8C07B6", "A9FB57DBA1EEA9BC3E660A909D838D718C397AA3B561A6F7901E0E82974856A7");

    /// <summary>brainpoolP384r1, RFC 5639.</summary>
    public static EcNamedCurve BrainpoolP384r1 { get; } = new("brainpoolP384r1", null, "1.3.36.3.3.2.8.1.1.11", "8CB91E82A3386D280F5D6F7E50E641DF152F7109ED5456B412B1DA197FB71123ACD3A729901D1A71874700133107EC53", "7BC382C63D8C150C3C72080ACE05AFA0C2BEA28E4FB22787139165EFBA91F90F8AA5814A503AD4EB04A8C7DD22CE2826", "04A8C7DD22CE28268B39B55416F0447C2FB77DE107DCD2A62E880EA53EEB62D57CB4390295DBC9943AB78696FA504C11", "8CB91E82A3386D280F5D6F7E50E641DF152F7109ED5456B31F166E6CAC0425A7CF3AB6AF6B7FC3103B883202E9046565");

    /// <summary>brainpoolP512r1, RFC 5639.</summary>
    public static EcNamedCurve BrainpoolP512r1 { get; } = new("brainpoolP512r1", null, "1.3.36.3.3.2.8.1.1.13", "AADD9DB8DBE9C48B3FD4E6AE33C9FC07CB308DB3B3C9D20ED6639CCA703308717D4D9B009BC66842AECDA12AE6A380E62881FF2F2D82C68528AA6056583A48F3", "7830A3318B603B89E2327145AC234CC594CBDD8D3DF91610A83441CAEA9863BC2DED5D5AA8253AA10A2EF1C98B9AC8B57F1117A72BF2C7B9E7C1AC4D77FC94CA", "3DF91610A83441CAEA9863BC2DED5D5AA8253AA10A2EF1C98B9AC8B57F1117A72BF2C7B9E7C1AC4D77FC94CADC083E67984050B75EBAE5DD2809BD638016F723", "AADD9DB8DBE9C48B3FD4E6AE33C9FC07CB308DB3B3C9D20ED6639CCA70330870553E5C414CA92619418661197FAC10471DB1D381085DDADDB58796829CA90069");

    /// <summary>brainpoolP256t1 (twisted), RFC 5639.</summary>
    public static EcNamedCurve BrainpoolP256t1 { get; } = new("brainpoolP256t1", null, "1.3.36.3.3.2.8.1.1.8", "A9FB57DBA1EEA9BC3E660A909D838D726E3BF623D52620282013481D1F6E5377", "A9FB57DBA1EEA9BC3E660A909D838D726E3BF623D52620282013481D1F6E5374", "662C61C430D84EA4FE66A7733D0B76B7BF93EBC4AF2F49256AE58101FEE92B04", "A9FB57DBA1EEA9BC3E660A909D838D718C397AA3B561A6F7901E0E82974856A7");

    /// <summary>brainpoolP384t1 (twisted), RFC 5639.</summary>
    public static EcNamedCurve BrainpoolP384t1 { get; } = new("brainpoolP384t1", null, "1.3.36.3.3.2.8.1.1.12", "8CB91E82A3386D280F5D6F7E50E641DF152F7109ED5456B412B1DA197FB71123ACD3A729901D1A71874700133107EC53", "8CB91E82A3386D280F5D6F7E50E641DF152F7109ED5456B412B1DA197FB71123ACD3A729901D1A71874700133107EC50", "7F519EADA7BDA81BD826DBA647910F8C4B9346ED8CCDC64E4B1ABD11756DCE1D2074AA263B88805CED70355A33B471EE", "8CB91E82A3386D280F5D6F7E50E641DF152F7109ED5456B31F166E6CAC0425A7CF3AB6AF6B7FC3103B883202E9046565");

    /// <summary>brainpoolP512t1 (twisted), RFC 5639.</summary>
    public static EcNamedCurve BrainpoolP512t1 { get; } = new("brainpoolP512t1", null, "1.3.36.3.3.2.8.1.1.14", "AADD9DB8DBE9C48B3FD4E6AE33C9FC07CB308DB3B3C9D20ED6639CCA703308717D4D9B009BC66842AECDA12AE6A380E62881FF2F2D82C68528AA6056583A48F3", "AADD9DB8DBE9C48B3FD4E6AE33C9FC07CB308DB3B3C9D20ED6639CCA703308717D4D9B009BC66842AECDA12AE6A380E62881FF2F2D82C68528AA6056583A48F0", "7CBBBCF9441CFAB76E1890E46884EAE321F70C0BCB4981527897504BEC3E36A62BCDFA2304976540F6450085F2DAE145C22553B465763689180EA2571867423E", "AADD9DB8DBE9C48B3FD4E6AE33C9FC07CB308DB3B3C9D20ED6639CCA70330870553E5C414CA92619418661197FAC10471DB1D381085DDADDB58796829CA90069");

    /// <summary>Every supported curve, in registry order.</summary>
    public static IReadOnlyList<EcNamedCurve> All { get; } =
    [
        P256, P384, P521, Secp256k1,
        BrainpoolP256r1, BrainpoolP384r1, BrainpoolP512r1,
        BrainpoolP256t1, BrainpoolP384t1, BrainpoolP512t1,
    ];

    /// <summary>The OpenSSL short name (<c>prime256v1</c>, <c>secp384r1</c>, <c>brainpoolP256r1</c>...).</summary>
    public string Name { get; }

    /// <summary>The NIST name (<c>P-256</c>, <c>P-384</c>, <c>P-521</c>), or null for curves NIST does not name.</summary>
    public string? NistName { get; }

    /// <summary>The curve's OID in dotted form.</summary>
    public string Oid { get; }

    /// <summary>The size of the prime field in bits.</summary>
    public int FieldBits { get; }

    /// <summary>The size of the group order in bits (what OpenSSL reports as the key's bits).</summary>
    public int OrderBits { get; }

    /// <summary>The length in bytes of one field element (one coordinate of an encoded point).</summary>
    public int FieldSize { get; }

    /// <summary>The length in bytes of a private scalar as SEC1 encodes it (the order's byte length).</summary>
    public int OrderSize { get; }

    /// <summary>The length of an uncompressed point encoding (0x04 || X || Y).</summary>
    public int UncompressedPointSize => 1 + (2 * FieldSize);

    internal BigInteger Order => _n;

    /// <summary>Finds a curve by OID.</summary>
    /// <param name="oid">Dotted OID.</param>
    /// <param name="curve">The curve, when found.</param>
    /// <returns>Whether the OID names a supported curve.</returns>
    public static bool TryGetByOid(string oid, [NotNullWhen(true)] out EcNamedCurve? curve)
    {
        curve = All.FirstOrDefault(c => c.Oid == oid);
        return curve is not null;
    }

    /// <summary>Finds a curve by OpenSSL name, NIST name or the SECG alias <c>secp256r1</c> (case-insensitive).</summary>
    /// <param name="name">The name.</param>
    /// <param name="curve">The curve, when found.</param>
    /// <returns>Whether the name denotes a supported curve.</returns>
    public static bool TryGetByName(string name, [NotNullWhen(true)] out EcNamedCurve? curve)
    {
        curve = string.Equals(name, "secp256r1", StringComparison.OrdinalIgnoreCase)
            ? P256
            : All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)
                || string.Equals(c.NistName, name, StringComparison.OrdinalIgnoreCase));
        return curve is not null;
    }

    /// <inheritdoc/>
    public bool Equals(EcNamedCurve? other) => ReferenceEquals(this, other);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <inheritdoc/>
    public override int GetHashCode() => Oid.GetHashCode(StringComparison.Ordinal);

    /// <inheritdoc/>
    public override string ToString() => Name;

    /// <summary>Whether (x, y) satisfies y² = x³ + ax + b over the field, with both coordinates reduced.</summary>
    internal bool IsOnCurve(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        BigInteger bx = new(x, isUnsigned: true, isBigEndian: true);
        BigInteger by = new(y, isUnsigned: true, isBigEndian: true);
        if (bx >= _p || by >= _p)
        {
            return false;
        }

        return BigInteger.ModPow(by, 2, _p) == RightHandSide(bx);
    }

    /// <summary>
    /// Recovers y from x and the parity bit of a compressed point (SEC1 §2.3.4). Every supported prime is 3 mod 4,
    /// so the square root is a single exponentiation.
    /// </summary>
    internal bool TryDecompress(ReadOnlySpan<byte> x, bool yOdd, Span<byte> y)
    {
        BigInteger bx = new(x, isUnsigned: true, isBigEndian: true);
        if (bx >= _p)
        {
            return false;
        }

        BigInteger rhs = RightHandSide(bx);
        BigInteger root = BigInteger.ModPow(rhs, (_p + 1) / 4, _p);
        if (BigInteger.ModPow(root, 2, _p) != rhs)
        {
            return false;
        }

        if (!root.IsEven != yOdd)
        {
            root = (_p - root) % _p;
        }

        if (root.IsZero && yOdd)
        {
            return false;
        }

        y.Clear();
        int length = root.GetByteCount(isUnsigned: true);
        root.TryWriteBytes(y[(y.Length - length)..], out _, isUnsigned: true, isBigEndian: true);
        return true;
    }

    private BigInteger RightHandSide(BigInteger x) =>
        (((BigInteger.ModPow(x, 3, _p) + (_a * x)) % _p) + _b) % _p;

    private static BigInteger Parse(string hex) =>
        BigInteger.Parse("0" + hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
}
