using System.Buffers;
using System.Text.Json;
using EventSync.Contracts;
using EventSync.Core.Classification;

namespace EventSync.Cli.Classify;

/// <summary>
/// Writes one output line per event: <c>{"eventId","category","errorType","retryable","ruleId","fingerprint","errors":[...]}</c>,
/// the top-level fields being the first error's; with an explainer, each error also carries its <c>explanation</c>.
/// </summary>
internal sealed class ClassifiedLineWriter(IBufferWriter<byte> output) : IDisposable
{
    private readonly Utf8JsonWriter _json = new(output);

    public void Write(SyncFailureReported failure, FailureClassification classification, ISyncFailureClassifier? explainer)
    {
        _json.WriteStartObject();
        _json.WriteString("eventId"u8, classification.EventId);
        WriteDecision(classification.Primary);
        _json.WriteStartArray("errors"u8);
        var context = explainer is null ? default : SyncFailureClassifier.ContextOf(failure);
        for (var i = 0; i < classification.Errors.Count; i++)
        {
            _json.WriteStartObject();
            WriteDecision(classification.Errors[i]);
            if (explainer is not null && i < failure.Errors.Count)
            {
                WriteExplanation(explainer.Explain(failure.Errors[i] ?? new ReportedError(), context));
            }

            _json.WriteEndObject();
        }

        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.Flush();
        _json.Reset();
        output.Write("\n"u8);
    }

    public void Dispose() => _json.Dispose();

    private void WriteDecision(ErrorClassification error)
    {
        _json.WriteString("category"u8, error.Category);
        _json.WriteString("errorType"u8, error.ErrorType);
        _json.WriteBoolean("retryable"u8, error.Retryable);
        _json.WriteString("ruleId"u8, error.RuleId);
        _json.WriteString("fingerprint"u8, error.Fingerprint);
    }

    private void WriteExplanation(ClassificationExplanation explanation)
    {
        _json.WriteStartObject("explanation"u8);
        _json.WriteString("ruleId"u8, explanation.RuleId);
        _json.WriteString("code"u8, explanation.Code);
        _json.WriteString("words"u8, explanation.Words);
        _json.WriteStartArray("fields"u8);
        foreach (var field in explanation.Fields)
        {
            _json.WriteStringValue(field);
        }

        _json.WriteEndArray();
        _json.WriteStartArray("nearRules"u8);
        foreach (var near in explanation.NearRules)
        {
            _json.WriteStartObject();
            _json.WriteString("ruleId"u8, near.RuleId);
            _json.WriteString("errorType"u8, near.ErrorType);
            _json.WriteString("missed"u8, near.Missed);
            _json.WriteEndObject();
        }

        _json.WriteEndArray();
        _json.WriteEndObject();
    }
}
