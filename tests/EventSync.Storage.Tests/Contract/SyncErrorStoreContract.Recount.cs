namespace EventSync.Storage.Tests.Contract;

// A tenant's cards recounted from its errors while writers run (IErrorCardRecount).
public abstract partial class SyncErrorStoreContract
{
    [Fact]
    public async Task Should_return_the_cards_as_the_errors_say_and_leave_other_tenants_alone_when_a_tenant_is_recounted()
    {
        await using var store = await StartAsync();
        await RecordAsync(store,
            SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.DuplicateRule, SalesforceErrors.InvalidEmail).At(T0).Build(),
            SyncFailureBuilder.Contact("102").Failing(SalesforceErrors.InvalidEmail).At(T0).Build(),
            SyncFailureBuilder.Contact("103").Failing(SalesforceErrors.RowLock).At(T0).Build(),
            SyncFailureBuilder.Contact("201").InTenant(OtherTenant).Failing(SalesforceErrors.DuplicateRule).At(T0).Build());
        await ResolveAsync(store, "contact", "102", null, T0.AddMinutes(1));
        var otherCards = await store.Errors.GetErrorCardsAsync(OtherTenant, Ct);

        var recounted = await store.Recount.RecountAsync(Tenant, Ct);

        Assert.Equal(await RecountCardsAsync(store), recounted);
        Assert.Equal(recounted, await store.Errors.GetErrorCardsAsync(Tenant, Ct));
        Assert.Equal(2, recounted.Count);
        Assert.Equal(otherCards, await store.Errors.GetErrorCardsAsync(OtherTenant, Ct));
    }

    [Fact]
    public async Task Should_equal_a_recount_of_the_errors_when_a_recount_runs_while_errors_are_recorded_and_resolved()
    {
        await using var store = await StartAsync();
        async Task WriterAsync()
        {
            for (var step = 0; step < 60; step++)
            {
                var at = T0.AddSeconds(step);
                await RecordAsync(store, SyncFailureBuilder.Contact($"{400 + (step % 6)}").Failing(CardErrors[step % 3]).At(at).Build());
                if (step % 4 == 3)
                {
                    await ResolveAsync(store, "contact", $"{400 + ((step + 2) % 6)}", null, at);
                }
            }
        }

        async Task RecounterAsync()
        {
            for (var round = 0; round < 10; round++)
            {
                await store.Recount.RecountAsync(Tenant, Ct);
            }
        }

        await Task.WhenAll(Task.Run(WriterAsync, Ct), Task.Run(RecounterAsync, Ct));

        Assert.Equal(await RecountCardsAsync(store), await store.Errors.GetErrorCardsAsync(Tenant, Ct));
    }

    [Fact]
    public async Task Should_return_no_cards_when_a_tenant_without_errors_is_recounted()
    {
        await using var store = await StartAsync();

        Assert.Empty(await store.Recount.RecountAsync("portal-empty", Ct));
    }
}
