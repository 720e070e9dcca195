namespace ManagedTls.X509.Configuration;

/// <summary>
/// An OpenSSL configuration file could not be loaded. The properties carry what OpenSSL 3.0 reports for the same
/// input, so a command-line front end can print <c>Error on line N of config file "f"</c> and the error line.
/// </summary>
public sealed class OpenSslConfigException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">OpenSSL's reason string, e.g. <c>missing equal sign</c>.</param>
    /// <param name="reasonCode">OpenSSL's CONF_R_* reason number.</param>
    /// <param name="function">The OpenSSL function that raises it (<c>def_load_bio</c>, <c>str_copy</c>, <c>parsebool</c>).</param>
    /// <param name="line">The line number OpenSSL reports (physical lines read so far, counted across included files); 0 when no line was read.</param>
    /// <param name="data">Extra error data OpenSSL prints after the location (e.g. <c>HERE--&gt;bar</c>), or empty.</param>
    /// <param name="fileName">The file being loaded, when loading from a file.</param>
    /// <param name="sourceLocation">Where OpenSSL 3.0.19 raises it (<c>../crypto/conf/conf_def.c:529</c>), as printed in its error line.</param>
    public OpenSslConfigException(string reason, int reasonCode, string function, int line, string data, string? fileName, string sourceLocation)
        : base(line > 0 ? $"{reason} on line {line}{(fileName is null ? string.Empty : $" of config file \"{fileName}\"")}{(data.Length > 0 ? $" ({data})" : string.Empty)}" : $"{reason}{(fileName is null ? string.Empty : $": {fileName}")}")
    {
        Reason = reason;
        ReasonCode = reasonCode;
        Function = function;
        Line = line;
        ErrorData = data;
        FileName = fileName;
        SourceLocation = sourceLocation;
    }

    /// <summary>OpenSSL's reason string (<c>missing equal sign</c>, <c>missing close square bracket</c>, <c>no close brace</c>,
    /// <c>variable has no value</c>, <c>variable expansion too long</c>, <c>invalid pragma</c>, <c>relative path</c>,
    /// <c>no such file</c>; and <c>include nesting too deep</c>, which is ManagedTls's own).</summary>
    public string Reason { get; }

    /// <summary>OpenSSL's CONF_R_* number (the low 23 bits of the packed error code).</summary>
    public int ReasonCode { get; }

    /// <summary>The OpenSSL function name printed in the error line.</summary>
    public string Function { get; }

    /// <summary>The line number as OpenSSL reports it.</summary>
    public int Line { get; }

    /// <summary>The error data before OpenSSL's appended <c>line N</c> (e.g. <c>HERE--&gt;bar</c>), or empty.</summary>
    public string ErrorData { get; }

    /// <summary>The file name given to <see cref="OpenSslConfig.Load(string)"/>, or null for parsed text.</summary>
    public string? FileName { get; }

    /// <summary>The OpenSSL source location printed in the error line.</summary>
    public string SourceLocation { get; }

    /// <summary>The packed error code OpenSSL prints (<c>ERR_LIB_CONF</c> = 14 in the high byte), e.g. <c>07000065</c>.</summary>
    public string OpenSslCode => $"{(14 << 23) | ReasonCode:X8}";

    /// <summary>
    /// The error line OpenSSL 3.0 prints after its thread-id prefix, e.g.
    /// <c>error:07000065:configuration file routines:def_load_bio:missing equal sign:../crypto/conf/conf_def.c:529:HERE--&gt;barline 2</c>
    /// (the data and <c>line N</c> are concatenated, as OpenSSL does).
    /// </summary>
    public string OpenSslErrorText => $"error:{OpenSslCode}:configuration file routines:{Function}:{Reason}:{SourceLocation}:{ErrorData}{(Line > 0 ? $"line {Line}" : string.Empty)}";
}
