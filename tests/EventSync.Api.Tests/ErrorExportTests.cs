using System.Globalization;
using System.Net;
using CsvHelper;
using EventSync.Api.Tests.Infrastructure;
using EventSync.Contracts;
using EventSync.Testing;
using EventSync.Testing.Http;

namespace EventSync.Api.Tests;

/// <summary><c>GET /api/tenants/{t}/errors/export.csv</c>: RFC 4180, read back with CsvHelper, formula cells neutralised.</summary>
public sealed class ErrorExportTests(ApiHost host)
{
    private static readonly string[] Header =
        ["category", "errorType", "title", "objectType", "hubSpotId", "salesforceId", "fields", "statusCode", "message", "firstSeen", "lastSeen", "occurrences", "state", "fingerprint",
            "direction", "hubSpotLink", "salesforceLink"];

    [Fact]
    public async Task Should_write_one_row_per_error_that_reads_back_as_stored_when_cells_hold_commas_quotes_newlines_and_formulas()
    {
        var tenant = SyncFailures.NewTenant("export");
        SyncFailureReported[] failures =
        [
            SyncFailures.ToSalesforce(tenant, "701", Reported("FIELD_CUSTOM_VALIDATION_EXCEPTION", "Phone, \"mobile\" or fax:\nline two\r\nline three", "Phone", "MobilePhone")),
            SyncFailures.ToSalesforce(tenant, "=702", Reported("FIELD_CUSTOM_VALIDATION_EXCEPTION", "=HYPERLINK(\"http://evil.example\",\"click\")", "Phone")),
            SyncFailures.ToSalesforce(tenant, "+703", Reported("FIELD_CUSTOM_VALIDATION_EXCEPTION", "+1 555 0100 is not a phone", "Phone")),
            SyncFailures.ToSalesforce(tenant, "-704", Reported("FIELD_CUSTOM_VALIDATION_EXCEPTION", "-2+3 is not valid", "Phone")),
            SyncFailures.ToSalesforce(tenant, "@705", Reported("FIELD_CUSTOM_VALIDATION_EXCEPTION", "@SUM(A1:A9)", "Phone")),
            SyncFailures.ToSalesforce(tenant, "706", SyncFailures.InvalidEmail, objectType: "lead"),
        ];
        var stored = await host.SeedAsync(failures);

        using var response = await host.GetAsync(TenantErrors.Path(tenant, "errors/export.csv"), host.AdminKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches($"^attachment; filename=\"sync-errors_{tenant}_[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}T[0-9]{{4}}Z\\.csv\"$", string.Join("", response.Content.Headers.GetValues("Content-Disposition")));
        var rows = Read(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), out var header);
        Assert.Equal(Header, header);
        Assert.Equal(stored.Count, rows.Count);
        foreach (var error in stored)
        {
            var row = Assert.Single(rows, r => r["hubSpotId"] == Neutralised(error.HubSpotId!));
            Assert.Equal(error.Category, row["category"]);
            Assert.Equal(error.ErrorType, row["errorType"]);
            Assert.False(string.IsNullOrWhiteSpace(row["title"]));
            Assert.Equal(error.ObjectType, row["objectType"]);
            Assert.Equal("", row["salesforceId"]);
            Assert.Equal(string.Join(';', error.Fields), row["fields"]);
            Assert.Equal(error.StatusCode, row["statusCode"]);
            Assert.Equal(Neutralised(error.Message!), row["message"]);
            Assert.Equal(error.FirstSeen, DateTimeOffset.Parse(row["firstSeen"], CultureInfo.InvariantCulture), TimeSpan.FromMilliseconds(1));
            Assert.Equal(error.LastSeen, DateTimeOffset.Parse(row["lastSeen"], CultureInfo.InvariantCulture), TimeSpan.FromMilliseconds(1));
            Assert.Equal(error.Occurrences.ToString(CultureInfo.InvariantCulture), row["occurrences"]);
            Assert.Equal("open", row["state"]);
            Assert.Equal(error.Direction ?? "", row["direction"]);
            Assert.Equal(("", ""), (row["hubSpotLink"], row["salesforceLink"]));
        }

        Assert.Contains(rows, r => r["message"] == "Phone, \"mobile\" or fax:\nline two\r\nline three");
        Assert.Contains(rows, r => r["message"] == "'=HYPERLINK(\"http://evil.example\",\"click\")");
        Assert.Contains(rows, r => r["hubSpotId"] == "'=702");
        Assert.Contains(rows, r => r["fields"] == "Phone;MobilePhone");
        Assert.All(rows, r => Assert.All(r.Values, cell => Assert.False(cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal), $"Cell '{cell}' would run as a formula.")));
    }

    public static TheoryData<char, CsvMode> Readings { get; } = new() { { ',', CsvMode.Rfc4180 }, { ';', CsvMode.Rfc4180 }, { ',', CsvMode.NoEscape }, { ';', CsvMode.NoEscape } };

    [Theory]
    [MemberData(nameof(Readings))]
    public async Task Should_start_no_cell_with_a_formula_when_the_export_is_read_with_comma_or_semicolon_as_separator(char separator, CsvMode mode)
    {
        var tenant = SyncFailures.NewTenant("export-separators");
        string[] messages = [";=1+1;Email", " =1+1", "\t=1+1", "\r=1+1", "ok;x\n=1+1", "a; -2+3", "\"=1\";\"=2\"", "x;@SUM(A1)", "  +1 555 0100"];
        await host.SeedAsync(messages.Select((m, i) => SyncFailures.ToSalesforce(tenant, $"{720 + i}", Reported("FIELD_CUSTOM_VALIDATION_EXCEPTION", m, "Phone", "=cmd|' /C calc'!A0"))));

        using var response = await host.GetAsync(TenantErrors.Path(tenant, "errors/export.csv"), host.AdminKey);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        using var csv = CsvReader.FromText(text, CsvReaderOptions.Default with { Separator = separator, Mode = mode, HasHeader = false, AllowLineBreaksInQuotes = mode == CsvMode.Rfc4180 });
        var cells = 0;
        while (csv.Read())
        {
            for (var i = 0; i < csv.FieldCount; i++, cells++)
            {
                var cell = csv.GetString(i);
                var start = cell.AsSpan().IndexOfAnyExcept(" \t\r\n\"");
                Assert.False(cell.Length > 0 && (cell[0] is '\t' or '\r' || (start >= 0 && "=+-@".Contains(cell[start], StringComparison.Ordinal))), $"Cell '{cell}' would run as a formula.");
            }
        }

        Assert.True(cells > messages.Length, $"Only {cells} cells were read.");
    }

    [Fact]
    public async Task Should_keep_the_text_readable_with_a_quote_before_each_part_that_would_start_a_formula()
    {
        var tenant = SyncFailures.NewTenant("export-readable");
        await host.SeedAsync([SyncFailures.ToSalesforce(tenant, "740", Reported("FIELD_CUSTOM_VALIDATION_EXCEPTION", ";=1+1;Email", "Phone", "=cmd"))]);

        using var response = await host.GetAsync(TenantErrors.Path(tenant, "errors/export.csv"), host.AdminKey);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        var row = Assert.Single(Read(text, out _));
        Assert.Equal(";'=1+1;Email", row["message"]);
        Assert.Equal("Phone;'=cmd", row["fields"]);
        Assert.Contains("\";'=1+1;Email\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_export_only_matching_errors_when_filters_are_given()
    {
        var tenant = SyncFailures.NewTenant("export-filter");
        await host.SeedAsync(
        [
            SyncFailures.ToSalesforce(tenant, "711", SyncFailures.InvalidEmail),
            SyncFailures.ToSalesforce(tenant, "712", SyncFailures.DuplicateRule, objectType: "lead"),
        ]);

        using var response = await host.GetAsync(TenantErrors.Path(tenant, "errors/export.csv?errorType=salesforce-duplicate-rule"), host.AdminKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = Assert.Single(Read(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), out _));
        Assert.Equal(("712", "lead"), (row["hubSpotId"], row["objectType"]));
    }

    [Fact]
    public async Task Should_write_the_whole_cell_when_a_message_is_larger_than_the_write_buffer()
    {
        var tenant = SyncFailures.NewTenant("export-big-cell");
        var message = string.Concat(Enumerable.Repeat("Phone, \"mobile\" or fax\n", 20_000));
        var stored = (await host.SeedAsync([SyncFailures.ToSalesforce(tenant, "721", Reported("FIELD_CUSTOM_VALIDATION_EXCEPTION", message, "Phone"))])).Single();

        using var response = await host.GetAsync(TenantErrors.Path(tenant, "errors/export.csv"), host.AdminKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = Assert.Single(Read(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), out _));
        Assert.Equal(stored.Message, row["message"]);
        Assert.True(row["message"].Length > 100_000, $"The stored message is {row["message"].Length} characters long.");
    }

    [Fact]
    public async Task Should_write_only_the_header_when_the_tenant_has_no_errors()
    {
        using var response = await host.GetAsync(TenantErrors.Path(SyncFailures.NewTenant("export-empty"), "errors/export.csv"), host.AdminKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Read(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), out var header));
        Assert.Equal(Header, header);
    }

    [Theory]
    [InlineData("errorType=no-such-type", "errorType")]
    [InlineData("state=closed", "state")]
    [InlineData("from=last-week", "from")]
    public async Task Should_refuse_naming_the_parameter_when_a_filter_is_not_valid(string query, string parameter)
    {
        using var response = await host.GetAsync(TenantErrors.Path(SyncFailures.NewTenant("export-invalid"), $"errors/export.csv?{query}"), host.AdminKey);

        Assert.NotEmpty(await Problems.FieldAsync(response, parameter));
    }

    [Fact]
    public async Task Should_stream_every_error_as_text_csv_when_the_tenant_has_thousands()
    {
        const int count = 3000;
        var tenant = SyncFailures.NewTenant("export-large");
        var now = DateTimeOffset.UtcNow;
        var stored = await host.SeedAsync(Enumerable.Range(0, count).Select(i => SyncFailures.ToSalesforce(tenant, $"L{i}", SyncFailures.InvalidEmail, occurredAt: now.AddSeconds(-i))));
        Assert.Equal(count, stored.Count);

        using var request = new HttpRequestMessage(HttpMethod.Get, TenantErrors.Path(tenant, "errors/export.csv"));
        request.Headers.Add(ApiHost.ApiKeyHeader, host.AdminKey);
        using var response = await host.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Content.Headers.ContentLength);
        await using var body = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        await using var csv = CsvReader.Create(body, CsvReaderOptions.Default with { AllowLineBreaksInQuotes = true }, leaveOpen: true);
        var hubSpotIds = new List<string>();
        while (await csv.ReadAsync(TestContext.Current.CancellationToken))
        {
            hubSpotIds.Add(csv.GetString("hubSpotId"));
        }

        Assert.Equal(Enumerable.Range(0, count).Select(i => $"L{i}"), hubSpotIds);
    }

    private static ReportedError Reported(string statusCode, string message, params string[] fields) => new() { StatusCode = statusCode, Message = message, Fields = fields };

    private static string Neutralised(string cell) => cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal) ? "'" + cell : cell;

    private static List<Dictionary<string, string>> Read(string text, out IReadOnlyList<string> header)
    {
        using var csv = CsvReader.FromText(text, CsvReaderOptions.Default with { AllowLineBreaksInQuotes = true });
        header = [.. csv.Headers];
        var names = header;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            Assert.Equal(names.Count, csv.FieldCount);
            rows.Add(names.Select((name, i) => (name, value: csv.GetString(i))).ToDictionary(c => c.name, c => c.value, StringComparer.Ordinal));
        }

        return rows;
    }
}
