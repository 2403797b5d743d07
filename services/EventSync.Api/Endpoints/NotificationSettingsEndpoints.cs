using EventSync.Api.Audit;
using EventSync.Api.Localization;
using EventSync.Api.Queries;
using EventSync.Api.Requests;
using EventSync.Api.Settings;
using EventSync.Core.Audit;
using EventSync.Core.Notifications;

namespace EventSync.Api.Endpoints;

/// <summary><c>GET</c> and <c>PUT /api/tenants/{tenantId}/notification-settings</c>: who hears about errors, how often.</summary>
internal static class NotificationSettingsEndpoints
{
    public static RouteGroupBuilder MapNotificationSettings(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/notification-settings", GetAsync)
            .WithName("GetNotificationSettings")
            .WithSummary("The tenant's notification settings (defaults while none were saved)")
            .Produces<NotificationSettingsView>();
        tenant.MapPut("/notification-settings", PutAsync)
            .WithName("PutNotificationSettings")
            .WithSummary("Replace the tenant's notification settings")
            .AcceptsJson<NotificationSettingsView>()
            .Produces<NotificationSettingsView>()
            .ProducesValidationProblem()
            .WithBodyLimit(tenant, o => o.MaxSmallBodyBytes);
        return tenant;
    }

    private static async Task<NotificationSettingsView> GetAsync(string tenantId, INotificationSettingsStore store, CancellationToken cancellationToken) =>
        ViewOf(await store.GetAsync(tenantId, cancellationToken) ?? NotificationSettingsReader.Defaults(tenantId));

    private static async Task<IResult> PutAsync(
        string tenantId,
        HttpRequest request,
        INotificationSettingsStore store,
        AuditRecorder audit,
        CancellationToken cancellationToken)
    {
        var problems = new ValidationProblems();
        var body = await JsonRequestBody.ReadObjectAsync(request, problems, cancellationToken);
        var settings = body is { } json ? NotificationSettingsReader.Read(tenantId, json, problems) : null;
        if (problems.Any || settings is null)
        {
            return problems.ToResult(ProblemTexts.NotificationSettingsInvalidTitle);
        }

        var before = await store.GetAsync(tenantId, cancellationToken);
        await store.SaveAsync(settings, cancellationToken);
        // The settings hold no secret (addresses, times, a language); the SMTP server's credentials are configuration.
        await audit.RecordAsync(
            request.HttpContext, tenantId, AuditActions.NotificationSettingsChanged, null, before is null ? null : ViewOf(before), ViewOf(settings), cancellationToken);
        return TypedResults.Ok(ViewOf(settings));
    }

    private static NotificationSettingsView ViewOf(NotificationSettings settings) =>
        new(settings.Enabled, NotificationSettingsReader.ToWire(settings.Frequency), settings.Recipients, settings.TimeZone, settings.Language);
}
