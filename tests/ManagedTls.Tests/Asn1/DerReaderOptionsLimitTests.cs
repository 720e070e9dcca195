using ManagedTls.Asn1;

namespace ManagedTls.Tests.Asn1;

public class DerReaderOptionsLimitTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(DerReaderOptions.MaxAllowedDepth + 1)]
    [InlineData(int.MaxValue)]
    public void MaxDepth_OutOfRange_Throws(int depth) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new DerReaderOptions { MaxDepth = depth });

    [Fact]
    public void MaxDepth_AtCap_BoundsNestedBerStringsWithoutStackOverflow()
    {
        // 100,000 nested constructed OCTET STRINGs (24 80 ... 00 00): the cap stops the recursive reader long before
        // the stack would run out.
        const int nesting = 100_000;
        byte[] ber = new byte[(nesting * 4) + 2];
        for (int i = 0; i < nesting; i++)
        {
            ber[2 * i] = 0x24;
            ber[(2 * i) + 1] = 0x80;
        }

        ber[2 * nesting] = 0x04;
        ber[(2 * nesting) + 1] = 0x00; // innermost empty primitive; end-of-contents pairs follow (already zero)
        var options = new DerReaderOptions(DerMode.Ber) { MaxDepth = DerReaderOptions.MaxAllowedDepth };

        var exception = Should.Throw<DecodeException>(() => new DerReader(ber, options).ReadOctetStringBytes());
        exception.Reason.ShouldBe(DecodeError.DepthExceeded);
    }
}
