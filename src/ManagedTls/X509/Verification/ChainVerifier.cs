using ManagedTls.Asn1;
using ManagedTls.Keys;
using ManagedTls.Signatures;

namespace ManagedTls.X509.Verification;

/// <summary>
/// Builds and validates certification paths (RFC 5280 §6, RFC 4158 path building): candidate issuers by name and
/// key identifiers, trusted issuers first, several candidates tried with backtracking under a bounded amount of
/// work, loops refused, then the full §6.1 validation of each complete path (with name constraints, policies and
/// CRLs) until one passes.
/// </summary>
public static partial class ChainVerifier
{
    /// <summary>Verifies <paramref name="leaf"/> against <paramref name="store"/>.</summary>
    /// <param name="leaf">The end-entity (or any) certificate to verify.</param>
    /// <param name="untrusted">Untrusted certificates that may serve as intermediates.</param>
    /// <param name="store">Trust anchors and CRLs.</param>
    /// <param name="options">Settings; null means the defaults.</param>
    /// <returns>The verdict, with OpenSSL's error number, depth and certificate, and the chain.</returns>
    public static VerificationResult Verify(Certificate leaf, IEnumerable<Certificate>? untrusted, TrustStore store, VerificationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        ArgumentNullException.ThrowIfNull(store);
        options ??= new VerificationOptions();
        var builder = new PathBuilder(leaf, untrusted ?? [], store, options);
        return builder.Run();
    }

    /// <summary>The depth-first search over issuer candidates.</summary>
    private sealed class PathBuilder
    {
        private readonly Certificate _leaf;
        private readonly TrustStore _store;
        private readonly VerificationOptions _options;
        private readonly Dictionary<DistinguishedName, List<Certificate>> _untrusted = [];
        private readonly Dictionary<(Certificate Subject, Certificate Issuer), bool> _signatures = [];
        private readonly List<Certificate> _path = [];
        private readonly DateTimeOffset _time;
        private int _steps;
        private Failure? _validationFailure;
        private Failure? _buildFailure;
        private int _buildFailureLength;

        public PathBuilder(Certificate leaf, IEnumerable<Certificate> untrusted, TrustStore store, VerificationOptions options)
        {
            _leaf = leaf;
            _store = store;
            _options = options;
            DateTimeOffset time = options.Time ?? DateTimeOffset.UtcNow;
            _time = new DateTimeOffset(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            foreach (Certificate certificate in untrusted)
            {
                if (!_untrusted.TryGetValue(certificate.Subject, out List<Certificate>? list))
                {
                    _untrusted[certificate.Subject] = list = [];
                }

                if (!list.Contains(certificate))
                {
                    list.Add(certificate);
                }
            }
        }

        public VerificationResult Run()
        {
            _path.Add(_leaf);
            if (Search())
            {
                return new VerificationResult(X509VerifyError.Ok, -1, null, _path.ToArray(), null);
            }

            Failure failure = _validationFailure ?? _buildFailure ?? new Failure(X509VerifyError.UnableToGetIssuerCertLocally, 0, _leaf, [_leaf], null);
            return new VerificationResult(failure.Error, failure.Depth, failure.Certificate, failure.Chain, failure.Detail);
        }

        private bool Search()
        {
            Certificate current = _path[^1];
            if (_steps > _options.MaxBuildSteps)
            {
                return false;
            }

            // A trust anchor is taken as self-signed the way OpenSSL's X509_self_signed(x, 0) does it, from its names and
            // key identifiers, without checking its own signature (PathValidator checks that only under
            // CheckSelfSignedSignature): the signature of a certificate already trusted adds nothing but a verify.
            TrustAnchor? anchor = _store.Find(current);
            bool selfSigned = IsSelfIssued(current) && (anchor is not null ? KeyIdentifiersMatch(current) : SignatureValid(current, current));
            if (anchor is not null && (selfSigned || _options.Has(X509VerifyFlags.PartialChain) || _options.Profile == VerificationProfile.WebPki))
            {
                if (!anchor.IsTrustedFor(_options.Purpose, _leaf))
                {
                    RecordValidationFailure(new Failure(X509VerifyError.CertRejected, _path.Count - 1, current, _path.ToArray(), "the anchor is not trusted for this purpose"));
                }
                else
                {
                    Failure? failure = PathValidator.Validate(_path, _store, _options, _time, this.SignatureValid);
                    if (failure is null)
                    {
                        return true;
                    }

                    RecordValidationFailure(failure);
                }

                if (selfSigned)
                {
                    return false;
                }
            }

            if (selfSigned)
            {
                RecordBuildFailure(_path.Count == 1 ? X509VerifyError.DepthZeroSelfSignedCert : X509VerifyError.SelfSignedCertInChain, _path.Count - 1, null);
                return false;
            }

            // Intermediates so far: the path holds the leaf plus (count - 1) CAs; one more is about to be added.
            if (CountIntermediates() > _options.MaxDepth)
            {
                RecordBuildFailure(X509VerifyError.CertChainTooLong, _path.Count - 1, null);
                return false;
            }

            bool anyCandidate = false;
            foreach (Certificate candidate in Candidates(current))
            {
                if (InPath(candidate))
                {
                    continue;
                }

                anyCandidate = true;
                if (++_steps > _options.MaxBuildSteps)
                {
                    RecordBuildFailure(X509VerifyError.CertChainTooLong, _path.Count - 1, "path building gave up: too many candidate issuers");
                    return false;
                }

                if (!SignatureValid(current, candidate))
                {
                    RecordBuildFailure(X509VerifyError.CertSignatureFailure, _path.Count - 1, null);
                    continue;
                }

                _path.Add(candidate);
                if (Search())
                {
                    return true;
                }

                _path.RemoveAt(_path.Count - 1);
                if (_steps > _options.MaxBuildSteps)
                {
                    return false;
                }
            }

            if (!anyCandidate)
            {
                // OpenSSL: a trusted top certificate without its issuer is error 2, an untrusted one error 20. The
                // target itself counts as untrusted even when the store holds it (without PARTIAL_CHAIN it is no anchor).
                RecordBuildFailure(anchor is not null && _path.Count > 1 ? X509VerifyError.UnableToGetIssuerCert : X509VerifyError.UnableToGetIssuerCertLocally, _path.Count - 1, null);
            }

            return false;
        }

        private int CountIntermediates()
        {
            int count = 0;
            for (int i = 1; i < _path.Count; i++)
            {
                if (!IsSelfIssued(_path[i]) || i == _path.Count - 1)
                {
                    count++;
                }
            }

            return count;
        }

        private bool InPath(Certificate candidate)
        {
            foreach (Certificate certificate in _path)
            {
                // RFC 4158 §5.2: a repeated certificate, or the same name with the same key, is a loop.
                if (certificate.Equals(candidate) ||
                    (certificate.Subject.Equals(candidate.Subject) && certificate.SubjectPublicKeyInfo.Span.SequenceEqual(candidate.SubjectPublicKeyInfo.Span)))
                {
                    return true;
                }
            }

            return false;
        }

        private List<Certificate> Candidates(Certificate current)
        {
            var candidates = new List<Certificate>();
            ReadOnlyMemory<byte>? keyId = null;
            try
            {
                keyId = current.GetAuthorityKeyIdentifier()?.KeyIdentifier;
            }
            catch (X509FormatException)
            {
            }

            bool trustedFirst = _options.Has(X509VerifyFlags.TrustedFirst) || _options.Profile == VerificationProfile.WebPki;
            var trusted = new List<Certificate>();
            foreach (TrustAnchor anchor in _store.FindBySubject(current.Issuer))
            {
                trusted.Add(anchor.Certificate);
            }

            var untrusted = _untrusted.TryGetValue(current.Issuer, out List<Certificate>? list) ? list : [];
            if (trustedFirst)
            {
                AddOrdered(candidates, trusted, keyId);
                AddOrdered(candidates, untrusted, keyId);
            }
            else
            {
                AddOrdered(candidates, untrusted, keyId);
                AddOrdered(candidates, trusted, keyId);
            }

            return candidates;
        }

        private static void AddOrdered(List<Certificate> into, IReadOnlyList<Certificate> from, ReadOnlyMemory<byte>? keyId)
        {
            // Issuers whose subjectKeyIdentifier equals the child's AKI keyIdentifier first, then those without an SKI;
            // an SKI that differs from the AKI is not a candidate (RFC 5280 §4.2.1.1).
            var unknown = new List<Certificate>();
            foreach (Certificate certificate in from)
            {
                ReadOnlyMemory<byte>? ski = null;
                try
                {
                    ski = certificate.GetSubjectKeyIdentifier()?.KeyIdentifier;
                }
                catch (X509FormatException)
                {
                }

                if (keyId is null || ski is null)
                {
                    unknown.Add(certificate);
                }
                else if (keyId.Value.Span.SequenceEqual(ski.Value.Span))
                {
                    into.Add(certificate);
                }
            }

            into.AddRange(unknown);
        }

        internal bool SignatureValid(Certificate subject, Certificate issuer)
        {
            if (_signatures.TryGetValue((subject, issuer), out bool valid))
            {
                return valid;
            }

            valid = false;
            if (issuer.TryGetPublicKey(out PublicKey? key, out _))
            {
                try
                {
                    valid = subject.VerifySignature(key);
                }
                catch (Exception e) when (e is SignatureException or DecodeException or KeyFormatException or ArgumentException)
                {
                    valid = false;
                }
            }

            _signatures[(subject, issuer)] = valid;
            return valid;
        }

        private void RecordValidationFailure(Failure failure) => _validationFailure ??= failure;

        private void RecordBuildFailure(X509VerifyError error, int depth, string? detail)
        {
            if (_buildFailure is null || _path.Count > _buildFailureLength)
            {
                _buildFailure = new Failure(error, depth, _path[depth], _path.ToArray(), detail);
                _buildFailureLength = _path.Count;
            }
        }
    }

    internal static bool IsSelfIssued(Certificate certificate) => certificate.Subject.Equals(certificate.Issuer);

    /// <summary>
    /// True unless the certificate names an authority key identifier that differs from its own subject key identifier
    /// (a self-issued certificate signed by another key, as in a key rollover) — OpenSSL's X509_check_akid(x, x).
    /// </summary>
    private static bool KeyIdentifiersMatch(Certificate certificate)
    {
        try
        {
            ReadOnlyMemory<byte>? authority = certificate.GetAuthorityKeyIdentifier()?.KeyIdentifier;
            ReadOnlyMemory<byte>? subject = certificate.GetSubjectKeyIdentifier()?.KeyIdentifier;
            return authority is null || subject is null || authority.Value.Span.SequenceEqual(subject.Value.Span);
        }
        catch (X509FormatException)
        {
            return false;
        }
    }
}

/// <summary>One reason a path failed.</summary>
internal sealed record Failure(X509VerifyError Error, int Depth, Certificate Certificate, IReadOnlyList<Certificate> Chain, string? Detail);
