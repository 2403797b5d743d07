using EventSync.Api.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EventSync.Api.Tests;

/// <summary>Problems are collected at a constant cost each, and an answer lists a bounded number of them.</summary>
public sealed class ValidationProblemsTests
{
    [Fact]
    public void Should_list_the_first_twenty_and_count_the_rest_when_a_hundred_thousand_problems_name_one_field()
    {
        const int Found = 100_000;
        var problems = new ValidationProblems();

        for (var i = 0; i < Found; i++)
        {
            problems.Add("recipients", $"'{i}' is not an email address.");
        }

        var result = problems.ToResult("Not valid.");
        var listed = Assert.Single(result.ProblemDetails.Errors);
        Assert.Equal("recipients", listed.Key);
        Assert.Equal(ValidationProblems.MaxListed, listed.Value.Length);
        Assert.Equal("'0' is not an email address.", listed.Value[0]);
        Assert.Equal(Found - ValidationProblems.MaxListed, result.ProblemDetails.Extensions[ValidationProblems.OmittedMember]);
    }

    [Fact]
    public void Should_list_every_problem_and_add_no_count_when_there_are_at_most_twenty()
    {
        var problems = new ValidationProblems();
        problems.Add("a", "first");
        problems.Add("a", "second");
        problems.Add("b", "third");

        ValidationProblem result = problems.ToResult("Not valid.");

        Assert.Equal(["first", "second"], result.ProblemDetails.Errors["a"]);
        Assert.Equal(["third"], result.ProblemDetails.Errors["b"]);
        Assert.False(result.ProblemDetails.Extensions.ContainsKey(ValidationProblems.OmittedMember));
        Assert.True(problems.Has("b"));
        Assert.False(problems.Has("c"));
    }
}
