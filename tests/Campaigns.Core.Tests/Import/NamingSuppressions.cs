using System.Diagnostics.CodeAnalysis;

// Test names are sentences; underscores keep them readable in the runner's output.
[assembly: SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Scope = "namespaceanddescendants", Target = "~N:Campaigns.Core.Tests.Import")]
