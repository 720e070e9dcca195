namespace ManagedTls.Pkcs.Pkcs12;

/// <summary>
/// One ContentInfo of the authenticated safe (RFC 7292 §4.1): plain <c>data</c> or password-encrypted
/// <c>encryptedData</c>, already decrypted into its bags. Immutable.
/// </summary>
public sealed class Pkcs12SafeContents
{
    internal Pkcs12SafeContents(string? encryption, IReadOnlyList<Pkcs12Bag> bags)
    {
        Encryption = encryption;
        Bags = bags;
    }

    /// <summary>True for encryptedData.</summary>
    public bool IsEncrypted => Encryption is not null;

    /// <summary>
    /// For encryptedData, the scheme as <c>openssl pkcs12 -info</c> prints it ("PBES2, PBKDF2, AES-256-CBC, Iteration
    /// 2048, PRF hmacWithSHA256", "pbeWithSHA1And40BitRC2-CBC, Iteration 2048"); null for data.
    /// </summary>
    public string? Encryption { get; }

    /// <summary>The bags, in encoded order.</summary>
    public IReadOnlyList<Pkcs12Bag> Bags { get; }
}
