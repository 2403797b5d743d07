using EventSync.Pipeline.Benchmarks.Reporting;

namespace EventSync.Pipeline.Benchmarks.StoreScale;

/// <summary>Everything one <c>store-scale</c> run measured, as written to its JSON result.</summary>
internal sealed record StoreScaleResult(
    DateTimeOffset StartedAt,
    MachineInfo Machine,
    string LoadAverageAtStart,
    string LoadAverageAtEnd,
    string TenantId,
    long StoredErrors,
    double StoreFileMiB,
    FillResult? Fill,
    IReadOnlyList<Timing> InProcess,
    IReadOnlyList<Timing> OverHttp,
    ExportResult Export,
    double? ApiMemoryBeforeExportMiB);
