using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflows.Host.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DistrictRegisters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DeactivatedAt",
                table: "Units",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DeactivatedAt",
                table: "PropertyCompanies",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingDeadline",
                table: "OfficerTasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Classification",
                table: "Compounds",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DeactivatedAt",
                table: "Compounds",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "OldCompound",
                table: "Compounds",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Compounds",
                type: "TEXT",
                maxLength: 24,
                nullable: false,
                defaultValue: "Managed");

            migrationBuilder.AddColumn<string>(
                name: "Chair",
                table: "Committees",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "HolidayYears",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    DocumentJson = table.Column<string>(type: "TEXT", nullable: false),
                    NoticeNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    NoticeDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Unofficial = table.Column<bool>(type: "INTEGER", nullable: false),
                    EnteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
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
