using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.X509;

/// <summary>Self-signed certificates made by <c>openssl req -x509</c> with chosen extensions, for the typed-extension tests.</summary>
internal static class OpenSslExtensionCertificates
{
    /// <summary>Extra config sections every certificate's config carries (dirName, policies, distribution points, ...).</summary>
    public const string Sections = """
        [dn_sect]
        C=US
        O=Dir Org
        CN=dir
        [dp1]
        fullname=URI:http://a.example/x.crl,dirName:dn_sect
        reasons=keyCompromise,CACompromise,AACompromise
        CRLissuer=dirName:dn_sect,IP:::1,otherName:1.3.6.1.4.1.311.20.2.3;UTF8:upn@x,email:crl@x.example
        [dp2]
        relativename=rel_sect
        reasons=unused,superseded,affiliationChanged,cessationOfOperation,certificateHold,privilegeWithdrawn
        [dp3]
        CRLissuer=URI:http://issuer.example,DNS:issuer.example
        [dp4]
        fullname=URI:http://only.example/full.crl
        [rel_sect]
        CN=rel
        +O=Rel Org
        [pol1]
        policyIdentifier=1.3.6.1.4.1.99.1
        CPS.1=http://cps.example/a
        CPS.2=http://cps.example/b
        userNotice.1=@notice1
        userNotice.2=@notice2
        [pol2]
        policyIdentifier=2.5.29.32.0
        userNotice.1=@notice3
        [pol3]
        policyIdentifier=1.2.3.4.5
        userNotice.1=@notice4
        CPS.1=http://cps.example/c
        [notice1]
        explicitText=UTF8:Explicit utf8 text
        organization=Org Name
        noticeNumbers=1,2,3
        [notice2]
        explicitText=BMPSTRING:Hi BMP
        [notice3]
        explicitText=VISIBLE:Visible text
        organization=Org
        noticeNumbers=300
        [notice4]
        organization=Only Org
        noticeNumbers=123456789012345678901234567890123456789012
        """ + "\n";

    /// <summary>A certificate with each <c>-addext</c> value, the config holding <see cref="Sections"/> and <paramref name="extraConfig"/>.</summary>
    public static byte[] Create(string[] addext, string extraConfig = "") => CreateWith(
        "[req]\ndistinguished_name=dn\n[dn]\n" + Sections + extraConfig,
        [.. addext.SelectMany(e => new[] { "-addext", e })]);

    /// <summary>A certificate whose extensions come from the config section <c>ext</c> of <paramref name="config"/> (<c>-extensions ext</c>).</summary>
    public static byte[] CreateFromSection(string config) => CreateWith(
        "[req]\ndistinguished_name=dn\n[dn]\n" + Sections + config,
        ["-extensions", "ext"]);

    private static byte[] CreateWith(string config, string[] extra)
    {
        string dir = Path.Combine(Path.GetTempPath(), "mtls-ext-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string key = Path.Combine(dir, "key.pem");
            string configPath = Path.Combine(dir, "req.cnf");
            string cert = Path.Combine(dir, "cert.der");
            File.WriteAllText(configPath, config);
            OpenSslPeer.Run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", key);
            OpenSslPeer.Run(["req", "-new", "-x509", "-config", configPath, "-key", key, "-subj", "/CN=ext test", "-days", "30", "-outform", "DER", "-out", cert, .. extra]);
            return File.ReadAllBytes(cert);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
