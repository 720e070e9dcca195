namespace ManagedTls.Tests.X509.Text;

/// <content>The openssl configuration the text tests make certificates and requests with (one extension section per test row).</content>
public sealed partial class OpenSslTextWorkspace
{
    /// <summary>Extension sections by row name: x509v3_config(5) syntax, one or a few extensions each, and all of them together.</summary>
    public static readonly IReadOnlyDictionary<string, string> ExtensionSections = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["basicConstraints"] = "basicConstraints = critical, CA:TRUE, pathlen:3",
        ["basicConstraints-leaf"] = "basicConstraints = CA:FALSE",
        ["keyUsage"] = "keyUsage = critical, digitalSignature, nonRepudiation, keyEncipherment, dataEncipherment, keyAgreement, keyCertSign, cRLSign, encipherOnly, decipherOnly",
        ["extendedKeyUsage"] = "extendedKeyUsage = serverAuth, clientAuth, codeSigning, emailProtection, timeStamping, OCSPSigning, ipsecIKE, msCodeInd, 1.2.3.4.5",
        ["subjectAltName"] = "subjectAltName = @san",
        ["issuerAltName"] = "issuerAltName = email:ca@example.com, URI:http://ca.example/, DNS:ca.example",
        ["keyIdentifiers"] = "subjectKeyIdentifier = hash\nauthorityKeyIdentifier = keyid:always, issuer:always",
        ["certificatePolicies"] = "certificatePolicies = 1.2.3.4, 2.23.140.1.2.1, @policy",
        ["policyMappings"] = "policyMappings = 1.2.3.4:1.2.3.5, 2.16.840.1.101.3.2.1.48.1:2.16.840.1.101.3.2.1.48.2",
        ["policyConstraints"] = "policyConstraints = requireExplicitPolicy:1, inhibitPolicyMapping:2",
        ["inhibitAnyPolicy"] = "inhibitAnyPolicy = 0",
        ["nameConstraints"] = "nameConstraints = critical, permitted;DNS:.example.com, permitted;IP:192.168.0.0/255.255.0.0, permitted;email:example.com, permitted;dirName:dir_section, excluded;IP:2001:db8::/ffff:ffff::, excluded;URI:.bad.example",
        ["crlDistributionPoints"] = "crlDistributionPoints = URI:http://crl.example/a.crl, crl_point",
        ["freshestCRL"] = "freshestCRL = URI:http://crl.example/delta.crl",
        ["authorityInfoAccess"] = "authorityInfoAccess = OCSP;URI:http://ocsp.example/, caIssuers;URI:http://ca.example/ca.crt",
        ["subjectInfoAccess"] = "subjectInfoAccess = caRepository;URI:http://repository.example/, timeStamping;URI:http://tsa.example/",
        ["tlsfeature"] = "tlsfeature = status_request, status_request_v2",
        ["netscape"] = "nsCertType = server, client, email, objsign, sslCA, emailCA, objCA\nnsComment = \"A Netscape comment, with a comma\"",
        ["sct"] = "1.3.6.1.4.1.11129.2.4.2 = DER:" + SctListHex,
        ["unknown"] = "1.2.3.4.5.6 = ASN1:UTF8String:custom value\n1.2.3.4.5.7 = critical, DER:01:02:03:0a:7f:80:0d:41",
        ["none"] = string.Empty,
        ["all"] = string.Empty,
        ["all-requestable"] = string.Empty,
    };

    private const string Config = """
        [req]
        distinguished_name = dn
        prompt = no
        string_mask = utf8only

        [dn]
        C = DE
        O = ManagedTls Text Tests
        CN = text.example

        [san]
        DNS.1 = a.example
        DNS.2 = *.b.example
        IP.1 = 192.0.2.1
        IP.2 = 2001:db8::1
        email.1 = someone@example.com
        URI.1 = https://example.com/path?q=1
        RID.1 = 1.2.3.4
        dirName.1 = dir_section
        otherName.1 = 1.3.6.1.4.1.311.20.2.3;UTF8:upn@example.com
        otherName.2 = 1.2.3.4.5;IA5STRING:other

        [dir_section]
        C = US
        O = Directory Org
        CN = Directory Name

        [policy]
        policyIdentifier = 1.3.6.1.4.1.99999.1
        CPS.1 = "http://cps.example/"
        userNotice.1 = @notice

        [notice]
        explicitText = "Explicit notice text"
        organization = "Example Org"
        noticeNumbers = 1, 2, 3

        [crl_point]
        fullname = URI:ldap://crl.example/cn=CA
        reasons = keyCompromise, CACompromise, certificateHold
        CRLissuer = dirName:dir_section

        [attributes]
        challengePassword = secret password
        unstructuredName = Unstructured Name

        """;

    /// <summary>A SignedCertificateTimestampList with two SCTs (RFC 6962 §3.3), as the DER of the extension value.</summary>
    private static string SctListHex
    {
        get
        {
            static byte[] Sct(byte fill, byte[] signature) =>
                [0, .. Enumerable.Repeat(fill, 32), 0, 0, 1, 0x7A, 0x3B, 0x2C, 0x1D, 0x0E, 0, 0, 4, 3, 0, (byte)signature.Length, .. signature];
            byte[] first = Sct(0xA1, [0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x02]);
            byte[] second = Sct(0x5C, [0x30, 0x06, 0x02, 0x01, 0x03, 0x02, 0x01, 0x04]);
            byte[] list = [0, (byte)(first.Length + second.Length + 4), 0, (byte)first.Length, .. first, 0, (byte)second.Length, .. second];
            byte[] octets = CraftedDer.Octets(list);
            return string.Join(":", octets.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>
    /// The configuration file (made on first use): [req], [dn], value sections and one <c>ext_NAME</c> section per
    /// extension row; with <paramref name="withAttributes"/>, a copy whose [req] also adds the challengePassword and
    /// unstructuredName request attributes.
    /// </summary>
    public string ConfigFile(bool withAttributes = false)
    {
        lock (_gate)
        {
            string file = withAttributes ? "text-attributes.cnf" : "text.cnf";
            if (!File.Exists(Path.Combine(Root, file)))
            {
                var text = new System.Text.StringBuilder(withAttributes ? Config.Replace("prompt = no", "prompt = no\nattributes = attributes", StringComparison.Ordinal) : Config);
                foreach ((string name, string body) in ExtensionSections)
                {
                    text.Append("\n[ext_").Append(name).Append("]\n");
                    text.Append(name switch
                    {
                        "all" => string.Join("\n", ExtensionSections.Where(s => !s.Key.StartsWith("all", StringComparison.Ordinal) && s.Key is not "none" and not "basicConstraints-leaf").Select(s => s.Value)),

                        // A request has no issuer to take an authorityKeyIdentifier from.
                        "all-requestable" => string.Join("\n", ExtensionSections.Where(s => !s.Key.StartsWith("all", StringComparison.Ordinal) && s.Key is not "none" and not "basicConstraints-leaf" and not "keyIdentifiers").Select(s => s.Value)) + "\nsubjectKeyIdentifier = hash",
                        _ => body,
                    }).Append('\n');
                }

                Write(file, text.ToString());
            }

            return file;
        }
    }
}
