using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflows.Host.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HardeningOnePendingExtension : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Databases from before this index may hold several pending requests for one task (the probe made three):
            // the earliest stays pending, the later ones are denied with a note, so the unique index can be created.
            migrationBuilder.Sql("""
                UPDATE "TaskExtensions" SET "Status" = 'Denied', "DecidedBy" = 'system',
                    "DecisionNote" = '系统：同一任务同时有多个待审批的延期申请，仅保留最早的一个。'
                WHERE "Status" = 'Pending' AND EXISTS (
                    SELECT 1 FROM "TaskExtensions" AS "Earlier"
                    WHERE "Earlier"."TaskId" = "TaskExtensions"."TaskId" AND "Earlier"."Status" = 'Pending'
                      AND ("Earlier"."RequestedAt" < "TaskExtensions"."RequestedAt"
                           OR ("Earlier"."RequestedAt" = "TaskExtensions"."RequestedAt" AND "Earlier"."Id" < "TaskExtensions"."Id")))
                """);

            migrationBuilder.CreateIndex(
                name: "IX_TaskExtensions_OnePendingPerTask",
                table: "TaskExtensions",
                column: "TaskId",
                unique: true,
                filter: "\"Status\" = 'Pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TaskExtensions_OnePendingPerTask",
                table: "TaskExtensions");
        }
    }
}
