using System.Net;
using System.Text.Json;
using Xunit;

namespace EventSync.Testing.Http;

/// <summary>Reads RFC 7807 answers.</summary>
public static class Problems
{
    /// <summary>Asserts a problem+json answer with this status and returns it.</summary>
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts a 400 validation problem naming <paramref name="field"/> and returns that field's messages.</summary>
    public static async Task<IReadOnlyList<string>> FieldAsync(HttpResponseMessage response, string field)
    {
        var problem = await ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.TryGetProperty("errors", out var errors), $"No errors in {problem.GetRawText()}");
        Assert.True(errors.TryGetProperty(field, out var messages), $"The problem does not name '{field}': {problem.GetRawText()}");
        return messages.EnumerateArray().Select(m => m.GetString()!).ToList();
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
