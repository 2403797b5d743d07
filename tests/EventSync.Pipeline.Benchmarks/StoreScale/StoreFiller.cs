using System.Diagnostics;
using System.Globalization;
using EventSync.Core.Classification;
using EventSync.Core.Errors;
using EventSync.Pipeline.Benchmarks.Pipeline;
using Spectre.Console;

namespace EventSync.Pipeline.Benchmarks.StoreScale;

/// <summary>
/// Fills a store with one tenant's errors through the store's own bulk <see cref="ISyncErrorStore.RecordAsync"/>, in
/// chunks as the classifier writes them: corpus failures (every error type and shape) on new records, last seen spread
/// over <c>spread</c> (30 days; zero: every error seen at the same instant). Stops once the tenant has at least the errors asked for.
/// </summary>
internal static class StoreFiller
{
    public static async Task<FillResult> FillAsync(ISyncErrorStore store, string tenantId, int errors, int chunk, TimeSpan spread, CancellationToken cancellationToken)
    {
        var templates = CorpusEvents.Load();
        var classifier = SyncFailureClassifier.Default;
        var now = DateTimeOffset.UtcNow;
        var stored = 0L;
        var events = 0L;
        var clock = Stopwatch.StartNew();
        var nextReport = 100_000L;
        while (stored < errors)
        {
            var occurrences = new List<FailureOccurrence>(chunk * 2);
            for (var i = 0; i < chunk; i++, events++)
            {
                var template = templates[(int)(events % templates.Count)];
                var failure = template with
                {
                    EventId = Guid.NewGuid().ToString(),
                    TenantId = tenantId,
                    HubSpotId = (50_000_000_000 + events).ToString(CultureInfo.InvariantCulture),
                    SalesforceId = template.SalesforceId is null ? null : "0035g" + events.ToString("D13", CultureInfo.InvariantCulture),
                    OccurredAt = now - (spread * ((double)events / errors)),
                };
                occurrences.AddRange(FailureOccurrence.Of(failure, classifier.Classify(failure), now));
            }

            stored += (await store.RecordAsync(occurrences, cancellationToken)).Count;
            if (stored >= nextReport)
            {
                AnsiConsole.MarkupLineInterpolated($"[grey]{DateTime.UtcNow:HH:mm:ss}[/] {stored:N0} errors, {stored / clock.Elapsed.TotalSeconds:N0}/s");
                nextReport += 100_000;
            }
        }

        return new FillResult(stored, events, chunk, clock.Elapsed.TotalSeconds, Infrastructure.LoadAverage.Read());
    }
}
