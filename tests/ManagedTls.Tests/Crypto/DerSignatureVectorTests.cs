using ManagedTls.Crypto;
using Xunit.Abstractions;

namespace ManagedTls.Tests.Crypto;

/// <summary>
/// Wycheproof ECDSA/DSA vectors whose signatures are DER <c>SEQUENCE { r INTEGER, s INTEGER }</c>. The provider takes
/// <c>r || s</c>; a strict test-only DER reader converts (the product's DER reader lives in Asn1/, issue 3 wires it).
/// Encodings the strict reader rejects count as rejected signatures.
/// </summary>
public class DerSignatureVectorTests(ITestOutputHelper output)
{
    private static readonly ICryptoProvider s_provider = CryptoProviders.Default;

    [SkippableTheory]
    [InlineData("ecdsa_secp256r1_sha256_test.json", EcCurve.P256, HashAlgorithmId.Sha256)]
    [InlineData("ecdsa_secp384r1_sha384_test.json", EcCurve.P384, HashAlgorithmId.Sha384)]
    [InlineData("ecdsa_secp521r1_sha512_test.json", EcCurve.P521, HashAlgorithmId.Sha512)]
    public void VerifyEcdsa_WycheproofDerVectors_Agree(string file, EcCurve curve, HashAlgorithmId hash)
    {
        int size = curve switch { EcCurve.P256 => 32, EcCurve.P384 => 48, _ => 66 };
        Run(file, (group, test) =>
        {
            var key = new EcParameters { Curve = curve, Q = group.GetProperty("publicKey").Hex("uncompressed") };
            byte[]? signature = DerToFixed(test.Hex("sig"), size);
            return signature is not null && s_provider.VerifyEcdsa(key, HashTests.OneShot(hash, test.Hex("msg")), signature);
        });
    }

    [SkippableFact]
    public void VerifyDsa_WycheproofDerVectors_Agree()
    {
        Run("dsa_2048_256_sha256_test.json", (group, test) =>
        {
            var publicKey = group.GetProperty("publicKey");
            var key = new DsaParameters
            {
                P = Trim(publicKey.Hex("p")), Q = Trim(publicKey.Hex("q")), G = Trim(publicKey.Hex("g")), Y = Trim(publicKey.Hex("y")),
            };
            byte[]? signature = DerToFixed(test.Hex("sig"), key.Q.Length);
            return signature is not null && s_provider.VerifyDsa(key, HashTests.OneShot(HashAlgorithmId.Sha256, test.Hex("msg")), signature);
        });
    }

    [Theory]
    [InlineData("3006020101020102", "0102")]
    [InlineData("30070202008002017f", "807f")]
    [InlineData("3007020200010201 02", null)]     // non-minimal INTEGER
    [InlineData("3006020181020102", null)]         // negative r
    [InlineData("308106020101020102", null)]       // non-minimal length
    [InlineData("300602010102010200", null)]       // trailing byte
    public void DerToFixed_Encodings_StrictDer(string der, string? expected)
    {
        byte[]? fixedWidth = DerToFixed(Convert.FromHexString(der.Replace(" ", string.Empty)), 1);
        (fixedWidth is null ? null : Convert.ToHexStringLower(fixedWidth)).ShouldBe(expected);
    }

    private void Run(string file, Func<System.Text.Json.JsonElement, System.Text.Json.JsonElement, bool> verify)
    {
        using var document = Wycheproof.Load(file);
        var tally = new WycheproofTally();
        foreach (var (group, test) in Wycheproof.Tests(document))
        {
            bool verified = verify(group, test);
            bool ok = test.Result() switch
            {
                "valid" => verified,
                "invalid" => !verified,
                _ => true, // "acceptable": legacy BER leniency either way
            };
            tally.Record(test, ok, $"verified={verified}");
        }

        output.WriteLine(tally.Summary(file));
        tally.Failures.ShouldBeEmpty();
    }

    private static byte[] Trim(byte[] value) => value.Length > 1 && value[0] == 0 ? value[1..] : value;

    private static byte[]? DerToFixed(ReadOnlySpan<byte> der, int size)
    {
        if (!TryRead(ref der, 0x30, out ReadOnlySpan<byte> body) || !der.IsEmpty)
        {
            return null;
        }

        byte[] result = new byte[2 * size];
        for (int i = 0; i < 2; i++)
        {
            if (!TryRead(ref body, 0x02, out ReadOnlySpan<byte> integer) || integer.IsEmpty || integer[0] >= 0x80
                || (integer.Length > 1 && integer[0] == 0 && integer[1] < 0x80))
            {
                return null; // empty, negative or non-minimal
            }

            if (integer[0] == 0)
            {
                integer = integer[1..];
            }

            if (integer.Length > size)
            {
                return null;
            }

            integer.CopyTo(result.AsSpan(((i + 1) * size) - integer.Length));
        }

        return body.IsEmpty ? result : null;
    }

    private static bool TryRead(ref ReadOnlySpan<byte> input, byte tag, out ReadOnlySpan<byte> content)
    {
        content = default;
        if (input.Length < 2 || input[0] != tag)
        {
            return false;
        }

        int length = input[1], header = 2;
        if (length == 0x81)
        {
            if (input.Length < 3 || input[2] < 0x80)
            {
                return false;
            }

            length = input[2];
            header = 3;
        }
        else if (length == 0x82)
        {
            if (input.Length < 4 || input[2] == 0)
            {
                return false;
            }

            length = (input[2] << 8) | input[3];
            header = 4;
        }
        else if (length >= 0x80)
        {
            return false;
        }

        if (input.Length - header < length)
        {
            return false;
        }

        content = input.Slice(header, length);
        input = input[(header + length)..];
        return true;
    }
}
