using System.Text;
using ManagedTls.Asn1;
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Asn1;

/// <summary>BER as real producers emit it: <c>openssl cms -sign -stream</c> writes indefinite lengths and a segmented eContent.</summary>
public sealed class BerInteropTests
{
    [SkippableFact]
    public void ReadOctetStringBytes_StreamedCms_JoinsSegmentedContent()
    {
        (byte[] ber, byte[] content) = MakeStreamedCms();
        var reader = new DerReader(ber, DerMode.Ber);
        DerReader contentInfo = reader.ReadSequence();
        reader.ExpectEmpty();
        contentInfo.ReadObjectIdentifier().ShouldBe("1.2.840.113549.1.7.2");
        DerReader signedData = contentInfo.ReadExplicit(0).ReadSequence();
        signedData.ReadInt32().ShouldBe(1);
        signedData.ReadSetOf();
        DerReader encap = signedData.ReadSequence();
        encap.ReadObjectIdentifier().ShouldBe("1.2.840.113549.1.7.1");
        DerReader explicitContent = encap.ReadExplicit(0);
        explicitContent.PeekHeader().IsIndefinite.ShouldBeTrue();
        explicitContent.ReadOctetStringBytes().ShouldBe(content);
        explicitContent.ExpectEmpty();
        encap.ExpectEmpty();
    }

    [SkippableFact]
    public void DerReader_StreamedCms_RejectsIndefiniteLength()
    {
        (byte[] ber, _) = MakeStreamedCms();
        var ex = Should.Throw<DecodeException>(() => new DerReader(ber).ReadSequence());
        ex.Reason.ShouldBe(DecodeError.IndefiniteLengthInDer);
        ex.Offset.ShouldBe(1);
    }

    [SkippableFact]
    public void Walk_StreamedCmsAsBer_ReencodesWithDefiniteLengthsThatOpenSslVerifies()
    {
        (byte[] ber, byte[] content) = MakeStreamedCms();
        using var writer = new DerWriter(DerMode.Ber);
        TreeWalker.Walk(ber, writer, DerMode.Ber);
        byte[] definite = writer.ToArray();
        definite.ShouldNotBe(ber);
        TreeWalker.Walk(definite, null, DerMode.Der); // definite lengths throughout now (the eContent stays constructed)

        ProcessResult verified = OpenSslPeer.RunWithInput(definite, "cms", "-verify", "-noverify", "-inform", "DER", "-binary");
        verified.StdoutBytes.ShouldBe(content);
    }

    private static (byte[] Ber, byte[] Content) MakeStreamedCms()
    {
        OpenSslPeer.Require();
        string dir = Directory.CreateTempSubdirectory("ber").FullName;
        try
        {
            string key = Path.Combine(dir, "k.pem");
            string cert = Path.Combine(dir, "c.pem");
            string input = Path.Combine(dir, "in.bin");
            string output = Path.Combine(dir, "out.der");
            byte[] content = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("streamed BER content; ", 300)));
            File.WriteAllBytes(input, content);
            OpenSslPeer.Run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", key,
                "-subj", "/CN=ber signer", "-days", "1", "-out", cert);
            OpenSslPeer.Run("cms", "-sign", "-in", input, "-signer", cert, "-inkey", key, "-stream", "-binary", "-nodetach",
                "-outform", "DER", "-out", output);
            return (File.ReadAllBytes(output), content);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
