using System.Runtime.InteropServices;
using ManagedTls.Cli;
using ManagedTls.Tests.TestSupport;
using Xunit.Abstractions;

namespace ManagedTls.Tests.Guard;

/// <summary>
/// The proof behind "no native OpenSSL, ever": the built <c>mtls</c> runs in a private mount namespace where every
/// libssl/libcrypto file has /dev/null bind-mounted over it. The script (Guard/libssl-free-run.sh) first proves
/// the sabotage bites — <c>openssl version</c> fails, and the same <c>dotnet</c> with a startup hook calling
/// <c>RandomNumberGenerator</c> aborts — then runs the verbs, which must all succeed.
/// </summary>
public class LibsslFreeRunTests(ITestOutputHelper output)
{
    private static readonly string s_script = Path.Combine(SharedVectors.RepositoryRoot, "tests", "ManagedTls.Tests", "Guard", "libssl-free-run.sh");

    [SkippableFact]
    public void Mtls_WithoutLibsslAndLibcrypto_RunsDemo()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the libssl-less run needs Linux mount namespaces");
        string? unshare = ProcessRunner.FindOnPath("unshare");
        Skip.If(unshare is null, "unshare (util-linux) is not on PATH; .ci/run installs it");
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? ProcessRunner.FindOnPath("dotnet")
            ?? throw new InvalidOperationException("dotnet host not found");
        string[] unshareFlags = NamespaceFlags(unshare!);

        // Control: outside the namespace the probe hook works, so its failure inside is the sabotage, not the hook.
        string probe = typeof(StartupHook).Assembly.Location;
        ProcessResult control = ProcessRunner.Run(dotnet, [Mtls.AssemblyPath, "version"], environment: new Dictionary<string, string>
        {
            ["DOTNET_STARTUP_HOOKS"] = probe,
            ["MTLS_GUARD_PROBE"] = "RandomNumberGenerator",
        });
        control.ExitCode.ShouldBe(0, control.Stderr);
        control.Stderr.ShouldContain("guard probe: RandomNumberGenerator returned 16 bytes");

        string runtimeDir = RuntimeEnvironment.GetRuntimeDirectory();
        string dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", ".."));
        string work = Directory.CreateTempSubdirectory("mtls-guard-").FullName;
        List<string> args = [.. unshareFlags, "bash", s_script, dotnet, Mtls.AssemblyPath, probe,
            "/usr/lib", "/lib", "/usr/lib64", "/lib64", "/usr/local/lib", "/opt", dotnetRoot, runtimeDir, "--"];
        args.AddRange(PayloadCommands(work));

        ProcessResult run;
        try
        {
            run = ProcessRunner.Run(unshare!, args, timeout: TimeSpan.FromMinutes(3));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        output.WriteLine(run.Stdout);
        output.WriteLine(run.Stderr);

        run.ExitCode.ShouldBe(0, $"{run.Stdout}\n{run.Stderr}");
        run.Stdout.ShouldContain("guard: masked ");
        run.Stdout.ShouldContain("proof: RandomNumberGenerator aborts the process");
        run.Stdout.ShouldContain("sign/verify RSA-2048");
        run.Stdout.ShouldContain("chain and host name verification");
        if (CommandLine.Commands.Any(c => c.Name == "s_server"))
        {
            run.Stdout.ShouldContain("Protocol version: TLSv1.3");
            run.Stdout.ShouldContain("Ciphersuite: ECDHE-ECDSA-CHACHA20-POLY1305");
            run.Stdout.ShouldContain("Ciphersuite: ECDHE-RSA-AES128-GCM-SHA256");
            run.Stdout.ShouldContain("Verification: OK");
        }

        run.Stdout.ShouldNotContain("FAILED");
        run.Stdout.ShouldContain("guard: all commands succeeded without libssl/libcrypto");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Every verb that exists, exercised on files in <paramref name="work"/> (word-split by the script, so no spaces in
    /// arguments). A verb joins the run as soon as it is registered; its lines must then succeed without libssl.
    /// </summary>
    private static List<string> PayloadCommands(string work)
    {
        File.WriteAllBytes(Path.Combine(work, "cert.der"), Convert.FromBase64String(SampleCertificateBase64));
        var lines = new List<string> { "version", "demo" };
        AddIf(lines, "rand", "rand -hex 16", $"rand -base64 -out {work}/rand.b64 48");
        AddIf(lines, "asn1parse", $"asn1parse -inform DER -in {work}/cert.der -i", $"asn1parse -inform DER -in {work}/cert.der -strparse 4");
        AddIf(lines, "genpkey",
            $"genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out {work}/rsa.pem",
            $"genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out {work}/ec.pem",
            $"genpkey -algorithm ED25519 -out {work}/ed25519.pem",
            $"genpkey -algorithm X25519 -out {work}/x25519.pem");
        AddIf(lines, "pkey",
            $"pkey -in {work}/rsa.pem -aes256 -passout pass:guard -out {work}/rsa.enc.pem",
            $"pkey -in {work}/rsa.enc.pem -passin pass:guard -text -noout",
            $"pkey -in {work}/ec.pem -pubout -out {work}/ec.pub.pem");
        AddIf(lines, "dgst",
            $"dgst -sha256 -sign {work}/ec.pem -out {work}/ec.sig {work}/cert.der",
            $"dgst -sha256 -verify {work}/ec.pub.pem -signature {work}/ec.sig {work}/cert.der",
            $"dgst -sha256 -sign {work}/rsa.pem -out {work}/rsa.sig {work}/cert.der");
        AddIf(lines, "pkeyutl",
            $"pkeyutl -sign -rawin -inkey {work}/ed25519.pem -in {work}/cert.der -out {work}/ed.sig");
        AddIf(lines, "x509",
            $"x509 -inform DER -in {work}/cert.der -noout -text -subject -fingerprint -sha256 -hash -ext basicConstraints,subjectAltName",
            $"x509 -new -key {work}/ec.pem -subj /CN=guard -days 2 -out {work}/self.pem",
            $"x509 -in {work}/self.pem -noout -dates -serial -nameopt RFC2253 -issuer");
        AddIf(lines, "req",
            $"req -new -key {work}/rsa.pem -subj /CN=guard-req -addext subjectAltName=DNS:guard.test -out {work}/guard.csr",
            $"req -in {work}/guard.csr -verify -text -noout",
            $"req -x509 -newkey ed25519 -nodes -keyout {work}/ed-ca.key -subj /CN=guard-ca -days 3 -out {work}/ca.pem");
        if (CommandLine.Commands.Any(c => c.Name == "x509"))
        {
            lines.Add($"x509 -req -in {work}/guard.csr -CA {work}/ca.pem -CAkey {work}/ed-ca.key -CAcreateserial -CAserial {work}/ca.srl -days 2 -out {work}/leaf.pem");
        }

        if (CommandLine.Commands.Any(c => c.Name == "ca"))
        {
            File.WriteAllText(Path.Combine(work, "index.txt"), string.Empty);
            File.WriteAllText(Path.Combine(work, "crlnumber"), "01\n");
            File.WriteAllText(Path.Combine(work, "ca.cnf"),
                $"[ca]\ndefault_ca = guard\n[guard]\ndatabase = {work}/index.txt\ncrlnumber = {work}/crlnumber\ncertificate = {work}/ca.pem\n"
                + $"private_key = {work}/ed-ca.key\ndefault_md = sha256\ndefault_crl_days = 7\n");
            lines.Add($"ca -config {work}/ca.cnf -revoke {work}/leaf.pem -crl_reason superseded");
            lines.Add($"ca -config {work}/ca.cnf -gencrl -crlhours 6 -out {work}/guard.crl");
        }

        // The script runs one command at a time, so a server and a client cannot run against each other here; `demo`
        // (always in the list) runs a ManagedTls server and client over loopback TCP in one process instead.
        AddIf(lines, "s_client", "s_client -help");
        AddIf(lines, "s_server", "s_server -help");
        if (CommandLine.Commands.Any(c => c.Name == "s_server") && CommandLine.Commands.Any(c => c.Name == "x509"))
        {
            // The engine itself, both ends in this namespace over loopback: TLS 1.3 with a HelloRetryRequest (the server
            // wants P-384, the client's first key share is X25519) and TLS 1.2 ECDHE-ECDSA and ECDHE-RSA, each verified.
            int tls13 = FreePort(), tls12 = FreePort(), tls12Rsa = FreePort();
            lines.Add($"x509 -new -key {work}/rsa.pem -subj /CN=guard-rsa -days 2 -out {work}/rsa-self.pem");
            lines.Add($"&s_server -accept {tls13} -cert {work}/self.pem -key {work}/ec.pem -tls1_3 -groups P-384 -naccept 1");
            lines.Add($"s_client -connect 127.0.0.1:{tls13} -CAfile {work}/self.pem -verify_return_error -brief");
            lines.Add($"&s_server -accept {tls12} -cert {work}/self.pem -key {work}/ec.pem -tls1_2 -naccept 1");
            lines.Add($"s_client -connect 127.0.0.1:{tls12} -CAfile {work}/self.pem -verify_return_error -tls1_2 -cipher ECDHE-ECDSA-CHACHA20-POLY1305 -brief");
            lines.Add($"&s_server -accept {tls12Rsa} -cert {work}/rsa-self.pem -key {work}/rsa.pem -tls1_2 -naccept 1");
            lines.Add($"s_client -connect 127.0.0.1:{tls12Rsa} -CAfile {work}/rsa-self.pem -verify_return_error -tls1_2 -cipher ECDHE-RSA-AES128-GCM-SHA256 -brief");
        }
        AddIf(lines, "crl", $"crl -in {work}/guard.crl -CAfile {work}/ca.pem -text -noout -crlnumber -hash");
        AddIf(lines, "verify", $"verify -CAfile {work}/ca.pem -show_chain {work}/ca.pem");
        AddIf(lines, "pkcs12",
            $"pkcs12 -export -in {work}/self.pem -inkey {work}/ec.pem -name guard -passout pass:guard -out {work}/guard.p12",
            $"pkcs12 -in {work}/guard.p12 -info -nodes -passin pass:guard",
            $"pkcs12 -export -legacy -in {work}/self.pem -inkey {work}/ec.pem -passout pass:guard -out {work}/legacy.p12",
            $"pkcs12 -in {work}/legacy.p12 -nokeys -passin pass:guard");
        AddIf(lines, "spkac",
            $"spkac -key {work}/rsa.pem -challenge guard -out {work}/guard.spkac",
            $"spkac -in {work}/guard.spkac -verify -pubkey");
        AddIf(lines, "ciphers", "ciphers -V -s -tls1_2 ECDHE+AESGCM", "ciphers -stdname -ciphersuites TLS_CHACHA20_POLY1305_SHA256 HIGH:@STRENGTH");
        if (CommandLine.Commands.Any(c => c.Name == "rehash"))
        {
            Directory.CreateDirectory(Path.Combine(work, "hashed"));
            lines.Add($"x509 -inform DER -in {work}/cert.der -out {work}/hashed/demo.pem");
            lines.Add($"rehash -v {work}/hashed");
            lines.Add($"verify -no-CAfile -CApath {work}/hashed {work}/hashed/demo.pem");
        }
        AddIf(lines, "crl2pkcs7", $"crl2pkcs7 -nocrl -certfile {work}/self.pem -certfile {work}/ca.pem -out {work}/chain.p7b");
        AddIf(lines, "pkcs7",
            $"pkcs7 -in {work}/chain.p7b -print_certs -noout",
            $"pkcs7 -in {work}/chain.p7b -outform DER -out {work}/chain.p7b.der");
        AddIf(lines, "smime",
            $"smime -sign -signer {work}/leaf.pem -inkey {work}/rsa.pem -in {work}/self.pem -out {work}/signed.eml",
            $"smime -verify -in {work}/signed.eml -CAfile {work}/ca.pem -out {work}/verified.txt",
            $"smime -sign -binary -signer {work}/leaf.pem -inkey {work}/rsa.pem -in {work}/cert.der -outform DER -out {work}/signed.p7s",
            $"smime -verify -binary -inform DER -in {work}/signed.p7s -content {work}/cert.der -CAfile {work}/ca.pem -out {work}/verified.der",
            $"smime -sign -nodetach -signer {work}/leaf.pem -inkey {work}/rsa.pem -in {work}/cert.der -outform DER -out {work}/signed.p7m",
            $"smime -verify -inform DER -in {work}/signed.p7m -CAfile {work}/ca.pem -out {work}/opaque.der");
        return lines;
    }

    private static void AddIf(List<string> lines, string verb, params string[] commands)
    {
        if (CommandLine.Commands.Any(c => c.Name == verb))
        {
            lines.AddRange(commands);
        }
    }

    // A P-256 self-signed certificate made with openssl (the same one `mtls demo` embeds; see vectors/README.md).
    private const string SampleCertificateBase64 =
        "MIIB9zCCAZ6gAwIBAgIUW11acMV3PmXm8LaYkflJ5FHIMO4wCgYIKoZIzj0EAwIwQTELMAkGA1UEBhMCVVMxEzARBgNVBAoMCk1hbmFnZWRUbHMxHTAbBgNVBAMMFGRl"
        + "bW8ubWFuYWdlZHRscy50ZXN0MB4XDTI2MTEyMzExNDgyOFoXDTM2MTEyMDExNDgyOFowQTELMAkGA1UEBhMCVVMxEzARBgNVBAoMCk1hbmFnZWRUbHMxHTAbBgNVBAMM"
        + "FGRlbW8ubWFuYWdlZHRscy50ZXN0MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEp2aVstG4NwxC5gvxFxPqRVqzFfyo1u/SHVcHn9VajvvuvQ2xi8+Pjrrx37gqGVGg"
        + "7ldhPa4h05KjrrJs2WlSoqN0MHIwHQYDVR0OBBYEFNk0+vpntsDseiKd9J9BlDv42vucMB8GA1UdIwQYMBaAFNk0+vpntsDseiKd9J9BlDv42vucMA8GA1UdEwEB/wQF"
        + "MAMBAf8wHwYDVR0RBBgwFoIUZGVtby5tYW5hZ2VkdGxzLnRlc3QwCgYIKoZIzj0EAwIDRwAwRAIgfBABVMAD2klvOpEtvTv6SCCdTtqcAWE7I5FcjsKLSfkCIBY81tcA"
        + "hxW4PEmEkx1EdgO0mrigWqLoHupDCIum9phy";

    private static string[] NamespaceFlags(string unshare)
    {
        // Root (CI) uses a plain mount namespace; an unprivileged user needs a user namespace too.
        string[][] candidates = [["-m"], ["-r", "-m"]];
        string reasons = string.Empty;
        foreach (string[] flags in candidates)
        {
            ProcessResult probe = ProcessRunner.Run(unshare, [.. flags, "mount", "--bind", "/dev/null", "/dev/null"]);
            if (probe.ExitCode == 0)
            {
                return flags;
            }

            reasons += $" unshare {string.Join(' ', flags)}: {probe.Stderr.Trim()};";
        }

        Skip.If(true, $"cannot create a mount namespace with bind mounts here (not root, or EPERM in a container):{reasons}");
        return [];
    }
}
