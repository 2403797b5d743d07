using EventSync.Contracts;
using EventSync.Core.Errors;
using EventSync.Notifications.Tests.Infrastructure;
using EventSync.Testing;

namespace EventSync.Notifications.Tests.Harness;

/// <summary>
/// <see cref="ErrorsAssigned"/> end to end on the real store: errors seeded as the classifier stores them, assigned with
/// <c>ISyncErrorStore.AssignAsync</c> as the API does, then the message published.
/// </summary>
public sealed class AssignmentEmailTests : SmtpHarnessTest
{
    private const string Anna = "anna@example.com";

    [Fact]
    public async Task Should_email_the_assignee_the_errors_still_open_when_the_store_assigned_them()
    {
        var at = DateTimeOffset.UtcNow.AddMinutes(-10);
        await using var host = await StartWorkerAsync();
        var store = host.Get<ISyncErrorStore>();
        var tenant = SyncFailures.NewTenant("assign-store");
        var errors = await ErrorSeeds.SeedAsync(store, [Failure(tenant, "801", at), Failure(tenant, "802", at), Failure(tenant, "803", at)], at);
        var ids = errors.Select(e => e.Id).ToList();
        await store.AssignAsync(tenant, ids, Anna, Ct);
        await store.ResolveRecordsAsync([new RecordResolution(tenant, "contact", "803", null, at.AddMinutes(1))], Ct);

        var assignment = new ErrorsAssigned { TenantId = tenant, Assignee = Anna, AssignedBy = "ops", ErrorIds = ids, AssignedAt = at };
        await host.ConsumedAsync<ErrorsAssigned>(await host.PublishAsync(assignment), "the assignment is consumed");

        var email = Assert.Single(Smtp.Messages);
        Assert.Equal($"EventSync: 2 sync errors of {tenant} assigned to you", email.Subject);
        Assert.Equal(Anna, Assert.Single(email.To.Mailboxes).Address);
        Assert.Contains("HubSpot 801", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("HubSpot 802", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("HubSpot 803", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_send_nothing_when_the_store_reassigned_the_errors_before_the_email()
    {
        var at = DateTimeOffset.UtcNow.AddMinutes(-10);
        await using var host = await StartWorkerAsync();
        var store = host.Get<ISyncErrorStore>();
        var tenant = SyncFailures.NewTenant("assign-store-moved");
        var ids = (await ErrorSeeds.SeedAsync(store, [Failure(tenant, "811", at)], at)).Select(e => e.Id).ToList();
        await store.AssignAsync(tenant, ids, Anna, Ct);
        await store.AssignAsync(tenant, ids, "bob@example.com", Ct);

        var assignment = new ErrorsAssigned { TenantId = tenant, Assignee = Anna, AssignedBy = "ops", ErrorIds = ids, AssignedAt = at };
        await host.ConsumedAsync<ErrorsAssigned>(await host.PublishAsync(assignment), "the assignment is consumed");

        Assert.Empty(Smtp.Messages);
    }

    private static SyncFailureReported Failure(string tenant, string hubSpotId, DateTimeOffset at) =>
        SyncFailures.ToSalesforce(tenant, hubSpotId, SyncFailures.InvalidEmail, occurredAt: at);
}
