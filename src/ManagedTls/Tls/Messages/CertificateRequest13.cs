using ManagedTls.Tls.Messages.Extensions;
using ManagedTls.Tls.Wire;

namespace ManagedTls.Tls.Messages;

/// <summary>CertificateRequest in its TLS 1.3 form (RFC 8446 §4.3.2): a context and extensions (signature_algorithms required).</summary>
internal sealed class CertificateRequest13 : IHandshakeBody
{
    internal CertificateRequest13(byte[] context, IReadOnlyList<TlsExtension> extensions)
    {
        Context = context;
        Extensions = extensions;
        foreach (TlsExtension extension in extensions)
        {
            if (extension.Type == TlsExtensionType.SignatureAlgorithms)
            {
                SignatureAlgorithms = UInt16ListExtension.DecodeSchemes(extension.Data.Span, "signature_algorithms");
            }
            else if (extension.Type == TlsExtensionType.SignatureAlgorithmsCert)
            {
                SignatureAlgorithmsCert = UInt16ListExtension.DecodeSchemes(extension.Data.Span, "signature_algorithms_cert");
            }
        }

        if (SignatureAlgorithms is null)
        {
            throw new TlsException(TlsError.MissingExtension, TlsAlertDescription.MissingExtension, "RFC 8446 §4.3.2: CertificateRequest without signature_algorithms");
        }
    }

    public TlsHandshakeType Type => TlsHandshakeType.CertificateRequest;

    internal byte[] Context { get; }

    internal IReadOnlyList<TlsExtension> Extensions { get; }

    internal TlsSignatureScheme[] SignatureAlgorithms { get; } = [];

    internal TlsSignatureScheme[]? SignatureAlgorithmsCert { get; }

    internal static CertificateRequest13 Decode(ReadOnlySpan<byte> body)
    {
        var reader = new TlsReader(body);
        byte[] context = reader.ReadVector8().ToArray();
        TlsExtension[] extensions = TlsExtension.DecodeBlock(ref reader);
        reader.ExpectEnd("CertificateRequest");
        return new CertificateRequest13(context, extensions);
    }

    /// <inheritdoc/>
    public void EncodeBody(TlsWriter writer)
    {
        writer.WriteVector8(Context);
        TlsExtension.EncodeBlock(writer, Extensions);
    }
}
