using EventSync.Core.Webhooks;

namespace EventSync.Storage.MongoDb.Documents;

/// <summary>One endpoint inside a tenant's <see cref="WebhookEndpointsDocument"/>.</summary>
internal sealed class WebhookEndpointDocument
{
    public string Id { get; set; } = "";

    public string Url { get; set; } = "";

    public string Secret { get; set; } = "";

    public string Format { get; set; } = "";

    public List<string> Events { get; set; } = [];

    public bool Enabled { get; set; }

    public static WebhookEndpointDocument From(WebhookEndpoint endpoint) => new()
    {
        Id = endpoint.Id,
        Url = endpoint.Url,
        Secret = endpoint.Secret,
        Format = endpoint.Format,
        Events = [.. endpoint.Events],
        Enabled = endpoint.Enabled,
    };

    public WebhookEndpoint ToEndpoint() => new(Id, Url, Secret, Format, Events, Enabled);
}
