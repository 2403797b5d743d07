using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using EventSync.Contracts;
using EventSync.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace EventSync.Notifications.Webhooks;

/// <summary>
/// Posts one attempt of a delivery, signed, through the webhook client (no redirects, no proxy, destinations checked by
/// <see cref="WebhookConnector"/>), within <see cref="WebhookOptions.Timeout"/>, reading at most
/// <see cref="WebhookOptions.MaxResponseBytes"/> of the answer for the detail line. Says what came of it; never throws for
/// what the receiver or the network did.
/// </summary>
internal sealed class WebhookPoster(IHttpClientFactory clients, IOptions<WebhookOptions> options, TimeProvider time)
{
    public const string ClientName = "eventsync-webhooks";

    private const int MaxDetailChars = 200;

    public async Task<WebhookPostResult> PostAsync(WebhookEndpoint endpoint, DeliverWebhook delivery, byte[] body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(delivery);
        _ = Uri.TryCreate(endpoint.Url, UriKind.Absolute, out var url);
        if (WebhookAddressRules.WhyUrlRefused(url, options.Value.AllowPrivateAddresses) is { } refused)
        {
            return WebhookPostResult.Refused($"refused: {refused}");
        }

        using var request = Request(url!, endpoint, delivery, body);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            var detail = $"HTTP {status}{await AnswerAsync(response, timeout.Token)}";
            return status switch
            {
                >= 200 and < 300 => new WebhookPostResult(true, false, status, detail),
                408 or >= 500 => new WebhookPostResult(false, true, status, detail),
                429 => new WebhookPostResult(false, true, status, detail, RetryAfter(response.Headers.RetryAfter)),
                >= 300 and < 400 => new WebhookPostResult(false, false, status, $"{detail} (redirects are not followed)"),
                _ => new WebhookPostResult(false, false, status, detail),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookPostResult(false, true, null, $"no answer within {options.Value.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e) when (Find<WebhookAddressRefusedException>(e) is { } refusal)
        {
            return WebhookPostResult.Refused($"refused: {refusal.Message}");
        }
        catch (HttpRequestException e)
        {
            // The message may name the address, and a Slack address is itself a secret: only the kind of failure is kept.
            var socket = Find<SocketException>(e)?.SocketErrorCode.ToString();
            return new WebhookPostResult(false, true, null, $"connection failed: {e.HttpRequestError}{(socket is null ? "" : $" ({socket})")}");
        }
        catch (IOException e)
        {
            return new WebhookPostResult(false, true, null, $"connection failed: {e.GetType().Name}");
        }
    }

    private HttpRequestMessage Request(Uri url, WebhookEndpoint endpoint, DeliverWebhook delivery, byte[] body)
    {
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.UserAgent.ParseAdd(WebhookHeaders.UserAgent);
        request.Headers.Add(WebhookHeaders.Timestamp, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookHeaders.Delivery, delivery.DeliveryId);
        request.Headers.Add(WebhookHeaders.Event, delivery.Event);
        request.Headers.Add(WebhookHeaders.Signature, WebhookSignature.Sign(endpoint.Secret, timestamp, body));
        return request;
    }

    // A bounded read: a receiver that streams without end costs at most MaxResponseBytes and the time-out.
    private async Task<string> AnswerAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var buffer = new byte[Math.Min(options.Value.MaxResponseBytes, MaxDetailChars * 4)];
        if (buffer.Length == 0)
        {
            return "";
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += n;
        }

        var text = new string([.. Encoding.UTF8.GetString(buffer, 0, read).Where(c => !char.IsControl(c))]).Trim();
        return text.Length == 0 ? "" : ": " + (text.Length > MaxDetailChars ? text[..MaxDetailChars] + "…" : text);
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        var wait = header switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - time.GetUtcNow(),
            _ => (TimeSpan?)null,
        };
        return wait is { } w ? TimeSpan.FromTicks(Math.Clamp(w.Ticks, 0, options.Value.MaxRetryAfter.Ticks)) : null;
    }

    private static T? Find<T>(Exception? e)
        where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }
}
