using ManagedTls.X509.Verification;

namespace ManagedTls.Pkcs.Cms;

/// <summary>
/// The one exception the PKCS#7 / CMS layer throws for bad input or a failed verification. <see cref="Reason"/> says
/// which kind of failure it was; for <see cref="Pkcs7Error.CertificateVerifyFailed"/>, <see cref="Verification"/>
/// carries the chain verifier's verdict (OpenSSL's <c>X509_V_ERR_*</c>).
/// </summary>
public sealed class Pkcs7Exception : Exception
{
    /// <summary>Creates an exception with a typed reason and a message.</summary>
    /// <param name="reason">The kind of failure.</param>
    /// <param name="message">What went wrong, for people.</param>
    public Pkcs7Exception(Pkcs7Error reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>Creates an exception with a typed reason, a message and the lower-layer cause.</summary>
    /// <param name="reason">The kind of failure.</param>
    /// <param name="message">What went wrong, for people.</param>
    /// <param name="innerException">The codec, X.509 or signature error that caused it.</param>
    public Pkcs7Exception(Pkcs7Error reason, string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = reason;
    }

    /// <summary>Creates an exception for a failed chain verification.</summary>
    /// <param name="verification">The chain verifier's result.</param>
    public Pkcs7Exception(VerificationResult verification)
        : base("certificate verify error: " + (verification ?? throw new ArgumentNullException(nameof(verification))).ErrorMessage)
    {
        Reason = Pkcs7Error.CertificateVerifyFailed;
        Verification = verification;
    }

    /// <summary>Creates an exception with reason <see cref="Pkcs7Error.Malformed"/>.</summary>
    public Pkcs7Exception()
        : this(Pkcs7Error.Malformed, "Malformed PKCS#7 data.")
    {
    }

    /// <summary>Creates an exception with reason <see cref="Pkcs7Error.Malformed"/> and a message.</summary>
    /// <param name="message">What went wrong.</param>
    public Pkcs7Exception(string message)
        : this(Pkcs7Error.Malformed, message)
    {
    }

    /// <summary>Creates an exception with reason <see cref="Pkcs7Error.Malformed"/>, a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public Pkcs7Exception(string message, Exception innerException)
        : this(Pkcs7Error.Malformed, message, innerException)
    {
    }

    /// <summary>The kind of failure.</summary>
    public Pkcs7Error Reason { get; }

    /// <summary>For <see cref="Pkcs7Error.CertificateVerifyFailed"/>: the chain verifier's result; otherwise null.</summary>
    public VerificationResult? Verification { get; }
}
