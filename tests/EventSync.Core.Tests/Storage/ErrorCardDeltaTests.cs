using EventSync.Core.Catalog;
using EventSync.Core.Errors;

namespace EventSync.Core.Tests.Storage;

public sealed class ErrorCardDeltaTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly SyncError Open = new()
    {
        Id = "e1",
        TenantId = "acme",
        ObjectType = "contact",
        RecordKey = "hs:1",
        Category = "picklists",
        ErrorType = "missing-picklist-option",
        RuleId = "rule",
        Fingerprint = "fp",
        LastEventId = "ev-1",
        State = SyncErrorState.Open,
        Occurrences = 1,
        Version = 1,
    };

    private static readonly SyncError Transient = Open with { Category = ErrorCatalog.TransientCategory, ErrorType = "lock-contention" };

    [Fact]
    public void Should_add_one_to_the_card_of_its_type_and_record_when_the_error_is_new()
    {
        var delta = Assert.Single(ErrorCardDelta.Between(null, Open));

        Assert.Equal(new ErrorCardDelta("acme", "picklists", "missing-picklist-option", "hs:1", +1), delta);
    }

    [Fact]
    public void Should_change_nothing_when_a_current_error_recurs()
    {
        var recurring = Open with { Occurrences = 2, Version = 2, LastSeen = At };

        Assert.Empty(ErrorCardDelta.Between(Open, recurring));
    }

    [Fact]
    public void Should_remove_one_when_the_error_is_resolved()
    {
        var resolved = Open with { State = SyncErrorState.Resolved, ResolvedAt = At, Version = 2 };

        var delta = Assert.Single(ErrorCardDelta.Between(Open, resolved));

        Assert.Equal(new ErrorCardDelta("acme", "picklists", "missing-picklist-option", "hs:1", -1), delta);
    }

    [Fact]
    public void Should_add_one_when_a_resolved_error_reopens()
    {
        var resolved = Open with { State = SyncErrorState.Resolved, ResolvedAt = At, Version = 2 };

        var delta = Assert.Single(ErrorCardDelta.Between(resolved, Open with { Version = 3 }));

        Assert.Equal(+1, delta.Change);
    }

    [Fact]
    public void Should_change_nothing_when_a_resolved_error_stays_resolved()
    {
        var resolved = Open with { State = SyncErrorState.Resolved, ResolvedAt = At, Version = 2 };

        Assert.Empty(ErrorCardDelta.Between(resolved, resolved with { Occurrences = 2, Version = 3 }));
    }

    [Fact]
    public void Should_change_nothing_when_an_open_error_becomes_resync_pending_or_open_again()
    {
        var pending = Open with { State = SyncErrorState.ResyncPending, Version = 2 };

        Assert.Empty(ErrorCardDelta.Between(Open, pending));
        Assert.Empty(ErrorCardDelta.Between(pending, Open with { Version = 3 }));
    }

    [Fact]
    public void Should_remove_one_when_a_resync_pending_error_is_resolved()
    {
        var pending = Open with { State = SyncErrorState.ResyncPending, Version = 2 };

        var delta = Assert.Single(ErrorCardDelta.Between(pending, pending with { State = SyncErrorState.Resolved, ResolvedAt = At }));

        Assert.Equal(-1, delta.Change);
    }

    [Fact]
    public void Should_not_count_a_transient_error_when_it_has_not_surfaced()
    {
        Assert.Empty(ErrorCardDelta.Between(null, Transient));
        Assert.Empty(ErrorCardDelta.Between(Transient, Transient with { Occurrences = 2 }));
        Assert.Empty(ErrorCardDelta.Between(Transient, Transient with { State = SyncErrorState.Resolved, ResolvedAt = At }));
        Assert.False(ErrorCardDelta.IsCounted(Transient));
    }

    [Fact]
    public void Should_add_one_when_a_transient_error_surfaces()
    {
        var surfaced = Transient with { SurfacedAt = At, Version = 2 };

        var delta = Assert.Single(ErrorCardDelta.Between(Transient, surfaced));

        Assert.Equal(new ErrorCardDelta("acme", ErrorCatalog.TransientCategory, "lock-contention", "hs:1", +1), delta);
        Assert.Equal(-1, Assert.Single(ErrorCardDelta.Between(surfaced, surfaced with { State = SyncErrorState.Resolved })).Change);
    }

    [Fact]
    public void Should_move_the_count_when_the_type_before_and_after_differ()
    {
        var retyped = Open with { Category = "property-values", ErrorType = "invalid-value", Version = 2 };

        var deltas = ErrorCardDelta.Between(Open, retyped).ToList();

        Assert.Equal(
            [
                new ErrorCardDelta("acme", "picklists", "missing-picklist-option", "hs:1", -1),
                new ErrorCardDelta("acme", "property-values", "invalid-value", "hs:1", +1),
            ],
            deltas);
    }

    [Fact]
    public void Should_remove_one_when_a_counted_error_is_deleted()
    {
        Assert.Equal(-1, Assert.Single(ErrorCardDelta.Between(Open, null)).Change);
        Assert.Empty(ErrorCardDelta.Between(null, null));
    }

    [Fact]
    public void Should_sum_per_type_and_record_and_leave_out_zero_sums_when_the_deltas_of_a_batch_are_summed()
    {
        var other = Open with { Id = "e2", ObjectType = "company" };
        var deltas = ErrorCardDelta.Between(null, Open)
            .Concat(ErrorCardDelta.Between(null, other))
            .Concat(ErrorCardDelta.Between(null, Open with { Id = "e3", RecordKey = "hs:2" }))
            .Concat(ErrorCardDelta.Between(Open with { Id = "e3", RecordKey = "hs:2" }, null));

        var summed = ErrorCardDelta.Sum(deltas);

        Assert.Equal([new ErrorCardDelta("acme", "picklists", "missing-picklist-option", "hs:1", +2)], summed);
    }

    [Theory]
    [InlineData(0L, 1L, 1)]
    [InlineData(0L, 3L, 1)]
    [InlineData(1L, 0L, -1)]
    [InlineData(2L, 1L, 0)]
    [InlineData(0L, 0L, 0)]
    [InlineData(-1L, 0L, 0)]
    [InlineData(-2L, 1L, 1)]
    public void Should_move_the_cards_records_only_when_a_record_joins_or_leaves_it(long before, long after, int change)
    {
        Assert.Equal(change, ErrorCardDelta.RecordChange(before, after));
    }
}
