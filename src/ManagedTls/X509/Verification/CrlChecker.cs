using ManagedTls.Asn1;
using ManagedTls.Keys;
using ManagedTls.Signatures;

namespace ManagedTls.X509.Verification;

/// <summary>Revocation from CRLs (RFC 5280 §6.3): scope, signature, validity, then the serial number.</summary>
internal static class CrlChecker
{
    private static readonly HashSet<string> s_handledCrlExtensions =
    [
        Oids.AuthorityKeyIdentifier, Oids.IssuerAltName, Oids.CrlNumber, Oids.DeltaCrlIndicator, Oids.IssuingDistributionPoint,
        Oids.FreshestCrl, Oids.AuthorityInfoAccess,
    ];

    public static Failure? Check(Certificate[] chain, TrustStore store, VerificationOptions options, DateTimeOffset time, Func<Certificate, Certificate, bool> signatureValid)
    {
        int last = options.Has(X509VerifyFlags.CrlCheckAll) ? chain.Length - 2 : 0;
        for (int depth = 0; depth <= last && depth < chain.Length - 1; depth++)
        {
            Failure? failure = CheckOne(chain, depth, store, options, time);
            if (failure is not null)
            {
                return failure;
            }
        }

        return null;
    }

    private static Failure? CheckOne(Certificate[] chain, int depth, TrustStore store, VerificationOptions options, DateTimeOffset time)
    {
        Certificate certificate = chain[depth];
        Certificate issuer = chain[depth + 1];
        Failure Fail(X509VerifyError error, string? detail = null) => new(error, depth, certificate, chain, detail);
        bool isCA = depth > 0;
        Failure? firstProblem = null;
        bool anyInScope = false;
        foreach (CertificateRevocationList crl in store.Crls)
        {
            IssuingDistributionPoint? idp;
            try
            {
                idp = crl.GetIssuingDistributionPoint();
                if (crl.GetDeltaCrlIndicator() is not null)
                {
                    continue; // deltas only extend a complete CRL (RFC 5280 §6.3.3 (c)), below
                }
            }
            catch (X509FormatException e)
            {
                if (crl.Issuer.Equals(certificate.Issuer))
                {
                    firstProblem ??= Fail(X509VerifyError.CrlSignatureFailure, e.Message);
                }

                continue;
            }

            // RFC 5280 §6.3.3 (b)(1): a CRL from another issuer is in scope only when it is indirect and one of the
            // certificate's distribution points names that issuer as its cRLIssuer.
            bool direct = crl.Issuer.Equals(certificate.Issuer);
            bool indirect = idp is { IndirectCrl: true };
            if (!direct && !(indirect && NamesCrlIssuer(certificate, crl.Issuer)))
            {
                continue;
            }

            // RFC 5280 §6.3.3 (b)(2): out of scope. Reported as OpenSSL does (X509_V_ERR_DIFFERENT_CRL_SCOPE) when
            // no other CRL covers the certificate.
            if ((idp is not null && ((idp.OnlyContainsUserCerts && isCA) || (idp.OnlyContainsCACerts && !isCA) || idp.OnlyContainsAttributeCerts))
                || !DistributionPointMatches(certificate, crl, idp))
            {
                firstProblem ??= Fail(X509VerifyError.DifferentCrlScope);
                continue;
            }

            // The CRL signer: the certificate's issuer for a direct CRL; for an indirect CRL (RFC 5280 §5.2.5) a
            // certificate named by the CRL's issuer field, taken from the validated path or the trust anchors.
            Certificate? signer = crl.Issuer.Equals(issuer.Subject) ? issuer : indirect ? FindIndirectSigner(crl, chain, depth, store, options, time) : null;
            if (signer is null)
            {
                firstProblem ??= Fail(X509VerifyError.UnableToGetCrlIssuer);
                continue;
            }

            anyInScope = true;
            Failure? crlFailure = CheckCrl(crl, signer, options, time, Fail);
            if (crlFailure is not null)
            {
                return crlFailure;
            }

            // RFC 5280 §6.3.3 (c): with use-deltas, and a freshestCRL in the certificate or the complete CRL, the
            // newest delta for this complete CRL is consulted first; its removeFromCRL entries un-revoke.
            if (options.Has(X509VerifyFlags.UseDeltas) && HasFreshest(certificate, crl) && FindDelta(store, crl) is { } delta)
            {
                Failure? deltaFailure = CheckCrl(delta, signer, options, time, Fail);
                if (deltaFailure is not null)
                {
                    return deltaFailure;
                }

                RevokedCertificate? deltaEntry = FindEntry(delta, certificate, time);
                if (deltaEntry is not null)
                {
                    CrlReason? deltaReason = ReasonOf(deltaEntry);
                    if (deltaReason == CrlReason.RemoveFromCrl)
                    {
                        continue; // un-revoked: the complete CRL's entry (certificateHold) no longer applies
                    }

                    return Fail(X509VerifyError.CertRevoked, deltaReason?.ToString());
                }
            }

            RevokedCertificate? revoked = FindEntry(crl, certificate, time);
            if (revoked is not null)
            {
                CrlReason? reason = ReasonOf(revoked);
                if (reason != CrlReason.RemoveFromCrl)
                {
                    return Fail(X509VerifyError.CertRevoked, reason?.ToString());
                }
            }
        }

        if (!anyInScope && !options.Has(X509VerifyFlags.AllowMissingCrl))
        {
            return firstProblem ?? Fail(X509VerifyError.UnableToGetCrl);
        }

        return null;
    }

    /// <summary>The signer's cRLSign, the signature, critical extensions, the cRLNumber under strict checks and the validity period.</summary>
    private static Failure? CheckCrl(CertificateRevocationList crl, Certificate signer, VerificationOptions options, DateTimeOffset time, Func<X509VerifyError, string?, Failure> fail)
    {
        KeyUsage? ku = PathValidator.TryGet(signer.GetKeyUsage);
        if (ku is not null && (ku.Flags & KeyUsageFlags.CrlSign) == 0)
        {
            return fail(X509VerifyError.KeyUsageNoCrlSign, null);
        }

        if (!signer.TryGetPublicKey(out PublicKey? key, out _) || !VerifyCrl(crl, key))
        {
            return fail(X509VerifyError.CrlSignatureFailure, null);
        }

        foreach (X509Extension extension in crl.Extensions)
        {
            if (extension.Critical && !s_handledCrlExtensions.Contains(extension.Oid))
            {
                return fail(X509VerifyError.UnhandledCriticalCrlExtension, extension.Oid);
            }
        }

        // RFC 5280 §5.2.3: conforming CRLs carry a non-critical cRLNumber.
        X509Extension? number = crl.FindExtension(Oids.CrlNumber);
        if (options.Strict && (number is null || number.Critical))
        {
            return fail(X509VerifyError.UnhandledCriticalCrlExtension, number is null ? "CRL without cRLNumber (RFC 5280 5.2.3)" : "critical cRLNumber (RFC 5280 5.2.3)");
        }

        if (!options.Has(X509VerifyFlags.NoCheckTime))
        {
            if (crl.ThisUpdate > time)
            {
                return fail(X509VerifyError.CrlNotYetValid, null);
            }

            if (crl.NextUpdate is { } next && next < time)
            {
                return fail(X509VerifyError.CrlHasExpired, null);
            }
        }

        return null;
    }

    private static CrlReason? ReasonOf(RevokedCertificate entry)
    {
        try
        {
            return entry.GetReason();
        }
        catch (X509FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// The entry for <paramref name="certificate"/>, honouring certificateIssuer (RFC 5280 §5.3.3): in an indirect
    /// CRL an entry's issuer is the one its certificateIssuer names, carried over to the following entries, and
    /// the CRL issuer before the first such extension. Entries dated after <paramref name="time"/> are ignored.
    /// </summary>
    private static RevokedCertificate? FindEntry(CertificateRevocationList crl, Certificate certificate, DateTimeOffset time)
    {
        IssuingDistributionPoint? idp = PathValidator.TryGet(crl.GetIssuingDistributionPoint);
        if (idp is not { IndirectCrl: true })
        {
            RevokedCertificate? entry = crl.FindRevoked(certificate.SerialNumber.Span);
            return entry is not null && entry.RevocationDate <= time ? entry : null;
        }

        bool issuerMatches = crl.Issuer.Equals(certificate.Issuer);
        foreach (RevokedCertificate entry in crl.RevokedCertificates)
        {
            if (entry.FindExtension(Oids.CertificateIssuer) is not null)
            {
                CertificateIssuer? names = PathValidator.TryGet(entry.GetCertificateIssuer);
                issuerMatches = names is not null && NamesDirectory(names.Names, certificate.Issuer);
            }

            if (issuerMatches && entry.SerialNumber.Span.SequenceEqual(certificate.SerialNumber.Span) && entry.RevocationDate <= time)
            {
                return entry;
            }
        }

        return null;
    }

    private static bool NamesCrlIssuer(Certificate certificate, DistinguishedName crlIssuer)
    {
        CrlDistributionPoints? points = PathValidator.TryGet(certificate.GetCrlDistributionPoints);
        if (points is null)
        {
            return false;
        }

        foreach (DistributionPoint point in points.Points)
        {
            if (point.CrlIssuer is { } names && NamesDirectory(names, crlIssuer))
            {
                return true;
            }
        }

        return false;
    }

    private static bool NamesDirectory(IReadOnlyList<GeneralName> names, DistinguishedName name)
    {
        foreach (GeneralName candidate in names)
        {
            if (candidate.Kind == GeneralNameKind.DirectoryName && candidate.DirectoryName!.Equals(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The signer of an indirect CRL: a certificate of the validated path above <paramref name="depth"/>, or a trust
    /// anchor, whose subject is the CRL's issuer and which is within its validity period at <paramref name="time"/>.
    /// </summary>
    private static Certificate? FindIndirectSigner(CertificateRevocationList crl, Certificate[] chain, int depth, TrustStore store, VerificationOptions options, DateTimeOffset time)
    {
        bool checkTime = !options.Has(X509VerifyFlags.NoCheckTime);
        for (int i = depth + 1; i < chain.Length; i++)
        {
            if (chain[i].Subject.Equals(crl.Issuer))
            {
                return chain[i];
            }
        }

        foreach (TrustAnchor anchor in store.Anchors)
        {
            Certificate candidate = anchor.Certificate;
            if (candidate.Subject.Equals(crl.Issuer) && (!checkTime || (candidate.NotBefore <= time && time <= candidate.NotAfter)) && VerifiesCrl(crl, candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool VerifiesCrl(CertificateRevocationList crl, Certificate candidate) =>
        candidate.TryGetPublicKey(out PublicKey? key, out _) && VerifyCrl(crl, key);

    private static System.Numerics.BigInteger? TryGetCrlNumber(CertificateRevocationList crl)
    {
        try
        {
            return crl.GetCrlNumber();
        }
        catch (X509FormatException)
        {
            return null;
        }
    }

    private static bool HasFreshest(Certificate certificate, CertificateRevocationList crl) =>
        certificate.FindExtension(Oids.FreshestCrl) is not null || crl.FindExtension(Oids.FreshestCrl) is not null;

    /// <summary>
    /// The delta CRL (RFC 5280 §5.2.4) with the highest cRLNumber that extends <paramref name="complete"/>: same issuer,
    /// same issuingDistributionPoint, a BaseCRLNumber no greater than the complete CRL's cRLNumber, and a cRLNumber
    /// greater than it.
    /// </summary>
    private static CertificateRevocationList? FindDelta(TrustStore store, CertificateRevocationList complete)
    {
        if (TryGetCrlNumber(complete) is not { } baseNumber)
        {
            return null;
        }

        ReadOnlySpan<byte> completeIdp = complete.FindExtension(Oids.IssuingDistributionPoint) is { } e ? e.Value.Span : default;
        CertificateRevocationList? best = null;
        System.Numerics.BigInteger bestNumber = default;
        foreach (CertificateRevocationList crl in store.Crls)
        {
            DeltaCrlIndicator? indicator = PathValidator.TryGet(crl.GetDeltaCrlIndicator);
            if (indicator is null || !crl.Issuer.Equals(complete.Issuer) || indicator.BaseCrlNumber > baseNumber)
            {
                continue;
            }

            ReadOnlySpan<byte> idp = crl.FindExtension(Oids.IssuingDistributionPoint) is { } d ? d.Value.Span : default;
            if (!idp.SequenceEqual(completeIdp))
            {
                continue;
            }

            if (TryGetCrlNumber(crl) is { } n && n > baseNumber && (best is null || n > bestNumber))
            {
                best = crl;
                bestNumber = n;
            }
        }

        return best;
    }

    private static bool VerifyCrl(CertificateRevocationList crl, PublicKey key)
    {
        try
        {
            return crl.VerifySignature(key);
        }
        catch (Exception e) when (e is SignatureException or DecodeException or KeyFormatException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// RFC 5280 §6.3.3 (b)(2)(i): when the CRL's issuingDistributionPoint names a distribution point and the certificate
    /// has cRLDistributionPoints with names, one name must be shared. A nameRelativeToCRLIssuer is completed with the
    /// CRL issuer (for the IDP) or the point's cRLIssuer, else the certificate's issuer (for the certificate), and
    /// then compares as a directoryName.
    /// </summary>
    private static bool DistributionPointMatches(Certificate certificate, CertificateRevocationList crl, IssuingDistributionPoint? idp)
    {
        if (idp?.Name is not { } idpName)
        {
            return true;
        }

        CrlDistributionPoints? points = PathValidator.TryGet(certificate.GetCrlDistributionPoints);
        if (points is null)
        {
            return true;
        }

        List<object> idpNames = Expand(idpName, crl.Issuer);
        foreach (DistributionPoint point in points.Points)
        {
            if (point.Name is not { } pointName)
            {
                continue;
            }

            DistinguishedName pointBase = certificate.Issuer;
            if (point.CrlIssuer is { } crlIssuers)
            {
                foreach (GeneralName name in crlIssuers)
                {
                    if (name.Kind == GeneralNameKind.DirectoryName)
                    {
                        pointBase = name.DirectoryName!;
                        break;
                    }
                }
            }

            foreach (object a in Expand(pointName, pointBase))
            {
                foreach (object b in idpNames)
                {
                    if (a is DistinguishedName da ? b is DistinguishedName db && da.Equals(db) : b is byte[] rb && ((byte[])a).AsSpan().SequenceEqual(rb))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>A distribution point name as comparable values: a <see cref="DistinguishedName"/> for directory and relative names, the DER of any other general name.</summary>
    private static List<object> Expand(DistributionPointName name, DistinguishedName relativeBase)
    {
        var result = new List<object>();
        if (name.FullName is { } full)
        {
            foreach (GeneralName general in full)
            {
                result.Add(general.Kind == GeneralNameKind.DirectoryName ? general.DirectoryName! : general.RawData.ToArray());
            }
        }
        else if (name.RelativeName is { } relative)
        {
            var rdns = new List<IReadOnlyList<AttributeTypeAndValue>>(relativeBase.Rdns.Count + 1);
            foreach (RelativeDistinguishedName rdn in relativeBase.Rdns)
            {
                rdns.Add(rdn.Attributes);
            }

            rdns.Add(relative);
            try
            {
                result.Add(DistinguishedName.Create(rdns));
            }
            catch (Exception e) when (e is X509FormatException or ArgumentException)
            {
            }
        }

        return result;
    }
}
