namespace ManagedTls.Tests.Keys.Text;

/// <summary>Shares one generation of the openssl keys among the Keys.Text test classes (RSA 4096/2048 and DSA parameters are slow to make).</summary>
[CollectionDefinition(Name)]
public sealed class KeyTextCollection : ICollectionFixture<OpenSslKeyFixture>, ICollectionFixture<KeyTextExtraKeys>
{
    public const string Name = "Keys.Text openssl keys";
}
