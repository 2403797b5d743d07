using EventSync.Contracts;
using EventSync.Testing;
using EventSync.Testing.Broker;

namespace EventSync.Classifier.Tests;

/// <summary>A burst from an engine catching up: batching and bulk writes must keep every error.</summary>
public sealed class LoadTests(ClassifierOnRabbitMq classifier)
{
    private const int FailureCount = 500;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);

    private static readonly (ReportedError Error, string Category, string ErrorType)[] Errors =
    [
        (SyncFailures.InvalidEmail, "property-values", SyncFailures.InvalidEmailType),
        (SyncFailures.RequiredFieldMissing, "property-values", SyncFailures.RequiredValueMissingType),
        (SyncFailures.DuplicateRule, "duplicates", SyncFailures.DuplicateRuleType),
        (SyncFailures.RestrictedPicklistBulk, "picklists", SyncFailures.RestrictedPicklistType),
        (SyncFailures.ValidationRule, "custom-code", SyncFailures.ValidationRuleType),
    ];

    [Fact]
    public async Task Should_store_every_error_when_500_failures_are_published_in_a_burst()
    {
        classifier.SkipUnlessBrokerAvailable();
        var cancellationToken = TestContext.Current.CancellationToken;
        var tenant = SyncFailures.NewTenant("burst");
        var failures = Enumerable.Range(0, FailureCount)
            .Select(i => SyncFailures.ToSalesforce(tenant, (4_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), Errors[i % Errors.Length].Error))
            .ToList();

        await classifier.Engine.PublishManyAsync(EnginePublisher.SyncFailures, failures, cancellationToken);

        var cards = await Eventually.MatchesAsync(
            () => classifier.Store.GetErrorCardsAsync(tenant, cancellationToken),
            c => c.Sum(card => card.CurrentErrors) >= FailureCount,
            Deadline,
            $"{FailureCount} errors are stored");
        Assert.Equal(
            Errors.Select(e => (e.Category, e.ErrorType, Count: (long)(FailureCount / Errors.Length))).OrderBy(e => e.ErrorType),
            cards.Select(c => (c.Category, c.ErrorType, Count: c.CurrentErrors)).OrderBy(e => e.ErrorType));
        Assert.All(cards, card => Assert.Equal(card.CurrentErrors, card.AffectedRecords));
    }
}
