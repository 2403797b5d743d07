using EventSync.Api.Tests.Infrastructure;

namespace EventSync.Api.Tests;

/// <summary>
/// The served document passes Redocly CLI's recommended rules (the version is pinned in <see cref="RedoclyLint"/>) with
/// no error. The one warning allowed is <c>info-license</c>: the repository states no licence, so the document cannot
/// name one.
/// </summary>
public sealed class OpenApiLintTests(ApiHost host)
{
    private static readonly string[] AllowedWarnings = ["info-license"];

    [Fact]
    public async Task Should_report_no_error_and_no_unexpected_warning_when_redocly_lints_the_served_document()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var response = await host.GetAsync("/openapi/v1.json", key: null);
        response.EnsureSuccessStatusCode();
        var folder = Directory.CreateTempSubdirectory("eventsync-openapi-");
        try
        {
            var documentFile = Path.Combine(folder.FullName, "v1.json");
            await File.WriteAllTextAsync(documentFile, await response.Content.ReadAsStringAsync(cancellationToken), cancellationToken);

            var (problems, reason) = await RedoclyLint.LintAsync(documentFile, cancellationToken);
            Assert.SkipWhen(problems is null, reason);

            foreach (var problem in problems!)
            {
                TestContext.Current.TestOutputHelper?.WriteLine(problem.ToString());
            }

            var errors = problems.Where(p => p.Severity == "error").ToList();
            var unexpected = problems.Where(p => !AllowedWarnings.Contains(p.RuleId, StringComparer.Ordinal)).ToList();
            Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
            Assert.True(unexpected.Count == 0, string.Join(Environment.NewLine, unexpected));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
