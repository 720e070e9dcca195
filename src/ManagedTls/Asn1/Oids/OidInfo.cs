namespace ManagedTls.Asn1;

/// <summary>An object identifier with the names OpenSSL gives it.</summary>
/// <param name="Dotted">The dotted-decimal form, e.g. <c>2.5.4.3</c>.</param>
/// <param name="ShortName">OpenSSL's short name (<c>OBJ_nid2sn</c>), e.g. <c>CN</c>.</param>
/// <param name="LongName">
/// OpenSSL's long name (<c>OBJ_nid2ln</c>), e.g. <c>commonName</c>; this is what <c>openssl asn1parse</c> and
/// <c>OBJ_obj2txt(no_name=0)</c> print. Equal to <paramref name="ShortName"/> when OpenSSL has only one name.
/// </param>
public sealed record OidInfo(string Dotted, string ShortName, string LongName);
