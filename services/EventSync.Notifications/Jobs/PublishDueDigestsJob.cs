using EventSync.Notifications.Digests;
using Quartz;

namespace EventSync.Notifications.Jobs;

/// <summary>Fires on <see cref="NotificationOptions.DigestCheckCron"/> and once at start-up: publishes the digests that are due.</summary>
[DisallowConcurrentExecution]
internal sealed class PublishDueDigestsJob(DueDigestPublisher publisher) : IJob
{
    public static readonly JobKey Key = new("publish-due-digests", "notifications");
    public static readonly TriggerKey CheckTrigger = new("publish-due-digests-check", "notifications");
    public static readonly TriggerKey StartupTrigger = new("publish-due-digests-at-start", "notifications");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await publisher.PublishDueAsync(cancellationToken);
}
