using EventSync.Contracts;
using EventSync.Notifications.Assignments;
using EventSync.Notifications.Tests.Infrastructure;
using EventSync.Testing;
using Microsoft.Extensions.Options;

namespace EventSync.Notifications.Tests;

/// <summary>The email to an assignee, composed from errors as the store keeps them: both parts, the cap on records, HTML-encoded data.</summary>
public sealed class AssignmentEmailComposerTests
{
    private const string Tenant = "portal-assign";
    private static readonly DateTimeOffset At = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private static readonly IOptions<NotificationOptions> Options =
        Microsoft.Extensions.Options.Options.Create(new NotificationOptions { From = "eventsync@example.com", DashboardUrl = new Uri("https://sync.example.com/?tenant=a&b") });

    [Fact]
    public void Should_list_each_record_under_its_error_type_with_the_fix_the_assigner_and_the_link_when_composed_in_english()
    {
        var errors = AssignedErrors.Of("anna@example.com", At, Failure("701"), Failure("702"), SyncFailures.ToSalesforce(Tenant, "703", SyncFailures.DuplicateRule, occurredAt: At));

        var message = new AssignmentEmailComposer(Options).Compose(Assignment(errors.Select(e => e.Id), "ops <script>"), errors, "en");

        Assert.Equal("EventSync: 3 sync errors of portal-assign assigned to you", message.Subject);
        Assert.Equal("anna@example.com", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("eventsync@example.com", Assert.Single(message.From.Mailboxes).Address);
        Assert.Contains("Invalid email address: 2", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("- contact HubSpot 701", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("- contact HubSpot 703", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("How to fix: ", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Assigned by: ops <script>", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://sync.example.com/?tenant=a&b", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("ops &lt;script&gt;", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://sync.example.com/?tenant=a&amp;b\"", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_write_the_subject_headings_and_catalog_titles_in_polish_when_the_tenant_reads_polish()
    {
        var errors = AssignedErrors.Of("anna@example.com", At, Failure("701"));

        var message = new AssignmentEmailComposer(Options).Compose(Assignment(errors.Select(e => e.Id), "ops"), errors, "pl");

        Assert.Equal("EventSync: przypisany do Ciebie błąd synchronizacji dla portal-assign (1)", message.Subject);
        Assert.Contains("Nieprawidłowy adres e-mail: 1", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Przypisane przez: ops", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"pl\">", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_list_the_first_fifty_records_and_count_the_rest_when_more_are_assigned()
    {
        var errors = AssignedErrors.Of("anna@example.com", At, [.. Enumerable.Range(1000, AssignmentEmailComposer.MaxListed + 3).Select(i => Failure($"{i}"))]);

        var message = new AssignmentEmailComposer(Options).Compose(Assignment(errors.Select(e => e.Id), "ops"), errors, "en");

        Assert.Equal($"EventSync: {AssignmentEmailComposer.MaxListed + 3} sync errors of portal-assign assigned to you", message.Subject);
        Assert.Equal(AssignmentEmailComposer.MaxListed, (message.TextBody ?? "").Split('\n').Count(line => line.StartsWith("- contact HubSpot ", StringComparison.Ordinal)));
        Assert.Contains("... and 3 more.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Invalid email address: {AssignmentEmailComposer.MaxListed + 3}", message.TextBody, StringComparison.Ordinal);
    }

    private static SyncFailureReported Failure(string hubSpotId) => SyncFailures.ToSalesforce(Tenant, hubSpotId, SyncFailures.InvalidEmail, occurredAt: At);

    private static ErrorsAssigned Assignment(IEnumerable<string> errorIds, string assignedBy) =>
        new() { TenantId = Tenant, Assignee = "anna@example.com", AssignedBy = assignedBy, ErrorIds = [.. errorIds], AssignedAt = At };
}
