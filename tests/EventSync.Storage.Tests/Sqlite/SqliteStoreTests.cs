using EventSync.Contracts;
using EventSync.Core.Audit;
using EventSync.Core.Errors;
using EventSync.Core.Notifications;
using EventSync.Core.Storage;
using EventSync.Core.Usage;
using EventSync.Core.Views;
using EventSync.Storage.Sqlite;
using EventSync.Storage.Sqlite.Extensions;
using EventSync.Storage.Sqlite.Rows;
using EventSync.Storage.Sqlite.Schema;
using EventSync.Storage.Tests.Contract;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EventSync.Storage.Tests.Sqlite;

/// <summary>What the SQLite store does beyond the contract: the file, its schema, its registration.</summary>
public sealed class SqliteStoreTests
{
    private const string Tenant = SyncFailureBuilder.DefaultTenant;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_keep_errors_cards_and_usage_when_the_file_is_reopened()
    {
        using var dataDir = new TemporaryDataDir();
        var failure = SyncFailureBuilder.Contact("101", "0035g00000XyZabAAF").Failing(SalesforceErrors.RestrictedPicklist).Build();
        SyncErrorChange recorded;
        await using (var stores = await StartAsync(dataDir))
        {
            recorded = Assert.Single(await stores.GetRequiredService<ISyncErrorStore>().RecordAsync(SyncFailureBuilder.Occurrences(failure), Ct));
            await stores.GetRequiredService<IApiUsageStore>().SaveUsageAsync(Tenant, 4_800, 15_000, SyncFailureBuilder.Start, Ct);
        }

        await using var reopened = await StartAsync(dataDir);
        var errors = reopened.GetRequiredService<ISyncErrorStore>();

        var error = await errors.GetAsync(Tenant, recorded.Error.Id, Ct);
        Assert.Equal(recorded.Error.Version, error?.Version);
        Assert.Equal(recorded.Error.RawErrors[0].Raw, error?.RawErrors[0].Raw);
        Assert.Single(await errors.GetErrorCardsAsync(Tenant, Ct));
        Assert.Empty(await errors.RecordAsync(SyncFailureBuilder.Occurrences(failure), Ct));
        Assert.Equal(4_800, (await reopened.GetRequiredService<IApiUsageStore>().GetUsageAsync(Tenant, Ct))?.UsedLast24h);
    }

    [Fact]
    public async Task Should_repair_counters_written_wrong_when_the_tenant_is_recounted()
    {
        using var dataDir = new TemporaryDataDir();
        await using var stores = await StartAsync(dataDir);
        var errors = stores.GetRequiredService<ISyncErrorStore>();
        await errors.RecordAsync(
            [.. Enumerable.Range(0, 6).SelectMany(i => SyncFailureBuilder.Contact($"{100 + (i % 4)}").Failing(SalesforceErrors.InvalidEmail).At(SyncFailureBuilder.Start.AddSeconds(i)).BuildOccurrences())],
            Ct);
        var expected = await errors.GetErrorCardsAsync(Tenant, Ct);
        Execute(dataDir, "UPDATE error_card_counts SET errors = 99, records = 0; DELETE FROM error_card_records;");
        Assert.NotEqual(expected, await errors.GetErrorCardsAsync(Tenant, Ct));

        Assert.Equal(expected, await stores.GetRequiredService<IErrorCardRecount>().RecountAsync(Tenant, Ct));

        Assert.Equal(expected, await errors.GetErrorCardsAsync(Tenant, Ct));
    }

    [Fact]
    public async Task Should_write_nothing_of_the_batch_when_a_write_fails_part_way()
    {
        using var dataDir = new TemporaryDataDir();
        await using var stores = await StartAsync(dataDir);
        var errors = stores.GetRequiredService<ISyncErrorStore>();
        var fine = SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.DuplicateRule).Build();
        var refused = SyncFailureBuilder.Contact("102").Failing(SalesforceErrors.RequiredFieldMissing).Build();
        // The file refuses the second error of the batch, as a full disk or a constraint would.
        Execute(dataDir, "CREATE TRIGGER refuse_102 BEFORE INSERT ON sync_errors WHEN NEW.record_key = 'hs:102' BEGIN SELECT RAISE(ABORT, 'refused'); END;");
        var batch = SyncFailureBuilder.Occurrences(fine).Concat(SyncFailureBuilder.Occurrences(refused)).ToList();

        await Assert.ThrowsAsync<SqliteException>(() => errors.RecordAsync(batch, Ct));

        Assert.Null(await errors.GetAsync(Tenant, batch[0].ErrorId, Ct));
        Assert.Empty(await errors.GetErrorCardsAsync(Tenant, Ct));
        var retried = Assert.Single(await errors.RecordAsync(SyncFailureBuilder.Occurrences(fine), Ct));
        Assert.Equal(ErrorOccurrence.New, retried.Occurrence);
        var card = Assert.Single(await errors.GetErrorCardsAsync(Tenant, Ct));
        Assert.Equal((1L, 1L), (card.CurrentErrors, card.AffectedRecords));
    }

    [Fact]
    public async Task Should_create_the_folder_and_the_files_for_the_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes");
            return;
        }

        using var dataDir = new TemporaryDataDir();
        await using var stores = await StartAsync(dataDir);
        await stores.GetRequiredService<ISyncErrorStore>().RecordAsync(SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.DuplicateRule).BuildOccurrences(), Ct);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(dataDir.Path));
        var files = Directory.GetFiles(dataDir.Path);
        Assert.Contains(Path.Combine(dataDir.Path, SqliteStoreContext.FileName + "-wal"), files);
        foreach (var file in files)
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public async Task Should_bring_the_file_to_the_newest_schema_once_when_initialised_twice()
    {
        using var dataDir = new TemporaryDataDir();
        await using var stores = await StartAsync(dataDir);

        await stores.GetRequiredService<IStoreLifecycle>().InitializeAsync(Ct);

        Assert.Equal(SqliteSchema.Migrations.Count, Convert.ToInt32(Scalar(dataDir, "PRAGMA user_version"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("wal", Scalar(dataDir, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Should_list_the_resync_requests_of_an_older_file_newest_first_once_it_is_migrated()
    {
        using var dataDir = new TemporaryDataDir();
        Directory.CreateDirectory(dataDir.Path);
        foreach (var migration in SqliteSchema.Migrations.Take(3))
        {
            Execute(dataDir, migration);
        }

        Execute(dataDir, "PRAGMA user_version = 3;");
        // Written before the time had a column of its own: read from the body, whatever its offset.
        var earlier = new DateTimeOffset(2026, 11, 30, 10, 0, 0, 123, TimeSpan.FromHours(2));
        var later = new DateTimeOffset(2026, 11, 30, 8, 30, 0, 456, TimeSpan.Zero);
        foreach (var (id, requestedAt) in new[] { ("request-later", later), ("request-earlier", earlier) })
        {
            var request = new Core.Resync.ResyncRequestRecord
            {
                RequestId = id, TenantId = Tenant, RequestedBy = "anna", RequestedAt = requestedAt, NotBefore = requestedAt, Parts = [],
            };
            Execute(dataDir, $"INSERT INTO resync_requests (id, tenant_id, not_before, waiting, body) VALUES ('{id}', '{Tenant}', 0, 0, '{SqliteJson.Write(request)}')");
        }

        await using var stores = await StartAsync(dataDir);
        var page = await stores.GetRequiredService<Core.Resync.IResyncRequestStore>().ListRecentAsync(Tenant, null, 10, Ct);

        Assert.Equal(["request-later", "request-earlier"], page.Requests.Select(r => r.RequestId));
        Assert.Equal(earlier.UtcTicks, Scalar(dataDir, "SELECT requested_at FROM resync_requests WHERE id = 'request-earlier'"));
    }

    [Fact]
    public async Task Should_refuse_to_start_when_the_file_has_a_newer_schema()
    {
        using var dataDir = new TemporaryDataDir();
        await (await StartAsync(dataDir)).DisposeAsync();
        Execute(dataDir, $"PRAGMA user_version = {SqliteSchema.Migrations.Count + 1};");
        await using var stores = Provider(dataDir);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => stores.GetRequiredService<IStoreLifecycle>().InitializeAsync(Ct));

        Assert.Contains("newer", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_fail_the_ping_when_the_store_is_closed()
    {
        using var dataDir = new TemporaryDataDir();
        var stores = await StartAsync(dataDir);
        var lifecycle = stores.GetRequiredService<IStoreLifecycle>();
        await lifecycle.PingAsync(Ct);

        await stores.DisposeAsync();

        await Assert.ThrowsAnyAsync<ObjectDisposedException>(() => lifecycle.PingAsync(Ct));
    }

    [Fact]
    public async Task Should_register_one_small_store_per_interface_over_one_shared_context()
    {
        using var dataDir = new TemporaryDataDir();
        await using var stores = Provider(dataDir);
        Type[] interfaces =
        [
            typeof(ISyncErrorStore), typeof(ISyncErrorQueries), typeof(IAffectedRecordQueries), typeof(IUnknownErrorGroupQueries), typeof(IApiUsageStore),
            typeof(INotificationSettingsStore), typeof(IViewStore), typeof(IDigestClaimStore), typeof(IAlertWindowStore),
            typeof(IStoreLifecycle), typeof(Core.Resync.IResyncRequestStore), typeof(Core.Resync.IApiBudgetStore), typeof(Core.Resync.ITransientRetryStore),
            typeof(Core.Links.IRecordLinkSettingsStore), typeof(IAuditTrailStore),
        ];

        var resolved = interfaces.Select(stores.GetRequiredService).ToList();

        Assert.Equal(interfaces.Length, resolved.Select(s => s.GetType()).Distinct().Count());
        Assert.All(resolved, store => Assert.Single(store.GetType().GetInterfaces(), i => interfaces.Contains(i)));
        Assert.Equal(Path.Combine(dataDir.Path, SqliteStoreContext.FileName), stores.GetRequiredService<SqliteStoreContext>().FilePath);
    }

    [Fact]
    public void Should_default_to_the_data_folder_when_no_data_dir_is_configured()
    {
        using var provider = new ServiceCollection().AddSqliteStorage(new ConfigurationBuilder().Build()).BuildServiceProvider();

        Assert.Equal("./data", provider.GetRequiredService<IOptions<SqliteStoreOptions>>().Value.DataDir);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public async Task Should_refuse_a_query_when_it_names_no_tenant(string tenantId)
    {
        using var dataDir = new TemporaryDataDir();
        await using var stores = await StartAsync(dataDir);
        var queries = stores.GetRequiredService<ISyncErrorQueries>();

        await Assert.ThrowsAsync<ArgumentException>(() => queries.ListAsync(new ErrorQuery(tenantId), null, 10, Ct));
        Assert.Throws<ArgumentException>(() => queries.StreamAsync(new ErrorQuery(tenantId), Ct));
        Assert.Throws<ArgumentException>(() => stores.GetRequiredService<IAffectedRecordQueries>().AffectedRecordsAsync(new ErrorQuery(tenantId), Ct));
    }

    [Fact]
    public async Task Should_delete_expired_views_when_a_later_view_is_saved()
    {
        using var dataDir = new TemporaryDataDir();
        await using var stores = await StartAsync(dataDir);
        var views = stores.GetRequiredService<IViewStore>();
        var start = SyncFailureBuilder.Start;
        var filter = new ErrorQuery(Tenant);
        await views.SaveAsync(new AffectedRecordsView("short", Tenant, filter, start, start.AddHours(1)), Ct);

        await views.SaveAsync(new AffectedRecordsView("later", Tenant, filter, start.AddHours(2), start.AddHours(26)), Ct);

        Assert.Equal(1L, Scalar(dataDir, "SELECT count(*) FROM views"));
        Assert.NotNull(await views.GetAsync(Tenant, "later", start.AddHours(3), Ct));
    }

    [Fact]
    public async Task Should_remove_the_entries_older_than_the_retention_of_every_tenant_when_an_entry_is_appended()
    {
        using var dataDir = new TemporaryDataDir();
        await using var stores = await StartAsync(dataDir, ("EventSync:Audit:Retention", "30.00:00:00"));
        var audit = stores.GetRequiredService<IAuditTrailStore>();
        var start = SyncFailureBuilder.Start;
        await audit.AppendAsync(AuditEntry.Create(Tenant, start, "olga", AuditActions.Resync, null, null, null), Ct);
        await audit.AppendAsync(AuditEntry.Create("portal-9000", start.AddDays(1), "olga", AuditActions.Resync, null, null, null), Ct);
        var kept = AuditEntry.Create(Tenant, start.AddDays(20), "olga", AuditActions.ViewCreated, null, null, null);
        await audit.AppendAsync(kept, Ct);
        Assert.Equal(3L, Scalar(dataDir, "SELECT count(*) FROM audit_entries"));

        var newest = AuditEntry.Create(Tenant, start.AddDays(31).AddHours(1), "olga", AuditActions.AllocationChanged, null, null, null);
        await audit.AppendAsync(newest, Ct);

        Assert.Equal([newest.Id, kept.Id], (await audit.ListAsync(new AuditQuery(Tenant), null, 10, Ct)).Entries.Select(e => e.Id));
        Assert.Equal(0L, Scalar(dataDir, "SELECT count(*) FROM audit_entries WHERE tenant_id = 'portal-9000'"));
    }

    [Theory]
    [InlineData("12:00:00")]
    [InlineData("4000.00:00:00")]
    public void Should_refuse_to_start_when_the_audit_retention_is_out_of_range(string retention)
    {
        using var dataDir = new TemporaryDataDir();
        using var provider = SqliteStorageProvider.For(dataDir.Path, ("EventSync:Audit:Retention", retention));

        var refused = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AuditTrailOptions>>().Value);

        Assert.Contains("EventSync:Audit:Retention", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_keep_the_audit_trail_400_days_when_no_retention_is_configured()
    {
        using var dataDir = new TemporaryDataDir();
        using var provider = SqliteStorageProvider.For(dataDir.Path);

        Assert.Equal(TimeSpan.FromDays(400), provider.GetRequiredService<IOptions<AuditTrailOptions>>().Value.Retention);
    }

    private static async Task<ServiceProvider> StartAsync(TemporaryDataDir dataDir, params (string Key, string Value)[] settings)
    {
        var provider = SqliteStorageProvider.For(dataDir.Path, settings);
        await provider.GetRequiredService<IStoreLifecycle>().InitializeAsync(Ct);
        return provider;
    }

    private static ServiceProvider Provider(TemporaryDataDir dataDir) => SqliteStorageProvider.For(dataDir.Path);

    // The file as another tool leaves it: its own connection, beside the store's.
    private static void Execute(TemporaryDataDir dataDir, string sql)
    {
        using var connection = Open(dataDir);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(TemporaryDataDir dataDir, string sql)
    {
        using var connection = Open(dataDir);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static SqliteConnection Open(TemporaryDataDir dataDir)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDir.Path, SqliteStoreContext.FileName), Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
