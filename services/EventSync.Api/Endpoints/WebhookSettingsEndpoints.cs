using EventSync.Api.Audit;
using EventSync.Api.Localization;
using EventSync.Api.Queries;
using EventSync.Api.Requests;
using EventSync.Api.Security;
using EventSync.Api.Webhooks;
using EventSync.Core.Audit;
using EventSync.Core.Webhooks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace EventSync.Api.Endpoints;

/// <summary>
/// <c>GET</c> and <c>PUT /api/tenants/{tenantId}/webhooks</c>: where the tenant's notifications are posted, for admins only
/// (an address can carry a token, as Slack's do). A secret is write-only: the answers say only that an endpoint has one.
/// </summary>
internal static class WebhookSettingsEndpoints
{
    public static RouteGroupBuilder MapWebhookSettings(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/webhooks", GetAsync)
            .WithName("GetWebhooks")
            .WithSummary("The tenant's webhook endpoints, without their secrets")
            .Produces<WebhookListView>()
            .RequiresRole(ApiRole.Admin);
        tenant.MapPut("/webhooks", PutAsync)
            .WithName("PutWebhooks")
            .WithSummary($"Replace the tenant's webhook endpoints (at most {WebhookEndpointsReader.MaxEndpoints}); an endpoint sent without a secret keeps its stored one")
            .AcceptsJson<WebhookListRequest>()
            .Produces<WebhookListView>()
            .ProducesValidationProblem()
            .WithBodyLimit(tenant, o => o.MaxSmallBodyBytes)
            .RequiresRole(ApiRole.Admin);
        return tenant;
    }

    // The store from services explicitly: it is registered by the storage of the host, and never a body.
    private static async Task<WebhookListView> GetAsync(string tenantId, [FromServices] IWebhookStore store, CancellationToken cancellationToken) =>
        ViewOf(await store.GetEndpointsAsync(tenantId, cancellationToken));

    private static async Task<IResult> PutAsync(
        string tenantId,
        HttpRequest request,
        [FromServices] IWebhookStore store,
        AuditRecorder audit,
        IOptions<WebhookApiOptions> options,
        CancellationToken cancellationToken)
    {
        var problems = new ValidationProblems();
        var body = await JsonRequestBody.ReadObjectAsync(request, problems, cancellationToken);
        var before = await store.GetEndpointsAsync(tenantId, cancellationToken);
        var endpoints = body is { } json ? WebhookEndpointsReader.Read(json, before, options.Value.AllowPrivateAddresses, problems) : null;
        if (problems.Any || endpoints is null)
        {
            return problems.ToResult(ProblemTexts.WebhooksInvalidTitle);
        }

        await store.ReplaceEndpointsAsync(tenantId, endpoints, cancellationToken);
        // Views only: the audit trail never holds a secret.
        await audit.RecordAsync(request.HttpContext, tenantId, AuditActions.WebhooksChanged, null, ViewOf(before), ViewOf(endpoints), cancellationToken);
        return TypedResults.Ok(ViewOf(endpoints));
    }

    private static WebhookListView ViewOf(IReadOnlyList<WebhookEndpoint> endpoints) =>
        new([.. endpoints.Select(e => new WebhookEndpointView(e.Id, e.Url, e.Format, e.Events, e.Enabled, HasSecret: !string.IsNullOrEmpty(e.Secret)))]);
}
