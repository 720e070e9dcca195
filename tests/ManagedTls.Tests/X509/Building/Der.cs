using ManagedTls.X509;

namespace ManagedTls.Tests.X509.Building;

/// <summary>Hand-encoded extension values for builder tests (independent of the typed extension encoders).</summary>
internal static class Der
{
    public static X509Extension BasicConstraintsCa => new("2.5.29.19", true, Convert.FromHexString("30030101FF"));

    public static X509Extension BasicConstraintsLeaf => new("2.5.29.19", true, Convert.FromHexString("3000"));

    // keyCertSign | cRLSign: bits 5 and 6 -> 0x06 with 1 unused bit.
    public static X509Extension KeyUsageCa => new("2.5.29.15", true, Convert.FromHexString("03020106"));

    public static X509Extension SubjectAltNameDns(string name)
    {
        byte[] ascii = System.Text.Encoding.ASCII.GetBytes(name);
        return new X509Extension("2.5.29.17", false, [0x30, (byte)(ascii.Length + 2), 0x82, (byte)ascii.Length, .. ascii]);
    }

    public static X509Extension CrlNumber(byte value) => new("2.5.29.20", false, [0x02, 0x01, value]);

    public static X509Extension ReasonCode(byte value) => new("2.5.29.21", false, [0x0A, 0x01, value]);
}
