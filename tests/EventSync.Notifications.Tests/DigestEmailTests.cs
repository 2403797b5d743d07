using EventSync.Contracts;
using EventSync.Core.Catalog;
using EventSync.Core.Errors;
using EventSync.Core.Notifications;
using EventSync.Notifications.Digests;
using EventSync.Notifications.Tests.Infrastructure;
using EventSync.Storage.Sqlite;
using EventSync.Testing;
using EventSync.Testing.Hosts;
using Microsoft.Extensions.Options;
using MimeKit;

namespace EventSync.Notifications.Tests;

/// <summary>The digest read from a real store and written as MIME: both parts, the inline chart, English and Polish; one saved for people to look at.</summary>
public sealed class DigestEmailTests
{
    private const string Tenant = "portal-digest";
    private static readonly DateTimeOffset PeriodEnd = new(2026, 11, 27, 7, 0, 0, TimeSpan.Zero);
    private static readonly DigestPeriod Period = new(PeriodEnd.AddDays(-1), PeriodEnd);
    private static readonly IOptions<NotificationOptions> Options = Microsoft.Extensions.Options.Options.Create(new NotificationOptions { DashboardUrl = new Uri("https://sync.example.com/") });
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Where the rendered digest of a test run is kept: <c>TestResults/digest.eml</c>, <c>.html</c>, <c>.png</c> beside the test binaries.</summary>
    public static string SavedDigestDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults");

    [Fact]
    public async Task Should_write_text_and_html_parts_with_the_inline_png_chart_when_a_digest_is_composed()
    {
        using var store = await SeededStoreAsync();

        var message = await ComposeAsync(store, "en");

        var parsed = await RoundTripAsync(message);
        Assert.Equal("EventSync daily digest for portal-digest (current sync errors: 4)", parsed.Subject);
        var alternative = Assert.IsType<MultipartAlternative>(parsed.Body);
        Assert.Equal("text/plain", alternative[0].ContentType.MimeType);
        var related = Assert.IsType<MultipartRelated>(alternative[1]);
        var html = Assert.IsType<TextPart>(related[0]);
        var chart = Assert.IsType<MimePart>(related[1]);
        Assert.Equal("image/png", chart.ContentType.MimeType);
        Assert.Contains($"cid:{chart.ContentId}", html.Text, StringComparison.Ordinal);
        Assert.Equal(PngSignature, Bytes(chart).Take(8));
        Assert.Contains("Current errors: 4", parsed.TextBody, StringComparison.Ordinal);
        Assert.Contains("New in the period: 3", parsed.TextBody, StringComparison.Ordinal);
        Assert.Contains("Resolved in the period: 1", parsed.TextBody, StringComparison.Ordinal);
        Assert.Contains("Still open from before the period: 1", parsed.TextBody, StringComparison.Ordinal);
        Assert.Contains("2026-11-26 08:00 - 2026-11-27 08:00 (Europe/Warsaw)", parsed.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://sync.example.com/", html.Text, StringComparison.Ordinal);
        Assert.Contains("contact HubSpot 9001: 2", parsed.TextBody, StringComparison.Ordinal);
        Save(parsed, chart, "digest");
    }

    [Fact]
    public async Task Should_write_every_heading_and_the_catalog_fixes_in_polish_when_the_tenant_reads_polish()
    {
        using var store = await SeededStoreAsync();

        var parsed = await RoundTripAsync(await ComposeAsync(store, "pl"));

        Assert.Equal("EventSync: dzienne podsumowanie dla portal-digest (bieżące błędy synchronizacji: 4)", parsed.Subject);
        Assert.Contains("Bieżące błędy: 4", parsed.TextBody, StringComparison.Ordinal);
        Assert.Contains("Jak naprawić", parsed.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("How to fix", parsed.HtmlBody, StringComparison.Ordinal);
        var related = Assert.IsType<MultipartRelated>(Assert.IsType<MultipartAlternative>(parsed.Body)[1]);
        Save(parsed, Assert.IsType<MimePart>(related[1]), "digest-pl");
    }

    [Fact]
    public async Task Should_encode_what_comes_from_data_when_it_looks_like_html()
    {
        using var store = await OpenAsync(new TemporaryDataDir());
        await ErrorSeeds.SeedAsync(store.Errors, [SyncFailures.ToSalesforce("<b>evil</b>", "<script>", SyncFailures.InvalidEmail, occurredAt: PeriodEnd.AddHours(-1))], PeriodEnd.AddHours(-1));
        var settings = new NotificationSettings("<b>evil</b>", true, DigestFrequency.Daily, ["ops@example.com"], "UTC", "en");
        var report = await new DigestReportBuilder(store.Errors, store.Queries, store.UnknownGroups, Options).BuildAsync(settings.TenantId, DigestFrequency.Daily, Period, "en", TestContext.Current.CancellationToken);

        var html = new DigestEmailComposer(Options).Compose(report, settings, TimeZoneInfo.Utc, test: false).HtmlBody;

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>evil", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_list_the_distinct_unknown_problems_with_a_sample_when_the_other_card_has_errors()
    {
        using var store = await OpenAsync(new TemporaryDataDir());
        var at = PeriodEnd.AddHours(-2);
        await ErrorSeeds.SeedAsync(
            store.Errors,
            [
                SyncFailures.ToSalesforce(Tenant, "7001", new ReportedError { StatusCode = "WEIRD_THING", Message = "Odd failure on record 7001" }, occurredAt: at),
                SyncFailures.ToSalesforce(Tenant, "7002", new ReportedError { StatusCode = "WEIRD_THING", Message = "Odd failure on record 7002" }, occurredAt: at),
                SyncFailures.ToSalesforce(Tenant, "7003", new ReportedError { Message = "The engine\nlost its queue" }, occurredAt: at),
            ],
            at);
        var settings = new NotificationSettings(Tenant, true, DigestFrequency.Daily, ["ops@example.com"], "UTC", "en");
        var report = await new DigestReportBuilder(store.Errors, store.Queries, store.UnknownGroups, Options).BuildAsync(Tenant, DigestFrequency.Daily, Period, "en", TestContext.Current.CancellationToken);

        var message = new DigestEmailComposer(Options).Compose(report, settings, TimeZoneInfo.Utc, test: false);

        Assert.Equal(2, report.UnknownGroups.Count);
        Assert.Contains("Distinct unknown problems", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("- 2 (Affected records: 2): WEIRD_THING: Odd failure on record 700", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("- 1 (Affected records: 1): The engine lost its queue", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<code>The engine lost its queue</code>", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_leave_an_ignored_error_out_of_the_figures_and_the_records_count_it_as_ignored_and_list_who_has_the_assigned_ones()
    {
        using var store = await SeededStoreAsync();
        var ignored = (await store.Queries.ListAsync(new ErrorQuery(Tenant) { ErrorType = SyncFailures.InvalidEmailType }, null, 10, TestContext.Current.CancellationToken)).Errors.Single();
        await store.Errors.IgnoreAsync(Tenant, [ignored.Id], new ErrorIgnore { IgnoredBy = "ops", IgnoredAt = PeriodEnd }, TestContext.Current.CancellationToken);
        var current = (await store.Queries.ListAsync(new ErrorQuery(Tenant) { State = SyncErrorState.Open }, null, 10, TestContext.Current.CancellationToken)).Errors
            .Where(e => e.Category != ErrorCatalog.TransientCategory).ToList();
        await store.Errors.AssignAsync(Tenant, [.. current.Take(2).Select(e => e.Id)], "anna@example.com", TestContext.Current.CancellationToken);
        await store.Errors.AssignAsync(Tenant, [current[2].Id], "<b>Bob</b>", TestContext.Current.CancellationToken);

        var parsed = await RoundTripAsync(await ComposeAsync(store, "en"));

        Assert.Equal("EventSync daily digest for portal-digest (current sync errors: 3)", parsed.Subject);
        Assert.Contains("Current errors: 3", parsed.TextBody, StringComparison.Ordinal);
        Assert.Contains("Ignored (left out of these figures): 1", parsed.TextBody, StringComparison.Ordinal);
        Assert.Contains("contact HubSpot 9001: 1", parsed.TextBody, StringComparison.Ordinal);
        Assert.Contains("Assigned current errors\r\n- anna@example.com: 2\r\n- <b>Bob</b>: 1", (parsed.TextBody ?? "").ReplaceLineEndings("\r\n"), StringComparison.Ordinal);
        Assert.Contains("<li>&lt;b&gt;Bob&lt;/b&gt;: 1</li>", parsed.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_report_nothing_when_the_tenant_has_no_errors()
    {
        using var store = await OpenAsync(new TemporaryDataDir());

        var report = await new DigestReportBuilder(store.Errors, store.Queries, store.UnknownGroups, Options).BuildAsync("portal-quiet", DigestFrequency.Daily, Period, "en", TestContext.Current.CancellationToken);

        Assert.True(report.HasNothingToReport);
        Assert.All(report.ErrorsPerCategory, c => Assert.Equal(0, c.Errors));
    }

    // Four current errors (one from before the period, three new: two on record 9001), one resolved in the period, one transient left out.
    private static async Task<DisposableStore> SeededStoreAsync()
    {
        var store = await OpenAsync(new TemporaryDataDir());
        var before = Period.Start.AddHours(-3);
        var inPeriod = Period.Start.AddHours(5);
        await ErrorSeeds.SeedAsync(store.Errors, [SyncFailures.ToSalesforce(Tenant, "9000", SyncFailures.ValidationRule, occurredAt: before)], before);
        await ErrorSeeds.SeedAsync(store.Errors, [SyncFailures.ToSalesforce(Tenant, "9005", SyncFailures.DuplicateRule, occurredAt: before)], before);
        await ErrorSeeds.SeedAsync(
            store.Errors,
            [
                SyncFailures.ToSalesforce(Tenant, "9001", SyncFailures.InvalidEmail, occurredAt: inPeriod),
                SyncFailures.ToSalesforce(Tenant, "9001", SyncFailures.RequiredFieldMissing, occurredAt: inPeriod),
                SyncFailures.ToSalesforce(Tenant, "9002", SyncFailures.RestrictedPicklistBulk, occurredAt: inPeriod),
                SyncFailures.ToSalesforce(Tenant, "9003", SyncFailures.RowLock, occurredAt: inPeriod),
            ],
            inPeriod);
        await store.Errors.ResolveRecordsAsync([new RecordResolution(Tenant, "contact", "9005", null, inPeriod.AddHours(1))], TestContext.Current.CancellationToken);
        return store;
    }

    private static async Task<MimeMessage> ComposeAsync(DisposableStore store, string language)
    {
        var settings = new NotificationSettings(Tenant, true, DigestFrequency.Daily, ["ops@example.com", "anna@example.pl"], "Europe/Warsaw", language);
        var report = await new DigestReportBuilder(store.Errors, store.Queries, store.UnknownGroups, Options).BuildAsync(Tenant, DigestFrequency.Daily, Period, language, TestContext.Current.CancellationToken);
        return new DigestEmailComposer(Options).Compose(report, settings, TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw"), test: false);
    }

    private static async Task<MimeMessage> RoundTripAsync(MimeMessage message)
    {
        using var stream = new MemoryStream();
        await message.WriteToAsync(stream, TestContext.Current.CancellationToken);
        stream.Position = 0;
        return await MimeMessage.LoadAsync(stream, TestContext.Current.CancellationToken);
    }

    private static byte[] Bytes(MimePart part)
    {
        using var content = new MemoryStream();
        var body = part.Content;
        Assert.NotNull(body);
        body.DecodeTo(content);
        return content.ToArray();
    }

    private static void Save(MimeMessage message, MimePart chart, string name)
    {
        Directory.CreateDirectory(SavedDigestDirectory);
        message.WriteTo(Path.Combine(SavedDigestDirectory, $"{name}.eml"));
        File.WriteAllText(Path.Combine(SavedDigestDirectory, $"{name}.html"), message.HtmlBody);
        File.WriteAllBytes(Path.Combine(SavedDigestDirectory, $"{name}.png"), Bytes(chart));
    }

    private static async Task<DisposableStore> OpenAsync(TemporaryDataDir dataDir)
    {
        var context = new SqliteStoreContext(Microsoft.Extensions.Options.Options.Create(new SqliteStoreOptions { DataDir = dataDir.Path }));
        await new SqliteStoreLifecycle(context).InitializeAsync(TestContext.Current.CancellationToken);
        return new DisposableStore(context, dataDir);
    }

    private sealed class DisposableStore(SqliteStoreContext context, TemporaryDataDir dataDir) : IDisposable
    {
        public SqliteSyncErrorStore Errors { get; } = new(context);

        public SqliteSyncErrorQueries Queries { get; } = new(context);

        public SqliteUnknownErrorGroupQueries UnknownGroups { get; } = new(context);

        public void Dispose()
        {
            context.Dispose();
            dataDir.Dispose();
        }
    }
}
