namespace EventSync.Api.Endpoints;

/// <summary>Who the key is: its name (recorded as who did something), its role, and its tenants (null: every tenant).</summary>
internal sealed record PrincipalView(string Name, string Role, IReadOnlyList<string>? Tenants);
