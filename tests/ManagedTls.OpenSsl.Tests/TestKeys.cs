namespace ManagedTls.OpenSsl.Tests;

/// <summary>Keys generated once per test run (DSA domain generation takes a second); tests must not mutate them.</summary>
internal static class TestKeys
{
    private static readonly Dictionary<string, Lazy<PKey>> s_keys = new()
    {
        ["rsa"] = new(() => Generate(k => k.GenerateKey(KeyType.Rsa, 1024))),
        ["dsa"] = new(() => Generate(k => k.GenerateKey(KeyType.Dsa, 1024))),
        ["ec"] = new(() => Generate(k => k.GenerateEcKey("prime256v1"))),
        ["ec384"] = new(() => Generate(k => k.GenerateEcKey("secp384r1"))),
        ["ed25519"] = new(() => Generate(k => k.GenerateKey(KeyType.Ed25519))),
        ["ed448"] = new(() => Generate(k => k.GenerateKey(KeyType.Ed448))),
    };

    /// <summary>The names of the generated keys, for [MemberData].</summary>
    public static TheoryData<string> Names => [.. s_keys.Keys];

    /// <summary>The names of keys that sign through a digest (RSA, DSA, EC).</summary>
    public static TheoryData<string> DigestSigners => ["rsa", "dsa", "ec", "ec384"];

    public static PKey Get(string name) => s_keys[name].Value;

    private static PKey Generate(Action<PKey> generate)
    {
        var key = new PKey();
        generate(key);
        return key;
    }
}
