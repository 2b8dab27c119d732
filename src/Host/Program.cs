using Workflows.Host.Studio;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddStudio(builder.Configuration);
var app = builder.Build();
app.MapGet("/health", () => Results.Ok());
app.MapStudio();
app.Run();
