namespace EventSync.Api.Webhooks;

/// <summary>What the API accepts as a webhook address (section <c>EventSync:Webhooks</c>); the delivery side checks again after DNS.</summary>
public sealed class WebhookApiOptions
{
    public const string Section = "EventSync:Webhooks";

    /// <summary>
    /// Also accept <c>http</c> and addresses on this machine or the private network (loopback, private, link-local,
    /// <c>localhost</c>): for tests and on-premise receivers. Off, only <c>https</c> to a public host is accepted.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }
}
