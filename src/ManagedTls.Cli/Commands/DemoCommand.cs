using System.Diagnostics;
using System.Globalization;
using System.Text;
using ManagedTls.Crypto;
using ManagedTls.Random;

namespace ManagedTls.Cli;

/// <summary>
/// <c>mtls demo</c>: runs what ManagedTls can do so far on embedded sample data, one line per step with its timing.
/// It is the payload of the libssl-less guard test, so every step must stay free of native OpenSSL.
/// </summary>
/// <remarks>Add a step by appending one <see cref="DemoStep"/> to <see cref="Steps"/>; a step throws to fail.</remarks>
internal sealed partial class DemoCommand : ICommand
{
    private const int NameWidth = 44;

    // RFC 4231 §4.3 (HMAC-SHA-256 test case 2) and FIPS 180-2 Appendix B.1 ("abc").
    private const string Sha256Abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private const string HmacSha256Jefe = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

    // DSA 2048/256 domain generated once with `openssl genpkey -genparam -algorithm DSA` (parameter generation
    // takes seconds, so the demo embeds a domain and times key generation, signing and verification only).
    private const string DsaP =
        "E1E668A95F298EB6110DB2ECAD559029BEADDEBF203564B9030BCF0AD0EA96B91515AABC4574AA456419543E8660C1593013D9A2BB9650FD616A5CE86660F25D"
        + "A3FB7B14946FC3D1BA9EC7F0D3C6630127B342946180BB7EE1B9F183F20A88685B9E284CE6194256A9494520AA43858AB0632F4F4863956C51AE17244303656A"
        + "8C3F33E012AF82C13591D04E70264518F3201F9DD1D77B345EDC53C2A8F8546F147B4E7DD5551F6925D538568DF4CA09C41BC5AF50851C2A93A8B410ABFA1200"
        + "B2341D995769FD970D598CC139C16F852F66004AC056F232C7C2903F23E91BA7418DD2B94DD4958AAD685991702C034BE997E118D025C6D9570A3FAA7B88C5C7";
    private const string DsaQ = "B76890C3C3017EC695ECE94135A8D83557411CDA641FF2011489AC71C3FD8719";
    private const string DsaG =
        "4F1CC8817040919C980A9337D883CD429216F1EBB8BA10FFF1216E8143A95C6B5E6280DE60B26092963344323C27E56C435B95957DC0D9E10A825DE9D3717B96"
        + "E826ED7F87D9827EEACDB81367950F9CE2DA3FE15E9EB061A10CD162C74BA30CA0D4160D29111F4BF3E650F84EE7B34DAA26D8D85A7C7CBD537E264CC6DE8A3F"
        + "52F56D3D34B06B0A090546D141EA88A44600058F69A393F93A335C52B3DD2050B432458489C04DAE272AD97DC8554E16CB1A8DA392D329CAA4633AA6B5FE13B7"
        + "5F62A1569C960CCB1A26D494FCACECDCF439C787775A36B0147D1582B3140591699711BB27765D77DE5ECF02937BC77358F7932CEF9A1705965B95F852935552";

    private static readonly byte[] s_message = Encoding.ASCII.GetBytes("ManagedTls demo: no native OpenSSL in this process");

    public string Name => "demo";

    public string Summary => "Show what works: primitives, codecs, X.509, and a TLS client and server over loopback";

    /// <summary>The steps, in order. Other features append theirs here.</summary>
    internal static IReadOnlyList<DemoStep> Steps { get; } =
    [
        new("OS entropy (getrandom)", OsEntropyStep),
        new("SHA-256 known answer", () => Expect(Digest(HashAlgorithmId.Sha256, "abc"u8), Sha256Abc)),
        new("HMAC-SHA256 known answer", HmacStep),
        new("AES-128-GCM round trip", () => AeadStep(AeadAlgorithmId.Aes128Gcm)),
        new("ChaCha20-Poly1305 round trip", () => AeadStep(AeadAlgorithmId.ChaCha20Poly1305)),
        new("key agreement X25519", () => KeyAgreementStep(KeyAgreementAlgorithmId.X25519)),
        new("key agreement ECDH P-256", () => KeyAgreementStep(KeyAgreementAlgorithmId.EcdhP256)),
        new("sign/verify RSA-2048 (PKCS#1 v1.5, PSS)", RsaStep),
        new("sign/verify ECDSA P-256", EcdsaStep),
        new("sign/verify DSA-2048/256", DsaStep),
        new("sign/verify Ed25519", () => EdDsaStep(EdwardsCurve.Ed25519)),
        new("sign/verify Ed448", () => EdDsaStep(EdwardsCurve.Ed448)),
        .. CodecSteps,
        .. X509Steps,
        .. TlsIdentitySteps,
        .. Tls13Steps,
        .. Tls12Steps,
    ];

    private static ICryptoProvider Provider => CryptoProviders.Default;

    public int Run(ReadOnlySpan<string> args, CommandContext context)
    {
        var options = new OptionSet(Name).Section("General");
        options.Parse(args, context.Error);
        if (options.HelpRequested)
        {
            return 0;
        }

        if (options.Positionals.Count > 0)
        {
            throw new UsageException($"Extra option: \"{options.Positionals[0]}\"");
        }

        int failures = 0;
        foreach (DemoStep step in Steps)
        {
            string label = (step.Name + " ").PadRight(NameWidth, '.');
            var clock = Stopwatch.StartNew();
            try
            {
                string? detail = step.Run();
                string timing = string.Create(CultureInfo.InvariantCulture, $"{label} ok  {clock.Elapsed.TotalMilliseconds,7:F1} ms");
                context.Out.WriteLine(detail is null ? timing : timing + "  " + detail);
            }
            catch (Exception e) when (e is DemoFailure or ManagedTls.Tls.TlsException or IOException or AggregateException or TimeoutException)
            {
                failures++;
                context.Out.WriteLine($"{label} FAILED: {e.Message}");
            }

            context.Out.Flush();
        }

        return failures == 0 ? 0 : 1;
    }

    private static void OsEntropyStep()
    {
        byte[] a = OsEntropy.GetBytes(32);
        byte[] b = OsEntropy.GetBytes(32);
        Check(!a.AsSpan().SequenceEqual(b) && a.AsSpan().IndexOfAnyExcept((byte)0) >= 0, "two reads returned equal or zero bytes");
    }

    private static void HmacStep()
    {
        using IHmac hmac = Provider.CreateHmac(HashAlgorithmId.Sha256, "Jefe"u8);
        hmac.Append("what do ya want for nothing?"u8);
        byte[] mac = new byte[hmac.HashSize];
        hmac.GetHashAndReset(mac);
        Expect(mac, HmacSha256Jefe);
    }

    private static void AeadStep(AeadAlgorithmId algorithm)
    {
        using IAead aead = Provider.CreateAead(algorithm, SecureRandomSource.GetBytes(AeadAlgorithms.KeySize(algorithm)));
        byte[] nonce = SecureRandomSource.GetBytes(aead.NonceSize);
        byte[] aad = "record header"u8.ToArray();
        byte[] ciphertext = new byte[s_message.Length];
        byte[] tag = new byte[aead.TagSize];
        aead.Seal(nonce, s_message, aad, ciphertext, tag);
        byte[] plaintext = new byte[ciphertext.Length];
        Check(aead.TryOpen(nonce, ciphertext, tag, aad, plaintext) && plaintext.AsSpan().SequenceEqual(s_message), "round trip failed");
        ciphertext[0] ^= 1;
        Check(!aead.TryOpen(nonce, ciphertext, tag, aad, plaintext), "a tampered ciphertext was accepted");
    }

    private static void KeyAgreementStep(KeyAgreementAlgorithmId algorithm)
    {
        using IKeyAgreement alice = Provider.GenerateKeyAgreement(algorithm);
        using IKeyAgreement bob = Provider.GenerateKeyAgreement(algorithm);
        byte[] s1 = new byte[alice.SharedSecretSize];
        byte[] s2 = new byte[bob.SharedSecretSize];
        Check(alice.TryDeriveSharedSecret(bob.PublicKey, s1) && bob.TryDeriveSharedSecret(alice.PublicKey, s2), "derivation failed");
        Check(ConstantTime.FixedTimeEquals(s1, s2), "the two sides derived different secrets");
    }

    private static void RsaStep()
    {
        RsaParameters key = Provider.GenerateRsaKey(2048);
        byte[] digest = Digest(HashAlgorithmId.Sha256, s_message);
        foreach (RsaSignaturePadding padding in new[] { RsaSignaturePadding.Pkcs1, RsaSignaturePadding.PssDigestLengthSalt })
        {
            byte[] signature = Provider.SignRsa(key, HashAlgorithmId.Sha256, padding, digest);
            Check(Provider.VerifyRsa(key.ToPublic(), HashAlgorithmId.Sha256, padding, digest, signature), $"{padding} signature did not verify");
            signature[^1] ^= 1;
            Check(!Provider.VerifyRsa(key.ToPublic(), HashAlgorithmId.Sha256, padding, digest, signature), $"{padding} accepted a bad signature");
        }
    }

    private static void EcdsaStep()
    {
        EcParameters key = Provider.GenerateEcKey(EcCurve.P256);
        byte[] digest = Digest(HashAlgorithmId.Sha256, s_message);
        byte[] signature = Provider.SignEcdsa(key, HashAlgorithmId.Sha256, digest);
        Check(Provider.VerifyEcdsa(key.ToPublic(), digest, signature), "signature did not verify");
        digest[0] ^= 1;
        Check(!Provider.VerifyEcdsa(key.ToPublic(), digest, signature), "a signature over another digest verified");
    }

    private static void DsaStep()
    {
        var domain = new DsaParameters { P = Convert.FromHexString(DsaP), Q = Convert.FromHexString(DsaQ), G = Convert.FromHexString(DsaG) };
        DsaParameters key = Provider.GenerateDsaKey(domain);
        byte[] digest = Digest(HashAlgorithmId.Sha256, s_message);
        byte[] signature = Provider.SignDsa(key, HashAlgorithmId.Sha256, digest);
        Check(Provider.VerifyDsa(key.ToPublic(), digest, signature), "signature did not verify");
        digest[0] ^= 1;
        Check(!Provider.VerifyDsa(key.ToPublic(), digest, signature), "a signature over another digest verified");
    }

    private static void EdDsaStep(EdwardsCurve curve)
    {
        EdDsaParameters key = Provider.GenerateEdDsaKey(curve);
        byte[] signature = Provider.SignEdDsa(key, s_message);
        Check(Provider.VerifyEdDsa(key.ToPublic(), s_message, signature), "signature did not verify");
        signature[0] ^= 1;
        Check(!Provider.VerifyEdDsa(key.ToPublic(), s_message, signature), "a bad signature verified");
    }

    private static byte[] Digest(HashAlgorithmId algorithm, ReadOnlySpan<byte> data) => HashAlgorithms.HashData(algorithm, data, Provider);

    private static void Expect(byte[] actual, string expectedHex)
    {
        string hex = Convert.ToHexStringLower(actual);
        Check(hex == expectedHex, $"got {hex}, expected {expectedHex}");
    }

    private static void Check(bool condition, string failure)
    {
        if (!condition)
        {
            throw new DemoFailure(failure);
        }
    }

    /// <summary>
    /// One named demo step; it throws <see cref="DemoFailure"/> (or a TLS or I/O failure) to fail, anything else aborts
    /// the demo. It may return a detail (what was negotiated) printed after its timing.
    /// </summary>
    /// <param name="Name">The label printed before the dots.</param>
    /// <param name="Run">The work; returns the detail or null.</param>
    internal sealed record DemoStep(string Name, Func<string?> Run)
    {
        /// <summary>A step without a detail.</summary>
        /// <param name="name">The label.</param>
        /// <param name="run">The work.</param>
        public DemoStep(string name, Action run)
            : this(name, () =>
            {
                run();
                return null;
            })
        {
        }
    }

    private sealed class DemoFailure(string message) : Exception(message);
}
