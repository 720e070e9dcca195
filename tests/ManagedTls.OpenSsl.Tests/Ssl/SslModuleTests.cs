using System.Globalization;
using System.Text.RegularExpressions;

namespace ManagedTls.OpenSsl.Tests;

/// <summary>The <c>SSL</c> module's constants, version information, curves and exception types.</summary>
public sealed partial class SslModuleTests
{
    private const string SslHeader = "/usr/include/openssl/ssl.h";


    [SkippableTheory]
    [InlineData("SSL_OP_NO_TLSv1_3", SslOptions.NoTlsv1_3)]
    [InlineData("SSL_OP_NO_TLSv1_2", SslOptions.NoTlsv1_2)]
    [InlineData("SSL_OP_NO_TLSv1_1", SslOptions.NoTlsv1_1)]
    [InlineData("SSL_OP_NO_TLSv1", SslOptions.NoTlsv1)]
    [InlineData("SSL_OP_NO_SSLv3", SslOptions.NoSslv3)]
    [InlineData("SSL_OP_NO_SSLv2", SslOptions.NoSslv2)]
    [InlineData("SSL_OP_NO_TICKET", SslOptions.NoTicket)]
    [InlineData("SSL_OP_NO_COMPRESSION", SslOptions.NoCompression)]
    [InlineData("SSL_OP_CIPHER_SERVER_PREFERENCE", SslOptions.CipherServerPreference)]
    [InlineData("SSL_OP_SINGLE_DH_USE", SslOptions.SingleDhUse)]
    [InlineData("SSL_OP_SINGLE_ECDH_USE", SslOptions.SingleEcdhUse)]
    [InlineData("SSL_OP_EPHEMERAL_RSA", SslOptions.EphemeralRsa)]
    [InlineData("SSL_OP_IGNORE_UNEXPECTED_EOF", SslOptions.IgnoreUnexpectedEof)]
    [InlineData("SSL_OP_ENABLE_MIDDLEBOX_COMPAT", SslOptions.EnableMiddleboxCompat)]
    [InlineData("SSL_OP_NO_RENEGOTIATION", SslOptions.NoRenegotiation)]
    [InlineData("SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS", SslOptions.DontInsertEmptyFragments)]
    [InlineData("SSL_OP_NO_QUERY_MTU", SslOptions.NoQueryMtu)]
    [InlineData("SSL_OP_COOKIE_EXCHANGE", SslOptions.CookieExchange)]
    [InlineData("SSL_OP_TLS_ROLLBACK_BUG", SslOptions.TlsRollbackBug)]
    [InlineData("SSL_OP_CRYPTOPRO_TLSEXT_BUG", SslOptions.CryptoproTlsextBug)]
    [InlineData("SSL_OP_MICROSOFT_SESS_ID_BUG", SslOptions.MicrosoftSessIdBug)]
    public void SslOptions_Value_IsOpenSsl30sHeader(string macro, SslOptions option)
    {
        Skip.IfNot(File.Exists(SslHeader), "OpenSSL development headers are not installed");

        ((ulong)option).ShouldBe(HeaderValue(macro));
    }

    [Fact]
    public void SslOptions_All_IsOpenSsl30sOpAll()
    {
        ((ulong)SslOptions.All).ShouldBe(0x80000854UL);
    }

    [SkippableTheory]
    [InlineData("SSL_MODE_ENABLE_PARTIAL_WRITE", (uint)SslMode.EnablePartialWrite)]
    [InlineData("SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER", (uint)SslMode.AcceptMovingWriteBuffer)]
    [InlineData("SSL_MODE_AUTO_RETRY", (uint)SslMode.AutoRetry)]
    [InlineData("SSL_MODE_RELEASE_BUFFERS", (uint)SslMode.ReleaseBuffers)]
    [InlineData("SSL_MODE_SEND_FALLBACK_SCSV", (uint)SslMode.SendFallbackScsv)]
    [InlineData("SSL_SESS_CACHE_SERVER", (uint)SessionCacheMode.Server)]
    [InlineData("SSL_SESS_CACHE_NO_AUTO_CLEAR", (uint)SessionCacheMode.NoAutoClear)]
    [InlineData("SSL_SESS_CACHE_NO_INTERNAL_STORE", (uint)SessionCacheMode.NoInternalStore)]
    [InlineData("SSL_VERIFY_PEER", (uint)VerifyMode.Peer)]
    [InlineData("SSL_VERIFY_FAIL_IF_NO_PEER_CERT", (uint)VerifyMode.FailIfNoPeerCert)]
    [InlineData("SSL_VERIFY_CLIENT_ONCE", (uint)VerifyMode.ClientOnce)]
    [InlineData("SSL_SENT_SHUTDOWN", (uint)ShutdownState.Sent)]
    [InlineData("SSL_RECEIVED_SHUTDOWN", (uint)ShutdownState.Received)]
    public void ConstantFamilies_Value_IsOpenSsl30sHeader(string macro, uint value)
    {
        Skip.IfNot(File.Exists(SslHeader), "OpenSSL development headers are not installed");

        value.ShouldBe((uint)HeaderValue(macro));
    }

    [Fact]
    public void SSLeayVersion_EveryType_IsDistinctAndLabelledAsOpenSsl()
    {
        string[] texts = [.. Enum.GetValues<SSLeayInfo>().Select(Ssl.SSLeayVersion)];

        texts.Distinct().Count().ShouldBe(5);
        texts[0].ShouldStartWith("ManagedTls ");
        texts[1].ShouldStartWith("compiler: ");
        texts[2].ShouldStartWith("built on: ");
        texts[3].ShouldStartWith("platform: ");
        texts[4].ShouldStartWith("OPENSSLDIR: \"");
        Should.Throw<ArgumentOutOfRangeException>(() => Ssl.SSLeayVersion((SSLeayInfo)9));
    }

    [Fact]
    public void OpenSslVersionNumber_Is30()
    {
        (Ssl.OpenSslVersionNumber >> 28).ShouldBe(3L);
    }

    [Fact]
    public void GetEllipticCurves_HasTheTlsCurves_ByOpenSslName()
    {
        ISet<EllipticCurve> curves = Crypto.GetEllipticCurves();

        curves.Select(c => c.Name).Order(StringComparer.Ordinal).ShouldBe(["prime256v1", "secp384r1", "secp521r1"]);
        curves.ShouldContain(Crypto.GetEllipticCurve("prime256v1"));
    }

    [Fact]
    public void GetEllipticCurve_Known_EqualsAndPrintsLikePyOpenSsl()
    {
        EllipticCurve curve = Crypto.GetEllipticCurve("secp384r1");

        curve.ShouldBe(Crypto.GetEllipticCurve("secp384r1"));
        curve.GetHashCode().ShouldBe(Crypto.GetEllipticCurve("secp384r1").GetHashCode());
        curve.ShouldNotBe(Crypto.GetEllipticCurve("secp521r1"));
        curve.ToString().ShouldBe("<Curve 'secp384r1'>");
    }

    [Theory]
    [InlineData("")]
    [InlineData("P-256")]
    [InlineData("brainpoolP256r1")]
    public void GetEllipticCurve_Unknown_ThrowsUnknownCurveName(string name)
    {
        Should.Throw<ArgumentException>(() => Crypto.GetEllipticCurve(name)).Message.ShouldStartWith("unknown curve name");
    }

    [Fact]
    public void IoExceptions_AreSslExceptionsWithNoEntries()
    {
        SslException[] all = [new WantReadException(), new WantWriteException(), new WantX509LookupException(), new ZeroReturnException()];

        all.ShouldAllBe(e => e.Errors.Count == 0 && e.Message == "[]");
    }

    [Fact]
    public void SysCallException_UnexpectedEof_PrintsLikePyOpenSsl()
    {
        var e = new SysCallException(-1, "Unexpected EOF");

        e.Errno.ShouldBe(-1);
        e.ErrorString.ShouldBe("Unexpected EOF");
        e.Message.ShouldBe("(-1, 'Unexpected EOF')");
        e.ShouldBeAssignableTo<SslException>();
    }

    [Fact]
    public void SslException_Entries_PrintAsPythonTuples()
    {
        var e = new SslException("SSL routines", "SSL_CTX_set_cipher_list", "no cipher match");

        e.Message.ShouldBe("[('SSL routines', 'SSL_CTX_set_cipher_list', 'no cipher match')]");
        e.ShouldBeAssignableTo<OpenSslException>();
    }

    private static ulong HeaderValue(string macro)
    {
        foreach (string line in File.ReadLines(SslHeader))
        {
            Match m = DefineRegex().Match(line);
            if (m.Success && m.Groups[1].Value == macro)
            {
                string value = m.Groups[2].Value.Trim();
                Match bit = BitRegex().Match(value);
                if (bit.Success)
                {
                    return 1UL << int.Parse(bit.Groups[1].Value, CultureInfo.InvariantCulture);
                }

                value = value.TrimEnd('U', 'L');
                return value.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                    ? ulong.Parse(value[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                    : ulong.Parse(value, CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException(macro + " not found in " + SslHeader);
    }

    [GeneratedRegex(@"^#\s*define\s+(\w+)\s+(.+?)\s*$")]
    private static partial Regex DefineRegex();

    [GeneratedRegex(@"^SSL_OP_BIT\((\d+)\)$")]
    private static partial Regex BitRegex();
}
