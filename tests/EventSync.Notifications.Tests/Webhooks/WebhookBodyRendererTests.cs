using System.Text.Json.Nodes;
using EventSync.Contracts;
using EventSync.Core.Notifications;
using EventSync.Core.Webhooks;
using EventSync.Notifications.Digests;
using EventSync.Notifications.Tests.Infrastructure;
using EventSync.Notifications.Webhooks;
using Microsoft.Extensions.Options;

namespace EventSync.Notifications.Tests.Webhooks;

/// <summary>The bodies the renderer writes for each event, in both formats, checked against the published JSON Schema.</summary>
public sealed class WebhookBodyRendererTests
{
    private const string Tenant = "portal-4711";
    private static readonly DateTimeOffset At = new(2026, 11, 28, 10, 15, 0, TimeSpan.Zero);

    private static readonly WebhookBodyRenderer Renderer =
        new(new SlackBodyRenderer(Options.Create(new NotificationOptions { DashboardUrl = new Uri("https://sync.example.com/") })));

    /// <summary>Where the rendered bodies of a test run are kept, for people (and the schema's examples) to look at.</summary>
    private static string SavedBodies { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults");

    public static TheoryData<string> Events => [WebhookEvents.Errors, WebhookEvents.Digest, WebhookEvents.ResyncCompleted, WebhookEvents.Test];

    [Theory]
    [MemberData(nameof(Events))]
    public void Should_write_a_body_the_schema_accepts_when_rendering_json(string webhookEvent)
    {
        var body = JsonNode.Parse(Renderer.Render(Delivery(webhookEvent), Endpoint(WebhookFormats.Json)))!;
        Save(webhookEvent, body);

        Assert.Null(WebhookBodySchema.Problems(body));
        Assert.Equal(webhookEvent, (string?)body["event"]);
        Assert.Equal(["version", "id", "event", "tenantId", "createdAt", "data"], body.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Should_list_only_the_subscribed_errors_and_count_them_when_the_endpoint_wants_some_error_events()
    {
        var endpoint = Endpoint(WebhookFormats.Json) with { Events = [WebhookEvents.ErrorSurfaced] };

        var data = WebhookErrorsData.Of(Window(), endpoint);

        var error = Assert.Single(data!.Errors);
        Assert.Equal((WebhookEvents.ErrorSurfaced, "err-3"), (error.Event, error.ErrorId));
        Assert.Equal(1, data.Total);
        Assert.Equal(new Dictionary<string, long> { ["lock-contention"] = 1 }, data.CountsByErrorType);
        Assert.Null(WebhookErrorsData.Of(Window(), endpoint with { Events = [WebhookEvents.Digest] }));
        Assert.Null(WebhookErrorsData.Of(Window(), endpoint with { Enabled = false }));
    }

    [Fact]
    public void Should_write_the_digest_figures_and_top_error_types_when_rendering_slack()
    {
        var body = JsonNode.Parse(Renderer.Render(Delivery(WebhookEvents.Digest), Endpoint(WebhookFormats.Slack)))!;

        Assert.Equal("EventSync daily digest for portal-4711: 4 current sync errors", (string?)body["text"]);
        var blocks = body["blocks"]!.AsArray();
        Assert.Equal(["header", "section", "context"], blocks.Select(b => (string)b!["type"]!));
        var section = (string)blocks[1]!["text"]!["text"]!;
        Assert.Contains("Current errors: *4* on 3 records · new: *3* · resolved: *1*", section, StringComparison.Ordinal);
        Assert.Contains("• *Invalid email address*: 3 errors, 2 records", section, StringComparison.Ordinal);
        Assert.Contains("<https://sync.example.com/|Open the dashboard>", (string)blocks[2]!["elements"]![0]!["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_say_what_a_resync_came_to_when_rendering_slack()
    {
        var body = JsonNode.Parse(Renderer.Render(Delivery(WebhookEvents.ResyncCompleted), Endpoint(WebhookFormats.Slack)))!;

        Assert.Equal("EventSync: resync of 3 records failed for portal-4711", (string?)body["text"]);
        var section = (string)body["blocks"]![1]!["text"]!["text"]!;
        Assert.Contains("requested by ops-dashboard at 2026-11-28 10:00 (UTC), finished at 2026-11-28 10:15", section, StringComparison.Ordinal);
        Assert.Contains("Synced: *2* · failed again: *1*", section, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_headline_resolved_errors_as_resolved_when_every_listed_error_was_resolved()
    {
        var resolved = new WebhookErrorsData(
            At.AddMinutes(-1), At, 2, new Dictionary<string, long> { ["invalid-email"] = 2 },
            [
                new WebhookErrorItem("err-1", WebhookEvents.ErrorResolved, "property-values", "invalid-email", "contact", "12345", null, At.AddMinutes(-1)),
                new WebhookErrorItem("err-2", WebhookEvents.ErrorResolved, "property-values", "invalid-email", "contact", "12346", null, At),
            ]);
        var delivery = Delivery(WebhookEvents.Errors) with { Data = WebhookJson.ToElement(resolved) };

        var json = JsonNode.Parse(Renderer.Render(delivery, Endpoint(WebhookFormats.Json)))!;
        var slack = JsonNode.Parse(Renderer.Render(delivery, Endpoint(WebhookFormats.Slack)))!;

        Assert.Null(WebhookBodySchema.Problems(json));
        Assert.Equal("EventSync: 2 sync errors resolved for portal-4711", (string?)slack["text"]);
        Assert.Contains("contact `12346`: Invalid email address (error.resolved)", (string)slack["blocks"]![1]!["text"]!["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_escape_slack_markup_when_record_ids_carry_it()
    {
        var window = Window() with { Entries = [new AlertEntry("err-x", "property-values", "invalid-email", "contact", "<!channel> & co", null, "new", At)] };
        var delivery = Delivery(WebhookEvents.Errors) with { Data = WebhookJson.ToElement(WebhookErrorsData.Of(window, Endpoint(WebhookFormats.Slack))) };

        var section = (string)JsonNode.Parse(Renderer.Render(delivery, Endpoint(WebhookFormats.Slack)))!["blocks"]![1]!["text"]!["text"]!;

        Assert.Contains("`&lt;!channel&gt; &amp; co`", section, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", section, StringComparison.Ordinal);
    }

    private static WebhookEndpoint Endpoint(string format) =>
        new("ep-1", "https://hooks.example.com/eventsync", "whsec-1", format, [WebhookEvents.ErrorNew, WebhookEvents.ErrorReopened, WebhookEvents.ErrorSurfaced, WebhookEvents.Digest], true);

    private static DeliverWebhook Delivery(string webhookEvent) => new()
    {
        TenantId = Tenant,
        EndpointId = "ep-1",
        DeliveryId = WebhookDeliveryIds.For(webhookEvent, "example"),
        Event = webhookEvent,
        CreatedAt = At,
        Data = webhookEvent switch
        {
            WebhookEvents.Errors => WebhookJson.ToElement(WebhookErrorsData.Of(Window(), Endpoint(WebhookFormats.Json))),
            WebhookEvents.Digest => WebhookJson.ToElement(WebhookDigestData.Of(Report(), "daily")),
            WebhookEvents.ResyncCompleted => WebhookJson.ToElement(new WebhookResyncData("0193a5c2-7e41-7d0a-9c55-1f2e8a7d3c60", "ops-dashboard", At.AddMinutes(-15), "failed", 3, 2, 1, At)),
            _ => null,
        },
    };

    private static AlertWindow Window() => new(
        "window-1", Tenant, At.AddMinutes(-5), At, 3, new Dictionary<string, long> { ["invalid-email"] = 2, ["lock-contention"] = 1 },
        [
            new AlertEntry("err-1", "property-values", "invalid-email", "contact", "12345", "0035g00000XyZabAAF", "new", At.AddMinutes(-5)),
            new AlertEntry("err-2", "property-values", "invalid-email", "contact", "12346", null, "reopened", At.AddMinutes(-4)),
            new AlertEntry("err-3", "transient", "lock-contention", "deal", null, "0065g00000AbCdeAAF", "surfaced", At.AddMinutes(-2)),
        ]);

    private static DigestReport Report() => new(
        Tenant, DigestFrequency.Daily, new DigestPeriod(At.AddDays(-1), At), CurrentErrors: 4, AffectedRecords: 3, NewErrors: 3, ResolvedErrors: 1, StillOpen: 1, IgnoredErrors: 0,
        [
            new DigestCard("duplicates", "Duplicates", "salesforce-duplicate-rule", "Blocked by a Salesforce duplicate rule", "m", "f", 1, 1),
            new DigestCard("property-values", "Property values", "invalid-email", "Invalid email address", "m", "f", 3, 2),
        ],
        [], [], [], []);

    private static void Save(string webhookEvent, JsonNode body)
    {
        Directory.CreateDirectory(SavedBodies);
        File.WriteAllText(Path.Combine(SavedBodies, $"webhook-{webhookEvent}.json"), body.ToJsonString());
    }
}
