namespace Campaigns.Ingest;

/// <summary>
/// A field the writer sent, possibly as null. A patch holds <c>Sent&lt;T&gt;?</c>: null means "not sent, keep what is
/// stored", a value means "store this" (which may itself be null to clear the field).
/// </summary>
/// <typeparam name="T">The field's type.</typeparam>
/// <param name="Value">The value sent.</param>
public readonly record struct Sent<T>(T Value);
