using EventSync.Classifier.Tests.Infrastructure;
using EventSync.Contracts;
using EventSync.Core.Catalog;
using EventSync.Testing;
using EventSync.Testing.Broker;
using EventSync.Testing.Hosts;

namespace EventSync.Classifier.Tests;

/// <summary>
/// The classifier's own metrics on <c>/metrics</c> after real traffic through RabbitMQ: named <c>eventsync_*</c>, labelled
/// by category and error type, free of tenant data. Other tests share the host, so figures are compared as increases.
/// </summary>
public sealed class MetricsTests(ClassifierOnRabbitMq classifier)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Should_count_received_classified_unknown_and_invalid_events_by_label_without_tenant_data_when_traffic_passed()
    {
        classifier.SkipUnlessBrokerAvailable();
        var cancellationToken = TestContext.Current.CancellationToken;
        using var http = HostHttp.For(classifier.Services);
        var tenant = SyncFailures.NewTenant("metrics");
        var before = await PrometheusText.ScrapeAsync(http, cancellationToken);
        var duplicates = Enumerable.Range(0, 3).Select(i => SyncFailures.ToSalesforce(tenant, $"70{i}", SyncFailures.DuplicateRule)).ToList();
        var unknown = SyncFailures.ToSalesforce(tenant, "799", new ReportedError { StatusCode = "NEVER_SEEN_BEFORE", Message = "Something nobody has met" });

        await classifier.Engine.PublishManyAsync(EnginePublisher.SyncFailures, [.. duplicates, unknown], cancellationToken);
        await classifier.Engine.PublishRawAsync(EnginePublisher.SyncFailures, $$"""{"tenantId":"{{tenant}}","errors":[]}""", EnginePublisher.JsonContentType, cancellationToken);

        // A batch's published count is recorded last, after its classified, received and latency figures.
        var after = await Eventually.MatchesAsync(
            () => PrometheusText.ScrapeAsync(http, cancellationToken),
            m => Increase(before, m, "eventsync_classified_published_total", ("category", "duplicates"), ("occurrence", "new")) >= 3
                && Increase(before, m, "eventsync_classified_published_total", ("category", ErrorCatalog.OtherCategory), ("occurrence", "new")) >= 1
                && Increase(before, m, "eventsync_events_invalid_total", ("endpoint", ClassifierQueues.SyncFailureReported)) >= 1,
            Deadline,
            "the three duplicate-rule errors and the unknown one are published, the invalid event is counted");

        Assert.True(Increase(before, after, "eventsync_errors_classified_total", ("category", "duplicates"), ("error_type", SyncFailures.DuplicateRuleType)) >= 3);
        Assert.True(Increase(before, after, "eventsync_errors_classified_total", ("category", ErrorCatalog.OtherCategory), ("error_type", ErrorCatalog.UnknownType)) >= 1);
        Assert.True(Increase(before, after, "eventsync_errors_unknown_total") >= 1);
        Assert.True(Increase(before, after, "eventsync_events_received_total", ("event", "sync-failure-reported")) >= 4);
        Assert.True(Increase(before, after, "eventsync_batch_size_count") >= 1);
        Assert.True(Increase(before, after, "eventsync_processing_duration_seconds_count", ("event", "sync-failure-reported")) >= 4);
        Assert.All(after.LabelsOf("eventsync_errors_classified_total"), labels =>
        {
            Assert.True(ErrorCatalog.Default.Get(labels["error_type"]).Category == labels["category"], $"error_type {labels["error_type"]} is not of category {labels["category"]}");
        });
        Assert.DoesNotContain(tenant, after.Text, StringComparison.Ordinal);
        Assert.Contains(after.Names, n => n.StartsWith("messaging_masstransit_", StringComparison.Ordinal));
        Assert.Contains(after.Names, n => n.StartsWith("dotnet_gc_", StringComparison.Ordinal));
    }

    private static double Increase(PrometheusText before, PrometheusText after, string name, params (string, string)[] labels) =>
        after.Sum(name, labels) - before.Sum(name, labels);
}
