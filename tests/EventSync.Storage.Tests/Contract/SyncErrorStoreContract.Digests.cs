using EventSync.Contracts;
using EventSync.Core.Notifications;

namespace EventSync.Storage.Tests.Contract;

// The IDigestClaimStore part of the store contract: a digest period is claimed by one sender at a time and sent once.
public abstract partial class SyncErrorStoreContract
{
    private static readonly DateTimeOffset PeriodStart = new(2026, 11, 26, 7, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Should_let_one_sender_claim_a_period_when_two_try_at_once()
    {
        await using var store = await StartAsync();

        var outcomes = await Task.WhenAll(
            store.DigestClaims.TryClaimDigestAsync(Claim("sender-a"), T0, Ct),
            store.DigestClaims.TryClaimDigestAsync(Claim("sender-b"), T0, Ct));

        Assert.Equal([DigestClaimOutcome.Claimed, DigestClaimOutcome.HeldByAnother], outcomes.Order());
    }

    [Fact]
    public async Task Should_give_the_claim_back_to_its_own_token_when_the_same_command_is_retried()
    {
        await using var store = await StartAsync();
        await store.DigestClaims.TryClaimDigestAsync(Claim("sender-a"), T0, Ct);

        Assert.Equal(DigestClaimOutcome.Claimed, await store.DigestClaims.TryClaimDigestAsync(Claim("sender-a"), T0.AddMinutes(1), Ct));
        Assert.Equal(DigestClaimOutcome.HeldByAnother, await store.DigestClaims.TryClaimDigestAsync(Claim("sender-b"), T0.AddMinutes(1), Ct));
    }

    [Fact]
    public async Task Should_let_another_sender_take_over_when_the_lease_ran_out_unsent()
    {
        await using var store = await StartAsync();
        await store.DigestClaims.TryClaimDigestAsync(Claim("sender-a"), T0, Ct);

        var outcome = await store.DigestClaims.TryClaimDigestAsync(Claim("sender-b", T0 + Lease + Lease), T0 + Lease, Ct);

        Assert.Equal(DigestClaimOutcome.Claimed, outcome);
        Assert.False(await store.DigestClaims.MarkDigestSentAsync(Tenant, DigestFrequency.Daily, PeriodStart, "sender-a", T0 + Lease, skipped: false, Ct));
        Assert.Equal("sender-b", (await store.DigestClaims.GetDigestClaimAsync(Tenant, DigestFrequency.Daily, PeriodStart, Ct))?.Token);
    }

    [Fact]
    public async Task Should_refuse_every_claim_when_the_period_was_sent()
    {
        await using var store = await StartAsync();
        await store.DigestClaims.TryClaimDigestAsync(Claim("sender-a"), T0, Ct);
        Assert.True(await store.DigestClaims.MarkDigestSentAsync(Tenant, DigestFrequency.Daily, PeriodStart, "sender-a", T0.AddMinutes(1), skipped: true, Ct));

        Assert.Equal(DigestClaimOutcome.AlreadySent, await store.DigestClaims.TryClaimDigestAsync(Claim("sender-a"), T0.AddDays(1), Ct));
        Assert.Equal(DigestClaimOutcome.AlreadySent, await store.DigestClaims.TryClaimDigestAsync(Claim("sender-b"), T0.AddDays(1), Ct));
        var stored = await store.DigestClaims.GetDigestClaimAsync(Tenant, DigestFrequency.Daily, PeriodStart, Ct);
        Assert.Equal((T0.AddMinutes(1), true), (stored?.SentAt, stored?.Skipped));
    }

    [Fact]
    public async Task Should_keep_periods_frequencies_and_tenants_apart_when_claims_are_made()
    {
        await using var store = await StartAsync();
        await store.DigestClaims.TryClaimDigestAsync(Claim("sender-a"), T0, Ct);

        Assert.Equal(DigestClaimOutcome.Claimed, await store.DigestClaims.TryClaimDigestAsync(Claim("sender-b") with { PeriodStart = PeriodStart.AddDays(1) }, T0, Ct));
        Assert.Equal(DigestClaimOutcome.Claimed, await store.DigestClaims.TryClaimDigestAsync(Claim("sender-b") with { Frequency = DigestFrequency.Weekly }, T0, Ct));
        Assert.Equal(DigestClaimOutcome.Claimed, await store.DigestClaims.TryClaimDigestAsync(Claim("sender-b") with { TenantId = OtherTenant }, T0, Ct));
    }

    [Fact]
    public async Task Should_answer_the_latest_sent_period_when_the_last_digest_is_asked_for()
    {
        await using var store = await StartAsync();
        Assert.Null(await store.DigestClaims.LastSentDigestAsync(Tenant, Ct));
        foreach (var days in new[] { 0, 1, 2 })
        {
            var claim = Claim($"sender-{days}") with { PeriodStart = PeriodStart.AddDays(days), PeriodEnd = PeriodStart.AddDays(days + 1) };
            await store.DigestClaims.TryClaimDigestAsync(claim, T0, Ct);
            if (days < 2)
            {
                await store.DigestClaims.MarkDigestSentAsync(Tenant, DigestFrequency.Daily, claim.PeriodStart, claim.Token, T0, skipped: false, Ct);
            }
        }

        var last = await store.DigestClaims.LastSentDigestAsync(Tenant, Ct);

        Assert.Equal(PeriodStart.AddDays(2), last?.PeriodEnd);
        Assert.Null(await store.DigestClaims.LastSentDigestAsync(OtherTenant, Ct));
    }

    private static DigestClaim Claim(string token, DateTimeOffset? leaseUntil = null) =>
        new(Tenant, DigestFrequency.Daily, PeriodStart, PeriodStart.AddDays(1), token, leaseUntil ?? T0 + Lease);
}
