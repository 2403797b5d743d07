using System.Globalization;
using System.Text;
using EventSync.Core.Resync;

namespace EventSync.Resync.Tests.Infrastructure;

/// <summary>A resync request as a small table for the test log: each part's state, expected time, sent time and reason.</summary>
public static class RequestReport
{
    public static string Of(string title, ResyncRequestRecord request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{title}: request {request.RequestId} by {request.RequestedBy} at {request.RequestedAt:u} -> {request.Outcome}");
        foreach (var part in request.Parts)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  part {part.Index} {part.RecordKey,-14} {part.State.ToWire(),-9} expected {Time(part.ExpectedAt),-20} sent {Time(part.SentAt),-20} done {Time(part.CompletedAt),-20} {part.Reason}");
        }

        return text.ToString();
    }

    public static void Write(string title, ResyncRequestRecord request) =>
        TestContext.Current.TestOutputHelper?.WriteLine(Of(title, request));

    private static string Time(DateTimeOffset? instant) => instant?.ToString("u", CultureInfo.InvariantCulture) ?? "-";
}
