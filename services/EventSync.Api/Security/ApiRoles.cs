namespace EventSync.Api.Security;

/// <summary>The roles as configuration and the API write them: <c>reader</c>, <c>operator</c>, <c>admin</c>.</summary>
public static class ApiRoles
{
    public static ApiRole? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "reader" => ApiRole.Reader,
        "operator" => ApiRole.Operator,
        "admin" => ApiRole.Admin,
        _ => null,
    };

    public static string ToWire(this ApiRole role) => role.ToString().ToLowerInvariant();
}
