using EventSync.Notifications.Alerts;
using EventSync.Notifications.Assignments;
using EventSync.Notifications.Consumers;
using EventSync.Notifications.Digests;
using EventSync.Notifications.Email;
using EventSync.Notifications.Jobs;
using EventSync.Notifications.Webhooks;
using EventSync.ServiceDefaults.Hosting;
using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;

namespace EventSync.Notifications.Extensions;

public static class NotificationExtensions
{
    /// <summary>The notification worker as it runs: the store, the worker's services and the bus with its consumers.</summary>
    public static IHostApplicationBuilder AddNotificationWorker(this IHostApplicationBuilder builder) =>
        builder.AddEventSyncService(b => b.Services.AddNotifications(b.Configuration), bus => bus.AddNotificationConsumers());

    /// <summary>
    /// The notification worker's services: options (<c>EventSync:Notifications</c>), the email sender (SMTP from
    /// <c>ConnectionStrings:smtp</c>, else the log), digests, alerts, assignment emails, webhook deliveries
    /// (<c>EventSync:Webhooks</c>), metrics, and the Quartz scheduler with its jobs.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidation>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<NotificationMetrics>();
        services.AddEmailSender(configuration);

        services.AddSingleton<DigestSchedule>();
        services.AddSingleton<DigestEmailComposer>();
        services.AddSingleton<AlertEmailComposer>();
        services.AddSingleton<AssignmentEmailComposer>();
        services.AddSingleton<EmailDelivery>();
        services.AddScoped<DigestReportBuilder>();
        services.AddScoped<DigestSender>();
        services.AddScoped<DueDigestPublisher>();
        services.AddScoped<AlertRecorder>();
        services.AddScoped<AlertWindowFlusher>();
        services.AddScoped<AssignmentNotifier>();
        services.AddSingleton<AlertFlushScheduler>();
        services.AddWebhookDeliveries();
        services.AddNotificationScheduler();
        return services;
    }

    /// <summary>The notification worker's consumers, each with its definition.</summary>
    public static IBusRegistrationConfigurator AddNotificationConsumers(this IBusRegistrationConfigurator bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.AddConsumer<SyncErrorClassifiedConsumer, SyncErrorClassifiedConsumerDefinition>();
        bus.AddConsumer<TransientErrorSurfacedConsumer, TransientErrorSurfacedConsumerDefinition>();
        bus.AddConsumer<SendErrorDigestConsumer, SendErrorDigestConsumerDefinition>();
        bus.AddConsumer<ErrorsAssignedConsumer, ErrorsAssignedConsumerDefinition>();
        bus.AddConsumer<DeliverWebhookConsumer, DeliverWebhookConsumerDefinition>();
        return bus;
    }

    private static void AddEmailSender(this IServiceCollection services, IConfiguration configuration)
    {
        var smtp = configuration.GetConnectionString(SmtpEndpoint.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(smtp))
        {
            services.AddSingleton<IEmailSender, LoggingEmailSender>();
        }
        else
        {
            var endpoint = SmtpEndpoint.Parse(smtp);
            services.AddSingleton<IEmailSender>(new SmtpEmailSender(endpoint));
        }
    }

    // The webhook client: no redirects, no proxy (the destination checked is the one connected to), no cookies, and every
    // connection made by the connector, which checks the resolved address. Time-outs are per attempt (WebhookPoster).
    private static void AddWebhookDeliveries(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidation>());
        services.AddSingleton<WebhookConnector>();
        services.AddSingleton<SlackBodyRenderer>();
        services.AddSingleton<WebhookBodyRenderer>();
        services.AddSingleton<WebhookPoster>();
        services.AddScoped<WebhookDeliverer>();
        services.AddScoped<WebhookDispatcher>();
        services.AddHttpClient(WebhookPoster.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                UseCookies = false,
                ConnectTimeout = provider.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout,
                ConnectCallback = provider.GetRequiredService<WebhookConnector>().ConnectAsync,
            });
    }

    // Quartz's scheduler keeps its triggers in memory: what must survive a restart lives in the store (claims, windows),
    // and the start-up runs pick it up. Jobs start once the host has started, so the bus and the store are up.
    private static void AddNotificationScheduler(this IServiceCollection services)
    {
        services.AddQuartz(quartz =>
        {
            // Schedulers are named per process; each host (tests run several) gets its own.
            quartz.ConfigureScheduler(s => s.InstanceName = $"eventsync-notifications-{Guid.NewGuid():N}");
            quartz.AddJob<PublishDueDigestsJob>(job => job.WithIdentity(PublishDueDigestsJob.Key).StoreDurably());
            quartz.AddJob<FlushAlertWindowsJob>(job => job.WithIdentity(FlushAlertWindowsJob.Key).StoreDurably());
            quartz.AddTrigger((provider, trigger) => trigger
                .WithIdentity(PublishDueDigestsJob.CheckTrigger)
                .ForJob(PublishDueDigestsJob.Key)
                .WithCronSchedule(Options(provider).DigestCheckCron, cron => cron.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            quartz.AddTrigger(trigger => trigger.WithIdentity(PublishDueDigestsJob.StartupTrigger).ForJob(PublishDueDigestsJob.Key).StartNow());
            quartz.AddTrigger((provider, trigger) => trigger
                .WithIdentity(FlushAlertWindowsJob.SweepTrigger)
                .ForJob(FlushAlertWindowsJob.Key)
                .WithCronSchedule(Options(provider).AlertSweepCron, cron => cron.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            quartz.AddTrigger(trigger => trigger.WithIdentity(FlushAlertWindowsJob.StartupTrigger).ForJob(FlushAlertWindowsJob.Key).StartNow());
        });
        services.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = true;
            o.AwaitApplicationStarted = true;
        });
    }

    private static NotificationOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<NotificationOptions>>().Value;
}
