using System.Numerics;
using ManagedTls.Asn1;
using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Signatures;

namespace ManagedTls.X509.Verification;

/// <summary>RFC 5280 §6.1 validation of one complete path (leaf at index 0, trust anchor last).</summary>
internal static partial class PathValidator
{
    private static readonly HashSet<string> s_handledCritical =
    [
        Oids.BasicConstraints, Oids.KeyUsage, Oids.ExtKeyUsage, Oids.SubjectAltName, Oids.NameConstraints,
        Oids.CertificatePolicies, Oids.PolicyMappings, Oids.PolicyConstraints, Oids.InhibitAnyPolicy,
        Oids.IssuerAltName, Oids.CrlDistributionPoints, Oids.FreshestCrl, Oids.TlsFeature, Oids.CtPrecertPoison,
        Oids.AuthorityKeyIdentifier, Oids.SubjectKeyIdentifier, Oids.AuthorityInfoAccess, Oids.SubjectInfoAccess,
    ];

    public static Failure? Validate(List<Certificate> path, TrustStore store, VerificationOptions options, DateTimeOffset time, Func<Certificate, Certificate, bool> signatureValid)
    {
        Certificate[] chain = path.ToArray();
        int n = chain.Length;
        Failure Fail(X509VerifyError error, int depth, string? detail = null) => new(error, depth, chain[depth], chain, detail);

        // Walk from the anchor down to the leaf (RFC 5280 §6.1.3/§6.1.4).
        int maxPathLength = int.MaxValue;
        for (int depth = n - 1; depth >= 0; depth--)
        {
            Certificate certificate = chain[depth];
            bool isLeaf = depth == 0;
            bool isAnchor = depth == n - 1;
            Failure? failure = CheckCertificate(certificate, depth, isLeaf, isAnchor, chain, options, time, signatureValid);
            if (failure is not null)
            {
                return failure;
            }

            if (!isLeaf)
            {
                BasicConstraints? bc = TryGet(certificate.GetBasicConstraints);
                if (!isAnchor && !ChainVerifier.IsSelfIssued(certificate))
                {
                    if (maxPathLength <= 0)
                    {
                        return Fail(X509VerifyError.PathLengthExceeded, depth);
                    }

                    maxPathLength--;
                }

                if (bc?.PathLengthConstraint is int pathLength && pathLength < maxPathLength)
                {
                    maxPathLength = pathLength;
                }
            }
        }

        if (CountLogicalIntermediates(chain) > options.MaxDepth)
        {
            return Fail(X509VerifyError.CertChainTooLong, n - 1);
        }

        Failure? nameFailure = NameConstraintChecker.Check(chain, options);
        if (nameFailure is not null)
        {
            return nameFailure;
        }

        Failure? policyFailure = PolicyProcessor.Check(chain, options);
        if (policyFailure is not null)
        {
            return policyFailure;
        }

        Failure? identityFailure = CheckIdentity(chain, options);
        if (identityFailure is not null)
        {
            return identityFailure;
        }

        if (options.Has(X509VerifyFlags.CrlCheck) || options.Has(X509VerifyFlags.CrlCheckAll))
        {
            Failure? crlFailure = CrlChecker.Check(chain, store, options, time, signatureValid);
            if (crlFailure is not null)
            {
                return crlFailure;
            }
        }

        return null;
    }

    private static int CountLogicalIntermediates(Certificate[] chain)
    {
        int count = 0;
        for (int i = 1; i < chain.Length - 1; i++)
        {
            // Self-issued intermediates (key rollover) are not logical intermediates (RFC 5280 §6.1.4 (l)).
            if (!ChainVerifier.IsSelfIssued(chain[i]))
            {
                count++;
            }
        }

        return count;
    }

    internal static T? TryGet<T>(Func<T?> getter) where T : class
    {
        try
        {
            return getter();
        }
        catch (X509FormatException)
        {
            return null;
        }
    }

    private static Failure? CheckCertificate(Certificate certificate, int depth, bool isLeaf, bool isAnchor, Certificate[] chain, VerificationOptions options, DateTimeOffset time, Func<Certificate, Certificate, bool> signatureValid)
    {
        Failure Fail(X509VerifyError error, string? detail = null) => new(error, depth, certificate, chain, detail);
        bool strict = options.Strict;
        bool webPki = options.Profile == VerificationProfile.WebPki;

        // Every extension must decode; duplicates are refused (RFC 5280 §4.2).
        var seen = new HashSet<string>();
        foreach (X509Extension extension in certificate.Extensions)
        {
            if (!seen.Add(extension.Oid))
            {
                return Fail(X509VerifyError.InvalidExtension, "duplicate extension " + extension.Oid);
            }

            if (extension.Critical && !s_handledCritical.Contains(extension.Oid) && !options.Has(X509VerifyFlags.IgnoreCritical))
            {
                return Fail(X509VerifyError.UnhandledCriticalExtension, extension.Oid);
            }
        }

        BasicConstraints? bc;
        KeyUsage? ku;
        ExtendedKeyUsage? eku;
        AlternativeNames? san;
        AuthorityKeyIdentifier? aki;
        SubjectKeyIdentifier? ski;
        try
        {
            bc = certificate.GetBasicConstraints();
            ku = certificate.GetKeyUsage();
            eku = certificate.GetExtendedKeyUsage();
            san = certificate.GetSubjectAlternativeNames();
            aki = certificate.GetAuthorityKeyIdentifier();
            ski = certificate.GetSubjectKeyIdentifier();
            _ = certificate.GetNameConstraints();
            _ = certificate.GetCertificatePolicies();
            _ = certificate.GetPolicyMappings();
            _ = certificate.GetPolicyConstraints();
            _ = certificate.GetInhibitAnyPolicy();
            if (strict)
            {
                AuthorityInformationAccess? aia = certificate.GetAuthorityInformationAccess();
                if (aia is not null && aia.Descriptions.Count == 0)
                {
                    return Fail(X509VerifyError.InvalidExtension, "empty authorityInfoAccess");
                }
            }
        }
        catch (X509FormatException e)
        {
            return Fail(X509VerifyError.InvalidExtension, e.Message);
        }

        // Validity (RFC 5280 §6.1.3 (a)(2)); whole seconds, bounds inclusive.
        if (!options.Has(X509VerifyFlags.NoCheckTime))
        {
            if (time < certificate.NotBefore)
            {
                return Fail(X509VerifyError.CertNotYetValid);
            }

            if (time > certificate.NotAfter)
            {
                return Fail(X509VerifyError.CertHasExpired);
            }
        }

        // Signature and key policy.
        if (!isAnchor || options.Has(X509VerifyFlags.CheckSelfSignedSignature))
        {
            Failure? algorithmFailure = CheckSignatureAlgorithm(certificate, options, Fail);
            if (algorithmFailure is not null)
            {
                return algorithmFailure;
            }
        }

        if (isAnchor && options.Has(X509VerifyFlags.CheckSelfSignedSignature) && ChainVerifier.IsSelfIssued(certificate) && !signatureValid(certificate, certificate))
        {
            return Fail(X509VerifyError.CertSignatureFailure);
        }

        if (!certificate.TryGetPublicKey(out PublicKey? key, out _))
        {
            return Fail(isLeaf ? X509VerifyError.EEKeyTooSmall : X509VerifyError.UnableToDecodeIssuerPublicKey, "unsupported or malformed public key");
        }

        Failure? keyFailure = CheckKey(key, isLeaf, options, Fail);
        if (keyFailure is not null)
        {
            return keyFailure;
        }

        if (strict)
        {
            Failure? strictFailure = CheckStrict(certificate, depth, isLeaf, isAnchor, bc, ku, san, aki, ski, signatureValid, options, Fail);
            if (strictFailure is not null)
            {
                return strictFailure;
            }
        }

        if (!isLeaf)
        {
            // RFC 5280 §6.1.4 (k), (n): an issuer must be a CA allowed to sign certificates.
            if (bc is null || !bc.CertificateAuthority)
            {
                return Fail(X509VerifyError.InvalidCA, "not a CA (basicConstraints)");
            }

            if (ku is not null && (ku.Flags & KeyUsageFlags.KeyCertSign) == 0)
            {
                return Fail(X509VerifyError.KeyUsageNoCertsign);
            }

            if (eku is not null && options.Purpose != VerificationPurpose.Any)
            {
                if (webPki && isAnchor && !ReferenceEquals(certificate, chain[0]))
                {
                    return Fail(X509VerifyError.InvalidPurpose, "root carries extendedKeyUsage (CABF 7.1.2.1.2)");
                }

                if (!eku.Oids.Contains(PurposeOid(options.Purpose)) && !eku.Oids.Contains(Oids.AnyExtendedKeyUsage))
                {
                    return Fail(X509VerifyError.InvalidPurpose, "issuer's extendedKeyUsage lacks the purpose");
                }
            }
        }
        else
        {
            Failure? leafFailure = CheckLeafPurpose(certificate, bc, ku, eku, options, Fail);
            if (leafFailure is not null)
            {
                return leafFailure;
            }
        }

        return null;
    }

    internal static string PurposeOid(VerificationPurpose purpose) => purpose switch
    {
        VerificationPurpose.ServerAuth => Oids.ServerAuth,
        VerificationPurpose.ClientAuth => Oids.ClientAuth,
        VerificationPurpose.EmailProtection => Oids.EmailProtection,
        VerificationPurpose.CodeSigning => Oids.CodeSigning,
        VerificationPurpose.TimeStamping => Oids.TimeStamping,
        VerificationPurpose.OcspSigning => Oids.OcspSigning,
        _ => Oids.AnyExtendedKeyUsage,
    };

    private static Failure? CheckLeafPurpose(Certificate certificate, BasicConstraints? bc, KeyUsage? ku, ExtendedKeyUsage? eku, VerificationOptions options, Func<X509VerifyError, string?, Failure> fail)
    {
        bool webPki = options.Profile == VerificationProfile.WebPki;
        if (webPki)
        {
            // CABF 7.1.2.7.8 / 7.1.2.7.11: a subscriber certificate is not a CA and cannot sign certificates.
            if (bc is not null && bc.CertificateAuthority)
            {
                return fail(X509VerifyError.InvalidNonCA, "leaf has basicConstraints cA=TRUE");
            }
        }

        if (ku is not null && (ku.Flags & KeyUsageFlags.KeyCertSign) != 0 && (bc is null || !bc.CertificateAuthority))
        {
            return fail(X509VerifyError.KeyUsageKeyCertSignInvalidForNonCA, null);
        }

        if (options.RequiredKeyUsage != KeyUsageFlags.None && ku is not null && (ku.Flags & options.RequiredKeyUsage) != options.RequiredKeyUsage)
        {
            return fail(X509VerifyError.KeyUsageNoDigitalSignature, null);
        }

        if (options.Purpose == VerificationPurpose.Any)
        {
            return null;
        }

        string wanted = PurposeOid(options.Purpose);
        if (eku is null)
        {
            return webPki ? fail(X509VerifyError.InvalidPurpose, "leaf has no extendedKeyUsage (CABF 7.1.2.7.6)") : null;
        }

        if (webPki)
        {
            if (certificate.FindExtension(Oids.ExtKeyUsage)!.Critical)
            {
                return fail(X509VerifyError.InvalidPurpose, "critical extendedKeyUsage (CABF 7.1.2.7.6)");
            }

            if (eku.Oids.Contains(Oids.AnyExtendedKeyUsage))
            {
                return fail(X509VerifyError.InvalidPurpose, "anyExtendedKeyUsage in a leaf (CABF 7.1.2.7.10)");
            }
        }

        if (!eku.Oids.Contains(wanted) && (webPki || !eku.Oids.Contains(Oids.AnyExtendedKeyUsage)))
        {
            return fail(X509VerifyError.InvalidPurpose, "extendedKeyUsage lacks the purpose");
        }

        return null;
    }

    private static Failure? CheckSignatureAlgorithm(Certificate certificate, VerificationOptions options, Func<X509VerifyError, string?, Failure> fail)
    {
        if (!certificate.SignatureAlgorithmsMatch)
        {
            return fail(X509VerifyError.SignatureAlgorithmInconsistency, null);
        }

        if (!certificate.TryGetSignatureAlgorithm(out SignatureAlgorithm? algorithm, out _))
        {
            return fail(X509VerifyError.UnsupportedSignatureAlgorithm, null);
        }

        HashAlgorithmId? hash = algorithm.Hash;
        if (hash is HashAlgorithmId.Md5 || (hash is HashAlgorithmId.Sha1 && !options.SignaturePolicy.AllowSha1))
        {
            return fail(X509VerifyError.CAMdTooWeak, "digest " + hash);
        }

        if (options.Profile == VerificationProfile.WebPki)
        {
            bool allowed = algorithm.Kind switch
            {
                SignatureAlgorithmKind.RsaPkcs1 or SignatureAlgorithmKind.RsaPss or SignatureAlgorithmKind.Ecdsa =>
                    hash is HashAlgorithmId.Sha256 or HashAlgorithmId.Sha384 or HashAlgorithmId.Sha512,
                _ => false,
            };
            if (!allowed)
            {
                return fail(X509VerifyError.CAMdTooWeak, "signature algorithm outside the CABF set: " + algorithm.Name);
            }
        }

        return null;
    }

    private static Failure? CheckKey(PublicKey key, bool isLeaf, VerificationOptions options, Func<X509VerifyError, string?, Failure> fail)
    {
        X509VerifyError tooSmall = isLeaf ? X509VerifyError.EEKeyTooSmall : X509VerifyError.CAKeyTooSmall;
        if (options.Profile == VerificationProfile.WebPki)
        {
            switch (key)
            {
                case RsaPublicKey rsa when rsa.Bits < 2048 || rsa.Bits % 8 != 0:
                    return fail(tooSmall, $"RSA-{rsa.Bits} (CABF 6.1.5: at least 2048 bits, a multiple of 8)");
                case RsaPublicKey:
                    return null;
                case EcPublicKey ec when ec.Curve.Equals(EcNamedCurve.P256) || ec.Curve.Equals(EcNamedCurve.P384) || ec.Curve.Equals(EcNamedCurve.P521):
                    return null;
                default:
                    return fail(tooSmall, $"{key.Algorithm} key not allowed (CABF 6.1.5)");
            }
        }

        if (key is RsaPublicKey or DsaPublicKey && key.Bits < options.SignaturePolicy.MinimumRsaBits)
        {
            return fail(tooSmall, $"{key.Algorithm}-{key.Bits}");
        }

        return null;
    }
}
