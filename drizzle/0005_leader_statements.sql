-- A pulse may ask about each leader by name. (drizzle-kit left out the ON DELETE clause.)
ALTER TABLE `pulse_items` ADD `leader_id` text REFERENCES users(id) ON DELETE set null;
