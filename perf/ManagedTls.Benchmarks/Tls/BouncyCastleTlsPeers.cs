using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Tls;
using Org.BouncyCastle.Security;
using BcCertificate = Org.BouncyCastle.Crypto.Tls.Certificate;

namespace ManagedTls.Benchmarks.Tls;

/// <summary>BouncyCastle 1.8.10's own TLS 1.2 (Org.BouncyCastle.Crypto.Tls) client and server, pinned to one suite.</summary>
internal static class BouncyCastleTlsPeers
{
    public static readonly SecureRandom Random = new();

    public static int Suite(bool ecdsa, bool chacha) => (ecdsa, chacha) switch
    {
        (true, false) => CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        (true, true) => CipherSuite.DRAFT_TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        (false, false) => CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        (false, true) => CipherSuite.DRAFT_TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
    };

    public static (BcCertificate Chain, AsymmetricKeyParameter Key) Credentials(TlsBenchmarkIdentity identity) =>
        (new BcCertificate([X509CertificateStructure.GetInstance(Asn1Object.FromByteArray(identity.CertificateDer))]),
         PrivateKeyFactory.CreateKey(identity.Pkcs8Der));

    /// <summary>A client that offers one suite and accepts any server certificate (the benchmark measures the protocol, not path validation).</summary>
    public sealed class Client(int suite) : DefaultTlsClient
    {
        public bool HandshakeComplete { get; private set; }

        public override int[] GetCipherSuites() => [suite];

        public override TlsAuthentication GetAuthentication() => new AcceptAnyServer();

        public override void NotifyHandshakeComplete()
        {
            base.NotifyHandshakeComplete();
            HandshakeComplete = true;
        }
    }

    /// <summary>A server with one certificate (ECDSA P-256 or RSA-2048) and one suite.</summary>
    public sealed class Server(int suite, BcCertificate chain, AsymmetricKeyParameter key, bool ecdsa) : DefaultTlsServer
    {
        public bool HandshakeComplete { get; private set; }

        protected override int[] GetCipherSuites() => [suite];

        // AbstractTlsServer's default maximum is TLS 1.1, where no AEAD suite is valid.
        protected override ProtocolVersion MaximumVersion => ProtocolVersion.TLSv12;

        protected override ProtocolVersion MinimumVersion => ProtocolVersion.TLSv12;

        protected override TlsSignerCredentials GetECDsaSignerCredentials() =>
            ecdsa ? new DefaultTlsSignerCredentials(mContext, chain, key, new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa)) : base.GetECDsaSignerCredentials();

        protected override TlsSignerCredentials GetRsaSignerCredentials() =>
            ecdsa ? base.GetRsaSignerCredentials() : new DefaultTlsSignerCredentials(mContext, chain, key, new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.rsa));

        public override void NotifyHandshakeComplete()
        {
            base.NotifyHandshakeComplete();
            HandshakeComplete = true;
        }
    }

    private sealed class AcceptAnyServer : TlsAuthentication
    {
        public void NotifyServerCertificate(BcCertificate serverCertificate)
        {
        }

        public TlsCredentials? GetClientCredentials(CertificateRequest certificateRequest) => null;
    }

    /// <summary>Moves every pending TLS byte from one non-blocking protocol to the other; true if any moved.</summary>
    public static bool Pump(TlsProtocol from, TlsProtocol to, byte[] scratch)
    {
        bool moved = false;
        int available;
        while ((available = from.GetAvailableOutputBytes()) > 0)
        {
            int n = from.ReadOutput(scratch, 0, Math.Min(available, scratch.Length));
            to.OfferInput(scratch, 0, n);
            moved = true;
        }

        return moved;
    }
}
