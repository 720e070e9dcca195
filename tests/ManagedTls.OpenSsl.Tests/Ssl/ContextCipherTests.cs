namespace ManagedTls.OpenSsl.Tests;

/// <summary><c>set_cipher_list</c>/<c>set_ciphersuites</c> and <c>Connection.get_cipher_list</c>, ported from pyOpenSSL and checked against <c>openssl ciphers</c>.</summary>
public sealed class ContextCipherTests
{
    [Theory]
    [InlineData("hello world:AES128-SHA", "AES128-SHA")]
    [InlineData("ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256")]
    [InlineData("ECDHE+AESGCM:!aRSA", "ECDHE-ECDSA-AES256-GCM-SHA384")]
    [InlineData("HIGH:!aNULL@STRENGTH", "ECDHE-ECDSA-CHACHA20-POLY1305")]
    [InlineData("DEFAULT:@SECLEVEL=2", "ECDHE-RSA-AES256-GCM-SHA384")]
    public void SetCipherList_Valid_IsReportedByGetCipherList(string cipherString, string expected)
    {
        var context = new Context(SslMethod.Tls);

        context.SetCipherList(cipherString);

        new Connection(context).GetCipherList().ShouldContain(expected);
    }

    [Theory]
    [InlineData("imaginary-cipher", "no cipher match")]
    [InlineData("RC4-MD5", "no cipher match")]
    [InlineData("TLS_AES_128_GCM_SHA256", "no cipher match")]
    public void SetCipherList_NothingMatches_ThrowsNoCipherMatch(string cipherString, string reason)
    {
        // pyOpenSSL's test_set_cipher_list_no_cipher_match; TLS 1.3 names are not TLS 1.2 cipher-string names.
        Should.Throw<SslException>(() => new Context(SslMethod.Tls).SetCipherList(cipherString)).Errors
            .ShouldBe([new OpenSslErrorEntry("SSL routines", "SSL_CTX_set_cipher_list", reason)]);
    }

    [Fact]
    public void GetCipherList_Defaults_Tls13SuitesFirstInOpenSslOrder()
    {
        IReadOnlyList<string> names = new Connection(new Context(SslMethod.Tls)).GetCipherList();

        names.Take(3).ShouldBe(["TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_GCM_SHA256"]);
        names.ShouldContain("ECDHE-ECDSA-AES128-GCM-SHA256");
    }

    [Fact]
    public void SetCiphersuites_Valid_ReplacesTheTls13Part()
    {
        var context = new Context(SslMethod.Tls);

        context.SetCiphersuites("TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256");
        context.SetCipherList("ECDHE-ECDSA-AES128-GCM-SHA256");

        new Connection(context).GetCipherList().ShouldBe(["TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_GCM_SHA256", "ECDHE-ECDSA-AES128-GCM-SHA256"]);
    }

    [Fact]
    public void SetCiphersuites_Empty_TurnsTls13SuitesOff()
    {
        var context = new Context(SslMethod.Tls);

        context.SetCiphersuites("");
        context.SetCipherList("ECDHE-ECDSA-AES128-GCM-SHA256");

        new Connection(context).GetCipherList().ShouldBe(["ECDHE-ECDSA-AES128-GCM-SHA256"]);
    }

    [Theory]
    [InlineData("TLS_FAKE_SUITE")]
    [InlineData("ECDHE-RSA-AES128-GCM-SHA256")]
    public void SetCiphersuites_NoTls13Name_ThrowsNoCipherMatch(string list)
    {
        Should.Throw<SslException>(() => new Context(SslMethod.Tls).SetCiphersuites(list)).Errors
            .ShouldBe([new OpenSslErrorEntry("SSL routines", "SSL_CTX_set_ciphersuites", "no cipher match")]);
    }

    [SkippableTheory]
    [InlineData("ECDHE+AESGCM")]
    [InlineData("HIGH:!aNULL:!kRSA:!CBC")]
    [InlineData("ECDHE:!ECDSA:@STRENGTH")]
    public void GetCipherList_AfterSetCipherList_MatchesOpenSslCiphers(string cipherString)
    {
        ProcessResult result = OpenSslPeer.Run("ciphers", "-ciphersuites", "TLS_AES_128_GCM_SHA256", cipherString);
        var context = new Context(SslMethod.Tls);
        context.SetCiphersuites("TLS_AES_128_GCM_SHA256");

        context.SetCipherList(cipherString);

        // openssl knows suites ManagedTls's registry does not (ARIA, Camellia, PSK): compare over the known ones.
        string[] known = [.. result.Stdout.Trim().Split(':').Where(n => ManagedTls.Tls.Suites.TlsCipherSuites.FindByName(n) is not null)];
        known.Length.ShouldBeGreaterThan(1);
        new Connection(context).GetCipherList().ShouldBe(known);
    }
}
