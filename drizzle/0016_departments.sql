-- Departments (or sites) of an organisation (issue 15): an owner names them and puts each team
-- in at most one; the organisation's dashboard groups its teams by them. Deleting a department
-- leaves its teams without one.
CREATE TABLE `departments` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `departments_org_name_key` ON `departments` (`org_id`,`name_key`);
--> statement-breakpoint
ALTER TABLE `teams` ADD `department_id` text REFERENCES departments(id) ON DELETE set null;
--> statement-breakpoint
CREATE INDEX `teams_department_idx` ON `teams` (`department_id`);
