using System.Globalization;
using EventSync.Api.Localization;
using EventSync.Api.Queries;
using EventSync.Api.RateLimiting;
using EventSync.Api.Requests;
using EventSync.Api.Security;
using EventSync.Api.Webhooks;
using EventSync.Core.Validation;
using EventSync.Core.Webhooks;
using Microsoft.AspNetCore.Mvc;

namespace EventSync.Api.Endpoints;

/// <summary>
/// <c>GET /api/tenants/{tenantId}/webhooks/deliveries</c>: what became of the latest deliveries (operators read it too,
/// to see why a receiver heard nothing; it holds no address nor secret); <c>POST .../webhooks/{endpointId}/test</c>: a
/// test delivery to one endpoint, for admins.
/// </summary>
internal static class WebhookDeliveryEndpoints
{
    public const int DefaultLimit = 50;

    public static RouteGroupBuilder MapWebhookDeliveries(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/webhooks/deliveries", ListAsync)
            .WithName("GetWebhookDeliveries")
            .WithSummary($"The tenant's latest webhook deliveries, newest first (limit: 1 to {IWebhookStore.KeptDeliveries}, default {DefaultLimit})")
            .Produces<WebhookDeliveryListView>()
            .ProducesValidationProblem()
            .RequiresRole(ApiRole.Operator);
        tenant.MapPost("/webhooks/{endpointId}/test", SendTestAsync)
            .WithName("SendTestWebhook")
            .WithSummary("Send a test delivery (event webhook.test) to one of the tenant's webhook endpoints, even a disabled one")
            .Produces<WebhookTestAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(ApiRateLimitPolicies.WebhookTest)
            .TakesNoBody()
            .RequiresRole(ApiRole.Admin);
        return tenant;
    }

    private static async Task<IResult> ListAsync(string tenantId, string? limit, [FromServices] IWebhookStore store, CancellationToken cancellationToken)
    {
        var count = DefaultLimit;
        if (!string.IsNullOrWhiteSpace(limit)
            && !(int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count is >= 1 and <= IWebhookStore.KeptDeliveries))
        {
            var problems = new ValidationProblems();
            problems.Add("limit", ProblemFormat.With(ProblemTexts.WholeNumberRange, IWebhookStore.KeptDeliveries));
            return problems.ToResult(ProblemTexts.QueryInvalidTitle);
        }

        var deliveries = await store.GetRecentDeliveriesAsync(tenantId, count, cancellationToken);
        return TypedResults.Ok(new WebhookDeliveryListView(
            [.. deliveries.Select(d => new WebhookDeliveryView(d.DeliveryId, d.EndpointId, d.Event, d.Attempt, d.Outcome, d.StatusCode, d.Detail, d.At))]));
    }

    private static async Task<IResult> SendTestAsync(
        string tenantId, string endpointId, [FromServices] IWebhookStore store, WebhookTestSender sender, CancellationToken cancellationToken)
    {
        var endpoints = await store.GetEndpointsAsync(tenantId, cancellationToken);
        if (!endpoints.Any(e => string.Equals(e.Id, endpointId, StringComparison.Ordinal)))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: ProblemTexts.NotFoundTitle,
                detail: ProblemFormat.With(ProblemTexts.WebhookEndpointUnknown, ProblemText.Quote(endpointId)));
        }

        var deliveryId = await sender.SendAsync(tenantId, endpointId, cancellationToken);
        return TypedResults.Accepted((string?)null, new WebhookTestAccepted(deliveryId));
    }
}
