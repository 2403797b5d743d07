using EventSync.Core.Audit;
using EventSync.Core.Storage;
using EventSync.Storage.MongoDb.Queries;
using Microsoft.Extensions.Options;
using MongoDB.Bson;

namespace EventSync.Storage.MongoDb;

/// <summary>
/// Start-up (the deployment check, every collection's indexes and TTL retentions, the card counters of an older database) and readiness
/// of the MongoDB store.
/// </summary>
public sealed class MongoStoreLifecycle(MongoStoreContext context, IOptions<MongoStoreOptions> options, IOptions<AuditTrailOptions> audit) : IStoreLifecycle
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await MongoDeployment.EnsureSupportedAsync(context.Database, cancellationToken);
        await context.Errors.Indexes.CreateManyAsync(SyncErrorQueries.Indexes(), cancellationToken);
        await context.Errors.Indexes.CreateOneAsync(OutboxQueries.Index(), cancellationToken: cancellationToken);
        await context.Settings.Indexes.CreateOneAsync(NotificationSettingsQueries.Index(), cancellationToken: cancellationToken);
        await context.Views.Indexes.CreateOneAsync(ViewQueries.ExpiryIndex(), cancellationToken: cancellationToken);
        await context.DigestClaims.Indexes.CreateOneAsync(DigestClaimQueries.Index(), cancellationToken: cancellationToken);
        await context.AlertWindows.Indexes.CreateManyAsync(AlertWindowQueries.Indexes(), cancellationToken);
        await context.Requests.Indexes.CreateManyAsync(ResyncQueries.Indexes(), cancellationToken);
        await MongoTtlRetention.EnsureAsync(
            context, context.Requests, ResyncQueries.FinishedExpiryIndex(options.Value.FinishedResyncRetention), options.Value.FinishedResyncRetention, cancellationToken);
        await context.Audit.Indexes.CreateManyAsync(AuditQueries.Indexes(), cancellationToken);
        await MongoTtlRetention.EnsureAsync(context, context.Audit, AuditQueries.ExpiryIndex(audit.Value.Retention), audit.Value.Retention, cancellationToken);
        await context.WebhookDeliveries.Indexes.CreateOneAsync(WebhookQueries.Index(), cancellationToken: cancellationToken);
        await MongoErrorCardRebuild.InitializeAsync(context, cancellationToken);
    }

    public Task PingAsync(CancellationToken cancellationToken) =>
        context.Database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: cancellationToken);
}
