using ManagedTls.Cli;
using ManagedTls.Tests.TestSupport;

namespace ManagedTls.Tests.Cli;

public class CommandLineTests
{
    [Fact]
    public void Run_UnknownVerb_PrintsOpenSslMessageAndExits1()
    {
        ProcessResult result = Mtls.Run("frobnicate");

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldBe("Invalid command 'frobnicate'; type \"help\" for a list.\n");
    }

    [Fact]
    public void Run_NoVerb_ListsCommandsAndExits1()
    {
        ProcessResult result = Mtls.Run();

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain("Standard commands");
    }

    [Fact]
    public void Run_UnknownFlag_PrintsUsageHintAndExits1()
    {
        ProcessResult result = Mtls.Run("version", "-bogus");

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldBe("version: Unknown option: -bogus\nversion: Use -help for summary.\n");
    }

    [Fact]
    public void Run_Help_PrintsSummaryOnStderrAndExits0()
    {
        ProcessResult result = Mtls.Run("version", "-help");

        result.ExitCode.ShouldBe(0);
        result.Stderr.ShouldStartWith("Usage: version [options]\n\nGeneral options:\n -help  Display this summary\n");
    }

    [Theory]
    [InlineData("rand", "-hex", "100")]
    [InlineData("asn1parse", "-inform", "DER")]
    public void Run_StdoutWriteFails_ReportsOneLineAndExits1(params string[] args)
    {
        var stderr = new StringWriter { NewLine = "\n" };

        int code = CommandLine.Run(args, new MemoryStream([0x30, 0x03, 0x02, 0x01, 0x05]), new FullStream(), stderr);

        code.ShouldBe(1);
        stderr.ToString().ShouldBe($"{args[0]}: No space left on device\n");
    }

    [SkippableFact]
    public void Run_OutFileWriteFails_ReportsOneLineAndExits1()
    {
        Skip.IfNot(File.Exists("/dev/full"), "needs /dev/full");

        ProcessResult result = Mtls.Run("rand", "-out", "/dev/full", "100");

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldStartWith("rand: No space left on device");
        result.Stderr.ShouldNotContain("   at ");
    }

    /// <summary>A stdout whose every write fails, as on a full disk.</summary>
    private sealed class FullStream : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("No space left on device");
    }
}
