using EventSync.Classifier.Consumers;
using EventSync.Classifier.Monitoring;
using EventSync.Classifier.Recording;
using EventSync.Core.Classification;
using EventSync.ServiceDefaults.Hosting;
using EventSync.ServiceDefaults.Messaging.Outbox;
using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EventSync.Classifier.Extensions;

public static class ClassifierExtensions
{
    /// <summary>The classifier worker as it runs: the store, the classifier's services and the bus with its consumers.</summary>
    public static IHostApplicationBuilder AddClassifierWorker(this IHostApplicationBuilder builder) =>
        builder.AddEventSyncService(b => b.Services.AddClassifier(), bus => bus.AddClassifierConsumers());

    /// <summary>The classifier's services: the rule-based classifier, the recorder, the outbox dispatcher that publishes its announcements, the reopener of ignored errors whose date came and the observer counting invalid messages.</summary>
    public static IServiceCollection AddClassifier(this IServiceCollection services)
    {
        services.AddOptions<ClassifierOptions>().BindConfiguration(ClassifierOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClassifierOptions>, ClassifierOptionsValidation>());
        services.TryAddSingleton<ISyncFailureClassifier>(SyncFailureClassifier.Default);
        services.AddSingleton(TimeProvider.System);
        services.TryAddSingleton<ClassifierMetrics>();
        services.AddScoped<FailureRecorder>();
        services.AddScoped<RecordResolver>();
        services.AddReceiveObserver<InvalidMessageObserver>();
        services.AddEventSyncOutbox();
        services.AddSingleton<IgnoredErrorReopener>();
        services.AddHostedService(sp => sp.GetRequiredService<IgnoredErrorReopener>());
        return services;
    }

    /// <summary>The classifier's consumers, each with its definition.</summary>
    public static IBusRegistrationConfigurator AddClassifierConsumers(this IBusRegistrationConfigurator bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.AddConsumer<SyncFailureReportedConsumer, SyncFailureReportedConsumerDefinition>();
        bus.AddConsumer<SyncFailureReportedAloneConsumer, SyncFailureReportedAloneConsumerDefinition>();
        bus.AddConsumer<RecordSyncedConsumer, RecordSyncedConsumerDefinition>();
        bus.AddConsumer<RecordSyncedAloneConsumer, RecordSyncedAloneConsumerDefinition>();
        bus.AddConsumer<ApiUsageReportedConsumer, ApiUsageReportedConsumerDefinition>();
        return bus;
    }
}
