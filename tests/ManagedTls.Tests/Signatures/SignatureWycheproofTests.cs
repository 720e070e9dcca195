using System.Text.Json;
using ManagedTls.Asn1;
using ManagedTls.Crypto;
using ManagedTls.Keys;
using ManagedTls.Signatures;
using ManagedTls.Tests.Crypto;
using Xunit.Abstractions;

namespace ManagedTls.Tests.Signatures;

/// <summary>
/// Wycheproof vectors run through the whole stack: the group's encoded key (SPKI, PKCS#8, or a raw SEC 1 point) goes
/// through the key decoders, the signature through <see cref="Verifier"/> (strict DER for ECDSA/DSA), the agreement
/// through the provider. Every "valid" must be accepted, every "invalid" rejected (a typed decode error or false),
/// and "acceptable" must not crash. Counts per file are printed.
/// </summary>
public class SignatureWycheproofTests(ITestOutputHelper output)
{
    private static readonly ICryptoProvider s_provider = CryptoProviders.Default;

    [SkippableTheory]
    [InlineData("ecdsa_secp256r1_sha256_test.json", SignatureFormat.Der)]
    [InlineData("ecdsa_secp384r1_sha384_test.json", SignatureFormat.Der)]
    [InlineData("ecdsa_secp521r1_sha512_test.json", SignatureFormat.Der)]
    [InlineData("ecdsa_secp256r1_sha256_p1363_test.json", SignatureFormat.IeeeP1363)]
    [InlineData("dsa_2048_256_sha256_test.json", SignatureFormat.Der)]
    public void Verify_EcdsaAndDsaVectorsWithSpkiKeys_MatchExpected(string file, SignatureFormat format) =>
        Run(file, (group, test) =>
        {
            PublicKey key = KeyDecoder.DecodeSubjectPublicKeyInfo(group.Hex("publicKeyDer"));
            return Verifier.Verify(key, test.Hex("msg"), test.Hex("sig"), Sha(group, "sha"), format: format);
        });

    [SkippableTheory]
    [InlineData("rsa_signature_2048_sha256_test.json")]
    [InlineData("rsa_signature_3072_sha384_test.json")]
    public void Verify_RsaPkcs1Vectors_MatchExpected(string file) =>
        Run(file, (group, test) =>
        {
            PublicKey key = KeyDecoder.DecodeSubjectPublicKeyInfo(group.Hex("publicKeyDer"));
            return Verifier.Verify(key, SignatureAlgorithm.RsaPkcs1(Sha(group, "sha")), test.Hex("msg"), test.Hex("sig"));
        });

    [SkippableTheory]
    [InlineData("rsa_pss_2048_sha256_mgf1_32_test.json")]
    [InlineData("rsa_pss_misc_params_test.json")]
    public void Verify_RsaPssVectors_MatchExpected(string file) =>
        Run(file, (group, test) =>
        {
            // The misc-params file encodes the PSS parameters in the SPKI (id-RSASSA-PSS), so the key decoder and the
            // restriction check both take part; the signature algorithm comes from the group.
            PublicKey key = KeyDecoder.DecodeSubjectPublicKeyInfo(group.Hex("publicKeyDer"));
            var algorithm = SignatureAlgorithm.RsaPss(Sha(group, "sha"), Sha(group, "mgfSha"), group.GetProperty("sLen").GetInt32());
            return Verifier.Verify(key, algorithm, test.Hex("msg"), test.Hex("sig"));
        });

    [SkippableTheory]
    [InlineData("ed25519_test.json")]
    [InlineData("ed448_test.json")]
    public void Verify_EdDsaVectors_MatchExpected(string file) =>
        Run(file, (group, test) =>
        {
            PublicKey key = KeyDecoder.DecodeSubjectPublicKeyInfo(group.Hex("publicKeyDer"));
            return Verifier.Verify(key, test.Hex("msg"), test.Hex("sig"));
        });

    [SkippableFact]
    public void Derive_X25519AsnVectors_MatchExpected() =>
        Run("x25519_asn_test.json", (_, test) =>
        {
            PublicKey peer = KeyDecoder.DecodeSubjectPublicKeyInfo(test.Hex("public"));
            PrivateKey own = KeyDecoder.DecodePkcs8(test.Hex("private"));
            if (peer is not EcxPublicKey { Algorithm: KeyAlgorithm.X25519 } x || own is not EcxPrivateKey { Algorithm: KeyAlgorithm.X25519 } d)
            {
                return false;
            }

            using IKeyAgreement agreement = s_provider.ImportKeyAgreement(KeyAgreementAlgorithmId.X25519, d.Key.Span);
            return Derive(agreement, x.Key.Span, test);
        });

    [SkippableFact]
    public void Derive_EcdhSpkiVectors_RejectWrongCurvesAndEncodings() =>
        Run("ecdh_secp256r1_test.json", (_, test) =>
        {
            PublicKey peer = KeyDecoder.DecodeSubjectPublicKeyInfo(test.Hex("public"));
            if (peer is not EcPublicKey ec || !ReferenceEquals(ec.Curve, EcNamedCurve.P256))
            {
                return false; // a key on another curve is an invalid-curve attempt, not an error to recover from
            }

            using IKeyAgreement agreement = s_provider.ImportKeyAgreement(KeyAgreementAlgorithmId.EcdhP256, Scalar(test.Hex("private"), 32));
            return Derive(agreement, ec.Point.Span, test);
        });

    [SkippableTheory]
    [InlineData("ecdh_secp256r1_ecpoint_test.json", KeyAgreementAlgorithmId.EcdhP256)]
    [InlineData("ecdh_secp384r1_ecpoint_test.json", KeyAgreementAlgorithmId.EcdhP384)]
    [InlineData("ecdh_secp521r1_ecpoint_test.json", KeyAgreementAlgorithmId.EcdhP521)]
    public void Derive_EcdhRawPointVectors_MatchExpected(string file, KeyAgreementAlgorithmId algorithm) =>
        Run(file, (_, test) =>
        {
            EcNamedCurve curve = algorithm switch
            {
                KeyAgreementAlgorithmId.EcdhP256 => EcNamedCurve.P256,
                KeyAgreementAlgorithmId.EcdhP384 => EcNamedCurve.P384,
                _ => EcNamedCurve.P521,
            };
            var peer = new EcPublicKey(curve, test.Hex("public")); // SEC 1 point validation in the key model
            using IKeyAgreement agreement = s_provider.ImportKeyAgreement(algorithm, Scalar(test.Hex("private"), curve.OrderSize));
            return Derive(agreement, peer.Point.Span, test);
        });

    private static bool Derive(IKeyAgreement agreement, ReadOnlySpan<byte> peer, JsonElement test)
    {
        byte[] secret = new byte[agreement.SharedSecretSize];
        return agreement.TryDeriveSharedSecret(peer, secret) && secret.AsSpan().SequenceEqual(test.Hex("shared"));
    }

    private static byte[] Scalar(byte[] value, int size)
    {
        ReadOnlySpan<byte> trimmed = value.AsSpan(Math.Max(0, value.AsSpan().IndexOfAnyExcept((byte)0)));
        byte[] result = new byte[Math.Max(size, trimmed.Length)];
        trimmed.CopyTo(result.AsSpan(result.Length - trimmed.Length));
        return result;
    }

    private static HashAlgorithmId Sha(JsonElement group, string property) => group.GetProperty(property).GetString() switch
    {
        "SHA-1" => HashAlgorithmId.Sha1,
        "SHA-224" => HashAlgorithmId.Sha224,
        "SHA-256" => HashAlgorithmId.Sha256,
        "SHA-384" => HashAlgorithmId.Sha384,
        "SHA-512" => HashAlgorithmId.Sha512,
        "SHA-512/224" => HashAlgorithmId.Sha512_224,
        "SHA-512/256" => HashAlgorithmId.Sha512_256,
        "SHA3-224" => HashAlgorithmId.Sha3_224,
        "SHA3-256" => HashAlgorithmId.Sha3_256,
        "SHA3-384" => HashAlgorithmId.Sha3_384,
        "SHA3-512" => HashAlgorithmId.Sha3_512,
        string other => throw new NotSupportedException(other),
        null => throw new InvalidDataException("no digest"),
    };

    /// <summary>
    /// Runs every test; <paramref name="accept"/> returns whether the stack accepted it. A typed rejection
    /// (<see cref="KeyFormatException"/>, <see cref="DecodeException"/>, <see cref="SignatureException"/>) counts as
    /// "rejected"; any other exception is a crash and fails the test whatever the expected result.
    /// </summary>
    private void Run(string file, Func<JsonElement, JsonElement, bool> accept)
    {
        using JsonDocument document = Wycheproof.Load(file);
        var counts = new Dictionary<string, (int Total, int Accepted)>();
        var failures = new List<string>();
        foreach ((JsonElement group, JsonElement test) in Wycheproof.Tests(document))
        {
            bool accepted;
            string detail = string.Empty;
            try
            {
                accepted = accept(group, test);
            }
            catch (Exception e) when (e is KeyFormatException or DecodeException or SignatureException)
            {
                accepted = false;
                detail = $"{e.GetType().Name}: {e.Message}";
            }
            catch (Exception e)
            {
                failures.Add($"tcId {test.TcId()} crashed: {e}");
                continue;
            }

            string result = test.Result();
            (int total, int acceptedCount) = counts.GetValueOrDefault(result);
            counts[result] = (total + 1, acceptedCount + (accepted ? 1 : 0));
            if ((result == "valid" && !accepted) || (result == "invalid" && accepted))
            {
                failures.Add($"tcId {test.TcId()} ({result}, {test.GetProperty("comment").GetString()}): accepted={accepted} {detail}");
            }
        }

        output.WriteLine($"{file}: " + string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value.Total} (accepted {c.Value.Accepted})")));
        foreach (string failure in failures.Take(20))
        {
            output.WriteLine(failure);
        }

        failures.ShouldBeEmpty();
    }
}
