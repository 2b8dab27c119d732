using Workflows.Host.District.Committees;
using Workflows.Host.District.Companies;
using Workflows.Host.District.Compounds;
using Workflows.Host.District.Excel;
using Workflows.Host.District.Units;
using Workflows.Host.Security;

namespace Workflows.Host.District;

/// <summary>
/// Putting a district into service: the admin's registers of units, compounds, property companies and committees
/// (<c>/api/district</c>), every change audited.
/// </summary>
public static class DistrictSetup
{
    public static IServiceCollection AddDistrictAdministration(this IServiceCollection services)
    {
        services.AddScoped<DistrictAdministration>();
        services.AddScoped<UnitRegister>();
        services.AddScoped<CompoundRegister>();
        services.AddScoped<CompanyRegister>();
        services.AddScoped<CommitteeRegister>();
        return services;
    }

    public static IEndpointRouteBuilder MapDistrictAdministration(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/district")
            .RequireAuthorization(Policies.Admin)
            .WithTags("辖区管理 / District")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .MapUnitRegister()
            .MapCompoundRegister()
            .MapCompanyRegister()
            .MapCommitteeRegister()
            .MapDistrictExport();
        return app;
    }
}
