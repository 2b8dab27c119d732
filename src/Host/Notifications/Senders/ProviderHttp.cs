using System.Net;
using System.Text.Json;

namespace Workflows.Host.Notifications.Senders;

/// <summary>One HTTP exchange with an SMS provider, with transport failures turned into results.</summary>
internal static class ProviderHttp
{
    /// <summary>The status and parsed JSON body; or a failure when the provider could not be reached or did not answer JSON.</summary>
    public static async Task<(HttpStatusCode Status, JsonDocument? Body, SendResult? Failure)> SendAsync(
        HttpClient http, HttpRequestMessage request, string provider, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            // HttpClient.Timeout. The provider may have accepted the message before we gave up; neither provider
            // deduplicates, so a retry may send it twice. Still transient: a lost reminder is worse than a double one.
            return (0, null, SendResult.Transient("Timeout", $"{provider} did not answer in time; the SMS may or may not have been sent."));
        }
        catch (HttpRequestException e)
        {
            return (0, null, SendResult.Transient("ConnectionFailed", $"{provider} could not be reached: {e.Message}"));
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            try
            {
                var document = JsonDocument.Parse(text);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                    return (response.StatusCode, document, null);
                document.Dispose();
            }
            catch (JsonException)
            {
            }
            var status = (int)response.StatusCode;
            var transient = status is 408 or 429 or >= 500;
            return (response.StatusCode, null, SendResult.Failed(transient, $"Http{status}",
                $"{provider} answered HTTP {status} without a JSON body: {Truncate(text, 200)}"));
        }
    }

    public static string? GetString(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}
