namespace Workflows.PropertyManagement.Votes;

public sealed record VoteRecorded(VoteRecord Vote);
