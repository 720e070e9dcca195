// KeyTextFormatter.FormatRsaPrint against OpenSSL 3.0's own legacy RSA_print(bio, rsa, 0) - what pyOpenSSL's
// dump_privatekey(FILETYPE_TEXT, pkey) returns. The openssl command line has no verb that calls RSA_print, so the
// test drives libcrypto.so.3 from python3 through ctypes (skipped when either is missing):
//   PEM_read_bio_PrivateKey -> EVP_PKEY_get1_RSA -> RSA_print(mem BIO, rsa, 0)
// The findings it pins: the header gains "RSA " ("RSA Private-Key: (2048 bit, 2 primes)"), an RSA-PSS key prints
// no PSS block at all, and every other line equals `openssl rsa -text -noout`.
using ManagedTls.Keys;
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Keys.Text;

[Collection(KeyTextCollection.Name)]
public class RsaPrintTests(OpenSslKeyFixture fixture, KeyTextExtraKeys extras)
{
    private const string Script = """
        import ctypes, sys
        c = ctypes.CDLL("libcrypto.so.3")
        vp = ctypes.c_void_p
        for name in ["BIO_new_mem_buf", "BIO_new", "BIO_s_mem", "PEM_read_bio_PrivateKey", "EVP_PKEY_get1_RSA"]:
            getattr(c, name).restype = vp
        c.BIO_new_mem_buf.argtypes = [ctypes.c_char_p, ctypes.c_int]
        c.BIO_new.argtypes = [vp]
        c.PEM_read_bio_PrivateKey.argtypes = [vp, vp, vp, vp]
        c.EVP_PKEY_get1_RSA.argtypes = [vp]
        c.RSA_print.argtypes = [vp, vp, ctypes.c_int]
        c.BIO_ctrl.restype = ctypes.c_long
        c.BIO_ctrl.argtypes = [vp, ctypes.c_int, ctypes.c_long, vp]
        data = sys.stdin.buffer.read()
        key = c.PEM_read_bio_PrivateKey(c.BIO_new_mem_buf(data, len(data)), None, None, None)
        rsa = c.EVP_PKEY_get1_RSA(key)
        out = c.BIO_new(c.BIO_s_mem())
        if not key or not rsa or c.RSA_print(out, rsa, 0) != 1:
            sys.exit(2)
        p = ctypes.c_char_p()
        n = c.BIO_ctrl(out, 3, 0, ctypes.byref(p))  # BIO_get_mem_data
        sys.stdout.buffer.write(ctypes.string_at(p, n))
        """;

    // key, and whether it comes from KeyTextExtraKeys rather than OpenSslKeyFixture
    public static TheoryData<string, bool> Keys => new()
    {
        { "rsa2048", false }, { "rsa3prime", false }, { "genrsa1024", false }, { "rsapss", false }, { "rsapss-sha256", false },
        { "rsa-e3", true }, { "rsa4prime", true }, { "rsapss-sha1-defaults", true },
    };

    [SkippableTheory]
    [MemberData(nameof(Keys))]
    public void FormatRsaPrint_OpenSslKey_IdenticalToLibcryptoRsaPrint(string key, bool extra)
    {
        byte[] pem = File.ReadAllBytes(extra ? extras.PathOf(key, ".pem") : fixture.PathOf(key, "orig.pem"));

        string ours = KeyTextFormatter.FormatRsaPrint((RsaPrivateKey)KeyDecoder.DecodePrivateKey(pem));

        ours.ShouldBe(RsaPrint(pem));
        ours.ShouldStartWith("RSA Private-Key: (");
        ours.ShouldNotContain("PSS");
    }

    [SkippableFact]
    public void FormatRsaPrint_TinyThreePrime_SpaceBeforeSmallOtherPrimeValues()
    {
        var key = new RsaPrivateKey(new RsaPublicKey([0x02, 0x51, 0x8f], [0x11]), [0x07], [61], [53], [0x01], [0x02], [0x03], [new RsaOtherPrime([47], [0x04], [0x00])]);

        string ours = KeyTextFormatter.FormatRsaPrint(key);

        ours.ShouldBe(RsaPrint(KeyEncoder.EncodePkcs8Pem(key)));
        ours.ShouldEndWith("prime3: 47 (0x2f)\nexponent3: 4 (0x4)\ncoefficient3: 0\n");
    }

    /// <summary>libcrypto's RSA_print output for a private key PEM; skips when python3 or libcrypto.so.3 is missing.</summary>
    private static string RsaPrint(byte[] pem)
    {
        OpenSslPeer.Require();
        string? python = ProcessRunner.FindOnPath("python3");
        Skip.If(python is null, "python3 is not on PATH; it drives libcrypto's RSA_print for this test.");
        ProcessResult result = ProcessRunner.Run(python!, ["-c", Script], pem);
        Skip.If(result.ExitCode != 0, $"could not call RSA_print through libcrypto.so.3: {result.Stderr}");
        return result.Stdout;
    }
}
