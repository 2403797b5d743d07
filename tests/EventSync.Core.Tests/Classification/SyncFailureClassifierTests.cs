using System.Text.Json;
using EventSync.Contracts;
using EventSync.Core.Classification;

namespace EventSync.Core.Tests.Classification;

public sealed class SyncFailureClassifierTests
{
    private static readonly SyncFailureClassifier Classifier = SyncFailureClassifier.Default;

    private static ErrorClassification Classify(ReportedError error, string source = "salesforce", string direction = "toSalesforce", string objectType = "contact") =>
        Classifier.Classify(Failures.Event(error, source, direction, objectType)).Primary;

    [Fact]
    public void Should_classify_a_soap_style_status_code_with_message_and_fields()
    {
        var result = Classify(new ReportedError { StatusCode = "FIELD_CUSTOM_VALIDATION_EXCEPTION", Message = "Phone must have 10 digits", Fields = ["Phone"] });

        Assert.Equal(("custom-code", "validation-rule", false, "sf.validation-rule"), (result.Category, result.ErrorType, result.Retryable, result.RuleId));
        Assert.Equal(["Phone"], result.Fields);
    }

    [Fact]
    public void Should_classify_a_rest_style_error_code()
    {
        var result = Classify(new ReportedError { ErrorCode = "DUPLICATES_DETECTED", Message = "Use one of these records?" });

        Assert.Equal("salesforce-duplicate-rule", result.ErrorType);
    }

    [Fact]
    public void Should_decide_on_the_error_code_when_the_status_code_is_only_an_http_status()
    {
        var result = Classify(new ReportedError
        {
            StatusCode = "400",
            ErrorCode = "TXN_SECURITY_METERING_ERROR",
            Message = "We can't complete the action because enabled transaction security policies took too long to complete.",
        });

        Assert.Equal(("timeout", true, "TXN_SECURITY_METERING_ERROR"), (result.ErrorType, result.Retryable, result.StatusCode));
    }

    [Fact]
    public void Should_read_the_raw_body_when_the_message_only_summarises_it()
    {
        var body = """{"validationResults":[{"isValid":false,"message":"Email address jane@@example is invalid","error":"INVALID_EMAIL","name":"email"}],"status":"error","message":"Property values were not valid"}""";

        var withBody = Classify(new ReportedError { StatusCode = "400", Message = "Property values were not valid", Raw = body }, source: "hubspot", direction: "toHubSpot");
        var summaryAlone = Classify(new ReportedError { StatusCode = "400", Message = "Property values were not valid" }, source: "hubspot", direction: "toHubSpot");

        Assert.Equal("invalid-email", withBody.ErrorType);
        Assert.Equal("Property values were not valid", withBody.Message);
        Assert.NotEqual("invalid-email", summaryAlone.ErrorType);
    }

    [Fact]
    public void Should_parse_a_bulk_api_error_cell()
    {
        var result = Classify(new ReportedError { Raw = "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST:Lead Source: bad value for restricted picklist field: Webinar:LeadSource --" });

        Assert.Equal("restricted-picklist-value", result.ErrorType);
        Assert.Equal("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", result.StatusCode);
        Assert.Equal(["LeadSource"], result.Fields);
    }

    [Fact]
    public void Should_decide_on_the_field_when_the_same_code_means_a_state_or_country_problem()
    {
        var onCountry = Classify(new ReportedError { StatusCode = "FIELD_INTEGRITY_EXCEPTION", Message = "There's a problem with this country, even though it may appear correct.", Fields = ["MailingCountryCode"] });
        var elsewhere = Classify(new ReportedError { StatusCode = "FIELD_INTEGRITY_EXCEPTION", Message = "field integrity exception: unknown (Parent)", Fields = ["ParentId"] });

        Assert.Equal("state-country-mismatch", onCountry.ErrorType);
        Assert.NotEqual("state-country-mismatch", elsewhere.ErrorType);
    }

    [Fact]
    public void Should_treat_a_restricted_picklist_on_the_stage_as_a_stage_problem()
    {
        var result = Classify(new ReportedError { StatusCode = "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", Message = "Stage: bad value for restricted picklist field: Demo Booked", Fields = ["StageName"] }, objectType: "opportunity");

        Assert.Equal("invalid-opportunity-stage", result.ErrorType);
    }

    [Theory]
    [InlineData("ContactTrigger: execution of AfterInsert caused by: System.NullPointerException: Attempt to de-reference a null object: Trigger.ContactTrigger: line 12, column 1", "salesforce-automation")]
    [InlineData("We can't save this record because the “Update Account Rating” process failed. Give your Salesforce admin these details. This error occurred when the flow tried to update records: FIELD_CUSTOM_VALIDATION_EXCEPTION", "validation-rule")]
    [InlineData("We can't save this record because the “Account_After_Save” flow failed. Give your Salesforce admin these details. Error element Update_Rating (FlowRecordUpdate).", "salesforce-flow")]
    [InlineData("ContactTrigger: execution of AfterUpdate caused by: System.DmlException: Update failed. First exception on row 0; first error: UNABLE_TO_LOCK_ROW, unable to obtain exclusive access to this record: []", "lock-contention")]
    public void Should_let_the_component_that_failed_decide_when_automation_rejected_the_record(string message, string expected)
    {
        var result = Classify(new ReportedError { StatusCode = "CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY", Message = message });

        Assert.Equal(expected, result.ErrorType);
    }

    [Fact]
    public void Should_mark_a_lock_nested_in_a_trigger_as_retryable()
    {
        var result = Classify(new ReportedError { Raw = "CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY:AccountTrigger: execution of BeforeUpdate caused by: System.DmlException: first error: UNABLE_TO_LOCK_ROW, unable to obtain exclusive access to this record:-- " });

        Assert.Equal(("transient", true), (result.Category, result.Retryable));
    }

    [Theory]
    [InlineData("REQUIRED_FIELD_MISSING", "Pflichtfelder fehlen: [LastName]", "required-value-missing")]
    [InlineData("STRING_TOO_LONG", "Société : valeur de données trop grande : Acme Corporation (max length=40)", "string-too-long")]
    [InlineData("INVALID_EMAIL_ADDRESS", "Correo electrónico: dirección de correo electrónico no válida: juan@", "invalid-email")]
    [InlineData("DUPLICATES_DETECTED", "重複レコードを作成しようとしています。", "salesforce-duplicate-rule")]
    public void Should_decide_on_the_code_when_the_message_is_not_english(string code, string message, string expected)
    {
        Assert.Equal(expected, Classify(new ReportedError { StatusCode = code, Message = message }).ErrorType);
    }

    [Fact]
    public void Should_read_hubspot_category_and_the_inner_error_of_its_message()
    {
        var error = new ReportedError
        {
            Category = "VALIDATION_ERROR",
            Message = """Property values were not valid: [{"isValid":false,"message":"Email address jane@@example is invalid","error":"INVALID_EMAIL","name":"email"}]""",
        };

        var result = Classify(error, source: "hubspot", direction: "toHubSpot");

        Assert.Equal("invalid-email", result.ErrorType);
        Assert.Equal(["email"], result.Fields);
    }

    [Fact]
    public void Should_take_the_property_names_from_a_hubspot_context()
    {
        using var context = JsonDocument.Parse("""{"propertyName":["dealstage"]}""");
        var error = new ReportedError { Category = "VALIDATION_ERROR", SubCategory = "INVALID_OPTION", Message = "closedwonx was not one of the allowed options", Context = context.RootElement.Clone() };

        var result = Classify(error, source: "hubspot", direction: "toHubSpot", objectType: "deal");

        Assert.Equal("invalid-opportunity-stage", result.ErrorType);
    }

    [Fact]
    public void Should_fall_back_to_unknown_with_distinct_fingerprints_for_distinct_problems()
    {
        var quota = Classify(new ReportedError { StatusCode = "STORAGE_LIMIT_EXCEEDED_X", Message = "Org 00D5g000004abcd is over its quota" });
        var sameQuota = Classify(new ReportedError { StatusCode = "STORAGE_LIMIT_EXCEEDED_X", Message = "Org 00D5g000009wxyz is over its quota" });
        var other = Classify(new ReportedError { StatusCode = "STORAGE_LIMIT_EXCEEDED_X", Message = "Org 00D5g000004abcd was frozen by an admin" });

        Assert.Equal(("other", "unknown", SyncFailureClassifier.UnknownRuleId), (quota.Category, quota.ErrorType, quota.RuleId));
        Assert.Equal(quota.Fingerprint, sameQuota.Fingerprint);
        Assert.NotEqual(quota.Fingerprint, other.Fingerprint);
    }

    [Fact]
    public void Should_classify_every_error_of_an_event_in_order()
    {
        var failure = Failures.Event(new ReportedError { StatusCode = "STRING_TOO_LONG", Message = "data value too large" }) with
        {
            Errors =
            [
                new ReportedError { StatusCode = "STRING_TOO_LONG", Message = "data value too large" },
                new ReportedError { StatusCode = "INVALID_EMAIL_ADDRESS", Message = "invalid email address: x" },
            ],
        };

        var result = Classifier.Classify(failure);

        Assert.Equal(["string-too-long", "invalid-email"], result.Errors.Select(e => e.ErrorType));
        Assert.Same(result.Errors[0], result.Primary);
    }

    [Fact]
    public void Should_give_unknown_when_an_event_has_no_errors()
    {
        var result = Classifier.Classify(Failures.Event(new ReportedError()) with { Errors = [] });

        Assert.Equal(("unknown", SyncFailureClassifier.NoErrorsRuleId), (result.Primary.ErrorType, result.Primary.RuleId));
    }
}
