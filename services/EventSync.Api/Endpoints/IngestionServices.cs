using EventSync.Api.Ingestion;
using EventSync.Api.Monitoring;
using EventSync.Api.RateLimiting;
using EventSync.Api.Security;
using EventSync.ServiceDefaults.Messaging;
using Microsoft.Extensions.Options;

namespace EventSync.Api.Endpoints;

/// <summary>What <c>POST /api/failures</c> works with, from the container.</summary>
internal sealed record IngestionServices(
    ApiKeyAuthorizer Authorizer,
    IFailureIntake Intake,
    ApiMetrics Metrics,
    IngestionRateLimiter RateLimiter,
    IOptions<ApiOptions> Options,
    IOptions<MessagingOptions> Messaging,
    TimeProvider Clock,
    ILogger<IFailureIntake> Logger);
