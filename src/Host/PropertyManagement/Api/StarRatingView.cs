using System.Text.Json.Nodes;
using Workflows.PropertyManagement.Rating;
using Workflows.PropertyManagement.Tasks;

namespace Workflows.Host.PropertyManagement.Api;

/// <summary>The star band and subsidy of a star-rating case, from the district's review (the done task whose form has a score).</summary>
public sealed record StarRatingView(decimal Score, bool Disqualified, int Stars, decimal SubsidyPerSquareMetreMonth, decimal MonthlySubsidy, string Summary)
{
    public const string Procedure = "star-rating";

    public static StarRatingView? From(IEnumerable<OfficerTask> tasks, decimal floorArea)
    {
        var review = tasks.Where(t => t.Status == OfficerTaskStatus.Done && t.FormJson is not null)
            .Select(t => JsonNode.Parse(t.FormJson!) as JsonObject)
            .LastOrDefault(f => f?["score"] is JsonValue);
        if (review is null || !decimal.TryParse(review["score"]!.ToString(), System.Globalization.NumberStyles.Number,
                System.Globalization.CultureInfo.InvariantCulture, out var score) || score is < 0m or > 100m)
            return null;
        var disqualified = review["disqualified"] is JsonValue v && v.TryGetValue<bool>(out var d) && d;
        var r = StarRating.Of(score, disqualified, floorArea);
        return new StarRatingView(r.Score, r.Disqualified, r.Stars, r.SubsidyPerSquareMetreMonth, r.MonthlySubsidy, r.Summary);
    }
}
