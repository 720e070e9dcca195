using ManagedTls.Crypto;

namespace ManagedTls.Tls.KeySchedule;

/// <summary>The last TLS 1.3 key-schedule stage (RFC 8446 §7.1): application traffic, exporter and resumption secrets.</summary>
internal sealed class Tls13MasterSecret : Tls13SecretStage
{
    internal Tls13MasterSecret(ICryptoProvider provider, HashAlgorithmId hash, byte[] secret)
        : base(provider, hash, secret)
    {
    }

    /// <summary>client_application_traffic_secret_0 = Derive-Secret(Master, "c ap traffic", ClientHello...server Finished).</summary>
    /// <param name="thClientHelloToServerFinished">Transcript-Hash(ClientHello...server Finished).</param>
    /// <returns>The secret.</returns>
    public byte[] ClientApplicationTrafficSecret0(ReadOnlySpan<byte> thClientHelloToServerFinished) => Derive("c ap traffic", thClientHelloToServerFinished);

    /// <summary>server_application_traffic_secret_0 = Derive-Secret(Master, "s ap traffic", ClientHello...server Finished).</summary>
    /// <param name="thClientHelloToServerFinished">Transcript-Hash(ClientHello...server Finished).</param>
    /// <returns>The secret.</returns>
    public byte[] ServerApplicationTrafficSecret0(ReadOnlySpan<byte> thClientHelloToServerFinished) => Derive("s ap traffic", thClientHelloToServerFinished);

    /// <summary>exporter_master_secret = Derive-Secret(Master, "exp master", ClientHello...server Finished).</summary>
    /// <param name="thClientHelloToServerFinished">Transcript-Hash(ClientHello...server Finished).</param>
    /// <returns>The secret.</returns>
    public byte[] ExporterMasterSecret(ReadOnlySpan<byte> thClientHelloToServerFinished) => Derive("exp master", thClientHelloToServerFinished);

    /// <summary>resumption_master_secret = Derive-Secret(Master, "res master", ClientHello...client Finished).</summary>
    /// <param name="thClientHelloToClientFinished">Transcript-Hash(ClientHello...client Finished).</param>
    /// <returns>The secret.</returns>
    public byte[] ResumptionMasterSecret(ReadOnlySpan<byte> thClientHelloToClientFinished) => Derive("res master", thClientHelloToClientFinished);
}
