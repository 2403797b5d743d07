namespace EventSync.Resync.Tests;

public class ProjectBuilds
{
    [Fact]
    public void Should_have_a_test_assembly() => Assert.NotNull(typeof(ProjectBuilds).Assembly);
}
