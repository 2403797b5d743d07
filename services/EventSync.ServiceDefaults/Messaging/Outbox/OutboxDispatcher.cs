using System.Text.Json;
using EventSync.Contracts;
using EventSync.Core.Storage;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventSync.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Publishes what the stores queued in the outbox: claims the waiting messages (oldest first, under a lease), publishes
/// each with its stored id as <c>MessageId</c>, and removes it only once the publish returned (on RabbitMQ, once the
/// broker confirmed it). Wakes when a write of this process signals and polls for the rest; after a failure it backs off,
/// gives the messages back and tries again. A crash loses nothing: what was not removed is published again, with the
/// same id (at-least-once).
/// </summary>
internal sealed class OutboxDispatcher(
    IOutboxStore outbox,
    OutboxSignal signal,
    IBus bus,
    IHostApplicationLifetime lifetime,
    IOptions<OutboxOptions> options,
    IOptions<MessagingOptions> messaging,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private enum Outcome
    {
        Published,
        Failed,
        Unknown,
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The bus takes messages once the host started (MassTransit starts it as a hosted service).
        await StartedAsync(stoppingToken);
        var settings = options.Value;
        var failuresInARow = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var (claimed, failed) = await DispatchOnceAsync(settings, failuresInARow, stoppingToken);
            if (failed)
            {
                failuresInARow++;
                await Task.Delay(RetryDelay(settings, failuresInARow), time, stoppingToken);
            }
            else
            {
                failuresInARow = 0;
                if (claimed < settings.BatchSize)
                {
                    await signal.WaitAsync(settings.PollInterval, stoppingToken);
                }
            }
        }
    }

    private static TimeSpan RetryDelay(OutboxOptions settings, int failuresInARow) =>
        TimeSpan.FromTicks(Math.Min(settings.MaxRetryDelay.Ticks, settings.FirstRetryDelay.Ticks << Math.Min(failuresInARow - 1, 20)));

    private async Task<(int Claimed, bool Failed)> DispatchOnceAsync(OutboxOptions settings, int failuresInARow, CancellationToken stoppingToken)
    {
        var retryDelay = RetryDelay(settings, failuresInARow + 1);
        IReadOnlyList<OutboxMessage> batch;
        try
        {
            batch = await outbox.ClaimAsync(time.GetUtcNow(), settings.Lease, settings.BatchSize, stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.StoreFailed(e, retryDelay);
            return (0, true);
        }

        if (batch.Count == 0)
        {
            return (0, false);
        }

        var outcomes = await Task.WhenAll(batch.Select(m => PublishAsync(m, retryDelay, stoppingToken)));
        var published = batch.Where((_, i) => outcomes[i] == Outcome.Published).Select(m => m.MessageId).ToList();
        var failed = batch.Where((_, i) => outcomes[i] == Outcome.Failed).Select(m => m.MessageId).ToList();
        try
        {
            // Published is published, even when the host is stopping: removing it now saves publishing it again.
            await outbox.RemoveAsync(published, CancellationToken.None);
            await outbox.ReleaseAsync(failed, CancellationToken.None);
        }
        catch (Exception e)
        {
            // The lease runs out and the messages go again, with the same ids.
            logger.StoreFailed(e, retryDelay);
            return (batch.Count, true);
        }

        logger.Published(published.Count);
        return (batch.Count, failed.Count > 0);
    }

    private async Task<Outcome> PublishAsync(OutboxMessage message, TimeSpan retryDelay, CancellationToken stoppingToken)
    {
        if (OutboxMessageTypes.Find(message.MessageType) is not { } type)
        {
            logger.UnknownType(message.MessageId, message.MessageType);
            return Outcome.Unknown;
        }

        try
        {
            var body = JsonSerializer.Deserialize(message.Body, type, ContractJson.Options)
                ?? throw new JsonException($"The body of outbox message {message.MessageId} is null.");
            await messaging.Within(token => bus.Publish(body, type, context => context.MessageId = message.MessageId, token), stoppingToken);
            return Outcome.Published;
        }
        catch (Exception e)
        {
            if (!stoppingToken.IsCancellationRequested)
            {
                logger.PublishFailed(e, message.MessageId, message.MessageType, retryDelay);
            }

            return Outcome.Failed;
        }
    }

    private async Task StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        await started.Task;
    }
}
