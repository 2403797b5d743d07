using System.Net;
using System.Text.Json;
using EventSync.Api.Tests.Infrastructure;
using EventSync.Contracts;
using EventSync.Core.Catalog;
using EventSync.Testing;
using EventSync.Testing.Http;

namespace EventSync.Api.Tests;

/// <summary><c>GET /api/tenants/{t}/errors/{id}</c>: the error, the errors as reported and the occurrence history.</summary>
public sealed class ErrorDetailTests(ApiHost host)
{
    [Fact]
    public async Task Should_show_the_raw_errors_and_the_history_when_the_error_occurred_twice()
    {
        var tenant = SyncFailures.NewTenant("detail");
        var first = SyncFailures.ToSalesforce(tenant, "601", SyncFailures.InvalidEmail, occurredAt: DateTimeOffset.UtcNow.AddHours(-2));
        var second = SyncFailures.ToSalesforce(tenant, "601", SyncFailures.InvalidEmail, occurredAt: DateTimeOffset.UtcNow.AddHours(-1));
        await host.SeedAsync([first]);
        var error = (await host.SeedAsync([second])).Single();

        using var response = await host.GetAsync(TenantErrors.Path(tenant, $"errors/{error.Id}"), host.AdminKey);

        var detail = await Problems.JsonAsync(response);
        Assert.Equal(error.Id, detail.GetProperty("id").GetString());
        Assert.Equal(ErrorCatalog.Default.Get(SyncFailures.InvalidEmailType).Fix.En, detail.GetProperty("fix").GetString());
        Assert.Equal(2, detail.GetProperty("occurrences").GetInt64());
        var raw = Assert.Single(detail.GetProperty("rawErrors").EnumerateArray());
        Assert.Equal(SyncFailures.InvalidEmail.Message, raw.GetProperty("message").GetString());
        Assert.Equal(SyncFailures.InvalidEmail.StatusCode, raw.GetProperty("statusCode").GetString());
        var history = detail.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal([first.EventId, second.EventId], history.Select(h => h.GetProperty("eventId").GetString()));
        Assert.All(history, h => Assert.Equal("INVALID_EMAIL_ADDRESS", h.GetProperty("statusCode").GetString()));
        Assert.Equal(first.OccurredAt!.Value, history[0].GetProperty("occurredAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        Assert.Equal(["eventId", "occurredAt", "statusCode", "message"], history[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            TenantErrors.ItemProperties.Concat(["ruleId", "decision", "rawErrors", "history", "notes"]).Order(StringComparer.Ordinal),
            detail.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Should_say_which_rule_decided_on_the_code_quoted_inside_a_triggers_message()
    {
        var tenant = SyncFailures.NewTenant("detail-decision");
        var failure = SyncFailures.ToSalesforce(tenant, "603", new ReportedError
        {
            StatusCode = "CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY",
            Message = "ContactTrigger: execution of AfterUpdate caused by: System.DmlException: Update failed. First exception on row 0; first error: STRING_TOO_LONG, Description: data value too large: [Description]",
        });
        var error = (await host.SeedAsync([failure])).Single();

        using var response = await host.GetAsync(TenantErrors.Path(tenant, $"errors/{error.Id}"), host.AdminKey);

        var detail = await Problems.JsonAsync(response);
        Assert.Equal("string-too-long", detail.GetProperty("errorType").GetString());
        Assert.Equal("sf.string-too-long", detail.GetProperty("ruleId").GetString());
        var decision = detail.GetProperty("decision");
        Assert.Equal("sf.string-too-long", decision.GetProperty("ruleId").GetString());
        Assert.Equal("STRING_TOO_LONG", decision.GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Array, decision.GetProperty("nearRules").ValueKind);
    }

    [Fact]
    public async Task Should_answer_404_problem_when_the_error_is_unknown()
    {
        using var response = await host.GetAsync(TenantErrors.Path(ApiHost.Acme, "errors/000000000000000000000000"), host.AdminKey);

        await Problems.ReadAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_answer_404_problem_when_the_error_is_another_tenants()
    {
        var other = SyncFailures.NewTenant("detail-other");
        var error = (await host.SeedAsync([SyncFailures.ToSalesforce(other, "602", SyncFailures.InvalidEmail)])).Single();

        using var response = await host.GetAsync(TenantErrors.Path(ApiHost.Acme, $"errors/{error.Id}"), host.AdminKey);

        await Problems.ReadAsync(response, HttpStatusCode.NotFound);
    }
}
