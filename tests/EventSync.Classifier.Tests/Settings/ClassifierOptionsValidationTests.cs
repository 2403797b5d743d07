using EventSync.ServiceDefaults.Messaging;
using Microsoft.Extensions.Options;

namespace EventSync.Classifier.Tests.Settings;

/// <summary><see cref="ClassifierOptionsValidation"/>: the classifier refuses settings that make no sense, naming each.</summary>
public sealed class ClassifierOptionsValidationTests
{
    private static ValidateOptionsResult Validate(ClassifierOptions options, ushort prefetch = 200) =>
        new ClassifierOptionsValidation(Options.Create(new MessagingOptions { PrefetchCount = prefetch })).Validate(null, options);

    [Fact]
    public void Should_accept_the_defaults() => Assert.True(Validate(new ClassifierOptions()).Succeeded);

    [Fact]
    public void Should_refuse_batches_that_could_never_fill_naming_both_settings_and_the_prefetch()
    {
        var result = Validate(new ClassifierOptions { BatchSize = 150, BatchConcurrency = 2 }, prefetch: 200);

        var failure = Assert.Single(result.Failures!);
        Assert.Contains("EventSync:Classifier:BatchSize × BatchConcurrency (150 × 2)", failure, StringComparison.Ordinal);
        Assert.Contains("EventSync:Messaging:PrefetchCount (200)", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 2, 5, "BatchSize")]
    [InlineData(100, 0, 5, "BatchConcurrency")]
    [InlineData(100, 2, 0, "BatchTimeLimit")]
    public void Should_refuse_a_setting_out_of_range_naming_it(int batchSize, int concurrency, int timeLimitMs, string setting)
    {
        var result = Validate(new ClassifierOptions { BatchSize = batchSize, BatchConcurrency = concurrency, BatchTimeLimit = TimeSpan.FromMilliseconds(timeLimitMs) });

        Assert.Contains(result.Failures!, f => f.StartsWith($"EventSync:Classifier:{setting} ", StringComparison.Ordinal));
    }
}
