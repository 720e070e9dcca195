using ManagedTls.Pkcs.Cms;

namespace ManagedTls.OpenSsl;

/// <summary>
/// pyOpenSSL's <c>OpenSSL.crypto.PKCS7</c>: a loaded PKCS#7 message (read-only). pyOpenSSL 16.1 offers the type
/// predicates and <see cref="GetTypeName"/>; the certificate and CRL getters are additions for what today's users
/// reach for (the chain in a "p7b"), shaped as pyOpenSSL returns collections (<c>null</c> for none).
/// </summary>
public sealed class PKCS7
{
    private readonly Pkcs7 _message;

    /// <summary>Wraps a ManagedTls PKCS#7 (an addition, like <c>from_cryptography</c>).</summary>
    /// <param name="message">The message.</param>
    public PKCS7(Pkcs7 message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _message = message;
    }

    /// <summary>Whether this is SignedData (<c>type_is_signed</c>).</summary>
    /// <returns>True for pkcs7-signedData.</returns>
    public bool TypeIsSigned() => _message.IsSigned;

    /// <summary>Whether this is EnvelopedData (<c>type_is_enveloped</c>).</summary>
    /// <returns>True for pkcs7-envelopedData.</returns>
    public bool TypeIsEnveloped() => _message.IsEnveloped;

    /// <summary>Whether this is SignedAndEnvelopedData (<c>type_is_signedAndEnveloped</c>).</summary>
    /// <returns>True for pkcs7-signedAndEnvelopedData.</returns>
    public bool TypeIsSignedAndEnveloped() => _message.IsSignedAndEnveloped;

    /// <summary>Whether this is Data (<c>type_is_data</c>).</summary>
    /// <returns>True for pkcs7-data.</returns>
    public bool TypeIsData() => _message.IsData;

    /// <summary>The type name as OpenSSL's <c>OBJ_nid2sn</c> gives it (<c>get_type_name</c>), e.g. <c>pkcs7-signedData</c>.</summary>
    /// <returns>The short name.</returns>
    public string GetTypeName() => _message.TypeName;

    /// <summary>The certificates a SignedData carries, in order (an addition).</summary>
    /// <returns>New <see cref="X509"/> objects, or null when there are none.</returns>
    public X509[]? GetCertificates()
    {
        if (_message.Certificates.Count == 0)
        {
            return null;
        }

        var result = new X509[_message.Certificates.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = new X509(_message.Certificates[i]);
        }

        return result;
    }

    /// <summary>The CRLs a SignedData carries, in order (an addition).</summary>
    /// <returns>New <see cref="CRL"/> objects, or null when there are none.</returns>
    public CRL[]? GetCrls()
    {
        if (_message.Crls.Count == 0)
        {
            return null;
        }

        var result = new CRL[_message.Crls.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = new CRL(_message.Crls[i]);
        }

        return result;
    }

    /// <summary>The message as a ManagedTls <see cref="Pkcs7"/> (an addition, like <c>to_cryptography</c>).</summary>
    /// <returns>The message.</returns>
    public Pkcs7 ToPkcs7() => _message;
}
