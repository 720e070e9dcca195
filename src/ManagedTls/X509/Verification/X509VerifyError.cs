namespace ManagedTls.X509.Verification;

/// <summary>
/// Why a certificate chain failed verification: OpenSSL 3.0's <c>X509_V_ERR_*</c> codes with the same numbers, so a
/// result can be compared with (and printed like) <c>openssl verify</c>.
/// </summary>
public enum X509VerifyError
{
    /// <summary><c>X509_V_OK</c> (0): "ok".</summary>
    Ok = 0,

    /// <summary><c>X509_V_ERR_UNSPECIFIED</c> (1): "unspecified certificate verification error".</summary>
    Unspecified = 1,

    /// <summary><c>X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT</c> (2): "unable to get issuer certificate".</summary>
    UnableToGetIssuerCert = 2,

    /// <summary><c>X509_V_ERR_UNABLE_TO_GET_CRL</c> (3): "unable to get certificate CRL".</summary>
    UnableToGetCrl = 3,

    /// <summary><c>X509_V_ERR_UNABLE_TO_DECRYPT_CERT_SIGNATURE</c> (4): "unable to decrypt certificate's signature".</summary>
    UnableToDecryptCertSignature = 4,

    /// <summary><c>X509_V_ERR_UNABLE_TO_DECRYPT_CRL_SIGNATURE</c> (5): "unable to decrypt CRL's signature".</summary>
    UnableToDecryptCrlSignature = 5,

    /// <summary><c>X509_V_ERR_UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY</c> (6): "unable to decode issuer public key".</summary>
    UnableToDecodeIssuerPublicKey = 6,

    /// <summary><c>X509_V_ERR_CERT_SIGNATURE_FAILURE</c> (7): "certificate signature failure".</summary>
    CertSignatureFailure = 7,

    /// <summary><c>X509_V_ERR_CRL_SIGNATURE_FAILURE</c> (8): "CRL signature failure".</summary>
    CrlSignatureFailure = 8,

    /// <summary><c>X509_V_ERR_CERT_NOT_YET_VALID</c> (9): "certificate is not yet valid".</summary>
    CertNotYetValid = 9,

    /// <summary><c>X509_V_ERR_CERT_HAS_EXPIRED</c> (10): "certificate has expired".</summary>
    CertHasExpired = 10,

    /// <summary><c>X509_V_ERR_CRL_NOT_YET_VALID</c> (11): "CRL is not yet valid".</summary>
    CrlNotYetValid = 11,

    /// <summary><c>X509_V_ERR_CRL_HAS_EXPIRED</c> (12): "CRL has expired".</summary>
    CrlHasExpired = 12,

    /// <summary><c>X509_V_ERR_ERROR_IN_CERT_NOT_BEFORE_FIELD</c> (13): "format error in certificate's notBefore field".</summary>
    ErrorInCertNotBeforeField = 13,

    /// <summary><c>X509_V_ERR_ERROR_IN_CERT_NOT_AFTER_FIELD</c> (14): "format error in certificate's notAfter field".</summary>
    ErrorInCertNotAfterField = 14,

    /// <summary><c>X509_V_ERR_ERROR_IN_CRL_LAST_UPDATE_FIELD</c> (15): "format error in CRL's lastUpdate field".</summary>
    ErrorInCrlLastUpdateField = 15,

    /// <summary><c>X509_V_ERR_ERROR_IN_CRL_NEXT_UPDATE_FIELD</c> (16): "format error in CRL's nextUpdate field".</summary>
    ErrorInCrlNextUpdateField = 16,

    /// <summary><c>X509_V_ERR_OUT_OF_MEM</c> (17): "out of memory".</summary>
    OutOfMem = 17,

    /// <summary><c>X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT</c> (18): "self-signed certificate".</summary>
    DepthZeroSelfSignedCert = 18,

    /// <summary><c>X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN</c> (19): "self-signed certificate in certificate chain".</summary>
    SelfSignedCertInChain = 19,

    /// <summary><c>X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY</c> (20): "unable to get local issuer certificate".</summary>
    UnableToGetIssuerCertLocally = 20,

    /// <summary><c>X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE</c> (21): "unable to verify the first certificate".</summary>
    UnableToVerifyLeafSignature = 21,

    /// <summary><c>X509_V_ERR_CERT_CHAIN_TOO_LONG</c> (22): "certificate chain too long".</summary>
    CertChainTooLong = 22,

    /// <summary><c>X509_V_ERR_CERT_REVOKED</c> (23): "certificate revoked".</summary>
    CertRevoked = 23,

    /// <summary><c>X509_V_ERR_NO_ISSUER_PUBLIC_KEY</c> (24): "issuer certificate doesn't have a public key".</summary>
    NoIssuerPublicKey = 24,

    /// <summary><c>X509_V_ERR_PATH_LENGTH_EXCEEDED</c> (25): "path length constraint exceeded".</summary>
    PathLengthExceeded = 25,

    /// <summary><c>X509_V_ERR_INVALID_PURPOSE</c> (26): "unsuitable certificate purpose".</summary>
    InvalidPurpose = 26,

    /// <summary><c>X509_V_ERR_CERT_UNTRUSTED</c> (27): "certificate not trusted".</summary>
    CertUntrusted = 27,

    /// <summary><c>X509_V_ERR_CERT_REJECTED</c> (28): "certificate rejected".</summary>
    CertRejected = 28,

    /// <summary><c>X509_V_ERR_SUBJECT_ISSUER_MISMATCH</c> (29): "subject issuer mismatch".</summary>
    SubjectIssuerMismatch = 29,

    /// <summary><c>X509_V_ERR_AKID_SKID_MISMATCH</c> (30): "authority and subject key identifier mismatch".</summary>
    AkidSkidMismatch = 30,

    /// <summary><c>X509_V_ERR_AKID_ISSUER_SERIAL_MISMATCH</c> (31): "authority and issuer serial number mismatch".</summary>
    AkidIssuerSerialMismatch = 31,

    /// <summary><c>X509_V_ERR_KEYUSAGE_NO_CERTSIGN</c> (32): "key usage does not include certificate signing".</summary>
    KeyUsageNoCertsign = 32,

    /// <summary><c>X509_V_ERR_UNABLE_TO_GET_CRL_ISSUER</c> (33): "unable to get CRL issuer certificate".</summary>
    UnableToGetCrlIssuer = 33,

    /// <summary><c>X509_V_ERR_UNHANDLED_CRITICAL_EXTENSION</c> (34): "unhandled critical extension".</summary>
    UnhandledCriticalExtension = 34,

    /// <summary><c>X509_V_ERR_KEYUSAGE_NO_CRL_SIGN</c> (35): "key usage does not include CRL signing".</summary>
    KeyUsageNoCrlSign = 35,

    /// <summary><c>X509_V_ERR_UNHANDLED_CRITICAL_CRL_EXTENSION</c> (36): "unhandled critical CRL extension".</summary>
    UnhandledCriticalCrlExtension = 36,

    /// <summary><c>X509_V_ERR_INVALID_NON_CA</c> (37): "invalid non-CA certificate (has CA markings)".</summary>
    InvalidNonCA = 37,

    /// <summary><c>X509_V_ERR_PROXY_PATH_LENGTH_EXCEEDED</c> (38): "proxy path length constraint exceeded".</summary>
    ProxyPathLengthExceeded = 38,

    /// <summary><c>X509_V_ERR_KEYUSAGE_NO_DIGITAL_SIGNATURE</c> (39): "key usage does not include digital signature".</summary>
    KeyUsageNoDigitalSignature = 39,

    /// <summary><c>X509_V_ERR_PROXY_CERTIFICATES_NOT_ALLOWED</c> (40): "proxy certificates not allowed, please set the appropriate flag".</summary>
    ProxyCertificatesNotAllowed = 40,

    /// <summary><c>X509_V_ERR_INVALID_EXTENSION</c> (41): "invalid or inconsistent certificate extension".</summary>
    InvalidExtension = 41,

    /// <summary><c>X509_V_ERR_INVALID_POLICY_EXTENSION</c> (42): "invalid or inconsistent certificate policy extension".</summary>
    InvalidPolicyExtension = 42,

    /// <summary><c>X509_V_ERR_NO_EXPLICIT_POLICY</c> (43): "no explicit policy".</summary>
    NoExplicitPolicy = 43,

    /// <summary><c>X509_V_ERR_DIFFERENT_CRL_SCOPE</c> (44): "different CRL scope".</summary>
    DifferentCrlScope = 44,

    /// <summary><c>X509_V_ERR_UNSUPPORTED_EXTENSION_FEATURE</c> (45): "unsupported extension feature".</summary>
    UnsupportedExtensionFeature = 45,

    /// <summary><c>X509_V_ERR_UNNESTED_RESOURCE</c> (46): "RFC 3779 resource not subset of parent's resources".</summary>
    UnnestedResource = 46,

    /// <summary><c>X509_V_ERR_PERMITTED_VIOLATION</c> (47): "permitted subtree violation".</summary>
    PermittedViolation = 47,

    /// <summary><c>X509_V_ERR_EXCLUDED_VIOLATION</c> (48): "excluded subtree violation".</summary>
    ExcludedViolation = 48,

    /// <summary><c>X509_V_ERR_SUBTREE_MINMAX</c> (49): "name constraints minimum and maximum not supported".</summary>
    SubtreeMinMax = 49,

    /// <summary><c>X509_V_ERR_APPLICATION_VERIFICATION</c> (50): "application verification failure".</summary>
    ApplicationVerification = 50,

    /// <summary><c>X509_V_ERR_UNSUPPORTED_CONSTRAINT_TYPE</c> (51): "unsupported name constraint type".</summary>
    UnsupportedConstraintType = 51,

    /// <summary><c>X509_V_ERR_UNSUPPORTED_CONSTRAINT_SYNTAX</c> (52): "unsupported or invalid name constraint syntax".</summary>
    UnsupportedConstraintSyntax = 52,

    /// <summary><c>X509_V_ERR_UNSUPPORTED_NAME_SYNTAX</c> (53): "unsupported or invalid name syntax".</summary>
    UnsupportedNameSyntax = 53,

    /// <summary><c>X509_V_ERR_CRL_PATH_VALIDATION_ERROR</c> (54): "CRL path validation error".</summary>
    CrlPathValidationError = 54,

    /// <summary><c>X509_V_ERR_PATH_LOOP</c> (55): "path loop".</summary>
    PathLoop = 55,

    /// <summary><c>X509_V_ERR_SUITE_B_INVALID_VERSION</c> (56): "Suite B: certificate version invalid".</summary>
    SuiteBInvalidVersion = 56,

    /// <summary><c>X509_V_ERR_SUITE_B_INVALID_ALGORITHM</c> (57): "Suite B: invalid public key algorithm".</summary>
    SuiteBInvalidAlgorithm = 57,

    /// <summary><c>X509_V_ERR_SUITE_B_INVALID_CURVE</c> (58): "Suite B: invalid ECC curve".</summary>
    SuiteBInvalidCurve = 58,

    /// <summary><c>X509_V_ERR_SUITE_B_INVALID_SIGNATURE_ALGORITHM</c> (59): "Suite B: invalid signature algorithm".</summary>
    SuiteBInvalidSignatureAlgorithm = 59,

    /// <summary><c>X509_V_ERR_SUITE_B_LOS_NOT_ALLOWED</c> (60): "Suite B: curve not allowed for this LOS".</summary>
    SuiteBLosNotAllowed = 60,

    /// <summary><c>X509_V_ERR_SUITE_B_CANNOT_SIGN_P_384_WITH_P_256</c> (61): "Suite B: cannot sign P-384 with P-256".</summary>
    SuiteBCannotSignP384WithP256 = 61,

    /// <summary><c>X509_V_ERR_HOSTNAME_MISMATCH</c> (62): "hostname mismatch".</summary>
    HostnameMismatch = 62,

    /// <summary><c>X509_V_ERR_EMAIL_MISMATCH</c> (63): "email address mismatch".</summary>
    EmailMismatch = 63,

    /// <summary><c>X509_V_ERR_IP_ADDRESS_MISMATCH</c> (64): "IP address mismatch".</summary>
    IPAddressMismatch = 64,

    /// <summary><c>X509_V_ERR_DANE_NO_MATCH</c> (65): "no matching DANE TLSA records".</summary>
    DaneNoMatch = 65,

    /// <summary><c>X509_V_ERR_EE_KEY_TOO_SMALL</c> (66): "EE certificate key too weak".</summary>
    EEKeyTooSmall = 66,

    /// <summary><c>X509_V_ERR_CA_KEY_TOO_SMALL</c> (67): "CA certificate key too weak".</summary>
    CAKeyTooSmall = 67,

    /// <summary><c>X509_V_ERR_CA_MD_TOO_WEAK</c> (68): "CA signature digest algorithm too weak".</summary>
    CAMdTooWeak = 68,

    /// <summary><c>X509_V_ERR_INVALID_CALL</c> (69): "invalid certificate verification context".</summary>
    InvalidCall = 69,

    /// <summary><c>X509_V_ERR_STORE_LOOKUP</c> (70): "issuer certificate lookup error".</summary>
    StoreLookup = 70,

    /// <summary><c>X509_V_ERR_NO_VALID_SCTS</c> (71): "Certificate Transparency required, but no valid SCTs found".</summary>
    NoValidScts = 71,

    /// <summary><c>X509_V_ERR_PROXY_SUBJECT_NAME_VIOLATION</c> (72): "proxy subject name violation".</summary>
    ProxySubjectNameViolation = 72,

    /// <summary><c>X509_V_ERR_OCSP_VERIFY_NEEDED</c> (73): "OCSP verification needed".</summary>
    OcspVerifyNeeded = 73,

    /// <summary><c>X509_V_ERR_OCSP_VERIFY_FAILED</c> (74): "OCSP verification failed".</summary>
    OcspVerifyFailed = 74,

    /// <summary><c>X509_V_ERR_OCSP_CERT_UNKNOWN</c> (75): "OCSP unknown cert".</summary>
    OcspCertUnknown = 75,

    /// <summary><c>X509_V_ERR_UNSUPPORTED_SIGNATURE_ALGORITHM</c> (76): "Cannot find certificate signature algorithm".</summary>
    UnsupportedSignatureAlgorithm = 76,

    /// <summary><c>X509_V_ERR_SIGNATURE_ALGORITHM_MISMATCH</c> (77): "subject signature algorithm and issuer public key algorithm mismatch".</summary>
    SignatureAlgorithmMismatch = 77,

    /// <summary><c>X509_V_ERR_SIGNATURE_ALGORITHM_INCONSISTENCY</c> (78): "cert info signature and signature algorithm mismatch".</summary>
    SignatureAlgorithmInconsistency = 78,

    /// <summary><c>X509_V_ERR_INVALID_CA</c> (79): "invalid CA certificate".</summary>
    InvalidCA = 79,

    /// <summary><c>X509_V_ERR_PATHLEN_INVALID_FOR_NON_CA</c> (80): "Path length invalid for non-CA cert".</summary>
    PathlenInvalidForNonCA = 80,

    /// <summary><c>X509_V_ERR_PATHLEN_WITHOUT_KU_KEY_CERT_SIGN</c> (81): "Path length given without key usage keyCertSign".</summary>
    PathlenWithoutKeyUsageKeyCertSign = 81,

    /// <summary><c>X509_V_ERR_KU_KEY_CERT_SIGN_INVALID_FOR_NON_CA</c> (82): "Key usage keyCertSign invalid for non-CA cert".</summary>
    KeyUsageKeyCertSignInvalidForNonCA = 82,

    /// <summary><c>X509_V_ERR_ISSUER_NAME_EMPTY</c> (83): "Issuer name empty".</summary>
    IssuerNameEmpty = 83,

    /// <summary><c>X509_V_ERR_SUBJECT_NAME_EMPTY</c> (84): "Subject name empty".</summary>
    SubjectNameEmpty = 84,

    /// <summary><c>X509_V_ERR_MISSING_AUTHORITY_KEY_IDENTIFIER</c> (85): "Missing Authority Key Identifier".</summary>
    MissingAuthorityKeyIdentifier = 85,

    /// <summary><c>X509_V_ERR_MISSING_SUBJECT_KEY_IDENTIFIER</c> (86): "Missing Subject Key Identifier".</summary>
    MissingSubjectKeyIdentifier = 86,

    /// <summary><c>X509_V_ERR_EMPTY_SUBJECT_ALT_NAME</c> (87): "Empty Subject Alternative Name extension".</summary>
    EmptySubjectAltName = 87,

    /// <summary><c>X509_V_ERR_EMPTY_SUBJECT_SAN_NOT_CRITICAL</c> (88): "Subject empty and Subject Alt Name extension not critical".</summary>
    EmptySubjectSanNotCritical = 88,

    /// <summary><c>X509_V_ERR_CA_BCONS_NOT_CRITICAL</c> (89): "Basic Constraints of CA cert not marked critical".</summary>
    CABasicConstraintsNotCritical = 89,

    /// <summary><c>X509_V_ERR_AUTHORITY_KEY_IDENTIFIER_CRITICAL</c> (90): "Authority Key Identifier marked critical".</summary>
    AuthorityKeyIdentifierCritical = 90,

    /// <summary><c>X509_V_ERR_SUBJECT_KEY_IDENTIFIER_CRITICAL</c> (91): "Subject Key Identifier marked critical".</summary>
    SubjectKeyIdentifierCritical = 91,

    /// <summary><c>X509_V_ERR_CA_CERT_MISSING_KEY_USAGE</c> (92): "CA cert does not include key usage extension".</summary>
    CACertMissingKeyUsage = 92,

    /// <summary><c>X509_V_ERR_EXTENSIONS_REQUIRE_VERSION_3</c> (93): "Using cert extension requires at least X509v3".</summary>
    ExtensionsRequireVersion3 = 93,

    /// <summary><c>X509_V_ERR_EC_KEY_EXPLICIT_PARAMS</c> (94): "Certificate public key has explicit ECC parameters".</summary>
    EcKeyExplicitParams = 94,
}
