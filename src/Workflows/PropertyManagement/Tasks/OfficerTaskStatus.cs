namespace Workflows.PropertyManagement.Tasks;

/// <summary>
/// Open → Claimed (an officer of the unit takes it) → Done; Claimed → Open (released); Open or Claimed →
/// Cancelled (the procedure moved on without it). Done and Cancelled are final. Overdue is not a status: an
/// overdue task stays open (<see cref="OfficerTask.OverdueAt"/>).
/// </summary>
public enum OfficerTaskStatus
{
    Open,
    Claimed,
    Done,
    Cancelled,
}
