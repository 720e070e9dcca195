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
            if (!crl.Issuer.Equals(certificate.Issuer) && !IsIndirectFor(crl, certificate))
            {
                continue;
            }

            IssuingDistributionPoint? idp;
            try
            {
                idp = crl.GetIssuingDistributionPoint();
                if (crl.GetDeltaCrlIndicator() is not null && !options.Has(X509VerifyFlags.UseDeltas))
                {
                    continue;
                }
            }
            catch (X509FormatException e)
            {
                firstProblem ??= Fail(X509VerifyError.CrlSignatureFailure, e.Message);
                continue;
            }

            if (idp is not null && ((idp.OnlyContainsUserCerts && isCA) || (idp.OnlyContainsCACerts && !isCA) || idp.OnlyContainsAttributeCerts))
            {
                continue; // RFC 5280 §6.3.3 (b)(2): out of scope
            }

            if (idp?.Name?.FullName is { } idpNames && !DistributionPointMatches(certificate, idpNames))
            {
                continue;
            }

            // The CRL signer: the certificate's issuer (indirect CRLs signed by another CA are not located here).
            if (!crl.Issuer.Equals(issuer.Subject))
            {
                firstProblem ??= Fail(X509VerifyError.UnableToGetCrlIssuer);
                continue;
            }

            anyInScope = true;
            KeyUsage? ku = PathValidator.TryGet(issuer.GetKeyUsage);
            if (ku is not null && (ku.Flags & KeyUsageFlags.CrlSign) == 0)
            {
                return Fail(X509VerifyError.KeyUsageNoCrlSign);
            }

            if (!issuer.TryGetPublicKey(out PublicKey? key, out _) || !VerifyCrl(crl, key))
            {
                return Fail(X509VerifyError.CrlSignatureFailure);
            }

            foreach (X509Extension extension in crl.Extensions)
            {
                if (extension.Critical && !s_handledCrlExtensions.Contains(extension.Oid))
                {
                    return Fail(X509VerifyError.UnhandledCriticalCrlExtension, extension.Oid);
                }
            }

            // RFC 5280 §5.2.3: conforming CRLs carry a non-critical cRLNumber.
            X509Extension? number = crl.FindExtension(Oids.CrlNumber);
            if (options.Strict && (number is null || number.Critical))
            {
                return Fail(X509VerifyError.UnhandledCriticalCrlExtension, number is null ? "CRL without cRLNumber (RFC 5280 5.2.3)" : "critical cRLNumber (RFC 5280 5.2.3)");
            }

            if (!options.Has(X509VerifyFlags.NoCheckTime))
            {
                if (crl.ThisUpdate > time)
                {
                    return Fail(X509VerifyError.CrlNotYetValid);
                }

                if (crl.NextUpdate is { } next && next < time)
                {
                    return Fail(X509VerifyError.CrlHasExpired);
                }
            }

            RevokedCertificate? revoked = crl.FindRevoked(certificate.SerialNumber.Span);
            if (revoked is not null && revoked.RevocationDate <= time)
            {
                CrlReason? reason = null;
                try
                {
                    reason = revoked.GetReason();
                }
                catch (X509FormatException)
                {
                }

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

    private static bool IsIndirectFor(CertificateRevocationList crl, Certificate certificate)
    {
        // An indirect CRL (idp indirectCRL) lists entries whose certificateIssuer names another CA.
        IssuingDistributionPoint? idp = PathValidator.TryGet(crl.GetIssuingDistributionPoint);
        if (idp is null || !idp.IndirectCrl)
        {
            return false;
        }

        foreach (RevokedCertificate entry in crl.RevokedCertificates)
        {
            CertificateIssuer? names = PathValidator.TryGet(entry.GetCertificateIssuer);
            if (names is null)
            {
                continue;
            }

            foreach (GeneralName name in names.Names)
            {
                if (name.Kind == GeneralNameKind.DirectoryName && name.DirectoryName!.Equals(certificate.Issuer))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool DistributionPointMatches(Certificate certificate, IReadOnlyList<GeneralName> idpNames)
    {
        CrlDistributionPoints? points = PathValidator.TryGet(certificate.GetCrlDistributionPoints);
        if (points is null)
        {
            return true;
        }

        foreach (DistributionPoint point in points.Points)
        {
            if (point.Name?.FullName is not { } names)
            {
                continue;
            }

            foreach (GeneralName a in names)
            {
                foreach (GeneralName b in idpNames)
                {
                    if (a.RawData.Span.SequenceEqual(b.RawData.Span))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
