using ManagedTls.Tls;
using ManagedTls.Tls.Wire;
using Shouldly;
using Xunit;

namespace ManagedTls.Tests.Tls.Wire;

public class TlsWireTests
{
    [Fact]
    public void Scopes_write_length_prefixes_that_the_reader_follows()
    {
        using var writer = new TlsWriter(4);
        writer.WriteUInt16(0x0303);
        using (writer.PushVector24())
        {
            using (writer.PushVector16())
            {
                writer.WriteVector8([1, 2, 3]);
                writer.WriteUInt32(0xDEADBEEF);
            }

            writer.WriteVector16(new byte[300]);
        }

        writer.WriteHexString().ShouldStartWith("0303" + "000138" + "0008" + "03010203" + "deadbeef" + "012c");

        var reader = new TlsReader(writer.WrittenSpan);
        reader.ReadUInt16().ShouldBe((ushort)0x0303);
        TlsReader body = reader.ReadNested24();
        reader.ExpectEnd("test");
        TlsReader inner = body.ReadNested16();
        inner.ReadVector8(1, 3).ToArray().ShouldBe(new byte[] { 1, 2, 3 });
        inner.ReadUInt32().ShouldBe(0xDEADBEEF);
        inner.ExpectEnd("inner");
        body.ReadVector16().Length.ShouldBe(300);
        body.IsEmpty.ShouldBeTrue();
    }

    [Theory]
    [InlineData("", "u8")]
    [InlineData("01", "u16")]
    [InlineData("0102", "u24")]
    [InlineData("010203", "u32")]
    [InlineData("03AABB", "v8")]
    [InlineData("0003AABB", "v16")]
    [InlineData("000003AABB", "v24")]
    [InlineData("02AABB", "v8 max 1")]
    [InlineData("00", "v8 min 1")]
    [InlineData("01AA", "trailing")]
    public void Truncated_overlong_and_trailing_input_is_a_decode_error(string hex, string operation)
    {
        byte[] data = Convert.FromHexString(hex);
        var ex = Should.Throw<TlsException>(() =>
        {
            var reader = new TlsReader(data);
            switch (operation)
            {
                case "u8": reader.ReadUInt8(); break;
                case "u16": reader.ReadUInt16(); break;
                case "u24": reader.ReadUInt24(); break;
                case "u32": reader.ReadUInt32(); break;
                case "v8": reader.ReadVector8(); break;
                case "v16": reader.ReadVector16(); break;
                case "v24": reader.ReadVector24(); break;
                case "v8 max 1": reader.ReadVector8(0, 1); break;
                case "v8 min 1": reader.ReadVector8(1, 255); break;
                default: reader.ReadUInt8(); reader.ExpectEnd("test"); break;
            }
        });
        ex.Alert.ShouldBe(TlsAlertDescription.DecodeError);
        ex.Error.ShouldBe(TlsError.Malformed);
    }

    [Fact]
    public void A_scope_refuses_content_longer_than_its_prefix()
    {
        using var writer = new TlsWriter();
        Should.Throw<InvalidOperationException>(() => writer.WriteVector8(new byte[256]));
    }
}

internal static class TlsWriterTestExtensions
{
    public static string WriteHexString(this TlsWriter writer) => Convert.ToHexString(writer.WrittenSpan).ToLowerInvariant();
}
