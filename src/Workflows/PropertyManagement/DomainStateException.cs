namespace Workflows.PropertyManagement;

/// <summary>A state-machine transition was asked for from a state that does not allow it (e.g. completing a cancelled task).</summary>
public sealed class DomainStateException(string message) : InvalidOperationException(message);
