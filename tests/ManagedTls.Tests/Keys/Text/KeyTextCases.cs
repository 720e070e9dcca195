using ManagedTls.Keys;

namespace ManagedTls.Tests.Keys.Text;

/// <summary>Builds the openssl-versus-ours comparisons for a key file: which openssl commands apply to which key type.</summary>
internal static class KeyTextCases
{
    public static IEnumerable<KeyTextCase> ForPrivate(string name, KeyAlgorithm algorithm, IEnumerable<string> files)
    {
        foreach (string file in files)
        {
            string[] inform = Inform(file);
            string label = $"{name}/{Path.GetFileName(file)}";
            yield return new($"{label} pkey -text", ["pkey", "-in", file, .. inform, "-text", "-noout"], b => KeyTextFormatter.FormatPrivateKey(KeyDecoder.DecodePrivateKey(b)), file);
            yield return new($"{label} pkey -text_pub", ["pkey", "-in", file, .. inform, "-text_pub", "-noout"], b => KeyTextFormatter.FormatPublicKey(KeyDecoder.DecodePrivateKey(b).PublicKey), file);
            if (Verb(algorithm) is string verb)
            {
                yield return new($"{label} {verb} -text", [verb, "-in", file, .. inform, "-text", "-noout"], b => KeyTextFormatter.FormatPrivateKey(KeyDecoder.DecodePrivateKey(b)), file);
            }
        }
    }

    public static IEnumerable<KeyTextCase> ForPublic(string name, KeyAlgorithm algorithm, IEnumerable<string> files)
    {
        foreach (string file in files)
        {
            string[] inform = Inform(file);
            string label = $"{name}/{Path.GetFileName(file)}";
            yield return new($"{label} pkey -pubin -text", ["pkey", "-pubin", "-in", file, .. inform, "-text", "-noout"], b => KeyTextFormatter.FormatPublicKey(KeyDecoder.DecodePublicKey(b)), file);
            if (Verb(algorithm) is string verb)
            {
                yield return new($"{label} {verb} -pubin -text", [verb, "-pubin", "-in", file, .. inform, "-text", "-noout"], b => KeyTextFormatter.FormatPublicKey(KeyDecoder.DecodePublicKey(b)), file);
            }
        }
    }

    private static string[] Inform(string file) => file.EndsWith(".der", StringComparison.Ordinal) ? ["-inform", "DER"] : [];

    private static string? Verb(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.Rsa or KeyAlgorithm.RsaPss => "rsa",
        KeyAlgorithm.Ec => "ec",
        KeyAlgorithm.Dsa => "dsa",
        _ => null,
    };
}
