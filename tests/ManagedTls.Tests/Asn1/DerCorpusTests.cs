using System.Text.RegularExpressions;
using ManagedTls.Asn1;
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Asn1;

public sealed partial class DerCorpusTests
{
    [SkippableFact]
    public void Walk_EverySystemCertificate_ReencodesByteIdentically()
    {
        var failures = new List<string>();
        int elements = 0;
        foreach ((string name, byte[] der) in CertificateCorpus.Require())
        {
            try
            {
                using var writer = new DerWriter();
                elements += TreeWalker.Walk(der, writer);
                if (!writer.EncodedValueEquals(der))
                {
                    failures.Add($"{name}: re-encoding differs");
                }
            }
            catch (DecodeException e)
            {
                failures.Add($"{name}: {e.Message}");
            }
        }

        failures.ShouldBeEmpty();
        elements.ShouldBeGreaterThan(1000);
    }

    [SkippableFact]
    public void Walk_EveryProperPrefix_ThrowsDecodeException()
    {
        foreach ((string name, byte[] der) in CertificateCorpus.Require().Take(20))
        {
            for (int length = 0; length < der.Length; length++)
            {
                byte[] prefix = der[..length];
                Should.Throw<DecodeException>(() => TreeWalker.Walk(prefix, null), $"{name} prefix {length}");
            }
        }
    }

    [SkippableFact]
    public void Walk_EveryProperPrefixOfTbsCertificate_ThrowsDecodeException()
    {
        // Re-wrap each prefix of the TBSCertificate content in a correct outer header so truncation is found inside.
        foreach ((string name, byte[] der) in CertificateCorpus.Require().Take(10))
        {
            var reader = new DerReader(der);
            DerReader cert = reader.ReadSequence();
            ReadOnlySpan<byte> tbsContent = cert.ReadSequence().RemainingBytes;
            byte[] content = tbsContent.ToArray();
            var boundaries = new HashSet<int> { 0 };
            var top = new DerReader(content);
            while (top.HasData)
            {
                top.ReadEncodedValue();
                boundaries.Add(top.Offset);
            }

            for (int length = 0; length < content.Length; length++)
            {
                using var w = new DerWriter();
                w.WriteOctetString(content.AsSpan(0, length), Asn1Tag.Sequence);
                byte[] wrapped = [0x30, .. w.ToArray().AsSpan(1)];
                if (boundaries.Contains(length))
                {
                    continue; // a prefix ending between whole elements is structurally valid
                }

                Should.Throw<DecodeException>(() => TreeWalker.Walk(wrapped, null), $"{name} TBS prefix {length}");
            }
        }
    }

    [SkippableFact]
    public void Walk_RandomMutations_OnlyThrowDecodeException()
    {
        IReadOnlyList<(string Name, byte[] Der)> corpus = CertificateCorpus.Require();
        var rng = new XorShift(0x9E3779B97F4A7C15UL);
        int decoded = 0;
        int rejected = 0;
        for (int i = 0; i < 20000; i++)
        {
            byte[] data = (byte[])corpus[(int)(rng.Next() % (ulong)corpus.Count)].Der.Clone();
            Mutate(data, rng, out byte[] mutated);
            DerMode mode = (i & 1) == 0 ? DerMode.Der : DerMode.Ber;
            try
            {
                TreeWalker.Walk(mutated, null, mode);
                decoded++;
            }
            catch (DecodeException e)
            {
                e.Offset.ShouldBeInRange(0, mutated.Length);
                rejected++;
            }
        }

        rejected.ShouldBeGreaterThan(0);
        decoded.ShouldBeGreaterThan(0);
    }

    [SkippableFact]
    public void PeekHeader_AgainstOpenSslAsn1Parse_SameOffsetsDepthsAndLengths()
    {
        OpenSslPeer.Require();
        foreach ((string name, byte[] der) in CertificateCorpus.Require().Take(5))
        {
            ProcessResult result = OpenSslPeer.RunWithInput(der, "asn1parse", "-inform", "DER");
            var expected = new List<string>();
            foreach (string line in result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                Match m = Asn1ParseLine().Match(line);
                m.Success.ShouldBeTrue(line);
                expected.Add($"{m.Groups[1].Value}:{m.Groups[2].Value}:{m.Groups[3].Value}:{m.Groups[4].Value}:{m.Groups[5].Value.Replace("[HEX DUMP]", string.Empty, StringComparison.Ordinal).TrimEnd()}");
            }

            var actual = new List<string>();
            var reader = new DerReader(der);
            Describe(ref reader, actual);
            actual.ShouldBe(expected, name);
        }
    }

    [SkippableFact]
    public void ReadIntegerBytes_NegativeSerialFromOpenSsl_Accepted()
    {
        byte[] der = MakeCertificate("-5");
        var reader = new DerReader(der);
        DerReader tbs = reader.ReadSequence().ReadSequence();
        tbs.ReadExplicit(0).ReadInt32().ShouldBe(2);
        Hex.Encode(tbs.ReadIntegerBytes()).ShouldBe("FB");
    }

    [SkippableFact]
    public void ReadIntegerBytes_NonMinimalSerial_RejectedLikeOpenSsl()
    {
        byte[] der = MakeCertificate("0x0102");
        int at = Hex.Encode(der).IndexOf("A00302010202020102", StringComparison.Ordinal);
        at.ShouldBeGreaterThan(0);
        der[(at / 2) + 7] = 0x00; // serial 01 02 -> 00 02: redundant leading zero

        OpenSslPeer.TryRun(der, "x509", "-inform", "DER", "-noout", "-serial").ExitCode.ShouldNotBe(0);
        var ex = Should.Throw<DecodeException>(() => TreeWalker.Walk(der, null));
        ex.Reason.ShouldBe(DecodeError.NonMinimalInteger);

        var lenient = new DerReader(der, new DerReaderOptions(DerMode.Der) { AllowNonMinimalIntegers = true });
        DerReader tbs = lenient.ReadSequence().ReadSequence();
        tbs.ReadExplicit(0);
        Hex.Encode(tbs.ReadIntegerBytes()).ShouldBe("0002");
    }

    [SkippableFact]
    public void SpanReads_WholeCertificate_AllocateNothing()
    {
        byte[] der = CertificateCorpus.Require()[0].Der;
        int elements = CountSpanOnly(der); // warm up (JIT)
        int total = 0;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            total += CountSpanOnly(der);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        total.ShouldBe(elements * 100);
        allocated.ShouldBe(0);

        static int CountSpanOnly(byte[] data)
        {
            var reader = new DerReader(data);
            int count = Count(ref reader);
            reader.ExpectEmpty();
            return count;
        }

        static int Count(ref DerReader reader)
        {
            int n = 0;
            while (reader.HasData)
            {
                n++;
                Asn1Tag tag = reader.PeekTag();
                if (tag.IsConstructed)
                {
                    DerReader child = tag == Asn1Tag.SetOf ? reader.ReadSetOf() : reader.ReadSequence(tag);
                    n += Count(ref child);
                }
                else if (tag == Asn1Tag.ObjectIdentifier)
                {
                    reader.ReadObjectIdentifierBytes();
                }
                else if (tag == Asn1Tag.Integer)
                {
                    reader.ReadIntegerBytes();
                }
                else if (tag == Asn1Tag.BitString)
                {
                    reader.ReadBitString(out _);
                }
                else
                {
                    reader.ReadContent(out _);
                }
            }

            return n;
        }
    }

    [SkippableFact]
    public void Reencode_WholeCertificate_AllocatesOnlyTheWriter()
    {
        byte[] der = CertificateCorpus.Require()[0].Der;
        byte[] output = new byte[der.Length];
        Reencode(der, output); // warm up (JIT, pool)
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            Reencode(der, output);
        }

        long perCertificate = (GC.GetAllocatedBytesForCurrentThread() - before) / 100;
        output.ShouldBe(der);
        perCertificate.ShouldBeLessThanOrEqualTo(200); // the DerWriter object and its scope stack; the buffer is pooled

        static void Reencode(byte[] data, byte[] destination)
        {
            using var writer = new DerWriter();
            var reader = new DerReader(data);
            Copy(ref reader, writer);
            reader.ExpectEmpty();
            writer.TryEncode(destination, out _);
        }

        static void Copy(ref DerReader reader, DerWriter writer)
        {
            while (reader.HasData)
            {
                Asn1Tag tag = reader.PeekTag();
                if (tag.IsConstructed)
                {
                    bool isSet = tag == Asn1Tag.SetOf;
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
    }

    private static byte[] MakeCertificate(string serial)
    {
        OpenSslPeer.Require();
        string dir = Directory.CreateTempSubdirectory("asn1").FullName;
        try
        {
            string key = Path.Combine(dir, "k.pem");
            string cert = Path.Combine(dir, "c.der");
            OpenSslPeer.Run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", key,
                "-subj", "/CN=serial test", "-days", "1", "-set_serial", serial, "-outform", "DER", "-out", cert);
            return File.ReadAllBytes(cert);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void Describe(ref DerReader reader, List<string> lines)
    {
        while (reader.HasData)
        {
            Asn1Header h = reader.PeekHeader();
            string kind = h.Tag.IsConstructed ? "cons" : "prim";
            lines.Add($"{h.Offset}:{reader.Depth}:{h.HeaderLength}:{h.ContentLength}:{kind}: {h.Tag}");
            if (h.Tag.IsConstructed)
            {
                DerReader child = reader.ReadSequence(h.Tag);
                Describe(ref child, lines);
            }
            else
            {
                reader.ReadEncodedValue();
            }
        }
    }

    private static void Mutate(byte[] data, XorShift rng, out byte[] result)
    {
        result = data;
        int kind = (int)(rng.Next() % 4);
        int count = 1 + (int)(rng.Next() % 4);
        for (int j = 0; j < count; j++)
        {
            int at = (int)(rng.Next() % (ulong)result.Length);
            switch (kind)
            {
                case 0:
                    result[at] = (byte)rng.Next();
                    break;
                case 1:
                    result[at] ^= (byte)(1 << (int)(rng.Next() % 8));
                    break;
                case 2:
                    // Hit length octets and tags harder: 0x80 (indefinite), 0xFF, 0x00, 0x1F.
                    result[at] = (rng.Next() % 4) switch { 0 => 0x80, 1 => 0xFF, 2 => 0x00, _ => 0x1F };
                    break;
                default:
                    result = result[..at];
                    return;
            }
        }
    }

    [GeneratedRegex(@"^\s*(\d+):d=(\d+)\s+hl=(\d+)\s+l=\s*(\d+)\s+((?:prim|cons): [^:]*)")]
    private static partial Regex Asn1ParseLine();

    /// <summary>A deterministic xorshift64 generator; the test needs repeatability, not quality.</summary>
    private sealed class XorShift(ulong seed)
    {
        private ulong _state = seed;

        public ulong Next()
        {
            _state ^= _state << 13;
            _state ^= _state >> 7;
            _state ^= _state << 17;
            return _state;
        }
    }
}
