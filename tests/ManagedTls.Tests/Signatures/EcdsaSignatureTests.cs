using ManagedTls.Asn1;
using ManagedTls.Keys;
using ManagedTls.Signatures;

namespace ManagedTls.Tests.Signatures;

/// <summary>The strict DER codec for ECDSA/DSA signatures (supersedes the test-only reader in Crypto/DerSignatureVectorTests).</summary>
public class EcdsaSignatureTests
{
    private const string N = "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551"; // P-256 order
    private const string NMinus1 = "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632550";

    [Theory]
    [InlineData("3006020101020102", "01", "02")]
    [InlineData("30070202008002017f", "80", "7f")]
    [InlineData("3046022100" + NMinus1 + "022100" + NMinus1, NMinus1, NMinus1)]
    public void DecodeDer_StrictEncodings_Accepted(string der, string r, string s)
    {
        EcdsaSignature signature = EcdsaSignature.DecodeDer(Convert.FromHexString(der), EcNamedCurve.P256);
        Convert.ToHexStringLower(signature.R.Span).ShouldBe(r);
        Convert.ToHexStringLower(signature.S.Span).ShouldBe(s);
        Convert.ToHexStringLower(signature.EncodeDer()).ShouldBe(der); // one signature, one encoding
    }

    [Theory]
    [InlineData("30070202000102010 2", SignatureError.MalformedSignature)]  // non-minimal INTEGER
    [InlineData("308106020101020102", SignatureError.MalformedSignature)]   // non-minimal length (BER)
    [InlineData("3080020101020102 0000", SignatureError.MalformedSignature)] // indefinite length (BER)
    [InlineData("300602010102010200", SignatureError.MalformedSignature)]   // trailing byte after the SEQUENCE
    [InlineData("3009020101020102020103", SignatureError.MalformedSignature)] // a third INTEGER
    [InlineData("3007020101020102 05", SignatureError.MalformedSignature)]  // length covers a truncated element
    [InlineData("3106020101020102", SignatureError.MalformedSignature)]     // SET, not SEQUENCE
    [InlineData("3006040101020102", SignatureError.MalformedSignature)]     // OCTET STRING r
    [InlineData("30050201010201", SignatureError.MalformedSignature)]       // truncated
    [InlineData("3004020002 0101", SignatureError.MalformedSignature)]      // empty INTEGER
    [InlineData("", SignatureError.MalformedSignature)]
    [InlineData("3006020181020102", SignatureError.SignatureOutOfRange)]    // negative r
    [InlineData("30060201010201ff", SignatureError.SignatureOutOfRange)]    // negative s
    [InlineData("3006020100020102", SignatureError.SignatureOutOfRange)]    // r = 0
    [InlineData("3006020101020100", SignatureError.SignatureOutOfRange)]    // s = 0
    [InlineData("3026020101022100" + N, SignatureError.SignatureOutOfRange)] // s = n
    [InlineData("3027020101022200" + N + "00", SignatureError.SignatureOutOfRange)] // s > n, longer than n
    public void DecodeDer_NonStrictOrOutOfRange_TypedReason(string der, SignatureError reason)
    {
        byte[] bytes = Convert.FromHexString(der.Replace(" ", string.Empty));
        Should.Throw<SignatureException>(() => EcdsaSignature.DecodeDer(bytes, EcNamedCurve.P256)).Reason.ShouldBe(reason);
    }

    [Fact]
    public void DerToP1363_SmallValues_LeftPadded()
    {
        byte[] fixedWidth = EcdsaSignature.DerToP1363(Convert.FromHexString("30070202008002017f"), EcNamedCurve.P256);
        fixedWidth.Length.ShouldBe(64);
        fixedWidth[31].ShouldBe((byte)0x80);
        fixedWidth[63].ShouldBe((byte)0x7f);
        fixedWidth.Count(b => b != 0).ShouldBe(2);
        Convert.ToHexStringLower(EcdsaSignature.P1363ToDer(fixedWidth, EcNamedCurve.P256)).ShouldBe("30070202008002017f");
    }

    [Fact]
    public void DecodeP1363_P521_UsesOrderLength()
    {
        byte[] fixedWidth = new byte[132];
        fixedWidth[65] = 1;
        fixedWidth[131] = 2;
        EcdsaSignature signature = EcdsaSignature.DecodeP1363(fixedWidth, EcNamedCurve.P521);
        Convert.ToHexStringLower(signature.EncodeDer()).ShouldBe("3006020101020102");
        signature.ToP1363(EcNamedCurve.P521.OrderSize).ShouldBe(fixedWidth);
    }

    [Theory]
    [InlineData(63)]
    [InlineData(65)]
    [InlineData(0)]
    public void DecodeP1363_WrongLength_Malformed(int length) =>
        Should.Throw<SignatureException>(() => EcdsaSignature.DecodeP1363(new byte[length], EcNamedCurve.P256)).Reason.ShouldBe(SignatureError.MalformedSignature);

    [Fact]
    public void DecodeP1363_ZeroOrOrder_OutOfRange()
    {
        byte[] zero = new byte[64];
        zero[63] = 1;
        Should.Throw<SignatureException>(() => EcdsaSignature.DecodeP1363(zero, EcNamedCurve.P256)).Reason.ShouldBe(SignatureError.SignatureOutOfRange);
        byte[] order = Convert.FromHexString(N + N);
        Should.Throw<SignatureException>(() => EcdsaSignature.DecodeP1363(order, EcNamedCurve.P256)).Reason.ShouldBe(SignatureError.SignatureOutOfRange);
    }

    [Fact]
    public void ToP1363_TooSmall_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => EcdsaSignature.DecodeDer(Convert.FromHexString("30070202008002017f"), EcNamedCurve.P256).ToP1363(0));

    [Fact]
    public void Encode_Writer_SameAsEncodeDer()
    {
        EcdsaSignature signature = EcdsaSignature.DecodeDer(Convert.FromHexString("30070202008002017f"), EcNamedCurve.P256);
        using var writer = new DerWriter();
        signature.Encode(writer);
        writer.ToArray().ShouldBe(signature.EncodeDer());
    }

    [Fact]
    public void DecodeDer_EveryProperPrefix_Malformed()
    {
        byte[] der = Convert.FromHexString("3046022100" + NMinus1 + "022100" + NMinus1);
        for (int length = 0; length < der.Length; length++)
        {
            byte[] prefix = der[..length];
            Should.Throw<SignatureException>(() => EcdsaSignature.DecodeDer(prefix, EcNamedCurve.P256)).Reason.ShouldBe(SignatureError.MalformedSignature);
        }
    }
}
