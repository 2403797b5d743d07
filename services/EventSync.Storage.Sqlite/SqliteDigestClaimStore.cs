using EventSync.Contracts;
using EventSync.Core.Notifications;
using Microsoft.Data.Sqlite;

namespace EventSync.Storage.Sqlite;

/// <summary>
/// One claim per (tenant, frequency, period start) in <c>digest_claims</c>. A claim is decided by conditional writes in one
/// transaction that holds the file's write lock: two senders, in one process or two, never both win a period.
/// </summary>
public sealed class SqliteDigestClaimStore(SqliteStoreContext context) : IDigestClaimStore
{
    private const string Key = "tenant_id = @tenant AND frequency = @frequency AND period_start = @periodStart";

    private const string Columns = "tenant_id, frequency, period_start, period_end, token, lease_until, sent_at, skipped";

    // New, or the caller's own again, or one whose lease ran out and that was not sent.
    private const string Claim = $"""
        INSERT INTO digest_claims ({Columns}) VALUES (@tenant, @frequency, @periodStart, @periodEnd, @token, @leaseUntil, NULL, 0)
        ON CONFLICT DO UPDATE SET period_end = excluded.period_end, token = excluded.token, lease_until = excluded.lease_until
        WHERE sent_at IS NULL AND (token = excluded.token OR lease_until <= @now)
        """;

    private const string SelectSent = $"SELECT sent_at FROM digest_claims WHERE {Key}";

    private const string MarkSent = $"UPDATE digest_claims SET sent_at = @sentAt, skipped = @skipped WHERE {Key} AND token = @token";

    private const string Select = $"SELECT {Columns} FROM digest_claims WHERE {Key}";

    private const string SelectLastSent = $"SELECT {Columns} FROM digest_claims WHERE tenant_id = @tenant AND sent_at IS NOT NULL ORDER BY period_end DESC LIMIT 1";

    public Task<DigestClaimOutcome> TryClaimDigestAsync(DigestClaim claim, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return context.WriteAsync(
            session =>
            {
                var claimed = WithKey(session.Command(Claim), claim.TenantId, claim.Frequency, claim.PeriodStart)
                    .With("@periodEnd", claim.PeriodEnd.UtcTicks)
                    .With("@token", claim.Token)
                    .With("@leaseUntil", claim.LeaseUntil.UtcTicks)
                    .With("@now", now.UtcTicks)
                    .ExecuteNonQuery() == 1;
                if (claimed)
                {
                    return DigestClaimOutcome.Claimed;
                }

                var sent = WithKey(session.Command(SelectSent), claim.TenantId, claim.Frequency, claim.PeriodStart).ReadFirst(r => !r.IsDBNull(0));
                return sent ? DigestClaimOutcome.AlreadySent : DigestClaimOutcome.HeldByAnother;
            },
            cancellationToken);
    }

    public Task<bool> MarkDigestSentAsync(
        string tenantId, DigestFrequency frequency, DateTimeOffset periodStart, string token, DateTimeOffset sentAt, bool skipped, CancellationToken cancellationToken) =>
        context.WriteAsync(
            session => WithKey(session.Command(MarkSent), tenantId, frequency, periodStart)
                .With("@token", token)
                .With("@sentAt", sentAt.UtcTicks)
                .With("@skipped", skipped ? 1 : 0)
                .ExecuteNonQuery() == 1,
            cancellationToken);

    public Task<DigestClaim?> GetDigestClaimAsync(string tenantId, DigestFrequency frequency, DateTimeOffset periodStart, CancellationToken cancellationToken) =>
        context.ReadAsync(session => WithKey(session.Command(Select), tenantId, frequency, periodStart).ReadFirst(Read), cancellationToken);

    public Task<DigestClaim?> LastSentDigestAsync(string tenantId, CancellationToken cancellationToken) =>
        context.ReadAsync(session => session.Command(SelectLastSent).With("@tenant", tenantId).ReadFirst(Read), cancellationToken);

    private static SqliteCommand WithKey(SqliteCommand command, string tenantId, DigestFrequency frequency, DateTimeOffset periodStart) =>
        command.With("@tenant", tenantId).With("@frequency", frequency.ToString()).With("@periodStart", periodStart.UtcTicks);

    private static DigestClaim Read(SqliteDataReader row) =>
        new(
            row.GetString(0),
            Enum.Parse<DigestFrequency>(row.GetString(1)),
            SqliteInstants.FromTicks(row.GetInt64(2)),
            SqliteInstants.FromTicks(row.GetInt64(3)),
            row.GetString(4),
            SqliteInstants.FromTicks(row.GetInt64(5)))
        {
            SentAt = SqliteInstants.FromTicks(row.NullableInt64(6)),
            Skipped = row.GetInt64(7) != 0,
        };
}
