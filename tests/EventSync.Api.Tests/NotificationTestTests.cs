using System.Net;
using EventSync.Api.Tests.Infrastructure;
using EventSync.Contracts;
using EventSync.Testing;
using EventSync.Testing.Http;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Api.Tests;

/// <summary><c>POST /api/tenants/{t}/notifications/test</c>: a forced digest of the current state, or a problem naming what is missing.</summary>
public sealed class NotificationTestTests(ApiHost host)
{
    [Fact]
    public async Task Should_accept_and_publish_a_forced_digest_of_the_last_day_when_the_tenant_has_recipients()
    {
        var tenant = SyncFailures.NewTenant("notify-test");
        using var put = await host.SendAsync(
            HttpMethod.Put, TenantErrors.Path(tenant, "notification-settings"), host.AdminKey,
            new { enabled = true, frequency = "weekly", recipients = new[] { "ops@example.com" }, timeZone = "Europe/Warsaw", language = "pl" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var published = new PublishedMessages<SendErrorDigest>();
        using var observer = host.Services.GetRequiredService<IBus>().ConnectPublishObserver(published);

        using var response = await host.SendAsync(HttpMethod.Post, TenantErrors.Path(tenant, "notifications/test"), host.AdminKey);

        var accepted = await Problems.JsonAsync(response, HttpStatusCode.Accepted);
        Assert.Equal("weekly", accepted.GetProperty("frequency").GetString());
        Assert.Equal(["ops@example.com"], accepted.GetProperty("recipients").EnumerateArray().Select(r => r.GetString()));
        var command = await Eventually.MatchesAsync(
            () => Task.FromResult(published.Published.SingleOrDefault(c => c.TenantId == tenant)),
            c => c is not null,
            TimeSpan.FromSeconds(60),
            "a SendErrorDigest command for the tenant is published");
        Assert.True(command!.Force);
        Assert.Equal(DigestFrequency.Weekly, command.Frequency);
        Assert.Equal(TimeSpan.FromHours(24), command.PeriodEnd - command.PeriodStart);
    }

    [Fact]
    public async Task Should_answer_409_when_the_tenant_never_saved_notification_settings()
    {
        var tenant = SyncFailures.NewTenant("notify-none");

        using var response = await host.SendAsync(HttpMethod.Post, TenantErrors.Path(tenant, "notifications/test"), host.AdminKey);

        var problem = await Problems.ReadAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("notification-settings", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_answer_400_naming_recipients_when_the_settings_have_none()
    {
        var tenant = SyncFailures.NewTenant("notify-nobody");
        using var put = await host.SendAsync(
            HttpMethod.Put, TenantErrors.Path(tenant, "notification-settings"), host.AdminKey, new { enabled = false, frequency = "daily", recipients = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        using var response = await host.SendAsync(HttpMethod.Post, TenantErrors.Path(tenant, "notifications/test"), host.AdminKey);

        Assert.Contains("recipients", Assert.Single(await Problems.FieldAsync(response, "recipients")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_answer_404_when_the_key_is_another_tenants()
    {
        using var response = await host.SendAsync(HttpMethod.Post, TenantErrors.Path(ApiHost.Globex, "notifications/test"), host.TenantKeys[ApiHost.Acme]);

        // Another tenant's key: the tenant is not found for it (as on every tenant route), and nothing is sent.
        await Problems.ReadAsync(response, HttpStatusCode.NotFound);
    }
}
