using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.X509;

/// <summary>CRLs made by <c>openssl ca -revoke</c> and <c>openssl ca -gencrl</c> with chosen crl_extensions.</summary>
internal static class OpenSslCrlFactory
{
    /// <summary>The revocations every CRL carries: serial and the <c>openssl ca -revoke</c> options.</summary>
    public static readonly (int Serial, string[] Options)[] Revocations =
    [
        (1, ["-crl_reason", "keyCompromise"]),
        (2, ["-crl_compromise", "20230314123456Z"]),
        (3, ["-crl_CA_compromise", "20220101000000Z"]),
        (4, ["-crl_reason", "removeFromCRL"]),
        (5, ["-crl_reason", "superseded"]),
        (6, ["-crl_reason", "cessationOfOperation"]),
        (7, ["-crl_reason", "affiliationChanged"]),
        (8, ["-crl_reason", "certificateHold"]),
        (9, ["-crl_reason", "unspecified"]),
        (10, []),
        (11, ["-crl_reason", "CACompromise"]),
        (12, ["-crl_hold", "holdInstructionReject"]),
        (13, ["-crl_hold", "holdInstructionCallIssuer"]),
    ];

    /// <summary>Makes the CRL (DER) with <paramref name="crlExtensions"/> as the <c>[crl_ext]</c> section body plus extra sections.</summary>
    public static byte[] Create(string crlExtensions)
    {
        string dir = Path.Combine(Path.GetTempPath(), "mtls-crl-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "index.txt"), string.Empty);
            File.WriteAllText(Path.Combine(dir, "crlnumber"), "1000\n");
            string config = Path.Combine(dir, "ca.cnf");
            File.WriteAllText(config, $"""
                [ca]
                default_ca=CA_default
                [CA_default]
                dir={dir}
                database=$dir/index.txt
                crlnumber=$dir/crlnumber
                certificate=$dir/ca.pem
                private_key=$dir/ca.key
                default_md=sha256
                default_crl_days=30
                crl_extensions=crl_ext
                [req]
                distinguished_name=dn
                [dn]
                [crl_ext]
                {crlExtensions}
                [rel_sect]
                CN=rel
                [dn_sect]
                C=US
                O=Dir Org
                CN=dir

                """);
            string key = Path.Combine(dir, "ca.key");
            OpenSslPeer.Run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", key);
            OpenSslPeer.Run("req", "-x509", "-config", config, "-key", key, "-subj", "/CN=Test CA", "-addext", "subjectKeyIdentifier=hash", "-out", Path.Combine(dir, "ca.pem"));
            foreach ((int serial, string[] options) in Revocations)
            {
                string leaf = Path.Combine(dir, $"leaf{serial}.pem");
                OpenSslPeer.Run("req", "-x509", "-config", config, "-key", key, "-subj", $"/CN=leaf{serial}", "-set_serial", serial.ToString(System.Globalization.CultureInfo.InvariantCulture), "-out", leaf);
                OpenSslPeer.Run(["ca", "-config", config, "-revoke", leaf, .. options]);
            }

            string crl = Path.Combine(dir, "crl.der");
            OpenSslPeer.Run("ca", "-config", config, "-gencrl", "-out", Path.Combine(dir, "crl.pem"));
            OpenSslPeer.Run("crl", "-in", Path.Combine(dir, "crl.pem"), "-outform", "DER", "-out", crl);
            return File.ReadAllBytes(crl);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
