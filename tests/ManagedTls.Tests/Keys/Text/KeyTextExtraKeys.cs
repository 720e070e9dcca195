// Edge keys beyond OpenSslKeyFixture, generated once per run by the openssl binary into a temporary directory:
//   openssl genpkey -algorithm RSA-PSS -pkeyopt rsa_keygen_bits:1024 -pkeyopt rsa_pss_keygen_md:sha1 -out F
//           (parameters present but all default: an empty RSASSA-PSS-params SEQUENCE)
//   openssl genpkey -algorithm RSA-PSS -pkeyopt rsa_keygen_bits:1024 -pkeyopt rsa_pss_keygen_md:sha512-224
//           -pkeyopt rsa_pss_keygen_mgf1_md:sha384 -pkeyopt rsa_pss_keygen_saltlen:0 -out F
//   openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -pkeyopt rsa_keygen_pubexp:3 -out F
//   openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:4096 -pkeyopt rsa_keygen_primes:4 -out F
// and for each:
//   openssl pkey -in F -outform DER -out F.der ; openssl pkey -in F -pubout -out F.pub.pem
using ManagedTls.Keys;
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Keys.Text;

/// <summary>Generates the edge keys lazily (a missing openssl skips instead of failing) and lists their comparisons.</summary>
public sealed class KeyTextExtraKeys : IDisposable
{
    private static readonly (string Name, KeyAlgorithm Algorithm, string[] Options)[] s_specs =
    [
        ("rsapss-sha1-defaults", KeyAlgorithm.RsaPss, ["-algorithm", "RSA-PSS", "-pkeyopt", "rsa_keygen_bits:1024", "-pkeyopt", "rsa_pss_keygen_md:sha1"]),
        ("rsapss-sha512-224", KeyAlgorithm.RsaPss, ["-algorithm", "RSA-PSS", "-pkeyopt", "rsa_keygen_bits:1024", "-pkeyopt", "rsa_pss_keygen_md:sha512-224", "-pkeyopt", "rsa_pss_keygen_mgf1_md:sha384", "-pkeyopt", "rsa_pss_keygen_saltlen:0"]),
        ("rsa-e3", KeyAlgorithm.Rsa, ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024", "-pkeyopt", "rsa_keygen_pubexp:3"]),
        ("rsa4prime", KeyAlgorithm.Rsa, ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:4096", "-pkeyopt", "rsa_keygen_primes:4"]),
    ];

    private readonly object _gate = new();
    private bool _generated;

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "mtls-keytext-" + Guid.NewGuid().ToString("N"));

    public IEnumerable<KeyTextCase> Cases()
    {
        EnsureGenerated();
        foreach (var (name, algorithm, _) in s_specs)
        {
            string F(string suffix) => Path.Combine(Root, name + suffix);
            foreach (KeyTextCase c in KeyTextCases.ForPrivate(name, algorithm, [F(".pem"), F(".der")]))
            {
                yield return c;
            }

            foreach (KeyTextCase c in KeyTextCases.ForPublic(name, algorithm, [F(".pub.pem")]))
            {
                yield return c;
            }
        }
    }

    /// <summary>The path of a generated key file, e.g. <c>PathOf("rsa4prime", ".pem")</c>.</summary>
    public string PathOf(string name, string suffix)
    {
        EnsureGenerated();
        return Path.Combine(Root, name + suffix);
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private void EnsureGenerated()
    {
        OpenSslPeer.Require();
        lock (_gate)
        {
            if (_generated)
            {
                return;
            }

            Directory.CreateDirectory(Root);
            foreach (var (name, _, options) in s_specs)
            {
                string pem = Path.Combine(Root, name + ".pem");
                OpenSslPeer.Run(["genpkey", .. options, "-out", pem]);
                OpenSslPeer.Run("pkey", "-in", pem, "-outform", "DER", "-out", Path.Combine(Root, name + ".der"));
                OpenSslPeer.Run("pkey", "-in", pem, "-pubout", "-out", Path.Combine(Root, name + ".pub.pem"));
            }

            _generated = true;
        }
    }
}
