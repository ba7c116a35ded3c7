/**
 * What the benchmarks share: starting and stopping the production server and helper processes,
 * plain HTTP requests on loopback, a worker pool, percentiles, a process's memory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
export const HOST = '127.0.0.1';
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function percentiles(samples: number[]) {
	const s = Float64Array.from(samples).sort();
	const at = (p: number) =>
		s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
	return {
		n: s.length,
		p50: at(50),
		p95: at(95),
		p99: at(99),
		max: s.length ? s[s.length - 1] : NaN
	};
}

export async function freePort(): Promise<number> {
	const server = http.createServer();
	await new Promise<void>((r) => server.listen(0, HOST, r));
	const { port } = server.address() as AddressInfo;
	await new Promise((r) => server.close(r));
	return port;
}

export function memoryOf(pid: number) {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
	return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

export interface Reply {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: string;
}

export function send(
	port: number,
	agent: http.Agent,
	method: string,
	path: string,
	headers: Record<string, string>,
	body?: string
): Promise<Reply> {
	return new Promise((resolveReply, reject) => {
		const req = http.request(
			{
				host: HOST,
				port,
				method,
				path,
				agent,
				headers:
					body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) }
			},
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (c: string) => (text += c));
				res.on('end', () =>
					resolveReply({ status: res.statusCode ?? 0, headers: res.headers, body: text })
				);
				res.on('error', reject);
			}
		);
		req.on('error', reject);
		req.end(body);
	});
}

/** Runs `task(i)` for i < n with at most `limit` at a time. */
export async function pool(n: number, limit: number, task: (i: number) => Promise<void>) {
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(limit, n) }, async () => {
			while (next < n) await task(next++);
		})
	);
}

/** Processes started and not yet exited (killed when a benchmark gives up). */
export const children = new Set<ChildProcess>();

export async function startProcess(command: string[], env: Record<string, string>, ready: RegExp) {
	const child = spawn(process.execPath, command, {
		cwd: ROOT,
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	children.add(child);
	child.once('exit', () => children.delete(child));
	let output = '';
	await new Promise<void>((resolveStart, reject) => {
		const timer = setTimeout(() => reject(new Error(`no start within 30 s:\n${output}`)), 30_000);
		const check = (chunk: Buffer) => {
			output += chunk.toString();
			if (ready.test(output)) {
				clearTimeout(timer);
				resolveStart();
			}
		};
		child.stdout!.on('data', check);
		child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
		child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
	});
	child.stdout!.removeAllListeners('data');
	child.stdout!.resume();
	return child;
}

export async function stop(child: ChildProcess | null) {
	if (!child || child.exitCode !== null) return;
	const exited = new Promise((r) => child.once('exit', r));
	child.kill('SIGTERM');
	await Promise.race([exited, sleep(8000)]);
	if (child.exitCode === null && child.signalCode === null) {
		console.error(`process ${child.pid} did not stop within 8 s; killed`);
		child.kill('SIGKILL');
	}
}

/**
 * Each device's own address, sent as X-Forwarded-For (the server runs with ADDRESS_HEADER):
 * N phones are N addresses, so the limits per address (src/lib/server/live/limits.ts) are
 * each device's, as in a real room, while every request still pays for checking them.
 */
export const deviceAddress = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
