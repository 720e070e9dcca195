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
}
