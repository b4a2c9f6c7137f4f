using Campaigns.Ingest;

namespace Campaigns.Host.Api;

/// <summary>RFC 7807 answers of the write API, each with an <c>errors</c> list of <c>{ index, field, message }</c>.</summary>
internal static class BatchProblems
{
    public static IResult Refused(IReadOnlyList<RecordError> errors, int status = StatusCodes.Status400BadRequest) =>
        Results.Problem(
            statusCode: status,
            title: status == StatusCodes.Status413PayloadTooLarge ? "The batch is too large; nothing was stored" : "The batch was refused; nothing was stored",
            detail: Detail(errors),
            extensions: new Dictionary<string, object?> { ["errors"] = errors.Select(e => new BatchError(e.Index < 0 ? null : e.Index, e.Field, e.Message)).ToList() });

    public static IResult TooLarge(long maxBytes) =>
        Refused([new RecordError(-1, "", $"the body is larger than {maxBytes} bytes (Campaigns:Api:MaxBodyBytes); send smaller batches")],
            StatusCodes.Status413PayloadTooLarge);

    public static IResult UnsupportedMediaType() =>
        Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send JSON",
            detail: "The body must be JSON with 'Content-Type: application/json'.");

    private static string Detail(IReadOnlyList<RecordError> errors)
    {
        var records = errors.Where(e => e.Index >= 0).Select(e => e.Index).Distinct().Count();
        return records == 0 ? errors[0].Message : $"{records} record(s) have errors; fix them and send the whole batch again.";
    }
}

/// <summary>One problem of a refused batch.</summary>
/// <param name="Index">Zero-based position of the record in the batch; null when the body as a whole is at fault.</param>
/// <param name="Field">The field (JSON path within the record); empty for the whole record.</param>
/// <param name="Message">What is wrong.</param>
internal sealed record BatchError(int? Index, string Field, string Message);

/// <summary>The answer to an accepted batch.</summary>
/// <param name="Received">Records in the batch.</param>
/// <param name="Stored">Events newly stored, or customers / items written.</param>
/// <param name="Duplicates">Events whose id was already stored (or repeated in the batch): not stored again.</param>
internal sealed record BatchAccepted(int Received, int Stored, int Duplicates);
