namespace EventSync.Api.Tests.Infrastructure;

/// <summary>A host of its own that accepts webhooks to plain http and private addresses, as tests and on-premise set-ups do.</summary>
public sealed class PrivateWebhooksApiHost : ApiHost
{
    protected override IEnumerable<string> Settings => ["EventSync:Webhooks:AllowPrivateAddresses=true"];
}
