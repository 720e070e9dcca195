namespace ManagedTls.Keys;

/// <summary>The OIDs the key layer dispatches on (kept here so Keys does not wait on the shared registry).</summary>
internal static class KeyOids
{
    public const string RsaEncryption = "1.2.840.113549.1.1.1";
    public const string RsassaPss = "1.2.840.113549.1.1.10";
    public const string Mgf1 = "1.2.840.113549.1.1.8";
    public const string Dsa = "1.2.840.10040.4.1";
    public const string EcPublicKey = "1.2.840.10045.2.1";
    public const string X25519 = "1.3.101.110";
    public const string X448 = "1.3.101.111";
    public const string Ed25519 = "1.3.101.112";
    public const string Ed448 = "1.3.101.113";
    public const string Sha1 = "1.3.14.3.2.26";

    /// <summary>"name (dotted)" for messages, naming the OID the way OpenSSL would where we know it.</summary>
    public static string Describe(string oid)
    {
        string? name = oid switch
        {
            RsaEncryption => "rsaEncryption",
            RsassaPss => "RSASSA-PSS",
            Dsa => "dsaEncryption",
            EcPublicKey => "id-ecPublicKey",
            X25519 => "X25519",
            X448 => "X448",
            Ed25519 => "ED25519",
            Ed448 => "ED448",
            "1.2.840.113549.1.3.1" => "dhKeyAgreement",
            "1.2.840.10046.2.1" => "X9.42 DH",
            "1.2.156.10197.1.301" => "SM2",
            "1.2.643.7.1.1.1.1" => "GOST R 34.10-2012 (256)",
            _ => null,
        };
        return name is null ? oid : $"{name} ({oid})";
    }
}
