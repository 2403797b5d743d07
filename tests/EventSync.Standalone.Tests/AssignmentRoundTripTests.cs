using EventSync.Testing;
using EventSync.Testing.Email;
using EventSync.Testing.Standalone;

namespace EventSync.Standalone.Tests;

/// <summary>
/// The team's loop on the real process: a failure reported, its error assigned to a person through the API, who gets an
/// email on a real SMTP server in the test process; a note written through the API shows in the error with its author.
/// </summary>
public sealed class AssignmentRoundTripTests
{
    private const string Tenant = "acme-roundtrip";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Should_email_the_assignee_and_keep_the_note_when_an_operator_assigns_an_error_and_writes_a_note()
    {
        await using var smtp = await SmtpCatcher.StartAsync();
        await using var host = await RunningStandalone.StartAsync(settings: [$"ConnectionStrings:smtp={smtp.ConnectionString}"]);
        await host.ReportFailuresAsync([SyncFailures.ToSalesforce(Tenant, "5101", SyncFailures.InvalidEmail)]);
        var items = await Eventually.MatchesAsync(
            async () => (await host.GetJsonAsync($"/api/tenants/{Tenant}/errors")).GetProperty("items"), i => i.GetArrayLength() == 1, Deadline, "the failure classified");
        var errorId = items[0].GetProperty("id").GetString()!;

        await host.SendJsonAsync(HttpMethod.Put, $"/api/tenants/{Tenant}/errors/{errorId}/assignee", new { assignee = "anna@example.com" });
        await host.SendJsonAsync(HttpMethod.Post, $"/api/tenants/{Tenant}/errors/{errorId}/notes", new { text = "Anna checks the address with sales." });

        var email = Assert.Single(await Eventually.MatchesAsync(() => Task.FromResult(smtp.Messages), m => m.Count > 0, Deadline, "the assignee's email"));
        Assert.Equal("anna@example.com", Assert.Single(email.To.Mailboxes).Address);
        Assert.Contains("HubSpot 5101", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("admin", email.TextBody, StringComparison.Ordinal);
        var detail = await host.GetJsonAsync($"/api/tenants/{Tenant}/errors/{errorId}");
        Assert.Equal("anna@example.com", detail.GetProperty("assignee").GetString());
        var note = Assert.Single(detail.GetProperty("notes").EnumerateArray());
        Assert.Equal(("admin", "Anna checks the address with sales."), (note.GetProperty("author").GetString(), note.GetProperty("text").GetString()));
    }
}
