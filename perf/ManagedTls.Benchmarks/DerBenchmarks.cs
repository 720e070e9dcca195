using System.Formats.Asn1;
using BenchmarkDotNet.Attributes;
using ManagedTls.Asn1;
using AsnTag = System.Formats.Asn1.Asn1Tag;
using MtAsn1Tag = ManagedTls.Asn1.Asn1Tag;

namespace ManagedTls.Benchmarks;

/// <summary>
/// Parses a typical 1,252-byte RSA leaf certificate (85 elements: SAN, EKU, AKI/SKI, AIA, CRL DP, policies) into its
/// element tree, visiting every element, and re-encodes it; ManagedTls.Asn1 side by side with System.Formats.Asn1.
/// </summary>
[MemoryDiagnoser]
public class DerBenchmarks
{
    // openssl x509 -req ... -sha256 -extfile ext.cnf (see docs/performance.md); 2048-bit RSA, issued by a test CA.
    private static readonly byte[] s_leaf = Convert.FromBase64String("MIIE4DCCA8igAwIBAgIUChssPU5fYHGCk6S1xtfo+QEjRWcwDQYJKoZIhvcNAQELBQAwTjELMAkGA1UEBhMCVVMxHzAdBgNVBAoMFkV4YW1wbGUgVHJ1c3QgU2VydmljZXMxHjAcBgNVBAMMFUV4YW1wbGUgSXNzdWluZyBDQSBSMzAeFw0yNjExMjMxMDU4MDdaFw0yNzEyMjUxMDU4MDdaMGsxCzAJBgNVBAYTAlVTMRMwEQYDVQQIDApDYWxpZm9ybmlhMRYwFAYDVQQHDA1TYW4gRnJhbmNpc2NvMRUwEwYDVQQKDAxFeGFtcGxlIEluYy4xGDAWBgNVBAMMD3d3dy5leGFtcGxlLmNvbTCCASIwDQYJKoZIhvcNAQEBBQADggEPADCCAQoCggEBANfO504SJB6pdl40/jaDHn2Zi4R79IEeA1z03WflA70htDwdKdjHPxHbNj3p4FwACxV9mRbPaC9inF6Wg68nd8JMRH5Y8N6mYR5WSu3TfZsrpwElkDtoWZ8qZxSMFj++GSBTU7AowbPqrNuHtA32htFEGM6KAvK1EcVJfKBqqaJ3c42siYCxtg/pDOO2zcfCGzYV8OZP54iycU26GaK+zb4iFdu7aEkOuhokAJLZLternSG8y2Ef12TN9cMVMmrLbv4Cn8Jv//+Wx6u6uKCsJKp/vxsiXgWnSND9w/lDWRPWKkBgNv9B0c+dPwaSf6TrDlaUn/Vu+DQCTPcxOtdv4oUCAwEAAaOCAZcwggGTMAwGA1UdEwEB/wQCMAAwDgYDVR0PAQH/BAQDAgWgMB0GA1UdJQQWMBQGCCsGAQUFBwMBBggrBgEFBQcDAjAdBgNVHQ4EFgQU2i2eKbx8azaO30PnWh6OOTkvtnQwHwYDVR0jBBgwFoAUcd/Y03cGPafFXrK9XyWsTbCtjUAwSwYDVR0RBEQwQoIPd3d3LmV4YW1wbGUuY29tggtleGFtcGxlLmNvbYIPYXBpLmV4YW1wbGUuY29tghEqLmNkbi5leGFtcGxlLmNvbTBqBggrBgEFBQcBAQReMFwwJwYIKwYBBQUHMAGGG2h0dHA6Ly9vY3NwLmV4YW1wbGUtY2EudGVzdDAxBggrBgEFBQcwAoYlaHR0cDovL2NhLmV4YW1wbGUtY2EudGVzdC9pc3N1aW5nLmNydDA3BgNVHR8EMDAuMCygKqAohiZodHRwOi8vY3JsLmV4YW1wbGUtY2EudGVzdC9pc3N1aW5nLmNybDAiBgNVHSAEGzAZMAgGBmeBDAECAjANBgsrBgEEAYLfEwEBATANBgkqhkiG9w0BAQsFAAOCAQEAUODvs/ICRWUz4cV47dAKoINchAurxdvHg3kgE7gDXBbsH1VORBBWXiQBFK9qL8BfFzGAl7vxnqwKbOOxTP/I7C76J/BpEC12tsRIqrlCdOAV+3r2u1BS9tRoZ6WJo5ITYJfHUFsv0FPFIxEAiQgqp9IGFzrpbqU7hpFRj+MmJCxcDisyMQW5IUXur06C4HpT2je1J3cjNFA9F/OXlPd3zXLRcu9uIFwF851vg4Rm0kZ+LxxmgN4MdGJACe5KJhwB7GzE9Mc34HsjcRKgc6DSBv66z1tFKdqIKmO4pomkC4j3/h4zUr7ItSXyGG1YKbvBA4uoxFHrr2g8Od16y5njsA==");

    private readonly byte[] _output = new byte[4096];

    /// <summary>Element count of the leaf certificate (every TLV, constructed or primitive).</summary>
    public static int ElementCount => new DerBenchmarks().ManagedTls_Walk();

    /// <summary>Checks both round trips reproduce the input and both walks count the same elements (<c>-- --verify</c>).</summary>
    public static bool Verify()
    {
        var b = new DerBenchmarks();
        int ours = b.ManagedTls_WalkAndReencode();
        bool oursOk = b._output.AsSpan(0, ours).SequenceEqual(s_leaf);
        int theirs = b.AsnReader_WalkAndReencode();
        bool theirsOk = b._output.AsSpan(0, theirs).SequenceEqual(s_leaf);
        Console.WriteLine($"elements: ManagedTls {b.ManagedTls_Walk()}, AsnReader {b.AsnReader_Walk()}; round trip identical: ManagedTls {oursOk}, AsnWriter {theirsOk}");
        return oursOk && theirsOk && b.ManagedTls_Walk() == b.AsnReader_Walk();
    }

    [Benchmark(Description = "ManagedTls DerReader walk")]
    [BenchmarkCategory("Walk")]
    public int ManagedTls_Walk()
    {
        var reader = new DerReader(s_leaf);
        int count = Walk(ref reader);
        reader.ExpectEmpty();
        return count;
    }

    [Benchmark(Baseline = true, Description = "System.Formats.Asn1 AsnReader walk")]
    [BenchmarkCategory("Walk")]
    public int AsnReader_Walk()
    {
        var reader = new AsnReader(s_leaf, AsnEncodingRules.DER);
        int count = Walk(reader);
        reader.ThrowIfNotEmpty();
        return count;
    }

    [Benchmark(Description = "ManagedTls walk + DerWriter re-encode")]
    [BenchmarkCategory("RoundTrip")]
    public int ManagedTls_WalkAndReencode()
    {
        using var writer = new DerWriter();
        var reader = new DerReader(s_leaf);
        Copy(ref reader, writer);
        reader.ExpectEmpty();
        writer.TryEncode(_output, out int written);
        return written;
    }

    [Benchmark(Description = "AsnReader walk + AsnWriter re-encode")]
    [BenchmarkCategory("RoundTrip")]
    public int AsnReader_WalkAndReencode()
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        var reader = new AsnReader(s_leaf, AsnEncodingRules.DER);
        Copy(reader, writer);
        reader.ThrowIfNotEmpty();
        return writer.Encode(_output);
    }

    private static int Walk(ref DerReader reader)
    {
        int count = 0;
        while (reader.HasData)
        {
            count++;
            MtAsn1Tag tag = reader.PeekTag();
            if (tag.IsConstructed)
            {
                DerReader child = tag == MtAsn1Tag.SetOf ? reader.ReadSetOf() : reader.ReadSequence(tag);
                count += Walk(ref child);
            }
            else if (tag == MtAsn1Tag.Integer)
            {
                reader.ReadIntegerBytes();
            }
            else if (tag == MtAsn1Tag.BitString)
            {
                reader.ReadBitString(out _);
            }
            else
            {
                reader.ReadContent(out _);
            }
        }

        return count;
    }

    private static int Walk(AsnReader reader)
    {
        int count = 0;
        while (reader.HasData)
        {
            count++;
            AsnTag tag = reader.PeekTag();
            if (tag.IsConstructed)
            {
                AsnReader child = tag.HasSameClassAndValue(AsnTag.SetOf) ? reader.ReadSetOf(tag) : reader.ReadSequence(tag);
                count += Walk(child);
            }
            else if (tag == AsnTag.Integer)
            {
                reader.ReadIntegerBytes();
            }
            else if (tag == AsnTag.PrimitiveBitString)
            {
                reader.TryReadPrimitiveBitString(out _, out _);
            }
            else
            {
                reader.PeekContentBytes();
                reader.ReadEncodedValue();
            }
        }

        return count;
    }

    private static void Copy(ref DerReader reader, DerWriter writer)
    {
        while (reader.HasData)
        {
            MtAsn1Tag tag = reader.PeekTag();
            if (tag.IsConstructed)
            {
                bool isSet = tag == MtAsn1Tag.SetOf;
                DerReader child = isSet ? reader.ReadSetOf() : reader.ReadSequence(tag);
                using (isSet ? writer.PushSetOf() : writer.PushSequence(tag))
                {
                    Copy(ref child, writer);
                }
            }
            else
            {
                writer.WritePrimitive(tag, reader.ReadContent(out _));
            }
        }
    }

    private static void Copy(AsnReader reader, AsnWriter writer)
    {
        while (reader.HasData)
        {
            AsnTag tag = reader.PeekTag();
            if (tag.IsConstructed)
            {
                bool isSet = tag.HasSameClassAndValue(AsnTag.SetOf);
                AsnReader child = isSet ? reader.ReadSetOf(tag) : reader.ReadSequence(tag);
                using (isSet ? writer.PushSetOf(tag) : writer.PushSequence(tag))
                {
                    Copy(child, writer);
                }
            }
            else
            {
                // AsnWriter has no "primitive of any tag" writer; WriteEncodedValue is its generic path.
                writer.WriteEncodedValue(reader.ReadEncodedValue().Span);
            }
        }
    }
}
