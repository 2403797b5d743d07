using System.Text.Json;
using EventSync.Contracts;
using EventSync.Core.Errors;

namespace EventSync.Core.Tests.Storage;

public sealed class StoredRawErrorsTests
{
    [Fact]
    public void Should_keep_the_errors_own_reported_error_first_then_the_others_in_order_when_they_fit()
    {
        ReportedError[] reported = [Small("A"), Small("B"), Small("C")];

        var kept = StoredRawErrors.Of(reported, ownIndex: 1);

        Assert.Equal(["B", "A", "C"], kept.Select(e => e.StatusCode));
    }

    [Fact]
    public void Should_keep_at_most_the_capped_number_when_an_event_reports_a_hundred_errors()
    {
        var reported = Enumerable.Range(0, WireLimits.MaxErrorsPerEvent).Select(i => Small($"S{i}")).ToArray();

        var kept = StoredRawErrors.Of(reported, ownIndex: 50);

        Assert.Equal(StoredRawErrors.MaxCount, kept.Count);
        Assert.Equal("S50", kept[0].StatusCode);
        Assert.Equal(["S0", "S1", "S2"], kept.Skip(1).Take(3).Select(e => e.StatusCode));
    }

    [Fact]
    public void Should_keep_its_own_error_whole_and_others_only_within_the_text_budget_when_the_errors_are_at_the_wire_maximum()
    {
        var reported = Enumerable.Range(0, WireLimits.MaxErrorsPerEvent).Select(Largest).ToArray();

        var kept = StoredRawErrors.Of(reported, ownIndex: 3);

        Assert.Same(reported[3], kept[0]);
        Assert.Equal(WireLimits.MaxRawLength, kept[0].Raw?.Length);
        Assert.True(kept.Skip(1).Sum(StoredRawErrors.TextBytes) <= StoredRawErrors.MaxOtherTextBytes);
        // Every one of these is larger than the budget: an error of such an event keeps its own only.
        Assert.Single(kept);
    }

    [Fact]
    public void Should_count_multibyte_text_in_utf8_bytes_when_the_budget_is_measured()
    {
        var error = new ReportedError
        {
            Message = "żółć",
            Fields = ["Ä"],
            Context = JsonDocument.Parse("{\"a\":1}").RootElement.Clone(),
        };

        Assert.Equal(8 + 2 + 7, StoredRawErrors.TextBytes(error));
    }

    [Fact]
    public void Should_keep_nothing_when_the_event_reported_no_errors()
    {
        Assert.Empty(StoredRawErrors.Of([], 0));
        Assert.Empty(StoredRawErrors.Of(null, 0));
    }

    private static ReportedError Small(string statusCode) => new() { StatusCode = statusCode, Message = "m" };

    private static ReportedError Largest(int i) => new()
    {
        StatusCode = $"S{i}",
        Message = new string('m', WireLimits.MaxMessageLength),
        Raw = new string('r', WireLimits.MaxRawLength),
    };
}
