using EventSync.Classifier.Monitoring;
using EventSync.Contracts;
using EventSync.Core.Usage;
using MassTransit;

namespace EventSync.Classifier.Consumers;

/// <summary>Keeps the newest Salesforce API figures per tenant for the API-usage panel and the resync budget.</summary>
internal sealed class ApiUsageReportedConsumer(IApiUsageStore store, ClassifierMetrics metrics, TimeProvider time, ILogger<ApiUsageReportedConsumer> logger) : IConsumer<ApiUsageReported>
{
    public async Task Consume(ConsumeContext<ApiUsageReported> context)
    {
        var message = context.Message;
        metrics.Received(context, ClassifierMetrics.ApiUsageEvent);
        await store.SaveUsageAsync(message.TenantId, message.CallsLast24h, message.SalesforceDailyLimit, message.ReportedAt ?? time.GetUtcNow(), context.CancellationToken);
        metrics.Processed(ClassifierMetrics.ApiUsageEvent, context.ReceiveContext.ElapsedTime);
        logger.UsageSaved(message.CallsLast24h, message.SalesforceDailyLimit);
    }
}
