namespace EventSync.Api.Tests.Infrastructure;

/// <summary>A host of its own with named keys of every tenant: <c>ada</c> an admin, <c>otto</c> an operator, <c>rita</c> a reader.</summary>
public sealed class AuditApiHost : ApiHost
{
    public string AdaKey { get; } = NewKey();

    public string OttoKey { get; } = NewKey();

    public string RitaKey { get; } = NewKey();

    protected override IEnumerable<string> Settings =>
    [
        $"EventSync:Api:Keys:ada:Key={AdaKey}",
        "EventSync:Api:Keys:ada:Role=admin",
        "EventSync:Api:Keys:ada:Tenants=*",
        $"EventSync:Api:Keys:otto:Key={OttoKey}",
        "EventSync:Api:Keys:otto:Role=operator",
        "EventSync:Api:Keys:otto:Tenants=*",
        $"EventSync:Api:Keys:rita:Key={RitaKey}",
        "EventSync:Api:Keys:rita:Role=reader",
        "EventSync:Api:Keys:rita:Tenants=*",
    ];
}
