namespace ManagedTls.Tests.X509.Configuration;

/// <summary>The configuration sections the extension rows refer to, shared by openssl and ManagedTls.</summary>
internal static class ExtensionConfigData
{
    public const string Subject = "/CN=t/emailAddress=e@x.example";

    public const string Sections = """
        [ req ]
        distinguished_name = dn
        x509_extensions = ext
        [ dn ]
        [ dir_sect ]
        C = UK
        O = My Organization
        OU = My Unit
        CN = My Name
        [ multi_dir ]
        CN = a
        +OU = b
        [ crldp1 ]
        fullname = URI:http://example.com/myca.crl
        CRLissuer = dirName:dir_sect
        reasons = keyCompromise, CACompromise
        [ crldp2 ]
        relativename = rel_sect
        [ rel_sect ]
        CN = relative
        [ crldp3 ]
        fullname = @crl_names
        reasons = superseded
        [ crl_names ]
        URI.1 = http://a.example/1.crl
        URI.2 = ldap://b.example/cn=crl
        [ san_sect ]
        DNS.1 = one.example
        DNS.2 = two.example
        IP.1 = 10.1.2.3
        email.1 = x@example.com
        [ polsect ]
        policyIdentifier = 1.3.5.8
        CPS.1 = "http://my.host.name/"
        CPS.2 = "http://my.your.name/"
        userNotice.1 = @notice
        [ notice ]
        explicitText = "Explicit Text Here"
        organization = "Organisation Name"
        noticeNumbers = 1, 2, 3, 4
        [ polsect2 ]
        policyIdentifier = 2.23.140.1.2.1
        userNotice.1 = @notice2
        [ notice2 ]
        explicitText = UTF8:Unicode text
        [ seq_sect ]
        field1 = UTF8:hello
        field2 = INT:42
        field3 = OID:serverAuth
        field4 = BOOL:TRUE
        [ set_sect ]
        a = INT:3
        b = INT:1
        c = PRINTABLESTRING:zz
        [ aia_sect ]
        OCSP;URI.0 = http://ocsp.example/
        caIssuers;URI.0 = http://ca.example/ca.cer
        [ nc_sect ]
        permitted;DNS.1 = .example.com
        excluded;IP.1 = 192.168.0.0/255.255.0.0
        [ bc_sect ]
        CA = true
        pathlen = 3

        """;

    /// <summary>(name, value): the value as written in a configuration file.</summary>
    public static TheoryData<string, string> Rows => new()
    {
        { "basicConstraints", "CA:TRUE" },
        { "basicConstraints", "critical,CA:TRUE" },
        { "basicConstraints", "CA:FALSE" },
        { "basicConstraints", "CA:TRUE, pathlen:0" },
        { "basicConstraints", "critical, CA:true, pathlen:10" },
        { "basicConstraints", "CA:yes,pathlen:0x10" },
        { "basicConstraints", "@bc_sect" },
        { "keyUsage", "digitalSignature" },
        { "keyUsage", "critical, digitalSignature, keyEncipherment" },
        { "keyUsage", "keyCertSign, cRLSign" },
        { "keyUsage", "Digital Signature, Non Repudiation" },
        { "keyUsage", "decipherOnly" },
        { "keyUsage", "encipherOnly, keyAgreement" },
        { "keyUsage", "nonRepudiation, dataEncipherment" },
        { "extendedKeyUsage", "serverAuth" },
        { "extendedKeyUsage", "serverAuth, clientAuth" },
        { "extendedKeyUsage", "TLS Web Server Authentication, codeSigning" },
        { "extendedKeyUsage", "1.2.3.4, emailProtection" },
        { "extendedKeyUsage", "critical,OCSPSigning,timeStamping" },
        { "extendedKeyUsage", "msCodeInd, anyExtendedKeyUsage" },
        { "subjectAltName", "DNS:example.com" },
        { "subjectAltName", "DNS:a.example, DNS:*.b.example" },
        { "subjectAltName", "IP:192.0.2.1" },
        { "subjectAltName", "IP:2001:db8::1" },
        { "subjectAltName", "IP:::1" },
        { "subjectAltName", "IP:::" },
        { "subjectAltName", "IP:1:2:3:4:5:6:7:8" },
        { "subjectAltName", "IP:::ffff:192.0.2.1" },
        { "subjectAltName", "IP:fe80::" },
        { "subjectAltName", "email:a@b.example" },
        { "subjectAltName", "URI:https://example.com/x?y=z" },
        { "subjectAltName", "RID:1.2.3.4" },
        { "subjectAltName", "RID:serverAuth" },
        { "subjectAltName", "dirName:dir_sect" },
        { "subjectAltName", "dirName:multi_dir" },
        { "subjectAltName", "otherName:1.3.6.1.4.1.311.20.2.3;UTF8:user@example.com" },
        { "subjectAltName", "otherName:1.2.3.4;INT:5" },
        { "subjectAltName", "email:copy" },
        { "subjectAltName", "email:copy, DNS:x.example" },
        { "subjectAltName", "@san_sect" },
        { "subjectAltName", "critical,DNS:critical.example" },
        { "issuerAltName", "DNS:issuer.example" },
        { "issuerAltName", "email:ca@example.com, URI:http://ca.example" },
        { "subjectKeyIdentifier", "hash" },
        { "subjectKeyIdentifier", "0102030405" },
        { "subjectKeyIdentifier", "01:02:0A:FF" },
        { "authorityKeyIdentifier", "keyid:always" },
        { "authorityKeyIdentifier", "keyid:always, issuer:always" },
        { "authorityKeyIdentifier", "issuer:always" },
        { "authorityKeyIdentifier", "keyid, issuer:always" },
        { "authorityKeyIdentifier", "keyid:sometimes, issuer:always" },
        { "crlDistributionPoints", "URI:http://example.com/crl.pem" },
        { "crlDistributionPoints", "URI:http://a/1.crl, URI:ldap://b/2" },
        { "crlDistributionPoints", "crldp1" },
        { "crlDistributionPoints", "crldp2" },
        { "crlDistributionPoints", "crldp3" },
        { "crlDistributionPoints", "crldp1, crldp3" },
        { "freshestCRL", "URI:http://example.com/delta.crl" },
        { "freshestCRL", "crldp3" },
        { "authorityInfoAccess", "OCSP;URI:http://ocsp.example.com/" },
        { "authorityInfoAccess", "OCSP;URI:http://o.example, caIssuers;URI:http://c.example/ca.cer" },
        { "authorityInfoAccess", "@aia_sect" },
        { "subjectInfoAccess", "caRepository;URI:http://repo.example/" },
        { "subjectInfoAccess", "1.3.6.1.5.5.7.48.3;URI:http://ts.example" },
        { "certificatePolicies", "1.2.3.4" },
        { "certificatePolicies", "2.23.140.1.2.1, 1.3.6.1.4.1.44947.1.1.1" },
        { "certificatePolicies", "@polsect" },
        { "certificatePolicies", "ia5org, @polsect" },
        { "certificatePolicies", "critical, anyPolicy" },
        { "certificatePolicies", "@polsect2" },
        { "policyConstraints", "requireExplicitPolicy:0" },
        { "policyConstraints", "requireExplicitPolicy:1, inhibitPolicyMapping:2" },
        { "policyConstraints", "critical,inhibitPolicyMapping:0" },
        { "inhibitAnyPolicy", "0" },
        { "inhibitAnyPolicy", "critical,5" },
        { "nameConstraints", "permitted;DNS:.example.com" },
        { "nameConstraints", "critical, permitted;DNS:example.com, excluded;IP:192.168.0.0/255.255.0.0" },
        { "nameConstraints", "permitted;IP:2001:db8::/ffff:ffff::" },
        { "nameConstraints", "permitted;email:.example.com, excluded;URI:.bad.example" },
        { "nameConstraints", "permitted;dirName:dir_sect" },
        { "nameConstraints", "@nc_sect" },
        { "policyMappings", "1.2.3.4:1.2.3.5" },
        { "policyMappings", "1.2.3.4:1.2.3.5, 2.5.29.32.0:1.2.3.6" },
        { "tlsfeature", "status_request" },
        { "tlsfeature", "status_request, status_request_v2" },
        { "tlsfeature", "1, 5" },
        { "nsCertType", "server" },
        { "nsCertType", "client, email, objsign" },
        { "nsCertType", "sslCA, emailCA, objCA" },
        { "nsCertType", "SSL Server, S/MIME" },
        { "nsComment", "\"OpenSSL Generated Certificate\"" },
        { "nsComment", "critical,Another comment" },
        { "nsBaseUrl", "http://ns.example/" },
        { "1.2.3.4", "DER:0500" },
        { "1.2.3.4", "DER:04:03:01:02:03" },
        { "1.2.3.4", "critical,DER:3000" },
        { "1.2.3.4", "ASN1:UTF8String:hello" },
        { "1.2.3.4", "ASN1:IA5STRING:x@y" },
        { "1.2.3.4", "ASN1:PRINTABLESTRING:Hello World" },
        { "1.2.3.4", "ASN1:INTEGER:-129" },
        { "1.2.3.4", "ASN1:INT:0x1234" },
        { "1.2.3.4", "ASN1:BOOLEAN:true" },
        { "1.2.3.4", "ASN1:OID:1.2.840.113549" },
        { "1.2.3.4", "ASN1:OID:serverAuth" },
        { "1.2.3.4", "ASN1:NULL" },
        { "1.2.3.4", "ASN1:OCTETSTRING:abc" },
        { "1.2.3.4", "ASN1:FORMAT:HEX,OCTETSTRING:DEADBEEF" },
        { "1.2.3.4", "ASN1:BITSTRING:ab" },
        { "1.2.3.4", "ASN1:FORMAT:BITLIST,BITSTRING:1,5,9" },
        { "1.2.3.4", "ASN1:FORMAT:HEX,BITSTRING:0F0F" },
        { "1.2.3.4", "ASN1:SEQUENCE:seq_sect" },
        { "1.2.3.4", "ASN1:SET:set_sect" },
        { "1.2.3.4", "ASN1:EXPLICIT:0,UTF8:tagged" },
        { "1.2.3.4", "ASN1:IMPLICIT:3,IA5:imp" },
        { "1.2.3.4", "ASN1:EXP:1A,INT:7" },
        { "1.2.3.4", "ASN1:OCTWRAP,INT:1" },
        { "1.2.3.4", "ASN1:SEQWRAP,UTF8:a" },
        { "1.2.3.4", "ASN1:BITWRAP,OCT:xy" },
        { "1.2.3.4", "ASN1:IMP:0,SEQUENCE:seq_sect" },
        { "1.2.3.4", "ASN1:BMP:bmp" },
        { "1.2.3.4", "ASN1:UNIV:u" },
        { "1.2.3.4", "ASN1:NUMERIC:123 45" },
        { "1.2.3.4", "ASN1:T61:t61" },
        { "1.2.3.4", "ASN1:VISIBLE:vis" },
        { "1.2.3.4", "ASN1:GENSTR:gen" },
        { "1.2.3.4", "ASN1:UTCTIME:250101120000Z" },
        { "1.2.3.4", "ASN1:GENTIME:20500101120000Z" },
        { "1.2.3.4", "ASN1:ENUM:3" },
        { "1.2.3.4", "ASN1:FORMAT:UTF8,UTF8:caf\u00e9" },
        { "1.2.3.4", "ASN1:IMP:2P,INT:5" },
        { "1.2.3.4", "ASN1:SETWRAP,EXP:3,BOOL:n" },
    };

    /// <summary>(name, value) openssl rejects.</summary>
    public static TheoryData<string, string> ErrorRows => new()
    {
        { "basicConstraints", "foo" },
        { "basicConstraints", "CA:maybe" },
        { "basicConstraints", "CA:TRUE, pathlen:x" },
        { "subjectAltName", "IP:1.2.3" },
        { "subjectAltName", "IP:1::2::3" },
        { "subjectAltName", "IP:256.1.1.1" },
        { "subjectAltName", "IP:1:2:3:4:5:6:7:8:9" },
        { "fooBar", "xyz" },
        { "keyUsage", "bogus" },
        { "subjectAltName", "DNS:a,,DNS:b" },
        { "extendedKeyUsage", "nope" },
        { "subjectAltName", "foo:bar" },
        { "subjectAltName", "email" },
        { "1.2.3.4", "DER:zz" },
        { "1.2.3.4", "DER:123" },
        { "nameConstraints", "foo;DNS:x" },
        { "nameConstraints", "permitted;IP:10.0.0.0" },
        { "authorityInfoAccess", "URI:http://x" },
        { "authorityInfoAccess", "nope;URI:http://x" },
        { "certificatePolicies", "foo" },
        { "policyConstraints", "foo:1" },
        { "tlsfeature", "bogus" },
        { "1.2.3.4", "ASN1:FOO:bar" },
        { "1.2.3.4", "ASN1:INT:abc" },
        { "1.2.3.4", "ASN1:NULL:x" },
        { "1.2.3.4", "ASN1:BOOL:maybe" },
        { "1.2.3.4", "ASN1:PRINTABLE:a*b" },
        { "authorityKeyIdentifier", "foo" },
        { "inhibitAnyPolicy", "x" },
        { "keyUsage", "@no_such_section" },
    };
}
