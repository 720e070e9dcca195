using ManagedTls.Asn1;
using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Signatures;

namespace ManagedTls.Tests.Signatures;

/// <summary>Every single-byte mutation and truncation: verification answers false (never throws); AlgorithmIdentifier decoding throws only its typed exceptions.</summary>
public class SignatureRobustnessTests
{
    private static readonly ICryptoProvider s_provider = CryptoProviders.Default;

    [Theory]
    [InlineData(EcCurve.P256)]
    [InlineData(EcCurve.P521)]
    public void Verify_MutatedEcdsaDerSignatures_FalseNeverThrows(EcCurve curve)
    {
        EcPrivateKey key = KeyMaterial.FromCrypto(s_provider.GenerateEcKey(curve));
        byte[] message = "mutate me"u8.ToArray();
        byte[] signature = Signer.Sign(key, message);
        foreach (byte[] mutant in Mutants(signature))
        {
            if (!mutant.AsSpan().SequenceEqual(signature))
            {
                Verifier.Verify(key.PublicKey, message, mutant).ShouldBeFalse(Convert.ToHexString(mutant));
            }
        }
    }

    [Fact]
    public void Verify_MutatedEd25519Signatures_FalseNeverThrows()
    {
        EcxPrivateKey key = KeyMaterial.FromCrypto(s_provider.GenerateEdDsaKey(EdwardsCurve.Ed25519));
        byte[] signature = Signer.Sign(key, "m"u8);
        foreach (byte[] mutant in Mutants(signature))
        {
            if (!mutant.AsSpan().SequenceEqual(signature))
            {
                Verifier.Verify(key.PublicKey, "m"u8, mutant).ShouldBeFalse();
            }
        }
    }

    [Theory]
    [InlineData("304106092a864886f70d01010a3034a00f300d06096086480165030402010500a11c301a06092a864886f70d010108300d06096086480165030402010500a203020120")]
    [InlineData("300d06092a864886f70d01010b0500")]
    [InlineData("300a06082a8648ce3d040302")]
    public void Decode_MutatedAlgorithmIdentifiers_OnlyTypedExceptions(string hex)
    {
        foreach (byte[] mutant in Mutants(Convert.FromHexString(hex)))
        {
            try
            {
                SignatureAlgorithm.Decode(mutant);
            }
            catch (Exception e) when (e is DecodeException or SignatureException)
            {
            }
        }
    }

    private static IEnumerable<byte[]> Mutants(byte[] original)
    {
        for (int i = 0; i < original.Length; i++)
        {
            foreach (byte delta in new byte[] { 0x01, 0x80, 0xFF })
            {
                byte[] copy = (byte[])original.Clone();
                copy[i] ^= delta;
                yield return copy;
            }

            yield return original[..i];
            yield return [.. original[..i], .. original[(i + 1)..]];
        }

        yield return [.. original, 0x00];
    }
}
