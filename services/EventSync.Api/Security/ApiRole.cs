namespace EventSync.Api.Security;

/// <summary>What a key may do, each role all that the one before it may: read; work on errors; change the tenant's settings.</summary>
public enum ApiRole
{
    /// <summary>Reads everything of its tenants; every change is refused (403).</summary>
    Reader,

    /// <summary>Also resyncs, reports failures and creates views.</summary>
    Operator,

    /// <summary>Also changes the allocation, the notification settings and the record links, and recounts the cards.</summary>
    Admin,
}
