using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Workflows.Host.Http;

/// <summary>
/// Bounds and checks request bodies before any endpoint reads them. <see cref="LimitSize"/> (first in the
/// pipeline) gives every request its route's size limit: Kestrel enforces it on the stream, and a declared
/// Content-Length over it is answered 413 at once. <see cref="CheckJson"/> (after authorization) reads a JSON
/// body once through <see cref="Utf8JsonReader"/> and refuses, naming the field, what would otherwise fail
/// deep inside a handler: broken syntax, nesting deeper than <see cref="MaxDepth"/>, invalid UTF-8 and lone
/// surrogates (text that cannot be stored or sent on). The endpoint then reads the same bytes.
/// </summary>
internal static class RequestBodyGuard
{
    /// <summary>System.Text.Json's own default: the deepest body any endpoint accepts.</summary>
    public const int MaxDepth = 64;

    public static IApplicationBuilder UseRequestSizeLimits(this IApplicationBuilder app) => app.Use(LimitSize);

    public static IApplicationBuilder UseJsonBodyCheck(this IApplicationBuilder app) => app.Use(CheckJson);

    private static Task LimitSize(HttpContext context, RequestDelegate next)
    {
        var limit = context.RequestServices.GetRequiredService<IOptions<RequestLimitsOptions>>().Value.LimitFor(context.Request);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = limit;
        if (context.Request.ContentLength > limit)
            return RequestProblems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "body", RequestProblems.TooLarge(context, limit));
        return next(context);
    }

    private static async Task CheckJson(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (!IsJson(request) || request.ContentLength == 0 || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            await next(context);
            return;
        }
        var limit = context.RequestServices.GetRequiredService<IOptions<RequestLimitsOptions>>().Value.LimitFor(request);
        var body = new MemoryStream();
        context.Response.RegisterForDispose(body);
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            if (body.Length + read > limit)
            {
                await RequestProblems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "body", RequestProblems.TooLarge(context, limit));
                return;
            }
            body.Write(buffer, 0, read);
        }
        if (body.Length > 0 && Check(context, body.GetBuffer().AsSpan(0, (int)body.Length)) is { } problem)
        {
            await RequestProblems.WriteAsync(context, StatusCodes.Status400BadRequest, problem.Field, problem.Reason);
            return;
        }
        body.Position = 0;
        request.Body = body;
        await next(context);
    }

    private static bool IsJson(HttpRequest request) =>
        request.ContentType is { } type
        && (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || type.Split(';')[0].Trim().EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads every token; every property name and string is decoded, which is where bad text shows.</summary>
    private static (string Field, string Reason)? Check(HttpContext context, ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth });
        var path = new JsonPathTracker();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        path.Property(reader.GetString()!);
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        path.Enter(reader.TokenType == JsonTokenType.StartArray);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.Leave();
                        break;
                    case JsonTokenType.String:
                        path.Value();
                        reader.GetString();
                        break;
                    default:
                        path.Value();
                        break;
                }
            }
            return null;
        }
        catch (JsonException exception)
        {
            // Broken syntax is about the body as a whole (the position says where); too deep or bad text about a field.
            var field = RequestProblems.IsSyntaxError(exception) ? "body" : path.Current;
            return (field, RequestProblems.JsonReason(context, exception, field));
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader.GetString: invalid UTF-8 or an escaped lone surrogate (\ud800) in a name or a string.
            var field = path.Current;
            return (field, RequestProblems.InvalidText(context, field));
        }
    }

    /// <summary>The path of the token being read (<c>input.names[2]</c>), to name the field at fault.</summary>
    private sealed class JsonPathTracker
    {
        private readonly List<Frame> _frames = [];

        private sealed class Frame(bool isArray)
        {
            public bool IsArray { get; } = isArray;
            public int Index { get; set; } = -1;
            public string? Property { get; set; }
        }

        public string Current
        {
            get
            {
                var text = new System.Text.StringBuilder();
                foreach (var frame in _frames)
                {
                    if (frame.IsArray && frame.Index >= 0) text.Append('[').Append(frame.Index).Append(']');
                    else if (!frame.IsArray && frame.Property is not null) text.Append(text.Length > 0 ? "." : "").Append(frame.Property);
                }
                return text.Length == 0 ? "body" : text.ToString();
            }
        }

        public void Property(string name)
        {
            if (_frames.Count > 0) _frames[^1].Property = name;
        }

        public void Value()
        {
            if (_frames.Count > 0 && _frames[^1].IsArray) _frames[^1].Index++;
        }

        public void Enter(bool isArray)
        {
            Value();
            _frames.Add(new Frame(isArray));
        }

        public void Leave()
        {
            if (_frames.Count > 0) _frames.RemoveAt(_frames.Count - 1);
        }
    }
}
