using EventSync.Core.Usage;

namespace EventSync.Storage.Tests.Contract;

// The API allocation part of the store contract: operators set it, engine reports never touch it.
public abstract partial class SyncErrorStoreContract
{
    [Fact]
    public async Task Should_keep_the_reported_figures_when_an_allocation_is_set()
    {
        await using var store = await StartAsync();
        await store.Usage.SaveUsageAsync(Tenant, 1_200, 15_000, T0, Ct);

        var allocation = await store.Usage.SetAllocationAsync(Tenant, 5_000, Ct);

        Assert.Equal(new ApiAllocation(Tenant, 5_000, 1_200, 15_000, T0), allocation);
        Assert.Equal(new ApiUsage(Tenant, 1_200, 15_000, 5_000, T0), await store.Usage.GetUsageAsync(Tenant, Ct));
    }

    [Fact]
    public async Task Should_store_zero_figures_and_no_usage_when_the_allocation_is_set_before_any_report()
    {
        await using var store = await StartAsync();

        var allocation = await store.Usage.SetAllocationAsync(Tenant, 0, Ct);

        Assert.Equal(new ApiAllocation(Tenant, 0, 0, 0, null), allocation);
        Assert.Null(await store.Usage.GetUsageAsync(Tenant, Ct));
    }

    [Fact]
    public async Task Should_keep_the_allocation_when_a_newer_usage_report_arrives()
    {
        await using var store = await StartAsync();
        await store.Usage.SaveUsageAsync(Tenant, 1_200, 15_000, T0, Ct);
        await store.Usage.SetAllocationAsync(Tenant, 5_000, Ct);

        await store.Usage.SaveUsageAsync(Tenant, 4_800, 20_000, T0.AddHours(1), Ct);

        Assert.Equal(new ApiUsage(Tenant, 4_800, 20_000, 5_000, T0.AddHours(1)), await store.Usage.GetUsageAsync(Tenant, Ct));
    }

    [Fact]
    public async Task Should_keep_the_allocation_when_the_first_usage_report_arrives_after_it()
    {
        await using var store = await StartAsync();
        await store.Usage.SetAllocationAsync(Tenant, 3_000, Ct);

        await store.Usage.SaveUsageAsync(Tenant, 1_200, 15_000, T0, Ct);

        Assert.Equal(new ApiUsage(Tenant, 1_200, 15_000, 3_000, T0), await store.Usage.GetUsageAsync(Tenant, Ct));
    }

    [Fact]
    public async Task Should_keep_only_the_last_allocation_when_it_is_set_again()
    {
        await using var store = await StartAsync();
        await store.Usage.SaveUsageAsync(Tenant, 1_200, 15_000, T0, Ct);
        await store.Usage.SetAllocationAsync(Tenant, 5_000, Ct);

        var allocation = await store.Usage.SetAllocationAsync(Tenant, 2_500, Ct);

        Assert.Equal(2_500, allocation.AllocatedToHubSpot);
        Assert.Equal(2_500, (await store.Usage.GetUsageAsync(Tenant, Ct))?.AllocatedToHubSpot);
    }

    [Fact]
    public async Task Should_clear_the_allocation_and_keep_the_reported_figures_when_it_is_set_to_null()
    {
        await using var store = await StartAsync();
        await store.Usage.SaveUsageAsync(Tenant, 1_200, 15_000, T0, Ct);
        await store.Usage.SetAllocationAsync(Tenant, 5_000, Ct);

        var allocation = await store.Usage.SetAllocationAsync(Tenant, null, Ct);

        Assert.Equal(new ApiAllocation(Tenant, null, 1_200, 15_000, T0), allocation);
        Assert.Equal(new ApiUsage(Tenant, 1_200, 15_000, null, T0), await store.Usage.GetUsageAsync(Tenant, Ct));
    }

    [Fact]
    public async Task Should_leave_other_tenants_alone_when_an_allocation_is_set()
    {
        await using var store = await StartAsync();
        await store.Usage.SaveUsageAsync(OtherTenant, 300, 5_000, T0, Ct);

        await store.Usage.SetAllocationAsync(Tenant, 5_000, Ct);

        Assert.Equal(new ApiUsage(OtherTenant, 300, 5_000, null, T0), await store.Usage.GetUsageAsync(OtherTenant, Ct));
    }

    [Fact]
    public async Task Should_read_the_allocation_before_and_after_a_report_and_nothing_for_an_unknown_tenant()
    {
        await using var store = await StartAsync();
        await store.Usage.SetAllocationAsync(Tenant, 4_000, Ct);
        var beforeReport = await store.Usage.GetAllocationAsync(Tenant, Ct);

        await store.Usage.SaveUsageAsync(Tenant, 1_200, 15_000, T0, Ct);

        Assert.Equal(new ApiAllocation(Tenant, 4_000, 0, 0, null), beforeReport);
        Assert.Equal(new ApiAllocation(Tenant, 4_000, 1_200, 15_000, T0), await store.Usage.GetAllocationAsync(Tenant, Ct));
        Assert.Null(await store.Usage.GetAllocationAsync(OtherTenant, Ct));
    }
}
