using ManagedTls.Asn1;

namespace ManagedTls.X509.Verification;

/// <content>The profile checks of X509_STRICT and the CA/Browser Forum (RFC 5280 §4 "MUST"s a verifier can see).</content>
internal static partial class PathValidator
{
    private static Failure? CheckStrict(
        Certificate certificate, int depth, bool isLeaf, bool isAnchor, BasicConstraints? bc, KeyUsage? ku, AlternativeNames? san,
        AuthorityKeyIdentifier? aki, SubjectKeyIdentifier? ski, Func<Certificate, Certificate, bool> signatureValid,
        VerificationOptions options, Func<X509VerifyError, string?, Failure> fail)
    {
        bool webPki = options.Profile == VerificationProfile.WebPki;
        bool isCA = !isLeaf;

        // RFC 5280 §4.1.2.2: serial numbers are positive and at most 20 octets.
        ReadOnlySpan<byte> serial = certificate.SerialNumber.Span;
        if (isAnchor)
        {
            // Trust anchors are taken as configured (a root with a zero or negative serial is still a root).
        }
        else if (serial.Length > 20 || (serial.Length == 21 && serial[0] != 0))
        {
            return fail(X509VerifyError.InvalidExtension, "serial number longer than 20 octets (RFC 5280 4.1.2.2)");
        }

        if (!isAnchor && certificate.SerialNumberValue.Sign <= 0)
        {
            return fail(X509VerifyError.InvalidExtension, "serial number not positive (RFC 5280 4.1.2.2)");
        }

        if (certificate.Version != 3 && (webPki || certificate.Extensions.Count > 0))
        {
            return fail(X509VerifyError.ExtensionsRequireVersion3, null);
        }

        if (certificate.Issuer.IsEmpty)
        {
            return fail(X509VerifyError.IssuerNameEmpty, null);
        }

        if (isCA && certificate.Subject.IsEmpty)
        {
            return fail(X509VerifyError.SubjectNameEmpty, null);
        }

        X509Extension? sanExtension = certificate.FindExtension(Oids.SubjectAltName);
        if (sanExtension is not null)
        {
            if (san is null || san.Names.Count == 0)
            {
                return fail(X509VerifyError.EmptySubjectAltName, null);
            }

            if (certificate.Subject.IsEmpty && !sanExtension.Critical)
            {
                return fail(X509VerifyError.EmptySubjectSanNotCritical, null);
            }

            if (webPki && isLeaf && !certificate.Subject.IsEmpty && sanExtension.Critical)
            {
                return fail(X509VerifyError.InvalidExtension, "critical subjectAltName with a non-empty subject (CABF 7.1.2.7.12)");
            }
        }
        else if (certificate.Subject.IsEmpty)
        {
            return fail(X509VerifyError.SubjectNameEmpty, null);
        }

        if (certificate.FindExtension(Oids.AuthorityKeyIdentifier) is { Critical: true })
        {
            return fail(X509VerifyError.AuthorityKeyIdentifierCritical, null);
        }

        if (certificate.FindExtension(Oids.SubjectKeyIdentifier) is { Critical: true })
        {
            return fail(X509VerifyError.SubjectKeyIdentifierCritical, null);
        }

        if (certificate.FindExtension(Oids.AuthorityInfoAccess) is { Critical: true } || certificate.FindExtension(Oids.SubjectInfoAccess) is { Critical: true })
        {
            return fail(X509VerifyError.InvalidExtension, "critical authority/subject information access (RFC 5280 4.2.2)");
        }

        if (certificate.FindExtension(Oids.PolicyConstraints) is { Critical: false } || certificate.FindExtension(Oids.InhibitAnyPolicy) is { Critical: false })
        {
            return fail(X509VerifyError.InvalidPolicyExtension, "policyConstraints/inhibitAnyPolicy not critical (RFC 5280 4.2.1.11, 4.2.1.14)");
        }

        if (certificate.FindExtension(Oids.ExtKeyUsage) is not null && certificate.GetExtendedKeyUsage()?.Oids.Count == 0)
        {
            return fail(X509VerifyError.InvalidExtension, "empty extendedKeyUsage");
        }

        bool selfSigned = ChainVerifier.IsSelfIssued(certificate) && signatureValid(certificate, certificate);

        // RFC 5280 §4.2.1.1: keyIdentifier MUST be present except in self-signed certificates.
        if (!selfSigned && !isAnchor && (aki is null || aki.KeyIdentifier is null))
        {
            return fail(X509VerifyError.MissingAuthorityKeyIdentifier, null);
        }

        if (isAnchor && webPki && aki is not null)
        {
            // CABF 7.1.2.1.3: a root's AKI, if present, holds only keyIdentifier, equal to its SKI.
            if (aki.KeyIdentifier is null || aki.AuthorityCertIssuer is not null || aki.AuthorityCertSerialNumber is not null)
            {
                return fail(X509VerifyError.InvalidExtension, "root authorityKeyIdentifier must hold only keyIdentifier (CABF 7.1.2.1.3)");
            }

            if (selfSigned && ski is not null && !aki.KeyIdentifier.Value.Span.SequenceEqual(ski.KeyIdentifier.Span))
            {
                return fail(X509VerifyError.AkidSkidMismatch, null);
            }
        }

        if (isCA)
        {
            // RFC 5280 §4.2.1.2: CAs MUST carry a subjectKeyIdentifier; §4.2.1.9: basicConstraints critical.
            if (ski is null)
            {
                return fail(X509VerifyError.MissingSubjectKeyIdentifier, null);
            }

            if (bc is not null && bc.CertificateAuthority && !certificate.FindExtension(Oids.BasicConstraints)!.Critical)
            {
                return fail(X509VerifyError.CABasicConstraintsNotCritical, null);
            }

            // RFC 5280 §4.2.1.3: conforming CAs MUST include keyUsage. The OpenSSL-compatible profile refuses one without
            // it as OpenSSL 3.0's X509_STRICT does (error 92, root included); the Web PKI profile follows x509-limbo,
            // whose cases accept such a CA (an absent keyUsage permits every use).
            if (!webPki && bc is not null && bc.CertificateAuthority && ku is null)
            {
                return fail(X509VerifyError.CACertMissingKeyUsage, null);
            }

            if (bc is not null && bc.CertificateAuthority && ku is not null && (ku.Flags & KeyUsageFlags.KeyCertSign) == 0)
            {
                return fail(X509VerifyError.KeyUsageNoCertsign, null);
            }
        }
        else
        {
            if (certificate.FindExtension(Oids.NameConstraints) is not null)
            {
                return fail(X509VerifyError.InvalidExtension, "nameConstraints in an end-entity certificate (RFC 5280 4.2.1.10)");
            }

            if (bc is { CertificateAuthority: false, PathLengthConstraint: not null })
            {
                return fail(X509VerifyError.PathlenInvalidForNonCA, null);
            }
        }

        return null;
    }
}
