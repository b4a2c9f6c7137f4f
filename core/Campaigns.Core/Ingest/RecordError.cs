namespace Campaigns.Ingest;

/// <summary>Why one record of a batch was refused: its position in the batch, the field at fault and what is wrong.</summary>
/// <param name="Index">Zero-based position of the record in the batch (the CLI adds one and shows it as the line number).</param>
/// <param name="Field">The field, as a JSON path relative to the record (<c>occurredAt</c>, <c>consent.email/marketing</c>); empty for the whole record.</param>
/// <param name="Message">What is wrong, in words a writer can act on.</param>
public sealed record RecordError(int Index, string Field, string Message);
