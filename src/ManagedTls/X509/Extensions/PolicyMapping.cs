namespace ManagedTls.X509;

/// <summary>One policy mapping (RFC 5280 §4.2.1.5).</summary>
/// <param name="IssuerDomainPolicy">issuerDomainPolicy, dotted.</param>
/// <param name="SubjectDomainPolicy">subjectDomainPolicy, dotted.</param>
public sealed record PolicyMapping(string IssuerDomainPolicy, string SubjectDomainPolicy);
