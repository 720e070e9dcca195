namespace ManagedTls.Cli;

/// <summary>
/// The cipher flags of <c>openssl pkey/rsa/genpkey</c> (<c>-aes256</c>, <c>-des3</c>, <c>-aes-128-cbc</c>, ...): the
/// names OpenSSL 3.0's <c>EVP_get_cipherbyname</c> resolves, mapped to the CBC ciphers the PBE layer implements.
/// </summary>
/// <remarks>
/// A name openssl knows but ManagedTls cannot use for key encryption (ARIA, Camellia, SM4, ECB/CTR/CFB/OFB modes)
/// fails with a message saying so; AEAD modes fail with openssl's "AEAD ciphers not supported"; anything else is
/// openssl's "Unknown cipher".
/// </remarks>
internal static class CipherOptions
{
    // Our spelling (as PbeParameters.Pbes2 and PemEncryption take it) for each openssl name and alias.
    private static readonly Dictionary<string, string> s_supported = new(StringComparer.OrdinalIgnoreCase)
    {
        ["aes128"] = "aes-128-cbc",
        ["aes-128-cbc"] = "aes-128-cbc",
        ["aes192"] = "aes-192-cbc",
        ["aes-192-cbc"] = "aes-192-cbc",
        ["aes256"] = "aes-256-cbc",
        ["aes-256-cbc"] = "aes-256-cbc",
        ["des3"] = "des-ede3-cbc",
        ["des-ede3-cbc"] = "des-ede3-cbc",
        ["des"] = "des-cbc",
        ["des-cbc"] = "des-cbc",
    };

    private static readonly string[] s_knownFamilies =
    [
        "aes-128-", "aes-192-", "aes-256-", "aria-128-", "aria-192-", "aria-256-", "aria128", "aria192", "aria256",
        "camellia-128-", "camellia-192-", "camellia-256-", "camellia128", "camellia192", "camellia256",
        "des-", "sm4", "bf", "cast", "idea", "rc2", "rc4", "rc5", "seed", "chacha20", "id-aes",
    ];

    /// <summary>
    /// Returns our name for an openssl cipher flag, or throws the error openssl (or ManagedTls, for ciphers it lacks)
    /// would give.
    /// </summary>
    /// <param name="flag">The flag without its dash, e.g. "aes256".</param>
    /// <param name="verb">The verb, for the message prefix.</param>
    /// <returns>"aes-128-cbc", "aes-192-cbc", "aes-256-cbc", "des-ede3-cbc" or "des-cbc".</returns>
    /// <exception cref="UsageException">An unknown cipher, or an AEAD mode (openssl's words).</exception>
    /// <exception cref="CommandException">A cipher openssl has and ManagedTls does not offer for key encryption.</exception>
    public static string Parse(string flag, string verb)
    {
        if (s_supported.TryGetValue(flag, out string? name))
        {
            return name;
        }

        string lower = flag.ToLowerInvariant();
        if (lower.EndsWith("-gcm", StringComparison.Ordinal) || lower.EndsWith("-ccm", StringComparison.Ordinal)
            || lower.EndsWith("-ocb", StringComparison.Ordinal) || lower.Contains("poly1305", StringComparison.Ordinal))
        {
            throw new UsageException("AEAD ciphers not supported");
        }

        foreach (string family in s_knownFamilies)
        {
            if (lower.StartsWith(family, StringComparison.Ordinal))
            {
                throw new CommandException(
                    $"{verb}: cipher {flag} is not supported for key encryption by mtls (use aes128, aes192, aes256, des3 or des)");
            }
        }

        throw new UsageException($"Unknown cipher: {flag}");
    }
}
