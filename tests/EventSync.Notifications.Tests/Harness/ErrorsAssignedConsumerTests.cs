using System.Diagnostics.Metrics;
using EventSync.Contracts;
using EventSync.Core.Errors;
using EventSync.Core.Notifications;
using EventSync.Notifications.Assignments;
using EventSync.Notifications.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Harness;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Notifications.Tests.Harness;

/// <summary>
/// <see cref="ErrorsAssigned"/> on the worker's own composition with MassTransit's test harness and a real SMTP server.
/// The errors the email reads are built with Core's transitions and served through the store's reading interface
/// (<see cref="FixedErrorQueries"/>), settings come from the real store; <c>AssignmentEmailTests</c> runs the real
/// store's path (assigned with <c>AssignAsync</c> as the API does).
/// </summary>
public sealed class ErrorsAssignedConsumerTests : SmtpHarnessTest
{
    private const string Anna = "anna@example.com";
    private static readonly DateTimeOffset At = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Should_send_one_email_to_the_assignee_with_the_records_the_assigner_and_the_dashboard_link_when_errors_are_assigned_to_an_address()
    {
        var tenant = SyncFailures.NewTenant("assign-email");
        var errors = AssignedErrors.Of(Anna, At, Failure(tenant, "701"), Failure(tenant, "702"), Failure(tenant, "703"));
        await using var host = await StartAsync(errors);
        using var counters = new EmailCounters(host.Get<IMeterFactory>());

        await host.ConsumedAsync<ErrorsAssigned>(await host.PublishAsync(Assignment(tenant, Anna, errors, "ops <lead>")), "the assignment is consumed");

        var email = Assert.Single(Smtp.Messages);
        Assert.Equal($"EventSync: 3 sync errors of {tenant} assigned to you", email.Subject);
        Assert.Equal(Anna, Assert.Single(email.To.Mailboxes).Address);
        Assert.All(new[] { "701", "702", "703" }, id => Assert.Contains($"HubSpot {id}", email.TextBody, StringComparison.Ordinal));
        Assert.Contains("Assigned by: ops <lead>", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:5080/", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("ops &lt;lead&gt;", email.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(1, counters["eventsync.emails.sent", AssignmentNotifier.Kind]);
    }

    [Fact]
    public async Task Should_write_in_polish_when_the_tenant_reads_polish_even_with_its_digests_off()
    {
        var tenant = SyncFailures.NewTenant("assign-pl");
        var errors = AssignedErrors.Of(Anna, At, Failure(tenant, "701"), Failure(tenant, "702"));
        await using var host = await StartAsync(errors);
        await host.Get<INotificationSettingsStore>().SaveAsync(new NotificationSettings(tenant, false, DigestFrequency.Daily, [], "Europe/Warsaw", "pl"), Ct);

        await host.ConsumedAsync<ErrorsAssigned>(await host.PublishAsync(Assignment(tenant, Anna, errors, "ops")), "the assignment is consumed");

        var email = Assert.Single(Smtp.Messages);
        Assert.Equal($"EventSync: przypisane do Ciebie błędy synchronizacji dla {tenant} (2)", email.Subject);
        Assert.Contains("Nieprawidłowy adres e-mail: 2", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_send_no_email_when_the_assignee_is_a_name()
    {
        var tenant = SyncFailures.NewTenant("assign-name");
        var errors = AssignedErrors.Of("Anna", At, Failure(tenant, "701"));
        await using var host = await StartAsync(errors);

        await host.ConsumedAsync<ErrorsAssigned>(await host.PublishAsync(Assignment(tenant, "Anna", errors, "ops")), "the assignment is consumed");

        Assert.Empty(Smtp.Messages);
    }

    [Fact]
    public async Task Should_leave_out_errors_resolved_or_reassigned_since_when_the_email_is_composed()
    {
        var tenant = SyncFailures.NewTenant("assign-left-out");
        var kept = AssignedErrors.Of(Anna, At, Failure(tenant, "701"));
        var resolved = AssignedErrors.Of(Anna, At, Failure(tenant, "702")).Select(e => SyncErrorTransitions.Resolve(e, new RecordResolution(tenant, "contact", "702", null, At.AddHours(1)))!);
        var reassigned = AssignedErrors.Of("bob@example.com", At, Failure(tenant, "703"));
        List<SyncError> errors = [.. kept, .. resolved, .. reassigned];
        await using var host = await StartAsync(errors);

        await host.ConsumedAsync<ErrorsAssigned>(await host.PublishAsync(Assignment(tenant, Anna, errors, "ops")), "the assignment is consumed");

        var email = Assert.Single(Smtp.Messages);
        Assert.Equal($"EventSync: 1 sync error of {tenant} assigned to you", email.Subject);
        Assert.Contains("HubSpot 701", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("HubSpot 702", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("HubSpot 703", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_send_no_email_when_every_error_was_resolved_or_reassigned_since()
    {
        var tenant = SyncFailures.NewTenant("assign-nothing");
        var errors = AssignedErrors.Of("bob@example.com", At, Failure(tenant, "701"), Failure(tenant, "702"));
        await using var host = await StartAsync(errors);

        await host.ConsumedAsync<ErrorsAssigned>(await host.PublishAsync(Assignment(tenant, Anna, errors, "ops")), "the assignment is consumed");

        Assert.Empty(Smtp.Messages);
    }

    [Fact]
    public async Task Should_email_again_when_the_same_assignment_is_delivered_twice()
    {
        // At least once: a redelivery (or the API publishing the same assignment again) is a second email, by design.
        var tenant = SyncFailures.NewTenant("assign-twice");
        var errors = AssignedErrors.Of(Anna, At, Failure(tenant, "701"));
        await using var host = await StartAsync(errors);
        var assignment = Assignment(tenant, Anna, errors, "ops");

        await host.ConsumedAsync<ErrorsAssigned>(await host.PublishAsync(assignment), "the assignment is consumed");
        await host.ConsumedAsync<ErrorsAssigned>(await host.PublishAsync(assignment), "the redelivered assignment is consumed");

        Assert.Equal(2, Smtp.Messages.Count);
    }

    [Fact]
    public async Task Should_fault_the_message_after_its_retries_when_the_smtp_server_refuses()
    {
        var tenant = SyncFailures.NewTenant("assign-refused");
        var errors = AssignedErrors.Of(Anna, At, Failure(tenant, "701"));
        await using var host = await StartAsync(errors);
        using var counters = new EmailCounters(host.Get<IMeterFactory>());
        Smtp.Refusing = true;

        await host.PublishAsync(Assignment(tenant, Anna, errors, "ops"));

        Assert.True(await host.Harness.Published.Any<Fault<ErrorsAssigned>>(Ct), "the assignment faulted after its retries");
        Assert.Empty(Smtp.Messages);
        Assert.True(Smtp.Refused > 1, $"the email was tried {Smtp.Refused} times");
        Assert.Equal(Smtp.Refused, counters["eventsync.emails.failed", AssignmentNotifier.Kind]);
    }

    private Task<HarnessHost> StartAsync(IEnumerable<SyncError> errors) =>
        StartWorkerAsync(builder => builder.Services.AddSingleton<ISyncErrorQueries>(new FixedErrorQueries(errors)));

    private static SyncFailureReported Failure(string tenant, string hubSpotId) => SyncFailures.ToSalesforce(tenant, hubSpotId, SyncFailures.InvalidEmail, occurredAt: At);

    private static ErrorsAssigned Assignment(string tenant, string assignee, IEnumerable<SyncError> errors, string assignedBy) =>
        new() { TenantId = tenant, Assignee = assignee, AssignedBy = assignedBy, ErrorIds = [.. errors.Select(e => e.Id)], AssignedAt = At };
}
