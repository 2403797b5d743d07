using EventSync.Resync.Consumers;
using EventSync.Resync.Dispatching;
using EventSync.Resync.Jobs;
using EventSync.Resync.Requests;
using EventSync.Resync.Transient;
using EventSync.ServiceDefaults.Hosting;
using EventSync.ServiceDefaults.Messaging.Outbox;
using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;

namespace EventSync.Resync.Extensions;

public static class ResyncExtensions
{
    /// <summary>
    /// The resync worker as it runs: the store, the worker's services and the bus with its consumers, and those
    /// <paramref name="addConsumers"/> adds (a test's stand-ins for the engines, say).
    /// </summary>
    public static IHostApplicationBuilder AddResyncWorker(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator>? addConsumers = null) =>
        builder.AddEventSyncService(
            b => b.Services.AddResync(),
            bus =>
            {
                bus.AddResyncConsumers();
                addConsumers?.Invoke(bus);
            });

    /// <summary>
    /// The resync worker's services: options (validated at start-up), the dispatcher and sender, the transient retries,
    /// the meter, and the in-memory Quartz scheduler with its wake-up and sweep jobs. Needs the store (AddEventSyncStorage).
    /// </summary>
    public static IServiceCollection AddResync(this IServiceCollection services)
    {
        services.AddOptions<ResyncOptions>().BindConfiguration(ResyncOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ResyncOptions>, ResyncOptionsValidation>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<ResyncMetrics>();
        services.AddScoped<ResyncSender>();
        services.AddScoped<ResyncFinishAnnouncer>();
        services.AddScoped<ResyncDispatcher>();
        services.AddScoped<ResyncRequestRecorder>();
        services.AddScoped<TransientFailureHandler>();
        // Surfaced transient errors are announced through the outbox of the surfacing write.
        services.AddEventSyncOutbox();
        services.AddSingleton<ResyncWakeups>();
        services.AddSingleton<TenantDispatchGates>();
        services.AddQuartz(quartz =>
        {
            quartz.AddJob<WakeTenantResyncsJob>(job => job.WithIdentity(WakeTenantResyncsJob.Key).StoreDurably());
            quartz.AddJob<SweepWaitingResyncsJob>(job => job.WithIdentity(SweepWaitingResyncsJob.Key).StoreDurably());

            // At start-up (the recovery scan: whatever waited before a restart), then every SweepInterval.
            quartz.AddTrigger<SweepWaitingResyncsJob>((provider, trigger) => trigger
                .WithIdentity(SweepWaitingResyncsJob.TriggerKey)
                .ForJob(SweepWaitingResyncsJob.Key)
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(provider.GetRequiredService<IOptions<ResyncOptions>>().Value.SweepInterval).RepeatForever()));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    /// <summary>The resync worker's consumers, each on its own endpoint with its definition.</summary>
    public static IBusRegistrationConfigurator AddResyncConsumers(this IBusRegistrationConfigurator bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.AddConsumer<ResyncErrorsConsumer, ResyncErrorsConsumerDefinition>();
        bus.AddConsumer<ResyncRecordSyncedConsumer, ResyncRecordSyncedConsumerDefinition>();
        bus.AddConsumer<ResyncApiUsageReportedConsumer, ResyncApiUsageReportedConsumerDefinition>();
        bus.AddConsumer<ResyncSyncErrorClassifiedConsumer, ResyncSyncErrorClassifiedConsumerDefinition>();
        return bus;
    }
}
