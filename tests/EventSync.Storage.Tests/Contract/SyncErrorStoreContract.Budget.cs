namespace EventSync.Storage.Tests.Contract;

// The budget part of the store contract: reserve only what fits under the cap, atomically, and say when room comes.
public abstract partial class SyncErrorStoreContract
{
    [Fact]
    public async Task Should_reserve_without_limit_when_neither_an_allocation_nor_a_report_exists()
    {
        await using var store = await StartAsync();

        var reservation = await store.Budget.TryReserveAsync(Tenant, 1_000_000, T0, Ct);

        Assert.True(reservation.Reserved);
        Assert.Null(reservation.Budget.Cap);
        Assert.Null(reservation.Budget.Room);
    }

    [Fact]
    public async Task Should_reserve_up_to_the_allocation_and_refuse_beyond_it_when_usage_was_reported()
    {
        await using var store = await StartAsync();
        await store.Usage.SaveUsageAsync(Tenant, 990, 10_000, T0.AddHours(-1), Ct);
        await store.Usage.SetAllocationAsync(Tenant, 1_000, Ct);

        Assert.True((await store.Budget.TryReserveAsync(Tenant, 6, T0, Ct)).Reserved);
        Assert.True((await store.Budget.TryReserveAsync(Tenant, 4, T0.AddMinutes(1), Ct)).Reserved);
        var refused = await store.Budget.TryReserveAsync(Tenant, 1, T0.AddMinutes(2), Ct);

        Assert.False(refused.Reserved);
        Assert.Equal((1_000L, 1_000L, 0L), (refused.Budget.Cap!.Value, refused.Budget.Used, refused.Budget.Room!.Value));
        Assert.Equal(T0.AddDays(1).AddMinutes(1), refused.Budget.RoomExpectedAt(6));
        Assert.Equal(T0.AddDays(1).AddMinutes(2), refused.Budget.RoomExpectedAt(7));
        Assert.Null(refused.Budget.RoomExpectedAt(11));
        Assert.True((await store.Budget.TryReserveAsync(Tenant, 6, T0.AddDays(1).AddMinutes(1), Ct)).Reserved);
    }

    [Fact]
    public async Task Should_use_the_salesforce_limit_and_leave_out_spends_before_the_report_when_no_allocation_is_set()
    {
        await using var store = await StartAsync();
        await store.Usage.SaveUsageAsync(Tenant, 90, 100, T0, Ct);
        Assert.True((await store.Budget.TryReserveAsync(Tenant, 10, T0.AddMinutes(5), Ct)).Reserved);
        Assert.False((await store.Budget.TryReserveAsync(Tenant, 1, T0.AddMinutes(6), Ct)).Reserved);

        // A newer report includes EventSync's earlier calls: they no longer count on top of it.
        await store.Usage.SaveUsageAsync(Tenant, 95, 100, T0.AddMinutes(10), Ct);
        var budget = await store.Budget.GetBudgetAsync(Tenant, T0.AddMinutes(11), Ct);

        Assert.Equal((100L, 95L, 5L), (budget.Cap!.Value, budget.Used, budget.Room!.Value));
    }

    [Fact]
    public async Task Should_never_reserve_past_the_cap_when_many_reservations_race()
    {
        await using var store = await StartAsync();
        await store.Usage.SaveUsageAsync(Tenant, 980, 10_000, T0, Ct);
        await store.Usage.SetAllocationAsync(Tenant, 1_000, Ct);

        var reservations = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => store.Budget.TryReserveAsync(Tenant, 1, T0.AddMinutes(1), Ct), Ct)));

        Assert.Equal(20, reservations.Count(r => r.Reserved));
        Assert.Equal(1_000, (await store.Budget.GetBudgetAsync(Tenant, T0.AddMinutes(1), Ct)).Used);
    }

    [Fact]
    public async Task Should_give_room_back_when_a_reservation_is_released()
    {
        await using var store = await StartAsync();
        await store.Usage.SaveUsageAsync(Tenant, 0, 10, T0, Ct);
        Assert.True((await store.Budget.TryReserveAsync(Tenant, 10, T0.AddMinutes(1), Ct)).Reserved);

        await store.Budget.ReleaseAsync(Tenant, 3, T0.AddMinutes(1), T0.AddMinutes(2), Ct);

        Assert.Equal(7, (await store.Budget.GetBudgetAsync(Tenant, T0.AddMinutes(2), Ct)).Used);
        Assert.True((await store.Budget.TryReserveAsync(Tenant, 3, T0.AddMinutes(2), Ct)).Reserved);
        Assert.False((await store.Budget.TryReserveAsync(Tenant, 1, T0.AddMinutes(2), Ct)).Reserved);
    }
}
