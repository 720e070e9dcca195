namespace ManagedTls.Asn1;

/// <summary>
/// Dotted forms of the OIDs PKIX and TLS code names in source; each is in <see cref="OidRegistry"/> with OpenSSL's
/// names, given in the member's summary as short name / long name.
/// </summary>
public static class Oids
{
    // ---- Attribute types (RFC 5280 §4.1.2.4) ----
    /// <summary><c>2.5.4.3</c>: CN / commonName.</summary>
    public const string CommonName = "2.5.4.3";

    /// <summary><c>2.5.4.4</c>: SN / surname.</summary>
    public const string Surname = "2.5.4.4";

    /// <summary><c>2.5.4.5</c>: serialNumber.</summary>
    public const string SerialNumber = "2.5.4.5";

    /// <summary><c>2.5.4.6</c>: C / countryName.</summary>
    public const string CountryName = "2.5.4.6";

    /// <summary><c>2.5.4.7</c>: L / localityName.</summary>
    public const string LocalityName = "2.5.4.7";

    /// <summary><c>2.5.4.8</c>: ST / stateOrProvinceName.</summary>
    public const string StateOrProvinceName = "2.5.4.8";

    /// <summary><c>2.5.4.9</c>: street / streetAddress.</summary>
    public const string StreetAddress = "2.5.4.9";

    /// <summary><c>2.5.4.10</c>: O / organizationName.</summary>
    public const string OrganizationName = "2.5.4.10";

    /// <summary><c>2.5.4.11</c>: OU / organizationalUnitName.</summary>
    public const string OrganizationalUnitName = "2.5.4.11";

    /// <summary><c>2.5.4.12</c>: title.</summary>
    public const string Title = "2.5.4.12";

    /// <summary><c>2.5.4.42</c>: GN / givenName.</summary>
    public const string GivenName = "2.5.4.42";

    /// <summary><c>2.5.4.65</c>: pseudonym.</summary>
    public const string Pseudonym = "2.5.4.65";

    /// <summary><c>2.5.4.97</c>: organizationIdentifier.</summary>
    public const string OrganizationIdentifier = "2.5.4.97";

    /// <summary><c>0.9.2342.19200300.100.1.25</c>: DC / domainComponent.</summary>
    public const string DomainComponent = "0.9.2342.19200300.100.1.25";

    /// <summary><c>0.9.2342.19200300.100.1.1</c>: UID / userId.</summary>
    public const string UserId = "0.9.2342.19200300.100.1.1";

    /// <summary><c>1.2.840.113549.1.9.1</c>: emailAddress.</summary>
    public const string EmailAddress = "1.2.840.113549.1.9.1";


    // ---- Public key algorithms (RFC 3279, RFC 5480, RFC 8410) ----
    /// <summary><c>1.2.840.113549.1.1.1</c>: rsaEncryption.</summary>
    public const string RsaEncryption = "1.2.840.113549.1.1.1";

    /// <summary><c>1.2.840.113549.1.1.10</c>: RSASSA-PSS / rsassaPss.</summary>
    public const string RsassaPss = "1.2.840.113549.1.1.10";

    /// <summary><c>1.2.840.113549.1.1.7</c>: RSAES-OAEP / rsaesOaep.</summary>
    public const string RsaesOaep = "1.2.840.113549.1.1.7";

    /// <summary><c>1.2.840.113549.1.1.8</c>: MGF1 / mgf1.</summary>
    public const string Mgf1 = "1.2.840.113549.1.1.8";

    /// <summary><c>1.2.840.10040.4.1</c>: DSA / dsaEncryption.</summary>
    public const string DsaEncryption = "1.2.840.10040.4.1";

    /// <summary><c>1.2.840.113549.1.3.1</c>: dhKeyAgreement.</summary>
    public const string DhKeyAgreement = "1.2.840.113549.1.3.1";

    /// <summary><c>1.2.840.10045.2.1</c>: id-ecPublicKey.</summary>
    public const string EcPublicKey = "1.2.840.10045.2.1";

    /// <summary><c>1.3.101.110</c>: X25519.</summary>
    public const string X25519 = "1.3.101.110";

    /// <summary><c>1.3.101.111</c>: X448.</summary>
    public const string X448 = "1.3.101.111";

    /// <summary><c>1.3.101.112</c>: ED25519.</summary>
    public const string Ed25519 = "1.3.101.112";

    /// <summary><c>1.3.101.113</c>: ED448.</summary>
    public const string Ed448 = "1.3.101.113";


    // ---- Named curves (RFC 5480 §2.1.1.1) ----
    /// <summary><c>1.2.840.10045.3.1.7</c>: prime256v1.</summary>
    public const string Secp256r1 = "1.2.840.10045.3.1.7";

    /// <summary><c>1.3.132.0.34</c>: secp384r1.</summary>
    public const string Secp384r1 = "1.3.132.0.34";

    /// <summary><c>1.3.132.0.35</c>: secp521r1.</summary>
    public const string Secp521r1 = "1.3.132.0.35";

    /// <summary><c>1.3.132.0.33</c>: secp224r1.</summary>
    public const string Secp224r1 = "1.3.132.0.33";

    /// <summary><c>1.3.132.0.10</c>: secp256k1.</summary>
    public const string Secp256k1 = "1.3.132.0.10";


    // ---- Signature algorithms (RFC 4055, RFC 5758, RFC 3279) ----
    /// <summary><c>1.2.840.113549.1.1.5</c>: RSA-SHA1 / sha1WithRSAEncryption.</summary>
    public const string Sha1WithRsaEncryption = "1.2.840.113549.1.1.5";

    /// <summary><c>1.2.840.113549.1.1.14</c>: RSA-SHA224 / sha224WithRSAEncryption.</summary>
    public const string Sha224WithRsaEncryption = "1.2.840.113549.1.1.14";

    /// <summary><c>1.2.840.113549.1.1.11</c>: RSA-SHA256 / sha256WithRSAEncryption.</summary>
    public const string Sha256WithRsaEncryption = "1.2.840.113549.1.1.11";

    /// <summary><c>1.2.840.113549.1.1.12</c>: RSA-SHA384 / sha384WithRSAEncryption.</summary>
    public const string Sha384WithRsaEncryption = "1.2.840.113549.1.1.12";

    /// <summary><c>1.2.840.113549.1.1.13</c>: RSA-SHA512 / sha512WithRSAEncryption.</summary>
    public const string Sha512WithRsaEncryption = "1.2.840.113549.1.1.13";

    /// <summary><c>1.2.840.113549.1.1.4</c>: RSA-MD5 / md5WithRSAEncryption.</summary>
    public const string Md5WithRsaEncryption = "1.2.840.113549.1.1.4";

    /// <summary><c>1.2.840.10045.4.1</c>: ecdsa-with-SHA1.</summary>
    public const string EcdsaWithSha1 = "1.2.840.10045.4.1";

    /// <summary><c>1.2.840.10045.4.3.1</c>: ecdsa-with-SHA224.</summary>
    public const string EcdsaWithSha224 = "1.2.840.10045.4.3.1";

    /// <summary><c>1.2.840.10045.4.3.2</c>: ecdsa-with-SHA256.</summary>
    public const string EcdsaWithSha256 = "1.2.840.10045.4.3.2";

    /// <summary><c>1.2.840.10045.4.3.3</c>: ecdsa-with-SHA384.</summary>
    public const string EcdsaWithSha384 = "1.2.840.10045.4.3.3";

    /// <summary><c>1.2.840.10045.4.3.4</c>: ecdsa-with-SHA512.</summary>
    public const string EcdsaWithSha512 = "1.2.840.10045.4.3.4";

    /// <summary><c>1.2.840.10040.4.3</c>: DSA-SHA1 / dsaWithSHA1.</summary>
    public const string DsaWithSha1 = "1.2.840.10040.4.3";

    /// <summary><c>2.16.840.1.101.3.4.3.2</c>: dsa_with_SHA256.</summary>
    public const string DsaWithSha256 = "2.16.840.1.101.3.4.3.2";


    // ---- Digest algorithms ----
    /// <summary><c>1.2.840.113549.2.5</c>: MD5 / md5.</summary>
    public const string Md5 = "1.2.840.113549.2.5";

    /// <summary><c>1.3.14.3.2.26</c>: SHA1 / sha1.</summary>
    public const string Sha1 = "1.3.14.3.2.26";

    /// <summary><c>2.16.840.1.101.3.4.2.4</c>: SHA224 / sha224.</summary>
    public const string Sha224 = "2.16.840.1.101.3.4.2.4";

    /// <summary><c>2.16.840.1.101.3.4.2.1</c>: SHA256 / sha256.</summary>
    public const string Sha256 = "2.16.840.1.101.3.4.2.1";

    /// <summary><c>2.16.840.1.101.3.4.2.2</c>: SHA384 / sha384.</summary>
    public const string Sha384 = "2.16.840.1.101.3.4.2.2";

    /// <summary><c>2.16.840.1.101.3.4.2.3</c>: SHA512 / sha512.</summary>
    public const string Sha512 = "2.16.840.1.101.3.4.2.3";

    /// <summary><c>1.2.840.113549.2.7</c>: hmacWithSHA1.</summary>
    public const string HmacWithSha1 = "1.2.840.113549.2.7";

    /// <summary><c>1.2.840.113549.2.9</c>: hmacWithSHA256.</summary>
    public const string HmacWithSha256 = "1.2.840.113549.2.9";

    /// <summary><c>1.2.840.113549.2.10</c>: hmacWithSHA384.</summary>
    public const string HmacWithSha384 = "1.2.840.113549.2.10";

    /// <summary><c>1.2.840.113549.2.11</c>: hmacWithSHA512.</summary>
    public const string HmacWithSha512 = "1.2.840.113549.2.11";


    // ---- Certificate extensions (RFC 5280 §4.2) ----
    /// <summary><c>2.5.29.14</c>: subjectKeyIdentifier / X509v3 Subject Key Identifier.</summary>
    public const string SubjectKeyIdentifier = "2.5.29.14";

    /// <summary><c>2.5.29.15</c>: keyUsage / X509v3 Key Usage.</summary>
    public const string KeyUsage = "2.5.29.15";

    /// <summary><c>2.5.29.17</c>: subjectAltName / X509v3 Subject Alternative Name.</summary>
    public const string SubjectAltName = "2.5.29.17";

    /// <summary><c>2.5.29.18</c>: issuerAltName / X509v3 Issuer Alternative Name.</summary>
    public const string IssuerAltName = "2.5.29.18";

    /// <summary><c>2.5.29.19</c>: basicConstraints / X509v3 Basic Constraints.</summary>
    public const string BasicConstraints = "2.5.29.19";

    /// <summary><c>2.5.29.20</c>: crlNumber / X509v3 CRL Number.</summary>
    public const string CrlNumber = "2.5.29.20";

    /// <summary><c>2.5.29.21</c>: CRLReason / X509v3 CRL Reason Code.</summary>
    public const string CrlReason = "2.5.29.21";

    /// <summary><c>2.5.29.24</c>: invalidityDate / Invalidity Date.</summary>
    public const string InvalidityDate = "2.5.29.24";

    /// <summary><c>2.5.29.27</c>: deltaCRL / X509v3 Delta CRL Indicator.</summary>
    public const string DeltaCrlIndicator = "2.5.29.27";

    /// <summary><c>2.5.29.28</c>: issuingDistributionPoint / X509v3 Issuing Distribution Point.</summary>
    public const string IssuingDistributionPoint = "2.5.29.28";

    /// <summary><c>2.5.29.29</c>: certificateIssuer / X509v3 Certificate Issuer.</summary>
    public const string CertificateIssuer = "2.5.29.29";

    /// <summary><c>2.5.29.30</c>: nameConstraints / X509v3 Name Constraints.</summary>
    public const string NameConstraints = "2.5.29.30";

    /// <summary><c>2.5.29.31</c>: crlDistributionPoints / X509v3 CRL Distribution Points.</summary>
    public const string CrlDistributionPoints = "2.5.29.31";

    /// <summary><c>2.5.29.32</c>: certificatePolicies / X509v3 Certificate Policies.</summary>
    public const string CertificatePolicies = "2.5.29.32";

    /// <summary><c>2.5.29.32.0</c>: anyPolicy / X509v3 Any Policy.</summary>
    public const string AnyPolicy = "2.5.29.32.0";

    /// <summary><c>2.5.29.33</c>: policyMappings / X509v3 Policy Mappings.</summary>
    public const string PolicyMappings = "2.5.29.33";

    /// <summary><c>2.5.29.35</c>: authorityKeyIdentifier / X509v3 Authority Key Identifier.</summary>
    public const string AuthorityKeyIdentifier = "2.5.29.35";

    /// <summary><c>2.5.29.36</c>: policyConstraints / X509v3 Policy Constraints.</summary>
    public const string PolicyConstraints = "2.5.29.36";

    /// <summary><c>2.5.29.37</c>: extendedKeyUsage / X509v3 Extended Key Usage.</summary>
    public const string ExtKeyUsage = "2.5.29.37";

    /// <summary><c>2.5.29.46</c>: freshestCRL / X509v3 Freshest CRL.</summary>
    public const string FreshestCrl = "2.5.29.46";

    /// <summary><c>2.5.29.54</c>: inhibitAnyPolicy / X509v3 Inhibit Any Policy.</summary>
    public const string InhibitAnyPolicy = "2.5.29.54";

    /// <summary><c>1.3.6.1.5.5.7.1.1</c>: authorityInfoAccess / Authority Information Access.</summary>
    public const string AuthorityInfoAccess = "1.3.6.1.5.5.7.1.1";

    /// <summary><c>1.3.6.1.5.5.7.1.11</c>: subjectInfoAccess / Subject Information Access.</summary>
    public const string SubjectInfoAccess = "1.3.6.1.5.5.7.1.11";

    /// <summary><c>1.3.6.1.5.5.7.1.24</c>: tlsfeature / TLS Feature.</summary>
    public const string TlsFeature = "1.3.6.1.5.5.7.1.24";

    /// <summary><c>1.3.6.1.4.1.11129.2.4.2</c>: ct_precert_scts / CT Precertificate SCTs.</summary>
    public const string CtPrecertScts = "1.3.6.1.4.1.11129.2.4.2";

    /// <summary><c>1.3.6.1.4.1.11129.2.4.3</c>: ct_precert_poison / CT Precertificate Poison.</summary>
    public const string CtPrecertPoison = "1.3.6.1.4.1.11129.2.4.3";


    // ---- Extended key usages and access methods (RFC 5280 §4.2.1.12, §4.2.2.1) ----
    /// <summary><c>1.3.6.1.5.5.7.3.1</c>: serverAuth / TLS Web Server Authentication.</summary>
    public const string ServerAuth = "1.3.6.1.5.5.7.3.1";

    /// <summary><c>1.3.6.1.5.5.7.3.2</c>: clientAuth / TLS Web Client Authentication.</summary>
    public const string ClientAuth = "1.3.6.1.5.5.7.3.2";

    /// <summary><c>1.3.6.1.5.5.7.3.3</c>: codeSigning / Code Signing.</summary>
    public const string CodeSigning = "1.3.6.1.5.5.7.3.3";

    /// <summary><c>1.3.6.1.5.5.7.3.4</c>: emailProtection / E-mail Protection.</summary>
    public const string EmailProtection = "1.3.6.1.5.5.7.3.4";

    /// <summary><c>1.3.6.1.5.5.7.3.8</c>: timeStamping / Time Stamping.</summary>
    public const string TimeStamping = "1.3.6.1.5.5.7.3.8";

    /// <summary><c>1.3.6.1.5.5.7.3.9</c>: OCSPSigning / OCSP Signing.</summary>
    public const string OcspSigning = "1.3.6.1.5.5.7.3.9";

    /// <summary><c>2.5.29.37.0</c>: anyExtendedKeyUsage / Any Extended Key Usage.</summary>
    public const string AnyExtendedKeyUsage = "2.5.29.37.0";

    /// <summary><c>1.3.6.1.5.5.7.48.1</c>: OCSP.</summary>
    public const string Ocsp = "1.3.6.1.5.5.7.48.1";

    /// <summary><c>1.3.6.1.5.5.7.48.2</c>: caIssuers / CA Issuers.</summary>
    public const string CaIssuers = "1.3.6.1.5.5.7.48.2";

    /// <summary><c>1.3.6.1.5.5.7.2.1</c>: id-qt-cps / Policy Qualifier CPS.</summary>
    public const string CpsQualifier = "1.3.6.1.5.5.7.2.1";

    /// <summary><c>1.3.6.1.5.5.7.2.2</c>: id-qt-unotice / Policy Qualifier User Notice.</summary>
    public const string UserNoticeQualifier = "1.3.6.1.5.5.7.2.2";


    // ---- PKCS #7, #9, #12 and PBES2 (RFC 2315, RFC 2985, RFC 7292, RFC 8018) ----
    /// <summary><c>1.2.840.113549.1.7.1</c>: pkcs7-data.</summary>
    public const string Pkcs7Data = "1.2.840.113549.1.7.1";

    /// <summary><c>1.2.840.113549.1.7.2</c>: pkcs7-signedData.</summary>
    public const string Pkcs7SignedData = "1.2.840.113549.1.7.2";

    /// <summary><c>1.2.840.113549.1.7.3</c>: pkcs7-envelopedData.</summary>
    public const string Pkcs7EnvelopedData = "1.2.840.113549.1.7.3";

    /// <summary><c>1.2.840.113549.1.7.6</c>: pkcs7-encryptedData.</summary>
    public const string Pkcs7EncryptedData = "1.2.840.113549.1.7.6";

    /// <summary><c>1.2.840.113549.1.9.3</c>: contentType.</summary>
    public const string ContentType = "1.2.840.113549.1.9.3";

    /// <summary><c>1.2.840.113549.1.9.4</c>: messageDigest.</summary>
    public const string MessageDigest = "1.2.840.113549.1.9.4";

    /// <summary><c>1.2.840.113549.1.9.5</c>: signingTime.</summary>
    public const string SigningTime = "1.2.840.113549.1.9.5";

    /// <summary><c>1.2.840.113549.1.9.7</c>: challengePassword.</summary>
    public const string ChallengePassword = "1.2.840.113549.1.9.7";

    /// <summary><c>1.2.840.113549.1.9.14</c>: extReq / Extension Request.</summary>
    public const string ExtensionRequest = "1.2.840.113549.1.9.14";

    /// <summary><c>1.2.840.113549.1.9.20</c>: friendlyName.</summary>
    public const string FriendlyName = "1.2.840.113549.1.9.20";

    /// <summary><c>1.2.840.113549.1.9.21</c>: localKeyID.</summary>
    public const string LocalKeyId = "1.2.840.113549.1.9.21";

    /// <summary><c>1.2.840.113549.1.9.22.1</c>: x509Certificate.</summary>
    public const string X509Certificate = "1.2.840.113549.1.9.22.1";

    /// <summary><c>1.2.840.113549.1.12.10.1.1</c>: keyBag.</summary>
    public const string Pkcs12KeyBag = "1.2.840.113549.1.12.10.1.1";

    /// <summary><c>1.2.840.113549.1.12.10.1.2</c>: pkcs8ShroudedKeyBag.</summary>
    public const string Pkcs12ShroudedKeyBag = "1.2.840.113549.1.12.10.1.2";

    /// <summary><c>1.2.840.113549.1.12.10.1.3</c>: certBag.</summary>
    public const string Pkcs12CertBag = "1.2.840.113549.1.12.10.1.3";

    /// <summary><c>1.2.840.113549.1.12.10.1.4</c>: crlBag.</summary>
    public const string Pkcs12CrlBag = "1.2.840.113549.1.12.10.1.4";

    /// <summary><c>1.2.840.113549.1.12.10.1.5</c>: secretBag.</summary>
    public const string Pkcs12SecretBag = "1.2.840.113549.1.12.10.1.5";

    /// <summary><c>1.2.840.113549.1.12.10.1.6</c>: safeContentsBag.</summary>
    public const string Pkcs12SafeContentsBag = "1.2.840.113549.1.12.10.1.6";

    /// <summary><c>1.2.840.113549.1.12.1.3</c>: PBE-SHA1-3DES / pbeWithSHA1And3-KeyTripleDES-CBC.</summary>
    public const string PbeWithSha1And3KeyTripleDesCbc = "1.2.840.113549.1.12.1.3";

    /// <summary><c>1.2.840.113549.1.12.1.6</c>: PBE-SHA1-RC2-40 / pbeWithSHA1And40BitRC2-CBC.</summary>
    public const string PbeWithSha1And40BitRc2Cbc = "1.2.840.113549.1.12.1.6";

    /// <summary><c>1.2.840.113549.1.5.13</c>: PBES2.</summary>
    public const string Pbes2 = "1.2.840.113549.1.5.13";

    /// <summary><c>1.2.840.113549.1.5.12</c>: PBKDF2.</summary>
    public const string Pbkdf2 = "1.2.840.113549.1.5.12";

    /// <summary><c>2.16.840.1.101.3.4.1.2</c>: AES-128-CBC / aes-128-cbc.</summary>
    public const string Aes128Cbc = "2.16.840.1.101.3.4.1.2";

    /// <summary><c>2.16.840.1.101.3.4.1.22</c>: AES-192-CBC / aes-192-cbc.</summary>
    public const string Aes192Cbc = "2.16.840.1.101.3.4.1.22";

    /// <summary><c>2.16.840.1.101.3.4.1.42</c>: AES-256-CBC / aes-256-cbc.</summary>
    public const string Aes256Cbc = "2.16.840.1.101.3.4.1.42";

    /// <summary><c>1.2.840.113549.3.7</c>: DES-EDE3-CBC / des-ede3-cbc.</summary>
    public const string DesEde3Cbc = "1.2.840.113549.3.7";
}
