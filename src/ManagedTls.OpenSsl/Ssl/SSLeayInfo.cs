namespace ManagedTls.OpenSsl;

/// <summary>pyOpenSSL's <c>SSL.SSLEAY_*</c> constants (OpenSSL 1.1+ values of <c>OPENSSL_VERSION</c> …), for <see cref="Ssl.SSLeayVersion"/>.</summary>
public enum SSLeayInfo
{
    /// <summary><c>SSLEAY_VERSION</c>: the library name and version.</summary>
    Version = 0,

    /// <summary><c>SSLEAY_CFLAGS</c>: how the library was compiled.</summary>
    CFlags = 1,

    /// <summary><c>SSLEAY_BUILT_ON</c>: when it was built.</summary>
    BuiltOn = 2,

    /// <summary><c>SSLEAY_PLATFORM</c>: the platform it runs on.</summary>
    Platform = 3,

    /// <summary><c>SSLEAY_DIR</c>: the directory under which the default certificate locations live.</summary>
    Dir = 4,
}
