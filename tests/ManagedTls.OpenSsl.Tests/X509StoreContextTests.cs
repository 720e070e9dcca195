using System.Text.RegularExpressions;
using ManagedTls.Tests.TestSupport;
using ManagedTls.X509.Verification;

namespace ManagedTls.OpenSsl.Tests;

/// <summary>
/// <see cref="X509StoreContext"/>: pyOpenSSL's X509StoreContextTests and test_verify_with_* cases (valid chain, trusted
/// and untrusted self-signed, missing root, missing intermediate, untrusted chain, partial chain, time, CRLs),
/// each cross-checked with <c>openssl verify</c> for the same verdict, error number, depth and message.
/// </summary>
public sealed partial class X509StoreContextTests(X509StorePki pki) : IClassFixture<X509StorePki>
{
    [SkippableTheory]
    // name, trusted (certificates and CRLs), flags, leaf, untrusted chain, time offset in days (0 = now)
    [InlineData("valid (test_valid)", "root,int", X509StoreFlags.None, "server", "", 0)]
    [InlineData("trusted self-signed (test_trusted_self_signed)", "root", X509StoreFlags.None, "root", "", 0)]
    [InlineData("untrusted self-signed (test_untrusted_self_signed)", "", X509StoreFlags.None, "root", "", 0)]
    [InlineData("no root (test_invalid_chain_no_root)", "int", X509StoreFlags.None, "server", "", 0)]
    [InlineData("no intermediate (test_invalid_chain_no_intermediate)", "root", X509StoreFlags.None, "server", "", 0)]
    [InlineData("untrusted chain (test_untrusted_chain)", "root", X509StoreFlags.None, "server", "int", 0)]
    [InlineData("untrusted chain without root", "", X509StoreFlags.None, "server", "int", 0)]
    [InlineData("partial chain on (test_partial_chain)", "int", X509StoreFlags.PartialChain, "server", "", 0)]
    [InlineData("expired (test_verify_with_time)", "root,int", X509StoreFlags.None, "server", "", 400)]
    [InlineData("not yet valid", "root,int", X509StoreFlags.None, "server", "", -400)]
    [InlineData("expired at a set time, no check time (the set time wins)", "root,int", X509StoreFlags.NoCheckTime, "server", "", 400)]
    [InlineData("no check time", "root,int", X509StoreFlags.NoCheckTime, "server", "", 0)]
    [InlineData("CRL check, leaf revoked (test_verify_with_revoked)", "root,int,int-revoking-crl", X509StoreFlags.CrlCheck, "server", "", 0)]
    [InlineData("CRL check, leaf not revoked", "root,int,int-crl", X509StoreFlags.CrlCheck, "server", "", 0)]
    [InlineData("CRL check, no CRL (test_verify_with_missing_crl)", "root,int", X509StoreFlags.CrlCheck, "server", "", 0)]
    [InlineData("CRL check all, root CRL missing", "root,int,int-crl", X509StoreFlags.CrlCheck | X509StoreFlags.CrlCheckAll, "server", "", 0)]
    [InlineData("CRL check all, both CRLs", "root,int,int-crl,root-crl", X509StoreFlags.CrlCheck | X509StoreFlags.CrlCheckAll, "server", "", 0)]
    [InlineData("CRL check all, revoked", "root,int,int-revoking-crl,root-crl", X509StoreFlags.CrlCheck | X509StoreFlags.CrlCheckAll, "server", "", 0)]
    [InlineData("CRLs present, no CRL flag", "root,int,int-revoking-crl", X509StoreFlags.None, "server", "", 0)]
    [InlineData("x509 strict", "root,int", X509StoreFlags.X509Strict, "server", "", 0)]
    [InlineData("check self-signed signature", "root,int", X509StoreFlags.CheckSsSignature, "server", "", 0)]
    public void VerifyCertificate_SameOutcomeAsOpenSslVerify(string scenario, string trusted, X509StoreFlags flags, string leaf, string chain, int days)
    {
        Skip.IfNot(pki.Available, "openssl not available");
        var store = new X509Store();
        store.SetFlags(flags);
        List<string> caArgs = [];
        string[] names = trusted.Length == 0 ? [] : trusted.Split(',');
        if (names.Length == 0)
        {
            caArgs.AddRange(["-no-CAfile", "-no-CApath", "-no-CAstore"]);
        }
        else
        {
            string bundle = pki.P(Guid.NewGuid().ToString("N") + ".pem");
            File.WriteAllText(bundle, string.Concat(names.Select(n => File.ReadAllText(pki.P(n + ".pem")))));
            caArgs.AddRange(["-CAfile", bundle]);
        }

        foreach (string name in names)
        {
            if (name.EndsWith("crl", StringComparison.Ordinal))
            {
                store.AddCrl(pki.Crl(name));
            }
            else
            {
                store.AddCert(pki.Cert(name));
            }
        }

        List<string> args = ["verify", .. caArgs];
        if (chain.Length > 0)
        {
            args.AddRange(["-untrusted", pki.P(chain + ".pem")]);
        }

        if (days != 0)
        {
            DateTimeOffset at = DateTimeOffset.UtcNow.AddDays(days);
            store.SetTime(at);
            args.AddRange(["-attime", at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        args.AddRange(FlagArguments(flags));
        args.Add(pki.P(leaf + ".pem"));
        ProcessResult openssl = OpenSslPeer.TryRun(null, [.. args]);
        Match match = ErrorLine().Match(openssl.Stderr + openssl.Stdout);

        var context = new X509StoreContext(store, pki.Cert(leaf), chain.Length == 0 ? null : [pki.Cert(chain)]);
        X509StoreContextException? error = Record.Exception(context.VerifyCertificate) as X509StoreContextException;
        string detail = $"{scenario}: openssl {string.Join(' ', args)} → {openssl.Stdout.Trim()} {openssl.Stderr.Trim()}; ours {error?.Message}";
        if (openssl.ExitCode == 0)
        {
            error.ShouldBeNull(detail);
            return;
        }

        error.ShouldNotBeNull(detail);
        error.Errors[0].ShouldBe(int.Parse(match.Groups[1].Value), detail);
        error.Errors[1].ShouldBe(int.Parse(match.Groups[2].Value), detail);
        error.Errors[2].ShouldBe(match.Groups[3].Value.Trim(), detail);
        error.Message.ShouldBe(match.Groups[3].Value.Trim());
        ((int)error.Error).ShouldBe((int)error.Errors[0]);
    }

    private static IEnumerable<string> FlagArguments(X509StoreFlags flags)
    {
        if (flags.HasFlag(X509StoreFlags.CrlCheck))
        {
            yield return "-crl_check";
        }

        if (flags.HasFlag(X509StoreFlags.CrlCheckAll))
        {
            yield return "-crl_check_all";
        }

        if (flags.HasFlag(X509StoreFlags.PartialChain))
        {
            yield return "-partial_chain";
        }

        if (flags.HasFlag(X509StoreFlags.X509Strict))
        {
            yield return "-x509_strict";
        }

        if (flags.HasFlag(X509StoreFlags.NoCheckTime))
        {
            yield return "-no_check_time";
        }

        if (flags.HasFlag(X509StoreFlags.CheckSsSignature))
        {
            yield return "-check_ss_sig";
        }
    }

    [SkippableFact]
    public void InvalidChainNoRoot_ReportsTheIntermediate()
    {
        Skip.IfNot(pki.Available, "openssl not available");
        var store = new X509Store();
        store.AddCert(pki.Cert("int"));
        var context = new X509StoreContext(store, pki.Cert("server"));
        X509StoreContextException e = Should.Throw<X509StoreContextException>(context.VerifyCertificate);
        e.Errors.ShouldBe([2, 1, "unable to get issuer certificate"]);
        e.Certificate.GetSubject().CN.ShouldBe("Store Intermediate");
        e.Error.ShouldBe(X509VerifyError.UnableToGetIssuerCert);
    }

    [SkippableFact]
    public void InvalidChainNoIntermediate_ReportsTheLeaf()
    {
        Skip.IfNot(pki.Available, "openssl not available");
        var store = new X509Store();
        store.AddCert(pki.Cert("root"));
        X509StoreContextException e = Should.Throw<X509StoreContextException>(new X509StoreContext(store, pki.Cert("server")).VerifyCertificate);
        e.Errors.ShouldBe([20, 0, "unable to get local issuer certificate"]);
        e.Certificate.GetSubject().CN.ShouldBe("Store Server");
    }

    [SkippableFact]
    public void Reuse_VerifiesTwice()
    {
        Skip.IfNot(pki.Available, "openssl not available");
        var store = new X509Store();
        store.AddCert(pki.Cert("root"));
        store.AddCert(pki.Cert("int"));
        var context = new X509StoreContext(store, pki.Cert("server"));
        context.VerifyCertificate();
        context.VerifyCertificate();
    }

    [SkippableFact]
    public void SetStore_ModificationPreVerify()
    {
        Skip.IfNot(pki.Available, "openssl not available");
        var good = new X509Store();
        good.AddCert(pki.Cert("root"));
        good.AddCert(pki.Cert("int"));
        var bad = new X509Store();
        bad.AddCert(pki.Cert("int"));
        var context = new X509StoreContext(bad, pki.Cert("server"));
        Should.Throw<X509StoreContextException>(context.VerifyCertificate).Errors[0].ShouldBe(2);
        context.SetStore(good);
        context.VerifyCertificate();
    }

    [SkippableTheory]
    [InlineData("root,int", "")]
    [InlineData("root", "int")]
    public void GetVerifiedChain_IsLeafIntermediateRoot(string trusted, string chain)
    {
        Skip.IfNot(pki.Available, "openssl not available");
        var store = new X509Store();
        foreach (string name in trusted.Split(','))
        {
            store.AddCert(pki.Cert(name));
        }

        var context = new X509StoreContext(store, pki.Cert("server"), chain.Length == 0 ? null : [pki.Cert(chain)]);
        IReadOnlyList<X509> verified = context.GetVerifiedChain();
        verified.Select(c => c.GetSubject().CN).ShouldBe(["Store Server", "Store Intermediate", "Store Root"]);
        Crypto.DumpCertificate(FileType.Pem, verified[2]).ShouldBe(Crypto.DumpCertificate(FileType.Pem, pki.Cert("root")));
    }

    [SkippableFact]
    public void GetVerifiedChain_InvalidChain_Throws()
    {
        Skip.IfNot(pki.Available, "openssl not available");
        var store = new X509Store();
        store.AddCert(pki.Cert("int"));
        X509StoreContextException e = Should.Throw<X509StoreContextException>(() => new X509StoreContext(store, pki.Cert("server")).GetVerifiedChain());
        e.Certificate.GetSubject().CN.ShouldBe("Store Intermediate");
    }

    [Fact]
    public void Constructor_RejectsNulls()
    {
        Should.Throw<ArgumentNullException>(() => new X509StoreContext(null!, new X509()));
        Should.Throw<ArgumentNullException>(() => new X509StoreContext(new X509Store(), null!));
        Should.Throw<ArgumentNullException>(() => new X509StoreContext(new X509Store(), new X509(), [null!]));
    }

    [Fact]
    public void VerifyCertificate_OfAnUnsignedCertificate_IsCryptoError() =>
        Should.Throw<CryptoException>(new X509StoreContext(new X509Store(), new X509()).VerifyCertificate);

    [GeneratedRegex(@"error (\d+) at (\d+) depth lookup: ?(.*)")]
    private static partial Regex ErrorLine();
}
