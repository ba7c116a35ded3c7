-- The language of content (issue 12): a team's content language (set by an owner), and the
-- language a workshop or pulse was created in. Template texts are written in it and the
-- participant's pages are shown in it unless the participant chose a language.
-- Existing rows: English, unless the content says otherwise. A workshop is Dutch when one of its
-- activities has the title a Dutch template or the Dutch "add activity" path gave it; a pulse is
-- Dutch when its open question is the Dutch default; a team takes the language of its most
-- recently created workshop or pulse.
ALTER TABLE `teams` ADD `language` text DEFAULT 'en' NOT NULL;
--> statement-breakpoint
ALTER TABLE `workshops` ADD `language` text DEFAULT 'en' NOT NULL;
--> statement-breakpoint
ALTER TABLE `pulses` ADD `language` text DEFAULT 'en' NOT NULL;
--> statement-breakpoint
UPDATE `workshops` SET `language` = 'nl' WHERE EXISTS (
	SELECT 1 FROM `activities` a WHERE a.`workshop_id` = `workshops`.`id` AND a.`title` IN (
		'Terugblik: onze afspraken sinds de vorige workshop',
		'Wat we zeggen dat we zijn',
		'Wat er echt gebeurt',
		'Gezegd en gedaan',
		'Wat onze strategie nodig heeft',
		'Hoe het eruitziet',
		'Waar de grens ligt',
		'Gewoontes die rituelen worden',
		'Signalen die ons tegenspreken',
		'Veilig om iets te zeggen',
		'Luister naar de buitenstaanders',
		'Het goede voorbeeld geven',
		'Wat ons vandaag echt drijft',
		'Vandaag en waar we moeten staan',
		'Waar onze energie naartoe moet',
		'Het grootste verschil',
		'Onze eerste stappen',
		'Kaartjes verzamelen',
		'Waarden beoordelen',
		'Stippen stemmen',
		'100 punten verdelen',
		'Stem van de buitenstaander',
		'Afspraken',
		'Gesprek'
	)
);
--> statement-breakpoint
UPDATE `pulses` SET `language` = 'nl'
WHERE `open_question` = 'Wat werkt, wat niet, en wat zou jij veranderen?';
--> statement-breakpoint
UPDATE `teams` SET `language` = coalesce((
	SELECT `language` FROM (
		SELECT `language`, `created_at` FROM `workshops` WHERE `team_id` = `teams`.`id`
		UNION ALL
		SELECT `language`, `created_at` FROM `pulses` WHERE `team_id` = `teams`.`id`
	) ORDER BY `created_at` DESC LIMIT 1
), 'en');
