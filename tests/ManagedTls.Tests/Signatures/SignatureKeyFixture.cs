// Keys are generated once per test class by the openssl binary (OpenSSL 3.0):
//   openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048
//   openssl genpkey -algorithm RSA-PSS -pkeyopt rsa_keygen_bits:2048 -pkeyopt rsa_pss_keygen_md:sha256
//           -pkeyopt rsa_pss_keygen_mgf1_md:sha256 -pkeyopt rsa_pss_keygen_saltlen:32
//   openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:CURVE    (P-256, P-384, P-521, secp256k1, brainpoolP384r1)
//   openssl genpkey -genparam -algorithm DSA -pkeyopt dsa_paramgen_bits:2048 -pkeyopt dsa_paramgen_q_bits:256
//   openssl genpkey -paramfile dsaparam.pem
//   openssl genpkey -algorithm ED25519 | ED448
// and each public key with openssl pkey -pubout. Signatures: openssl dgst -DIGEST -sign/-verify [-sigopt ...] for
// RSA/ECDSA/DSA, openssl pkeyutl -sign/-verify -rawin for EdDSA, openssl req -x509 for certificates.
using ManagedTls.Keys;
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Signatures;

/// <summary>The openssl-generated keys, created lazily (a missing openssl skips instead of failing) and deleted afterwards.</summary>
public sealed class SignatureKeyFixture : IDisposable
{
    private static readonly Dictionary<string, string[]> s_generate = new()
    {
        ["rsa"] = ["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"],
        ["rsapss"] = ["genpkey", "-algorithm", "RSA-PSS", "-pkeyopt", "rsa_keygen_bits:2048", "-pkeyopt", "rsa_pss_keygen_md:sha256", "-pkeyopt", "rsa_pss_keygen_mgf1_md:sha256", "-pkeyopt", "rsa_pss_keygen_saltlen:32"],
        ["p256"] = ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"],
        ["p384"] = ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"],
        ["p521"] = ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-521"],
        ["secp256k1"] = ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:secp256k1"],
        ["brainpoolP384r1"] = ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:brainpoolP384r1"],
        ["dsa"] = ["genpkey", "-paramfile", "PARAM"],
        ["ed25519"] = ["genpkey", "-algorithm", "ED25519"],
        ["ed448"] = ["genpkey", "-algorithm", "ED448"],
    };

    private readonly object _gate = new();
    private bool _generated;

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "mtls-sig-" + Guid.NewGuid().ToString("N"));

    public string Data => Path.Combine(Root, "data.bin");

    public string PrivatePem(string key)
    {
        Generate();
        return Path.Combine(Root, key + ".pem");
    }

    public string PublicPem(string key)
    {
        Generate();
        return Path.Combine(Root, key + ".pub.pem");
    }

    public PrivateKey PrivateKey(string key) => KeyDecoder.DecodePrivateKey(File.ReadAllBytes(PrivatePem(key)));

    public PublicKey PublicKey(string key) => KeyDecoder.DecodePublicKey(File.ReadAllBytes(PublicPem(key)));

    public string NewFile(string name) => Path.Combine(Root, $"{name}-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private void Generate()
    {
        OpenSslPeer.Require();
        lock (_gate)
        {
            if (_generated)
            {
                return;
            }

            Directory.CreateDirectory(Root);
            File.WriteAllBytes(Data, "ManagedTls signature interop: the quick brown fox jumps over the lazy dog\n"u8.ToArray());
            string param = Path.Combine(Root, "dsaparam.pem");
            OpenSslPeer.Run("genpkey", "-genparam", "-algorithm", "DSA", "-pkeyopt", "dsa_paramgen_bits:2048", "-pkeyopt", "dsa_paramgen_q_bits:256", "-out", param);
            foreach ((string name, string[] args) in s_generate)
            {
                string pem = Path.Combine(Root, name + ".pem");
                OpenSslPeer.Run([.. args.Select(a => a == "PARAM" ? param : a), "-out", pem]);
                OpenSslPeer.Run("pkey", "-in", pem, "-pubout", "-out", Path.Combine(Root, name + ".pub.pem"));
            }

            _generated = true;
        }
    }
}
