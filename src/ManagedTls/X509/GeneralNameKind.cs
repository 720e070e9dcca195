namespace ManagedTls.X509;

/// <summary>The CHOICE arms of a GeneralName (RFC 5280 §4.2.1.6), numbered by their context tag.</summary>
public enum GeneralNameKind
{
    /// <summary><c>[0] otherName</c>: a type OID and a value (UPN, SmtpUTF8Mailbox, ...).</summary>
    OtherName = 0,

    /// <summary><c>[1] rfc822Name</c>: an e-mail address (IA5String).</summary>
    Rfc822Name = 1,

    /// <summary><c>[2] dNSName</c> (IA5String).</summary>
    DnsName = 2,

    /// <summary><c>[3] x400Address</c> (kept raw).</summary>
    X400Address = 3,

    /// <summary><c>[4] directoryName</c>: a Name.</summary>
    DirectoryName = 4,

    /// <summary><c>[5] ediPartyName</c> (kept raw).</summary>
    EdiPartyName = 5,

    /// <summary><c>[6] uniformResourceIdentifier</c> (IA5String).</summary>
    Uri = 6,

    /// <summary><c>[7] iPAddress</c>: 4 or 16 octets (8 or 32 with a mask in name constraints).</summary>
    IPAddress = 7,

    /// <summary><c>[8] registeredID</c>: an OID.</summary>
    RegisteredId = 8,
}
