using ManagedTls.X509.Trust;

namespace ManagedTls.X509.Verification;

/// <summary>Trust anchors and CRLs for <see cref="ChainVerifier"/> (the data half of OpenSSL's <c>X509_STORE</c>).</summary>
public sealed class TrustStore
{
    private readonly List<TrustAnchor> _anchors = [];
    private readonly List<CertificateRevocationList> _crls = [];
    private readonly Dictionary<DistinguishedName, List<TrustAnchor>> _bySubject = [];

    /// <summary>The anchors, in the order added.</summary>
    public IReadOnlyList<TrustAnchor> Anchors => _anchors;

    /// <summary>The CRLs, in the order added.</summary>
    public IReadOnlyList<CertificateRevocationList> Crls => _crls;

    /// <summary>Adds a certificate trusted for every purpose.</summary>
    /// <param name="certificate">The certificate.</param>
    public void AddCertificate(Certificate certificate) => AddAnchor(new TrustAnchor(certificate));

    /// <summary>Adds an anchor (a duplicate certificate is ignored).</summary>
    /// <param name="anchor">The anchor.</param>
    public void AddAnchor(TrustAnchor anchor)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        if (Find(anchor.Certificate) is not null)
        {
            return;
        }

        _anchors.Add(anchor);
        if (!_bySubject.TryGetValue(anchor.Certificate.Subject, out List<TrustAnchor>? list))
        {
            _bySubject[anchor.Certificate.Subject] = list = [];
        }

        list.Add(anchor);
    }

    /// <summary>Adds a CRL.</summary>
    /// <param name="crl">The CRL.</param>
    public void AddCrl(CertificateRevocationList crl)
    {
        ArgumentNullException.ThrowIfNull(crl);
        _crls.Add(crl);
    }

    /// <summary>
    /// Adds the roots of a CA bundle with their per-purpose trust and distrust-after dates; roots trusted for none
    /// of <paramref name="purposes"/> and explicitly distrusted entries are left out.
    /// </summary>
    /// <param name="bundle">The bundle (for example <see cref="CaBundle.Mozilla"/>).</param>
    /// <param name="purposes">The purposes wanted.</param>
    public void AddCaBundle(CaBundle bundle, TrustPurpose purposes = TrustPurpose.Any)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        foreach (CaRoot root in bundle.GetAnchors(purposes))
        {
            AddAnchor(new TrustAnchor(root.Certificate, root.TrustedPurposes, root.ServerDistrustAfter, root.EmailDistrustAfter));
        }
    }

    /// <summary>Returns the anchor holding exactly this certificate, or null.</summary>
    /// <param name="certificate">The certificate.</param>
    /// <returns>The anchor or null.</returns>
    public TrustAnchor? Find(Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (_bySubject.TryGetValue(certificate.Subject, out List<TrustAnchor>? list))
        {
            foreach (TrustAnchor anchor in list)
            {
                if (anchor.Certificate.Equals(certificate))
                {
                    return anchor;
                }
            }
        }

        return null;
    }

    internal IReadOnlyList<TrustAnchor> FindBySubject(DistinguishedName subject) =>
        _bySubject.TryGetValue(subject, out List<TrustAnchor>? list) ? list : [];
}
