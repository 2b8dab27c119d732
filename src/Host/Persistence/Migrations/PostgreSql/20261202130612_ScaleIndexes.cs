using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflows.Host.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ScaleIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_DefinitionId",
                table: "WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_Status_SubStatus",
                table: "WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_OfficerTasks_UnitId_Status",
                table: "OfficerTasks");

            migrationBuilder.DropIndex(
                name: "IX_Cases_CompoundId",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_DefinitionId_CreatedAt",
                table: "WorkflowInstances",
                columns: new[] { "DefinitionId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_DefinitionVersionId",
                table: "WorkflowInstances",
                column: "DefinitionVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_Name",
                table: "WorkflowInstances",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_Status_SubStatus_CreatedAt",
                table: "WorkflowInstances",
                columns: new[] { "Status", "SubStatus", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OfficerTasks_CompoundId",
                table: "OfficerTasks",
                column: "CompoundId");

            migrationBuilder.CreateIndex(
                name: "IX_OfficerTasks_UnitId_Status_CompletedAt",
                table: "OfficerTasks",
                columns: new[] { "UnitId", "Status", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OfficerTasks_UnitId_Status_DueAt",
                table: "OfficerTasks",
                columns: new[] { "UnitId", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Compounds_DistrictId",
                table: "Compounds",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CompoundId_StartedAt",
                table: "Cases",
                columns: new[] { "CompoundId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Procedure_StartedAt",
                table: "Cases",
                columns: new[] { "Procedure", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Title",
                table: "Cases",
                column: "Title");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_DefinitionId_CreatedAt",
                table: "WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_DefinitionVersionId",
                table: "WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_Name",
                table: "WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_Status_SubStatus_CreatedAt",
                table: "WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_OfficerTasks_CompoundId",
                table: "OfficerTasks");

            migrationBuilder.DropIndex(
                name: "IX_OfficerTasks_UnitId_Status_CompletedAt",
                table: "OfficerTasks");

            migrationBuilder.DropIndex(
                name: "IX_OfficerTasks_UnitId_Status_DueAt",
                table: "OfficerTasks");

            migrationBuilder.DropIndex(
                name: "IX_Compounds_DistrictId",
                table: "Compounds");

            migrationBuilder.DropIndex(
                name: "IX_Cases_CompoundId_StartedAt",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Procedure_StartedAt",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Title",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_DefinitionId",
                table: "WorkflowInstances",
                column: "DefinitionId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_Status_SubStatus",
                table: "WorkflowInstances",
                columns: new[] { "Status", "SubStatus" });

            migrationBuilder.CreateIndex(
                name: "IX_OfficerTasks_UnitId_Status",
                table: "OfficerTasks",
                columns: new[] { "UnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CompoundId",
                table: "Cases",
                column: "CompoundId");
        }
    }
}
