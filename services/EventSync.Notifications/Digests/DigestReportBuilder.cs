using EventSync.Contracts;
using EventSync.Core.Catalog;
using EventSync.Core.Errors;
using Microsoft.Extensions.Options;

namespace EventSync.Notifications.Digests;

/// <summary>
/// Reads a digest from the store in one pass over the tenant's errors (transient ones left out, as on the dashboard):
/// new = first seen in the period, resolved = resolved in the period, still open = current and first seen before it,
/// ignored = ignored now (not current, so in none of the other figures of now); the people current errors are assigned to;
/// cards from the store's card figures; the chart counts errors that occurred in the period, per category.
/// </summary>
internal sealed class DigestReportBuilder(
    ISyncErrorStore store, ISyncErrorQueries queries, IUnknownErrorGroupQueries unknownGroups, IOptions<NotificationOptions> options)
{
    public async Task<DigestReport> BuildAsync(string tenantId, DigestFrequency frequency, DigestPeriod period, string language, CancellationToken cancellationToken)
    {
        var catalog = LocalizedCatalog.From(ErrorCatalog.Default, language);
        var types = catalog.Categories.SelectMany(c => c.ErrorTypes).ToDictionary(t => t.Id, StringComparer.Ordinal);
        var categories = catalog.Categories.ToDictionary(c => c.Id, c => c.Title, StringComparer.Ordinal);

        long current = 0, fresh = 0, resolved = 0, stillOpen = 0, ignored = 0;
        var perCategory = new Dictionary<string, long>(StringComparer.Ordinal);
        var records = new Dictionary<string, (SyncError First, long Count, SortedSet<string> Types)>(StringComparer.Ordinal);
        var assignees = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var error in queries.StreamAsync(new ErrorQuery(tenantId), cancellationToken))
        {
            if (error.Category == ErrorCatalog.TransientCategory)
            {
                continue;
            }

            fresh += InPeriod(error.FirstSeen, period) ? 1 : 0;
            resolved += error.ResolvedAt is { } at && InPeriod(at, period) ? 1 : 0;
            if (error.LastSeen > period.Start && error.FirstSeen <= period.End)
            {
                perCategory[error.Category] = perCategory.GetValueOrDefault(error.Category) + 1;
            }

            ignored += error.State == SyncErrorState.Ignored ? 1 : 0;
            if (error.IsCurrent)
            {
                current++;
                stillOpen += error.FirstSeen <= period.Start ? 1 : 0;
                if (error.Assignee is { } assignee)
                {
                    assignees[assignee] = assignees.GetValueOrDefault(assignee) + 1;
                }

                var record = records.TryGetValue(error.RecordKey, out var seen) ? seen : (error, 0, new SortedSet<string>(StringComparer.Ordinal));
                record.Types.Add(error.ErrorType);
                records[error.RecordKey] = (record.Item1, record.Item2 + 1, record.Types);
            }
        }

        var cards = (await store.GetErrorCardsAsync(tenantId, cancellationToken))
            .Select(c => types.TryGetValue(c.ErrorType, out var t)
                ? new DigestCard(c.Category, categories.GetValueOrDefault(c.Category, c.Category), c.ErrorType, t.Title, t.Meaning, t.Fix, c.CurrentErrors, c.AffectedRecords)
                : new DigestCard(c.Category, c.Category, c.ErrorType, c.ErrorType, "", "", c.CurrentErrors, c.AffectedRecords))
            .ToList();
        var top = records.Values
            .OrderByDescending(r => r.Count)
            .ThenBy(r => r.First.RecordKey, StringComparer.Ordinal)
            .Take(options.Value.TopRecords)
            .Select(r => new DigestRecord(r.First.ObjectType, r.First.HubSpotId, r.First.SalesforceId, r.Count, [.. r.Types.Select(t => types.TryGetValue(t, out var info) ? info.Title : t)]))
            .ToList();
        var chart = catalog.Categories
            .Where(c => c.Id != ErrorCatalog.TransientCategory)
            .Select(c => new DigestCategoryCount(c.Id, c.Title, perCategory.GetValueOrDefault(c.Id)))
            .ToList();
        var groups = cards.Any(c => c.ErrorType == ErrorCatalog.UnknownType)
            ? await unknownGroups.GetUnknownGroupsAsync(tenantId, options.Value.TopRecords, cancellationToken)
            : [];
        return new DigestReport(tenantId, frequency, period, current, records.Count, fresh, resolved, stillOpen, ignored, cards, top, groups, chart,
            [.. assignees.OrderByDescending(a => a.Value).ThenBy(a => a.Key, StringComparer.Ordinal).Select(a => new DigestAssignee(a.Key, a.Value))]);
    }

    private static bool InPeriod(DateTimeOffset at, DigestPeriod period) => at > period.Start && at <= period.End;
}
