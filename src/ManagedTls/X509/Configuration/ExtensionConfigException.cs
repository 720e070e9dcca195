namespace ManagedTls.X509.Configuration;

/// <summary>
/// An extension value in OpenSSL's x509v3_config syntax was rejected. <see cref="Reason"/> is the reason string
/// OpenSSL 3.0 prints for the same input (e.g. <c>bad ip address</c>, <c>unknown extension name</c>,
/// <c>invalid extension string</c>), so a command-line front end can print it.
/// </summary>
public sealed class ExtensionConfigException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reasons">OpenSSL's reason strings in the order OpenSSL prints them (innermost first).</param>
    /// <param name="function">The OpenSSL function that raised the first reason (e.g. <c>a2i_GENERAL_NAME</c>).</param>
    /// <param name="detail">The error data OpenSSL prints with the first reason (e.g. <c>value=1.2.3</c>), or empty.</param>
    /// <param name="name">The extension name as given.</param>
    /// <param name="value">The extension value as given.</param>
    public ExtensionConfigException(IReadOnlyList<string> reasons, string function, string detail, string name, string value)
        : base($"{string.Join(": ", reasons)}{(detail.Length > 0 ? $" ({detail})" : string.Empty)}: name={name}, value={value}")
    {
        ArgumentNullException.ThrowIfNull(reasons);
        Reasons = reasons;
        Function = function;
        Detail = detail;
        Name = name;
        Value = value;
    }

    /// <summary>The first (innermost) reason, as OpenSSL prints it.</summary>
    public string Reason => Reasons.Count > 0 ? Reasons[0] : string.Empty;

    /// <summary>Every reason OpenSSL prints before its final <c>error in extension</c> line, innermost first
    /// (e.g. <c>invalid empty name</c> then <c>invalid extension string</c>).</summary>
    public IReadOnlyList<string> Reasons { get; }

    /// <summary>The OpenSSL function that raises <see cref="Reason"/>.</summary>
    public string Function { get; }

    /// <summary>The data OpenSSL prints after <see cref="Reason"/>, or empty.</summary>
    public string Detail { get; }

    /// <summary>The extension name.</summary>
    public string Name { get; }

    /// <summary>The extension value.</summary>
    public string Value { get; }
}
