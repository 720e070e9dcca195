using System.Text.RegularExpressions;
using ManagedTls.Tests.TestSupport;
using ManagedTls.Tests.X509.Building;
using ManagedTls.X509.Configuration;

namespace ManagedTls.Tests.X509.Configuration;

/// <summary>The NCONF subset: values and errors compared with what <c>openssl req -config</c> makes of the same text.</summary>
public sealed partial class OpenSslConfigTests
{
    [Fact]
    public void Load_SystemOpenSslCnf_Parses()
    {
        const string path = "/usr/lib/ssl/openssl.cnf";
        Skip.IfNot(File.Exists(path), "no system openssl.cnf");

        OpenSslConfig config = OpenSslConfig.Load(path);

        config.SectionNames[0].ShouldBe("default");
        config.SectionNames.ShouldContain("CA_default");
        config.SectionNames.ShouldContain("req");
        config.GetValue("CA_default", "dir").ShouldBe("./demoCA");
        config.GetValue("CA_default", "certs").ShouldBe("./demoCA/certs");
        config.GetValue("CA_default", "private_key").ShouldBe("./demoCA/private/cakey.pem");
        config.GetValue("req", "default_bits").ShouldBe("2048");
        config.GetValue("req", "distinguished_name").ShouldBe("req_distinguished_name");
        config.GetSection("v3_ca")!.Select(p => p.Key).ShouldContain("basicConstraints");
        config.GetSection("no such section").ShouldBeNull();
    }

    /// <summary>Definitions placed before <c>[dn]</c>, and the CN value expression; openssl shows the result as the subject.</summary>
    public static TheoryData<string, string> Values => new()
    {
        { "", "plain" },
        { "", "  spaced out   " },
        { "", "a # comment" },
        { "", "\"a # not a comment\"" },
        { "", "'single' \"double\" `back`" },
        { "", "\"a\"\"b\"" },
        { "", "x\\#y" },
        { "", "\"in \\\" quote\"" },
        { "", "'it''s'" },
        { "v = value", "$v" },
        { "v = value", "${v}" },
        { "v = value", "$(v)" },
        { "v = value", "pre$v.post" },
        { "v = value", "pre${v}post" },
        { "v = value", "'$v'" },
        { "v = value", "\\$v" },
        { "[ other ]\nv = from other", "$other::v" },
        { "[ other ]\nv = from other", "${other::v}" },
        { "v = from default\n[ other ]\nw = 1", "$other::v" },
        { "other::v = assigned across", "${other::v}" },
        { "a = A\nb = $a$a", "$b-$a" },
        { "v = first\nv = second", "$v" },
        { "", "continued \\\n line" },
        { "", "two \\\n con \\\n tinuations" },
        { "path = /tmp", "${path}/x" },
        { ".pragma dollarid:true\nv = V", "a$v${v}" },
        { ".pragma = dollarid : on\nv$x = dollar", "${v$x}" },
    };

    [SkippableTheory]
    [MemberData(nameof(Values))]
    public void Parse_Value_MatchesOpenSsl(string definitions, string expression)
    {
        string text = $"{definitions}\n[ req ]\ndistinguished_name = dn\nprompt = no\n[ dn ]\nCN = {expression}\n";
        string expected = OpenSslValue(text);

        OpenSslConfig config = OpenSslConfig.Parse(text);

        config.GetValue("dn", "CN").ShouldBe(expected);
    }

    public static TheoryData<string> Errors => new()
    {
        "a = 1\n[ s ]\nfoo\n",
        "a = 1\nfoo bar  \n",
        "a = $nope\n",
        "a = ${nope}\n",
        "x = 1\na = $(x\n",
        "x = 1\nb = ${x\n",
        "[ s \nx=1\n",
        "[ a = ]\n",
        "# comment\n\n  [ ok ]\nx=1\n[unclosed\n",
        ".pragma dollarid:maybe\n",
        ".pragma foo\n",
        ".pragma abspath:true\n.include relative.cnf\n",
        "a = 1 \\\nb = 2 \\\n\nfoo\n",
        "[ my section ]\nv = 1\nx = ${my section::v}\n",
        "a = " + new string('x', 40000) + "\nb = $a$a\n",
    };

    [SkippableTheory]
    [MemberData(nameof(Errors))]
    public void Parse_Error_LineAndReasonMatchOpenSsl(string text)
    {
        using var scratch = new BuildScratch();
        string file = scratch.Write("bad.cnf", text);
        ProcessResult result = OpenSslPeer.TryRun(null, "req", "-config", file, "-new", "-key", scratch.Write("k.pem", BuildScratch.KeyPem("p256")), "-subj", "/CN=x", "-noout");
        result.ExitCode.ShouldNotBe(0);
        Match header = HeaderPattern().Match(result.Stderr);
        header.Success.ShouldBeTrue(result.Stderr);
        string errorLine = ErrorPattern().Match(result.Stderr).Groups[1].Value;

        OpenSslConfigException e = Should.Throw<OpenSslConfigException>(() => OpenSslConfig.Load(file));

        e.Line.ShouldBe(int.Parse(header.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        e.OpenSslErrorText.ShouldBe(errorLine);
        e.FileName.ShouldBe(file);
    }

    [SkippableFact]
    public void Include_FilesAndDirectories_ReadInPlace()
    {
        using var scratch = new BuildScratch();
        Directory.CreateDirectory(scratch.File("conf.d"));
        scratch.Write("conf.d/10-first.cnf", "from_dir_1 = one\n");
        scratch.Write("conf.d/20-second.conf", "[ dir_section ]\nfrom_dir_2 = two\n");
        scratch.Write("conf.d/ignored.txt", "ignored = yes\n");
        scratch.Write("inc.cnf", "included = yes\nshared = from include\n");
        string main = scratch.Write("main.cnf",
            $"top = 1\n[ s ]\n.include {scratch.File("inc.cnf")}\nafter = $included\n.include = {scratch.File("missing.cnf")}\n.include {scratch.File("conf.d")}\n[ t ]\nx = $s::from_dir_1\n");

        OpenSslConfig config = OpenSslConfig.Load(main);

        config.GetSection("s")!.Select(p => $"{p.Key}={p.Value}").ShouldBe(["included=yes", "shared=from include", "after=yes", "from_dir_1=one"]);
        config.GetValue("dir_section", "from_dir_2").ShouldBe("two");
        config.GetValue("dir_section", "ignored").ShouldBeNull();
        config.GetValue("t", "x").ShouldBe("one");

        // openssl reads the same includes: the value computed from an included file reaches the subject.
        scratch.Write("req.cnf", $".include {main}\n[ req ]\ndistinguished_name = dn\nprompt = no\n[ dn ]\nCN = ${{s::after}}-${{dir_section::from_dir_2}}\n");
        OpenSslValue(File.ReadAllText(scratch.File("req.cnf"))).ShouldBe(OpenSslConfig.Load(scratch.File("req.cnf")).GetValue("dn", "CN"));
    }

    [SkippableFact]
    public void Include_ErrorInIncludedFile_CountsLinesAcrossFiles()
    {
        using var scratch = new BuildScratch();
        string inner = scratch.Write("inner.cnf", "x = 1\nbad line\n");
        string outer = scratch.Write("outer.cnf", $"a = 1\n.include {inner}\n[ req ]\n");
        ProcessResult result = OpenSslPeer.TryRun(null, "req", "-config", outer, "-new", "-key", scratch.Write("k.pem", BuildScratch.KeyPem("p256")), "-noout");

        OpenSslConfigException e = Should.Throw<OpenSslConfigException>(() => OpenSslConfig.Load(outer));

        result.Stderr.ShouldContain($"Error on line {e.Line} of config file");
        e.Line.ShouldBe(4);
        e.Reason.ShouldBe("missing equal sign");
        e.ErrorData.ShouldBe("HERE-->line");
    }

    [Fact]
    public void Include_IncludeDirPragma_ResolvesRelativePaths()
    {
        using var scratch = new BuildScratch();
        scratch.Write("rel.cnf", "found = yes\n");

        OpenSslConfig config = OpenSslConfig.Parse($".pragma includedir:{scratch.Path}\n.include rel.cnf\n");

        config.GetValue(null, "found").ShouldBe("yes");
    }

    public static TheoryData<string, string> Escapes => new()
    {
        { "a\\tb", "a\tb" },
        { "a\\nb\\rc\\bd", "a\nb\rc\bd" },
        { "\"a\\tb\"", "atb" },
        { "\\q\\\\", "q\\" },
        { "$$x", "$$x" }, // only with the pragma; see below
    };

    [Theory]
    [MemberData(nameof(Escapes))]
    public void Parse_Escapes_AsStrCopy(string value, string expected)
    {
        string text = value.StartsWith('$') ? $".pragma dollarid:on\nv = {value}\n" : $"v = {value}\n";

        OpenSslConfig.Parse(text).GetValue(null, "v").ShouldBe(expected);
    }

    [Fact]
    public void GetValue_EnvSectionAndDefaultFallback()
    {
        OpenSslConfig config = OpenSslConfig.Parse("d = in default\nhome = $ENV::HOME\n[ s ]\nlocal = 1\n");

        config.GetValue("s", "d").ShouldBe("in default");
        config.GetValue("s", "local").ShouldBe("1");
        config.GetValue(null, "local").ShouldBeNull();
        config.GetValue("ENV", "PATH").ShouldBe(Environment.GetEnvironmentVariable("PATH"));
        config.GetValue(null, "home").ShouldBe(Environment.GetEnvironmentVariable("HOME") ?? string.Empty);
    }

    [Fact]
    public void Parse_DuplicateName_LastWinsAndMovesToEnd()
    {
        OpenSslConfig config = OpenSslConfig.Parse("[ s ]\na = 1\nb = 2\na = 3\n");

        config.GetSection("s")!.Select(p => $"{p.Key}={p.Value}").ShouldBe(["b=2", "a=3"]);
        OpenSslConfig.Parse("[  my  section ]\nv = 1\n").GetValue("my  section", "v").ShouldBe("1");
    }

    [Fact]
    public void Load_MissingFile_NoSuchFile()
    {
        OpenSslConfigException e = Should.Throw<OpenSslConfigException>(() => OpenSslConfig.Load("/nonexistent/mtls.cnf"));

        e.Reason.ShouldBe("no such file");
    }

    [Fact]
    public void Include_Recursive_RefusedNotHung()
    {
        using var scratch = new BuildScratch();
        string self = scratch.File("self.cnf");
        File.WriteAllText(self, $"x = 1\n.include {self}\n");

        Should.Throw<OpenSslConfigException>(() => OpenSslConfig.Load(self)).Reason.ShouldBe("include nesting too deep");
    }

    private static string OpenSslValue(string configText)
    {
        using var scratch = new BuildScratch();
        string file = scratch.Write("v.cnf", configText);
        string key = scratch.Write("k.pem", BuildScratch.KeyPem("p256"));
        string subject = OpenSslPeer.Run("req", "-config", file, "-new", "-key", key, "-noout", "-subject", "-nameopt", "utf8,sep_comma_plus,space_eq,-esc_2253").Stdout;
        subject.ShouldStartWith("subject=CN = ");
        return subject["subject=CN = ".Length..^1];
    }

    [GeneratedRegex("Error on line ([0-9]+) of config file")]
    private static partial Regex HeaderPattern();

    [GeneratedRegex(":(error:[0-9A-F]{8}:.*)")]
    private static partial Regex ErrorPattern();
}
