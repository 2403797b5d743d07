using EventSync.Contracts;
using EventSync.Core.Webhooks;
using EventSync.Notifications.Consumers;
using EventSync.Testing;
using EventSync.Testing.Harness;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EventSync.Notifications.Tests.Infrastructure;

/// <summary>
/// A harness test of webhook deliveries: the worker as it runs, its embedded webhook store behind a recording
/// (<see cref="RecordingWebhookStore"/>), and a real HTTP receiver in the test process, reached over loopback
/// (<c>EventSync:Webhooks:AllowPrivateAddresses</c> unless a test refuses it).
/// </summary>
public abstract class WebhookHarnessTest : SmtpHarnessTest
{
    public const string Secret = "whsec-test-3f9a1c";

    private WebhookReceiver? _receiver;

    protected WebhookReceiver Receiver => _receiver!;

    protected RecordingWebhookStore Store { get; } = new();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _receiver = await WebhookReceiver.StartAsync();
    }

    protected override async ValueTask DisposeMoreAsync()
    {
        if (_receiver is not null)
        {
            await _receiver.DisposeAsync();
        }
    }

    protected async Task<HarnessHost> StartAsync(TimeProvider? time = null, bool allowPrivateAddresses = true, int retryLimit = 3, string timeout = "00:00:05")
    {
        var host = await StartWorkerAsync(builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["EventSync:Webhooks:AllowPrivateAddresses"] = allowPrivateAddresses ? "true" : "false",
                ["EventSync:Webhooks:RetryLimit"] = $"{retryLimit}",
                ["EventSync:Webhooks:RetryMinInterval"] = "00:00:00.050",
                ["EventSync:Webhooks:RetryMaxInterval"] = "00:00:00.200",
                ["EventSync:Webhooks:Timeout"] = timeout,
            });
            var stored = builder.Services.Last(d => d.ServiceType == typeof(IWebhookStore));
            builder.Services.AddSingleton<IWebhookStore>(provider => Store.Over((IWebhookStore)ActivatorUtilities.CreateInstance(provider, stored.ImplementationType!)));
            builder.Services.AddSingleton(time ?? new FakeTimeProvider(DateTimeOffset.UtcNow));
        });
        _ = host.Get<IWebhookStore>();
        return host;
    }

    protected WebhookEndpoint Endpoint(string format, string[] events, Uri? url = null) =>
        new($"ep-{format}", (url ?? Receiver.Url).ToString(), Secret, format, events, Enabled: true);

    /// <summary>Sends a delivery straight to <c>deliver-webhook</c> and waits until its consumer finished with it.</summary>
    protected static async Task<DeliverWebhook> DeliverAsync(
        HarnessHost host, string tenant, WebhookEndpoint endpoint, string webhookEvent = WebhookEvents.Test, bool expectFault = false, string? deliveryId = null)
    {
        var delivery = new DeliverWebhook
        {
            TenantId = tenant, EndpointId = endpoint.Id, DeliveryId = deliveryId ?? Guid.NewGuid().ToString("N"), Event = webhookEvent, CreatedAt = DateTimeOffset.UtcNow,
        };
        var messageId = Guid.NewGuid();
        var queue = await host.Harness.Bus.GetSendEndpoint(DeliverWebhookConsumerDefinition.Address);
        await queue.Send(delivery, context => context.MessageId = messageId, Ct);
        if (expectFault)
        {
            Assert.True(await host.Harness.Published.Any<Fault<DeliverWebhook>>(f => f.Context.Message.Message.DeliveryId == delivery.DeliveryId, Ct), "the delivery faulted");
        }
        else
        {
            await host.ConsumedAsync<DeliverWebhook>(messageId, $"delivery {delivery.DeliveryId} is consumed");
        }

        return delivery;
    }

    /// <summary>Waits until the store holds an attempt of the delivery that <paramref name="accept"/> takes.</summary>
    protected Task<IReadOnlyList<WebhookDeliveryOutcome>> AttemptsAsync(string tenant, string deliveryId, Func<IReadOnlyList<WebhookDeliveryOutcome>, bool> accept, string what) =>
        Eventually.MatchesAsync(
            () => Task.FromResult<IReadOnlyList<WebhookDeliveryOutcome>>([.. Store.Attempts(tenant).Where(a => a.DeliveryId == deliveryId)]),
            accept,
            HarnessBus.Timeout,
            what);
}
