using EventSync.Api.Security;

namespace EventSync.Api.Tests.Infrastructure;

/// <summary>
/// A host of its own with named keys on <see cref="ApiHost.Acme"/>: a reader, an operator (given as a SHA-256 hash, as a
/// configuration that holds no secret would), an admin, and an operator of every tenant.
/// </summary>
public sealed class RolesApiHost : ApiHost
{
    public string ReaderKey { get; } = NewKey();

    public string OperatorKey { get; } = NewKey();

    public string TenantAdminKey { get; } = NewKey();

    public string EveryTenantOperatorKey { get; } = NewKey();

    public string KeyOf(string role) => role switch
    {
        "reader" => ReaderKey,
        "operator" => OperatorKey,
        "admin" => TenantAdminKey,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "reader, operator or admin"),
    };

    protected override IEnumerable<string> Settings =>
    [
        $"EventSync:Api:Keys:rita:Key={ReaderKey}",
        "EventSync:Api:Keys:rita:Role=reader",
        $"EventSync:Api:Keys:rita:Tenants={Acme}",
        $"EventSync:Api:Keys:otto:KeyHash={ApiKeyAuthorizer.HashOf(OperatorKey)}",
        "EventSync:Api:Keys:otto:Role=operator",
        $"EventSync:Api:Keys:otto:Tenants={Acme}",
        $"EventSync:Api:Keys:ada:Key={TenantAdminKey}",
        "EventSync:Api:Keys:ada:Role=admin",
        $"EventSync:Api:Keys:ada:Tenants={Acme}, {Globex}",
        $"EventSync:Api:Keys:sync-engine:Key={EveryTenantOperatorKey}",
        "EventSync:Api:Keys:sync-engine:Role=operator",
        "EventSync:Api:Keys:sync-engine:Tenants=*",
    ];
}
