namespace ManagedTls.X509.Verification;

/// <summary>What the leaf is for: decides the extendedKeyUsage and keyUsage it needs and which CA-bundle trust counts.</summary>
public enum VerificationPurpose
{
    /// <summary>No purpose check.</summary>
    Any = 0,

    /// <summary>A TLS server (id-kp-serverAuth).</summary>
    ServerAuth,

    /// <summary>A TLS client (id-kp-clientAuth).</summary>
    ClientAuth,

    /// <summary>S/MIME (id-kp-emailProtection).</summary>
    EmailProtection,

    /// <summary>Code signing (id-kp-codeSigning).</summary>
    CodeSigning,

    /// <summary>Time stamping (id-kp-timeStamping).</summary>
    TimeStamping,

    /// <summary>OCSP signing (id-kp-OCSPSigning).</summary>
    OcspSigning,
}
