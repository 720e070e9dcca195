using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using ManagedTls.X509;
using ManagedTls.X509.Verification;

namespace ManagedTls.Limbo;

/// <summary>One case's outcome in the x509-limbo harness contract.</summary>
public sealed record LimboResult(string Id, string Expected, string Actual, string Context, bool TimedOut)
{
    /// <summary>Whether the actual result equals the expected one.</summary>
    public bool Passed => Actual == Expected;

    /// <summary>The family: the id up to its first <c>::</c>.</summary>
    public string Family => Id.Split("::")[0];
}

/// <summary>Runs the x509-limbo suite through <see cref="ChainVerifier"/>.</summary>
public static class LimboRunner
{
    /// <summary>The harness name written into results.</summary>
    public const string HarnessName = "managedtls";

    /// <summary>Reads a suite file (plain JSON or gzip).</summary>
    public static JsonDocument Load(string path)
    {
        using FileStream file = File.OpenRead(path);
        Stream stream = file;
        int first = file.ReadByte();
        file.Position = 0;
        if (first == 0x1f)
        {
            stream = new GZipStream(file, CompressionMode.Decompress);
        }

        using (stream)
        {
            return JsonDocument.Parse(stream);
        }
    }

    /// <summary>Runs every case, each bounded by <paramref name="perCaseTimeout"/>.</summary>
    public static List<LimboResult> Run(JsonDocument suite, TimeSpan perCaseTimeout, string? idPrefix = null)
    {
        JsonElement[] cases = suite.RootElement.GetProperty("testcases").EnumerateArray()
            .Where(c => idPrefix is null || c.GetProperty("id").GetString()!.StartsWith(idPrefix, StringComparison.Ordinal)).ToArray();
        var results = new LimboResult[cases.Length];
        Parallel.For(0, cases.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => results[i] = RunCase(cases[i], perCaseTimeout));
        return [.. results];
    }

    /// <summary>Runs one case.</summary>
    public static LimboResult RunCase(JsonElement testcase, TimeSpan timeout)
    {
        string id = testcase.GetProperty("id").GetString()!;
        string expected = testcase.GetProperty("expected_result").GetString()!;
        var task = Task.Run(() => Evaluate(testcase));
        if (!task.Wait(timeout))
        {
            return new LimboResult(id, expected, "FAILURE", $"timed out after {timeout.TotalSeconds:0.#} s", TimedOut: true);
        }

        (string actual, string context) = task.Result;
        return new LimboResult(id, expected, actual, context, TimedOut: false);
    }

    private static (string Actual, string Context) Evaluate(JsonElement testcase)
    {
        var options = new VerificationOptions
        {
            Profile = VerificationProfile.WebPki,
            Flags = X509VerifyFlags.TrustedFirst | X509VerifyFlags.PartialChain | X509VerifyFlags.X509Strict,
        };

        string kind = testcase.GetProperty("validation_kind").GetString()!;
        options.Purpose = kind switch
        {
            "SERVER" => VerificationPurpose.ServerAuth,
            "CLIENT" => VerificationPurpose.ClientAuth,
            _ => VerificationPurpose.Any,
        };
        if (kind is not ("SERVER" or "CLIENT"))
        {
            return ("SKIPPED", "unsupported validation_kind " + kind);
        }

        foreach (JsonElement usage in Array(testcase, "extended_key_usage"))
        {
            options.Purpose = usage.GetString() switch
            {
                "serverAuth" => VerificationPurpose.ServerAuth,
                "clientAuth" => VerificationPurpose.ClientAuth,
                "emailProtection" => VerificationPurpose.EmailProtection,
                "codeSigning" => VerificationPurpose.CodeSigning,
                _ => options.Purpose,
            };
        }

        foreach (JsonElement usage in Array(testcase, "key_usage"))
        {
            if (usage.GetString() == "digitalSignature")
            {
                options.RequiredKeyUsage |= KeyUsageFlags.DigitalSignature;
            }
        }

        if (Array(testcase, "signature_algorithms").Any())
        {
            return ("SKIPPED", "signature_algorithms restrictions are not mapped");
        }

        if (testcase.TryGetProperty("validation_time", out JsonElement time) && time.ValueKind == JsonValueKind.String)
        {
            options.Time = DateTimeOffset.Parse(time.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        }

        if (testcase.TryGetProperty("max_chain_depth", out JsonElement depth) && depth.ValueKind == JsonValueKind.Number)
        {
            options.MaxDepth = depth.GetInt32();
        }

        var names = new List<JsonElement>(Array(testcase, "expected_peer_names"));
        if (testcase.TryGetProperty("expected_peer_name", out JsonElement single) && single.ValueKind == JsonValueKind.Object)
        {
            names.Add(single);
        }

        foreach (JsonElement name in names)
        {
            string value = name.GetProperty("value").GetString()!;
            switch (name.GetProperty("kind").GetString())
            {
                case "DNS":
                    options.ExpectedHostnames.Add(value);
                    break;
                case "IP":
                    options.ExpectedIPAddress = value;
                    break;
                case "RFC822":
                    options.ExpectedEmail = value;
                    break;
            }
        }

        var store = new TrustStore();
        foreach (JsonElement pem in Array(testcase, "trusted_certs"))
        {
            if (TryLoad(pem.GetString()!, out Certificate? certificate))
            {
                store.AddCertificate(certificate);
            }
        }

        var untrusted = new List<Certificate>();
        foreach (JsonElement pem in Array(testcase, "untrusted_intermediates"))
        {
            if (TryLoad(pem.GetString()!, out Certificate? certificate))
            {
                untrusted.Add(certificate);
            }
        }

        foreach (JsonElement pem in Array(testcase, "crls"))
        {
            try
            {
                store.AddCrl(CertificateRevocationList.Load(Encoding.ASCII.GetBytes(pem.GetString()!)));
            }
            catch (Exception e) when (e is X509FormatException or Asn1.DecodeException or FormatException)
            {
                return ("FAILURE", "CRL does not parse: " + e.Message);
            }
        }

        if (store.Crls.Count > 0)
        {
            options.Flags |= X509VerifyFlags.CrlCheck | X509VerifyFlags.CrlCheckAll | X509VerifyFlags.AllowMissingCrl;
        }

        if (!TryLoad(testcase.GetProperty("peer_certificate").GetString()!, out Certificate? leaf, out string? error))
        {
            return ("FAILURE", "peer certificate does not parse: " + error);
        }

        VerificationResult result = ChainVerifier.Verify(leaf, untrusted, store, options);
        return result.IsValid ? ("SUCCESS", "chain of " + result.Chain.Count) : ("FAILURE", result.ToString());
    }

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];

    private static bool TryLoad(string pem, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Certificate? certificate) => TryLoad(pem, out certificate, out _);

    private static bool TryLoad(string pem, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Certificate? certificate, out string? error)
    {
        try
        {
            certificate = Certificate.Load(Encoding.ASCII.GetBytes(pem));
            error = null;
            return true;
        }
        catch (Exception e) when (e is X509FormatException or Asn1.DecodeException or FormatException or Keys.KeyFormatException)
        {
            certificate = null;
            error = e.Message;
            return false;
        }
    }

    /// <summary>Writes the contract's results JSON.</summary>
    public static void WriteResults(string path, IReadOnlyList<LimboResult> results)
    {
        using FileStream file = File.Create(path);
        using var writer = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteNumber("version", 1);
        writer.WriteString("harness", HarnessName);
        writer.WriteStartArray("results");
        foreach (LimboResult result in results)
        {
            writer.WriteStartObject();
            writer.WriteString("id", result.Id);
            writer.WriteString("actual_result", result.Actual);
            writer.WriteString("context", result.Context);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Writes docs/conformance.md: the score by family and every failure with its reason.</summary>
    public static void WriteMarkdown(string path, IReadOnlyList<LimboResult> results, string suiteName)
    {
        var text = new StringBuilder();
        int pass = results.Count(r => r.Passed);
        int skip = results.Count(r => r.Actual == "SKIPPED");
        text.AppendLine("# Conformance: x509-limbo");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Generated by `dotnet run --project tests/ManagedTls.Limbo -c Release -- --limbo {suiteName} --markdown docs/conformance.md`");
        text.AppendLine("(harness `tests/ManagedTls.Limbo`, verifier `ManagedTls.X509.Verification.ChainVerifier` with the Web PKI profile,");
        text.AppendLine("X509_STRICT, PARTIAL_CHAIN and TRUSTED_FIRST; CRL cases run with CRL_CHECK_ALL). The test `LimboTests` runs the same code");
        text.AppendLine("and holds a ratchet floor on the pass count.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"**{pass:N0} pass, {results.Count - pass - skip} fail, {skip} skipped, {results.Count(r => r.TimedOut)} hangs** out of {results.Count:N0} cases.");
        text.AppendLine();
        text.AppendLine("| verifier | pass | fail | skip |");
        text.AppendLine("|---|---|---|---|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| ManagedTls | {pass:N0} | {results.Count - pass - skip} | {skip} |");
        text.AppendLine("| pyca/cryptography 48 | 9,719 | 14 | 47 (all 8 CRL cases skipped) |");
        text.AppendLine("| Go 1.23.5 crypto/x509 | 9,700 | 56 | 24 |");
        text.AppendLine("| OpenSSL 3.0.19 | 9,534 | 236 | 10 |");
        text.AppendLine();
        text.AppendLine("## By family");
        text.AppendLine();
        text.AppendLine("| family | pass | fail | skip |");
        text.AppendLine("|---|---|---|---|");
        foreach (IGrouping<string, LimboResult> family in results.GroupBy(r => r.Family).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            int fpass = family.Count(r => r.Passed);
            int fskip = family.Count(r => r.Actual == "SKIPPED");
            text.AppendLine(CultureInfo.InvariantCulture, $"| {family.Key} | {fpass} | {family.Count() - fpass - fskip} | {fskip} |");
        }

        text.AppendLine();
        text.AppendLine("## Every remaining failure");
        text.AppendLine();
        text.AppendLine("| case | expected | got | verifier said | reason |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (LimboResult result in results.Where(r => !r.Passed))
        {
            string reason = KnownFailures.Reasons.TryGetValue(result.Id, out string? known) ? known : "not yet analysed";
            text.AppendLine(CultureInfo.InvariantCulture, $"| `{result.Id}` | {result.Expected} | {result.Actual} | {result.Context.Replace("|", "\\|", StringComparison.Ordinal)} | {reason} |");
        }

        File.WriteAllText(path, text.ToString());
    }

    /// <summary>Pass/fail/skip counts by family, as text lines, with a total line last.</summary>
    public static List<string> Summarize(IReadOnlyList<LimboResult> results)
    {
        var lines = new List<string>();
        foreach (IGrouping<string, LimboResult> family in results.GroupBy(r => r.Family).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            lines.Add(Line(family.Key, family.ToList()));
        }

        lines.Add(Line("TOTAL", results));
        return lines;
    }

    private static string Line(string name, IReadOnlyList<LimboResult> results)
    {
        int skip = results.Count(r => r.Actual == "SKIPPED");
        int pass = results.Count(r => r.Passed);
        int fail = results.Count - pass - skip;
        int hangs = results.Count(r => r.TimedOut);
        return $"{name,-14} pass {pass,5}  fail {fail,4}  skip {skip,3}  hangs {hangs}";
    }
}
