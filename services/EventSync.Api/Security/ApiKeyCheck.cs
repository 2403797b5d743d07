namespace EventSync.Api.Security;

public enum ApiKeyCheck
{
    /// <summary>The key opens the tenant.</summary>
    Allowed,

    /// <summary>No key, or a key EventSync does not know: 401.</summary>
    Unauthenticated,

    /// <summary>A valid key for other tenants: 404, so that other tenants' existence is not revealed.</summary>
    NotThisTenant,
}
