namespace Workflows.PropertyManagement.Votes;

/// <summary>What the owners decide; it sets the approval threshold (Civil Code art. 278 para. 2).</summary>
public enum VoteMatter
{
    /// <summary>Rules, statute, electing the committee, hiring or dismissing a company, using the maintenance fund: more than 1/2.</summary>
    Ordinary,

    /// <summary>Raising the maintenance fund, rebuilding, changing the use of common parts: at least 3/4 (art. 278 items 6-8).</summary>
    Major,
}
