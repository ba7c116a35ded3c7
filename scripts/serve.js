// Starts the production build with defaults that work on a fresh machine: the embedded
// database under ./data and http://localhost:3000. Every default yields to the environment.
process.env.PORT ||= '3000';
process.env.HOST ||= '0.0.0.0';
// adapter-node refuses form posts whose Origin it cannot check; tell it where we live.
process.env.ORIGIN ||= `http://localhost:${process.env.PORT}`;
process.env.DATABASE_URL ||= 'file:./data/undercurrent.db';

await import('../build/index.js');
console.log(
	`Undercurrent is listening on ${process.env.ORIGIN} (database: ${process.env.DATABASE_URL.startsWith('file:') ? process.env.DATABASE_URL : 'remote libsql'})`
);
