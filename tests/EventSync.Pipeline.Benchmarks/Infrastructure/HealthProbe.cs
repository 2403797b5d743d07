namespace EventSync.Pipeline.Benchmarks.Infrastructure;

/// <summary>Polls a service's <c>/health/ready</c> until it answers 200.</summary>
internal static class HealthProbe
{
    public static async Task WaitReadyAsync(Uri service, Action ensureRunning, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = service, Timeout = TimeSpan.FromSeconds(5) };
        await Deadline.PollAsync(
            async () =>
            {
                ensureRunning();
                try
                {
                    using var response = await http.GetAsync("health/ready", cancellationToken);
                    return response.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(90),
            $"{service}health/ready",
            cancellationToken);
    }
}
