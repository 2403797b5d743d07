using EventSync.Api.Localization;
using EventSync.Api.RateLimiting;
using EventSync.Api.Requests;
using EventSync.Api.Settings;
using EventSync.Contracts;
using EventSync.Core.Notifications;
using EventSync.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Options;

namespace EventSync.Api.Endpoints;

/// <summary>
/// <c>POST /api/tenants/{tenantId}/notifications/test</c>: sends a digest of the current state now, to check the
/// settings: a forced <see cref="SendErrorDigest"/> for the period since the last digest (or the last 24 hours). Each one
/// mails every recipient, so a tenant may send only a few per window (<c>NotificationTestsPerWindow</c>).
/// </summary>
internal static class NotificationTestEndpoints
{
    private const string RecipientsField = "recipients";

    public static RouteGroupBuilder MapNotificationTest(this RouteGroupBuilder tenant)
    {
        tenant.MapPost("/notifications/test", SendTestAsync)
            .WithName("SendTestDigest")
            .WithSummary("Send a digest of the current state now to the tenant's recipients")
            .Produces<NotificationTestAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(ApiRateLimitPolicies.NotificationTest)
            .TakesNoBody();
        return tenant;
    }

    private static async Task<IResult> SendTestAsync(
        string tenantId,
        INotificationSettingsStore settingsStore,
        IDigestClaimStore claims,
        IPublishEndpoint publisher,
        IOptions<MessagingOptions> messaging,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var settings = await settingsStore.GetAsync(tenantId, cancellationToken);
        if (settings is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: ProblemTexts.NoNotificationSettingsTitle,
                detail: ProblemFormat.With(ProblemTexts.NoNotificationSettingsDetail, tenantId, RecipientsField));
        }

        if (settings.Recipients.Count == 0)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [RecipientsField] = [ProblemTexts.NoRecipients] },
                title: ProblemTexts.NoRecipientsTitle);
        }

        var now = clock.GetUtcNow();
        var start = (await claims.LastSentDigestAsync(tenantId, cancellationToken))?.PeriodEnd ?? now.AddHours(-24);
        await messaging.Within(
            token => publisher.Publish(
                new SendErrorDigest { TenantId = tenantId, Frequency = settings.Frequency, PeriodStart = start, PeriodEnd = now, Force = true },
                token),
            cancellationToken);
        return TypedResults.Accepted(
            (string?)null,
            new NotificationTestAccepted(NotificationSettingsReader.ToWire(settings.Frequency), start, now, settings.Recipients));
    }
}
