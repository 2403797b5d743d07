using EventSync.Contracts;
using EventSync.Core.Notifications;
using EventSync.Storage.MongoDb.Documents;
using EventSync.Storage.MongoDb.Queries;
using MongoDB.Bson;

namespace EventSync.Storage.Tests.MongoDb;

// Digest claims and alert windows, rendered without a server.
public sealed partial class MongoQueryRenderingTests
{
    private static readonly DateTimeOffset PeriodStart = new(2026, 11, 26, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Should_claim_only_an_unsent_period_that_is_the_callers_or_expired_when_a_digest_is_claimed()
    {
        var id = DigestClaimDocument.IdOf("portal-4711", DigestFrequency.Daily, PeriodStart);

        AssertBson(
            "{ _id: 'portal-4711|Daily|639000000000000000', sentAt: null, $or: [{ token: 'sender-a' }, { leaseUntil: { $lte: ISODate('2026-11-28T10:00:00Z') } }] }"
                .Replace("639000000000000000", PeriodStart.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
            Render(DigestClaimQueries.Claimable(id, "sender-a", Now)));
    }

    [Fact]
    public void Should_set_token_lease_and_period_when_a_digest_claim_is_written()
    {
        var claim = new DigestClaim("portal-4711", DigestFrequency.Weekly, PeriodStart, PeriodStart.AddDays(7), "sender-a", Now.AddMinutes(10));

        AssertBson(
            "{ $set: { tenantId: 'portal-4711', frequency: 'Weekly', periodStart: ISODate('2026-11-26T07:00:00Z'), periodEnd: ISODate('2026-12-03T07:00:00Z'), "
            + "token: 'sender-a', leaseUntil: ISODate('2026-11-28T10:10:00Z'), skipped: false } }",
            Render(DigestClaimQueries.Claim(claim)).AsBsonDocument);
    }

    [Fact]
    public void Should_find_the_sent_claims_of_the_tenant_when_the_last_digest_is_asked_for()
    {
        AssertBson("{ tenantId: 'portal-4711', sentAt: { $ne: null } }", Render(DigestClaimQueries.SentOf("portal-4711")));
        AssertBson("{ tenantId: 1, periodEnd: -1 }", DigestClaimQueries.Index().Keys.Render(Args<DigestClaimDocument>()));
    }

    [Fact]
    public void Should_count_keep_the_first_entries_and_open_on_insert_when_an_alert_is_appended()
    {
        var entry = new AlertEntry("err-1", "property-values", "invalid-email", "contact", "101", null, "new", Now);

        AssertBson(
            "{ $inc: { total: NumberLong(1), 'countsByErrorType.invalid-email': NumberLong(1) }, "
            + "$push: { entries: { $each: [{ errorId: 'err-1', category: 'property-values', errorType: 'invalid-email', objectType: 'contact', hubSpotId: '101', reason: 'new', at: ISODate('2026-11-28T10:00:00Z') }], $slice: 50 } }, "
            + "$setOnInsert: { _id: 'w1', openedAt: ISODate('2026-11-28T10:00:00Z'), closesAt: ISODate('2026-11-28T10:05:00Z') } }",
            Render(AlertWindowQueries.Append(entry, "w1", Now, TimeSpan.FromMinutes(5))).AsBsonDocument);
        AssertBson("{ tenantId: 'portal-4711', state: 'open' }", Render(AlertWindowQueries.OpenOf("portal-4711")));
    }

    [Theory]
    [InlineData("a.b", "countsByErrorType.a%2Eb")]
    [InlineData("$where", "countsByErrorType.%24where")]
    [InlineData("", "countsByErrorType.%")]
    [InlineData("a_b", "countsByErrorType.a_b")]
    [InlineData("50%.x", "countsByErrorType.50%25%2Ex")]
    public void Should_count_an_error_type_under_a_single_valid_field_name_when_its_type_has_dots_dollars_or_nothing(string errorType, string path)
    {
        var entry = new AlertEntry("err-1", "unknown", errorType, "contact", "101", null, "new", Now);

        var update = Render(AlertWindowQueries.Append(entry, "w1", Now, TimeSpan.FromMinutes(5))).AsBsonDocument;

        Assert.Equal(new BsonInt64(1), update["$inc"][path]);
    }

    [Fact]
    public void Should_read_back_every_error_type_exactly_when_types_would_collide_under_a_lossy_encoding()
    {
        string[] types = ["a.b", "a_b", "a$b", "", "%", "%2E", "a%2Eb", "\0x", ".", "$", "invalid-email"];
        var document = new AlertWindowDocument
        {
            Id = "w1",
            TenantId = "portal-4711",
            CountsByErrorType = types.Select((t, i) => (t, i)).ToDictionary(x => ErrorTypeFieldName.Encode(x.t), x => (long)x.i + 1, StringComparer.Ordinal),
        };

        Assert.Equal(types.Length, document.CountsByErrorType.Count);
        Assert.All(document.CountsByErrorType.Keys, k => Assert.False(k.Length == 0 || k.Contains('.', StringComparison.Ordinal) || k.StartsWith('$') || k.Contains('\0', StringComparison.Ordinal)));
        var counts = document.ToWindow().CountsByErrorType;
        Assert.Equal(types.Select((t, i) => (t, (long)i + 1)), types.Select(t => (t, counts[t])));
    }

    [Fact]
    public void Should_take_closed_open_windows_and_expired_claims_when_due_windows_are_claimed()
    {
        AssertBson(
            "{ closesAt: { $lte: ISODate('2026-11-28T10:00:00Z') }, $or: [{ state: 'open' }, { state: 'sending', leaseUntil: { $lte: ISODate('2026-11-28T10:00:00Z') } }] }",
            Render(AlertWindowQueries.Due(Now)));
        AssertBson(
            "{ $set: { state: 'sending', token: 'sender-a', leaseUntil: ISODate('2026-11-28T10:02:00Z') } }",
            Render(AlertWindowQueries.Claim("sender-a", Now.AddMinutes(2))).AsBsonDocument);
    }

    [Fact]
    public void Should_allow_one_open_window_per_tenant_when_the_store_initialises()
    {
        var indexes = AlertWindowQueries.Indexes().ToList();

        var unique = indexes[0];
        Assert.Equal(("one_open_window_per_tenant", true), (unique.Options.Name, unique.Options.Unique));
        AssertBson("{ tenantId: 1 }", unique.Keys.Render(Args<AlertWindowDocument>()));
        AssertBson("{ state: 'open' }", Render(unique.Options is MongoDB.Driver.CreateIndexOptions<AlertWindowDocument> o ? o.PartialFilterExpression! : throw new InvalidOperationException()));
        AssertBson("{ state: 1, closesAt: 1 }", indexes[1].Keys.Render(Args<AlertWindowDocument>()));
    }
}
