namespace ManagedTls.X509.Verification;

/// <summary>The outcome of <see cref="ChainVerifier.Verify"/>: a verdict with OpenSSL's error number, the failing depth and certificate, and the chain.</summary>
public sealed class VerificationResult
{
    internal VerificationResult(X509VerifyError error, int depth, Certificate? certificate, IReadOnlyList<Certificate> chain, string? detail)
    {
        Error = error;
        ErrorDepth = depth;
        ErrorCertificate = certificate;
        Chain = chain;
        Detail = detail;
    }

    /// <summary>Whether the chain verified.</summary>
    public bool IsValid => Error == X509VerifyError.Ok;

    /// <summary>The error (<see cref="X509VerifyError.Ok"/> on success).</summary>
    public X509VerifyError Error { get; }

    /// <summary>OpenSSL's text for <see cref="Error"/>.</summary>
    public string ErrorMessage => Error.GetMessage();

    /// <summary>The depth of the failing certificate (0 = leaf), or -1 on success.</summary>
    public int ErrorDepth { get; }

    /// <summary>The failing certificate, or null on success.</summary>
    public Certificate? ErrorCertificate { get; }

    /// <summary>The verified chain from leaf to anchor on success; on failure the best path tried.</summary>
    public IReadOnlyList<Certificate> Chain { get; }

    /// <summary>A human-readable explanation beyond <see cref="ErrorMessage"/>, when there is one.</summary>
    public string? Detail { get; }

    /// <inheritdoc/>
    public override string ToString() => IsValid ? "OK" : $"error {(int)Error} at {ErrorDepth} depth lookup: {ErrorMessage}{(Detail is null ? "" : " (" + Detail + ")")}";
}
