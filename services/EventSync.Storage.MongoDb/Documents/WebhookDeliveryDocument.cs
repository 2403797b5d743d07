using EventSync.Core.Webhooks;

namespace EventSync.Storage.MongoDb.Documents;

/// <summary>The latest attempt of one delivery in <c>webhook_deliveries</c>, keyed by tenant and delivery id.</summary>
internal sealed class WebhookDeliveryDocument
{
    public string Id { get; set; } = "";

    public string TenantId { get; set; } = "";

    public string DeliveryId { get; set; } = "";

    public string EndpointId { get; set; } = "";

    public string Event { get; set; } = "";

    public int Attempt { get; set; }

    public string Outcome { get; set; } = "";

    public int? StatusCode { get; set; }

    public string? Detail { get; set; }

    public DateTimeOffset At { get; set; }

    public static string IdOf(string tenantId, string deliveryId) => $"{tenantId}/{deliveryId}";

    public static WebhookDeliveryDocument From(string tenantId, WebhookDeliveryOutcome outcome) => new()
    {
        Id = IdOf(tenantId, outcome.DeliveryId),
        TenantId = tenantId,
        DeliveryId = outcome.DeliveryId,
        EndpointId = outcome.EndpointId,
        Event = outcome.Event,
        Attempt = outcome.Attempt,
        Outcome = outcome.Outcome,
        StatusCode = outcome.StatusCode,
        Detail = outcome.Detail,
        At = outcome.At,
    };

    public WebhookDeliveryOutcome ToOutcome() =>
        new(DeliveryId, EndpointId, Event, Attempt, Outcome, StatusCode, Detail, At);
}
