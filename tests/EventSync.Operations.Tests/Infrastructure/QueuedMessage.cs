using System.Text;
using RabbitMQ.Client;

namespace EventSync.Operations.Tests.Infrastructure;

/// <summary>A message as a test puts it in a queue or finds it there.</summary>
public sealed record QueuedMessage(string MessageId, string ContentType, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public static QueuedMessage From(BasicGetResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var headers = (result.BasicProperties.Headers ?? new Dictionary<string, object?>()).ToDictionary(
            h => h.Key,
            h => h.Value switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                null => "",
                var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            },
            StringComparer.Ordinal);
        return new QueuedMessage(result.BasicProperties.MessageId ?? "", result.BasicProperties.ContentType ?? "", Encoding.UTF8.GetString(result.Body.Span), headers);
    }
}
