using System.Net;
using EventSync.Core.Webhooks;

namespace EventSync.Core.Tests.Webhooks;

public sealed class WebhookAddressRulesTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.0.9", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.10.20", "private")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("100.64.0.1", "CGNAT")]
    [InlineData("100.127.255.254", "CGNAT")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("224.0.0.251", "multicast")]
    [InlineData("239.255.255.250", "multicast")]
    [InlineData("255.255.255.255", "broadcast")]
    [InlineData("::1", "loopback")]
    [InlineData("::", "unspecified")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fd12:3456:789a::1", "unique-local")]
    [InlineData("fc00::5", "unique-local")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::ffff:10.0.0.8", "private")]
    [InlineData("::ffff:169.254.169.254", "link-local")]
    [InlineData("64:ff9b::a00:1", "private")]
    [InlineData("2002:c0a8:0101::1", "private")]
    [InlineData("::7f00:1", "IPv4-compatible")]
    public void Should_refuse_the_address_when_it_is_not_public(string address, string reason)
    {
        var why = WebhookAddressRules.WhyForbidden(IPAddress.Parse(address));

        Assert.NotNull(why);
        Assert.Contains(reason, why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("11.0.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("2002:0808:0808::1")]
    public void Should_allow_the_address_when_it_is_public(string address)
    {
        Assert.Null(WebhookAddressRules.WhyForbidden(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("https://hooks.example.com/in", false, null)]
    [InlineData("http://hooks.example.com/in", false, "only https")]
    [InlineData("http://127.0.0.1:5000/in", true, null)]
    [InlineData("ftp://hooks.example.com/in", true, "only https")]
    [InlineData("https://user:pass@hooks.example.com/in", false, "user information")]
    public void Should_refuse_the_url_when_its_scheme_or_form_is_not_allowed(string url, bool allowPrivate, string? reason)
    {
        var why = WebhookAddressRules.WhyUrlRefused(new Uri(url), allowPrivate);

        if (reason is null)
        {
            Assert.Null(why);
        }
        else
        {
            Assert.NotNull(why);
            Assert.Contains(reason, why, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Should_refuse_the_url_when_it_is_relative()
    {
        Assert.NotNull(WebhookAddressRules.WhyUrlRefused(new Uri("/in", UriKind.Relative), allowPrivateAddresses: true));
    }
}
