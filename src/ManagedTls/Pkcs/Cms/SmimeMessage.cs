namespace ManagedTls.Pkcs.Cms;

/// <summary>What <see cref="Smime.Read"/> found: the PKCS#7 and, for <c>multipart/signed</c>, the signed content part.</summary>
/// <param name="Message">The PKCS#7 (the signature part, or the whole opaque message).</param>
/// <param name="DetachedContent">The first part of a <c>multipart/signed</c> message, lines re-joined with CRLF as OpenSSL does; null for an opaque message.</param>
public sealed record SmimeMessage(Pkcs7 Message, byte[]? DetachedContent);
