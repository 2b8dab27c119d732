using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflows.Host.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class DistrictRegisters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeactivatedAt",
                table: "Units",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeactivatedAt",
                table: "PropertyCompanies",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingDeadline",
                table: "OfficerTasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Classification",
                table: "Compounds",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeactivatedAt",
                table: "Compounds",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "OldCompound",
                table: "Compounds",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Compounds",
                type: "character varying(24)",
                maxLength: 24,
                nullable: false,
                defaultValue: "Managed");

            migrationBuilder.AddColumn<string>(
                name: "Chair",
                table: "Committees",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "HolidayYears",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    DocumentJson = table.Column<string>(type: "TEXT", nullable: false),
                    NoticeNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    NoticeDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Unofficial = table.Column<bool>(type: "boolean", nullable: false),
                    EnteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EnteredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HolidayYears", x => x.Year);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HolidayYears_Version",
                table: "HolidayYears",
                column: "Version",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HolidayYears");

            migrationBuilder.DropColumn(
                name: "DeactivatedAt",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "DeactivatedAt",
                table: "PropertyCompanies");

            migrationBuilder.DropColumn(
                name: "PendingDeadline",
                table: "OfficerTasks");

            migrationBuilder.DropColumn(
                name: "Classification",
                table: "Compounds");

            migrationBuilder.DropColumn(
                name: "DeactivatedAt",
                table: "Compounds");

            migrationBuilder.DropColumn(
                name: "OldCompound",
                table: "Compounds");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Compounds");

            migrationBuilder.DropColumn(
                name: "Chair",
                table: "Committees");
        }
    }
}
