using System.Text;
using ManagedTls.Asn1;
using ManagedTls.Keys;
using ManagedTls.X509;
using ModelExtension = ManagedTls.X509.X509Extension;

namespace ManagedTls.OpenSsl;

/// <summary>
/// pyOpenSSL's <c>OpenSSL.crypto.X509Req</c>: a mutable PKCS#10 certificate signing request. A loaded request keeps its DER
/// untouched until a setter runs; <see cref="Sign"/> builds and signs a new one with ManagedTls's
/// <see cref="CertificationRequestBuilder"/>.
/// </summary>
public sealed class X509Req
{
    private const string ChallengePasswordOid = "1.2.840.113549.1.9.7";
    private const string ExtensionRequestOid = "1.2.840.113549.1.9.14";

    private readonly X509NameStore _subject = new();
    private readonly List<ModelExtension> _extensions = [];
    private readonly List<X509Attribute> _attributes = [];
    private CertificationRequest? _request;
    private bool _modified;
    private int _version;
    private ReadOnlyMemory<byte>? _spki;
    private string? _challengePassword;

    /// <summary>Creates an empty request (<c>X509Req()</c>): version 0, empty subject, no key.</summary>
    public X509Req() => _subject.Changed = MarkModified;

    /// <summary>Wraps a ManagedTls request (an addition, like <c>from_cryptography</c>).</summary>
    /// <param name="request">The request; its DER is what <see cref="Crypto.DumpCertificateRequest"/> writes until a setter runs.</param>
    /// <exception cref="CryptoException">The extensionRequest attribute is malformed.</exception>
    public X509Req(CertificationRequest request)
        : this()
    {
        ArgumentNullException.ThrowIfNull(request);
        _request = request;
        _version = request.Version;
        _subject.Reset(request.Subject);
        _spki = request.SubjectPublicKeyInfo;
        try
        {
            _extensions.AddRange(request.GetRequestedExtensions());
        }
        catch (X509FormatException e)
        {
            throw CryptoErrors.FromX509Format(e, "X509_REQ_get_extensions");
        }

        foreach (X509Attribute attribute in request.Attributes)
        {
            if (attribute.Oid != ExtensionRequestOid)
            {
                _attributes.Add(attribute);
            }
        }
    }

    /// <summary>The request as a ManagedTls <see cref="CertificationRequest"/> (an addition, like <c>to_cryptography</c>).</summary>
    /// <returns>The loaded or last signed request.</returns>
    /// <exception cref="InvalidOperationException">The request was changed (or never signed) since it was loaded: call Sign first.</exception>
    public CertificationRequest ToCertificationRequest() => !_modified && _request is not null
        ? _request
        : throw new InvalidOperationException("The request was changed (or never signed) since it was loaded: call Sign first.");

    /// <summary>Sets the version (<c>set_version</c>); PKCS#10 defines only 0.</summary>
    /// <param name="version">0.</param>
    /// <exception cref="ArgumentException">Not 0 ("Invalid version. The only valid version for X509Req is 0.").</exception>
    public void SetVersion(int version)
    {
        if (version != 0)
        {
            throw new ArgumentException("Invalid version. The only valid version for X509Req is 0.", nameof(version));
        }

        _version = version;
        MarkModified();
    }

    /// <summary>The version (<c>get_version</c>).</summary>
    /// <returns>The version field's value (0 for every PKCS#10 request).</returns>
    public int GetVersion() => _version;

    /// <summary>A live view of the subject (<c>get_subject</c>): changing it changes this request.</summary>
    /// <returns>The subject.</returns>
    public X509Name GetSubject() => new(_subject);

    /// <summary>The public key (<c>get_pubkey</c>), public-only.</summary>
    /// <returns>The key.</returns>
    /// <exception cref="CryptoException">No key was set, or its algorithm is not supported.</exception>
    public PKey GetPubkey() => new(X509.DecodeSpki(_spki, "X509_REQ_get_pubkey"));

    /// <summary>Sets the public key (<c>set_pubkey</c>).</summary>
    /// <param name="pkey">A key pair or a public key.</param>
    /// <exception cref="ArgumentException">An empty key ("Key is uninitialized").</exception>
    public void SetPubkey(PKey pkey)
    {
        ArgumentNullException.ThrowIfNull(pkey);
        _spki = (pkey.PublicKey ?? throw new ArgumentException("Key is uninitialized", nameof(pkey))).SubjectPublicKeyInfo;
        MarkModified();
    }

    /// <summary>Adds extensions to the request's extensionRequest attribute (<c>add_extensions</c>).</summary>
    /// <param name="extensions">The extensions, in order.</param>
    /// <exception cref="ArgumentException">An element is null ("One of the elements is not an X509Extension").</exception>
    public void AddExtensions(IEnumerable<X509Extension> extensions)
    {
        ArgumentNullException.ThrowIfNull(extensions);
        foreach (X509Extension extension in extensions)
        {
            if (extension is null)
            {
                throw new ArgumentException("One of the elements is not an X509Extension", nameof(extensions));
            }

            _extensions.Add(extension.Model);
            MarkModified();
        }
    }

    /// <summary>Copies of the requested extensions (<c>get_extensions</c>), in order.</summary>
    /// <returns>The extensions; empty when there are none.</returns>
    public IReadOnlyList<X509Extension> GetExtensions() => _extensions.ConvertAll(e => new X509Extension(e));

    /// <summary>The challengePassword attribute (PKCS#9) as text, or null when absent (an addition; pyOpenSSL has no attribute API).</summary>
    /// <returns>The password or null.</returns>
    public string? GetChallengePassword()
    {
        if (_challengePassword is not null)
        {
            return _challengePassword;
        }

        X509Attribute? attribute = _attributes.Find(a => a.Oid == ChallengePasswordOid);
        return attribute is { Values.Count: > 0 } ? DecodeDirectoryString(attribute.Values[0].Span) : null;
    }

    /// <summary>Sets or (with null) removes the challengePassword attribute (an addition).</summary>
    /// <param name="password">The password (a UTF8String, as <c>openssl req</c> writes it under the default string mask) or null.</param>
    public void SetChallengePassword(string? password)
    {
        _attributes.RemoveAll(a => a.Oid == ChallengePasswordOid);
        _challengePassword = password;
        MarkModified();
    }

    /// <summary>Signs the request (<c>sign</c>, <c>X509_REQ_sign</c>) with the requester's key.</summary>
    /// <param name="pkey">The key pair.</param>
    /// <param name="digest">An OpenSSL digest name; ignored for Ed25519/Ed448 keys.</param>
    /// <exception cref="ArgumentException">
    /// A public-only key ("Key has only public part"), an empty one ("Key is uninitialized"), an unknown digest ("No such
    /// digest method").
    /// </exception>
    /// <exception cref="CryptoException">No public key was set, or the digest does not fit the key.</exception>
    public void Sign(PKey pkey, string digest)
    {
        ArgumentNullException.ThrowIfNull(pkey);
        if (pkey.OnlyPublic)
        {
            throw new ArgumentException("Key has only public part", nameof(pkey));
        }

        PrivateKey key = pkey.PrivateKey ?? throw new ArgumentException("Key is uninitialized", nameof(pkey));
        var hash = Crypto.ParseDigestName(digest);
        var builder = new CertificationRequestBuilder
        {
            Version = _version,
            Subject = _subject.ToDistinguishedName(),
            SubjectPublicKeyInfo = _spki ?? throw new CryptoException("x509 certificate routines", "X509_REQ_sign", "unable to get public key"),
            ChallengePassword = _challengePassword,
        };
        foreach (X509Attribute attribute in _attributes)
        {
            builder.Attributes.Add(attribute);
        }

        foreach (ModelExtension extension in _extensions)
        {
            builder.Extensions.Add(extension);
        }

        _request = Crypto.BuildSigned(() => builder.Sign(key, Crypto.DigestFor(key, hash)), "X509_REQ_sign");
        _modified = false;
    }

    /// <summary>Checks the request's signature with <paramref name="pkey"/> (<c>verify</c>, <c>X509_REQ_verify</c>).</summary>
    /// <param name="pkey">The public key (or key pair) the request should be signed with.</param>
    /// <returns>True.</returns>
    /// <exception cref="CryptoException">
    /// The signature does not verify with that key (a different key, a changed or unsigned request, a forged signature):
    /// OpenSSL's "bad signature" entries.
    /// </exception>
    public bool Verify(PKey pkey)
    {
        ArgumentNullException.ThrowIfNull(pkey);
        Keys.PublicKey key = pkey.PublicKey ?? throw new ArgumentException("Key is uninitialized", nameof(pkey));
        bool valid = !_modified && _request is not null
            && _request.TryGetPublicKey(out Keys.PublicKey? own, out _) && own.Equals(key)
            && _request.VerifySignature();
        if (!valid)
        {
            OpenSslErrorEntry first = CryptoErrors.BadSignature(key.Algorithm).Errors[0];
            throw new CryptoException([first, new OpenSslErrorEntry("asn1 encoding routines", "ASN1_item_verify", "EVP lib")]);
        }

        return true;
    }

    private static string? DecodeDirectoryString(ReadOnlySpan<byte> der)
    {
        try
        {
            var reader = new DerReader(der);
            ReadOnlySpan<byte> content = reader.ReadContent(out Asn1Header header);
            return header.Tag.TagValue switch
            {
                12 => Encoding.UTF8.GetString(content),
                30 => Encoding.BigEndianUnicode.GetString(content),
                _ => Encoding.Latin1.GetString(content),
            };
        }
        catch (DecodeException)
        {
            return null;
        }
    }

    private void MarkModified() => _modified = true;
}
