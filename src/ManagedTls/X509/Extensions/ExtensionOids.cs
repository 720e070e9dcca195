namespace ManagedTls.X509;

/// <summary>Extension OIDs not in <see cref="Asn1.Oids"/>.</summary>
internal static class ExtensionOids
{
    public const string NetscapeCertType = "2.16.840.1.113730.1.1";
    public const string NetscapeBaseUrl = "2.16.840.1.113730.1.2";
    public const string NetscapeRevocationUrl = "2.16.840.1.113730.1.3";
    public const string NetscapeCaRevocationUrl = "2.16.840.1.113730.1.4";
    public const string NetscapeRenewalUrl = "2.16.840.1.113730.1.7";
    public const string NetscapeCaPolicyUrl = "2.16.840.1.113730.1.8";
    public const string NetscapeSslServerName = "2.16.840.1.113730.1.12";
    public const string NetscapeComment = "2.16.840.1.113730.1.13";
    public const string PrivateKeyUsagePeriod = "2.5.29.16";
    public const string HoldInstructionCode = "2.5.29.23";
    public const string CtCertificateScts = "1.3.6.1.4.1.11129.2.4.5";
}
