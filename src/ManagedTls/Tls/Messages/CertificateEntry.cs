namespace ManagedTls.Tls.Messages;

/// <summary>One CertificateEntry of a TLS 1.3 Certificate message: the DER certificate and its extensions.</summary>
internal readonly record struct CertificateEntry(ReadOnlyMemory<byte> CertificateData, IReadOnlyList<TlsExtension> Extensions);
